"""The two roles practitioners get: editors change content; reviewers also publish and
mark pages as reviewed. Neither can manage users."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITOR = "Éditeur / Editor"
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
REVIEWER_ONLY = ["publish_intervention", "review_intervention", "review_page"]


def create_roles(apps, schema_editor):
    # Permissions are normally created after all migrations; the roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content = Permission.objects.filter(
        content_type__app_label="services",
        content_type__model__in=CONTENT_MODELS,
        codename__regex=r"^(add|change|delete|view)_",
    )
    editor, _ = Group.objects.get_or_create(name=EDITOR)
    editor.permissions.set(content)
    reviewer, _ = Group.objects.get_or_create(name=REVIEWER)
    reviewer.permissions.set(
        list(content) + list(Permission.objects.filter(codename__in=REVIEWER_ONLY))
    )


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITOR, REVIEWER]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("services", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
