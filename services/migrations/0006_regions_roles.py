"""Editors and reviewers edit regions and places to go; reviewers also mark regions verified."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = "Éditeur / Editor"
REVIEWER = "Réviseur / Reviewer"
MODELS = ["region", "accesspoint"]


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content = list(
        Permission.objects.filter(
            content_type__app_label="services",
            content_type__model__in=MODELS,
            codename__regex=r"^(add|change|delete|view)_",
        )
    )
    review = list(Permission.objects.filter(codename="review_region"))
    for name, permissions in ((EDITOR, content), (REVIEWER, content + review)):
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="services", content_type__model__in=MODELS
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, REVIEWER]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("services", "0005_regions_and_access_points")]

    operations = [migrations.RunPython(grant, revoke)]
