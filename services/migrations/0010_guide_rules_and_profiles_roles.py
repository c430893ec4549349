"""Editors and Reviewers edit the guide's safety rules and reviewed profiles; the View-only
role reads them, and the regions too. The role matrix: services/editorial/roles.py and docs/roles.md."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = "Éditeur / Editor"
REVIEWER = "Réviseur / Reviewer"
VIEWER = "Lecture seule / View only"
EDITED = ["answerrule", "reviewedprofile"]
READ = [*EDITED, "region", "accesspoint"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    services = Permission.objects.filter(content_type__app_label="services")
    edit = list(
        services.filter(content_type__model__in=EDITED, codename__regex=r"^(add|change|delete|view)_")
    )
    read = list(services.filter(content_type__model__in=READ, codename__startswith="view_"))
    for name, permissions in ((EDITOR, edit), (REVIEWER, edit), (VIEWER, read)):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="services", content_type__model__in=EDITED
    )
    for group in apps.get_model("auth", "Group").objects.filter(
        name__in=[EDITOR, REVIEWER, VIEWER]
    ):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("services", "0009_review_dates_and_bounded_notes_everywhere")]

    operations = [migrations.RunPython(grant, revoke)]
