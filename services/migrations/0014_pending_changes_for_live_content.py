"""Changes to live content wait for a Reviewer (issue 18): the PendingChange model; Editors
and Reviewers see the list, Reviewers approve or send back (the change permission)."""

from django.contrib.auth.management import create_permissions

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


EDITOR = "Éditeur / Editor"
REVIEWER = "Réviseur / Reviewer"
GRANTS = {EDITOR: ["view_pendingchange"], REVIEWER: ["view_pendingchange", "change_pendingchange"]}


def grant(apps, schema_editor):
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, codenames in GRANTS.items():
        group = Group.objects.filter(name=name).first()
        if group is not None:
            group.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="services", codename__in=codenames
                )
            )


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="services", content_type__model="pendingchange"
    )
    for group in apps.get_model("auth", "Group").objects.filter(name__in=list(GRANTS)):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("services", "0013_access_point_phone_validated"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="PendingChange",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("object_id", models.PositiveBigIntegerField()),
                ("values", models.JSONField(default=dict, verbose_name="proposed values")),
                ("base", models.JSONField(default=dict, verbose_name="values live when proposed")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("pending", "Waiting for approval"),
                            ("sent_back", "Sent back to its author"),
                            ("approved", "Approved and published"),
                            ("withdrawn", "Withdrawn"),
                        ],
                        default="pending",
                        max_length=12,
                        verbose_name="status",
                    ),
                ),
                ("created", models.DateTimeField(auto_now_add=True, verbose_name="proposed on")),
                ("updated", models.DateTimeField(auto_now=True, verbose_name="last changed")),
                (
                    "reviewed",
                    models.DateTimeField(blank=True, null=True, verbose_name="reviewed on"),
                ),
                (
                    "comment",
                    models.TextField(
                        blank=True, max_length=2000, verbose_name="Reviewer's comment"
                    ),
                ),
                (
                    "author",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="proposed by",
                    ),
                ),
                (
                    "content_type",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, to="contenttypes.contenttype"
                    ),
                ),
                (
                    "reviewer",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="reviewed by",
                    ),
                ),
            ],
            options={
                "verbose_name": "pending change",
                "verbose_name_plural": "pending changes",
                "ordering": ["-updated"],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("status__in", ["pending", "sent_back"])),
                        fields=("content_type", "object_id"),
                        name="one_open_change_per_object",
                    )
                ],
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
