"""Publishing becomes one permission for every kind of content (`publish_content`, held by
Reviewers: it was `publish_intervention`), and a third role reads without changing anything.
The role matrix: services/editorial/roles.py and docs/roles.md."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

VIEWER = "Lecture seule / View only"
REVIEWER = "Réviseur / Reviewer"
CONTENT_MODELS = [
    "source",
    "intervention",
    "criterion",
    "trait",
    "resource",
    "glossaryterm",
    "page",
    "question",
    "choice",
    "choiceweight",
]


def forwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    old = Permission.objects.filter(
        content_type__app_label="services", codename="publish_intervention"
    ).first()
    if old is not None and not Permission.objects.filter(codename="publish_content").exists():
        old.codename = "publish_content"
        old.name = "Can publish, unpublish or delete published content"
        old.save()
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group.objects.get(name=REVIEWER).permissions.add(
        *Permission.objects.filter(content_type__app_label="services", codename="publish_content")
    )
    viewer, _created = Group.objects.get_or_create(name=VIEWER)
    viewer.permissions.set(
        Permission.objects.filter(
            content_type__app_label="services",
            content_type__model__in=CONTENT_MODELS,
            codename__startswith="view_",
        )
    )


def backwards(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Permission.objects.filter(codename="publish_content").update(codename="publish_intervention")
    apps.get_model("auth", "Group").objects.filter(name=VIEWER).delete()


class Migration(migrations.Migration):
    dependencies = [("services", "0007_admin_security_bounds_reviews_phones")]

    operations = [migrations.RunPython(forwards, backwards)]
