"""After the renames of the previous migration: what names the old models by text follows.

- Permissions: `change_choice` becomes `change_answer` (and every other action, for answers,
  weights, comparison cells and their history tables). The same permission rows are renamed,
  so every role (Editor, Reviewer, View only) and every user keeps exactly the grants it had.
  If Django already created a permission under the new name, the grants of the old one move
  to it and the old one is deleted.
- `SeedRecord.model` (`services.choice` → `services.answer`…), so that `seed_content` still
  knows what it wrote and keeps leaving editors' changes alone.
- Pending changes to weights and rules propose `answer_id`, no longer `choice_id`.

Self-contained (historical models only), reversible."""

from django.db import migrations

RENAMED = {
    "choice": "answer",
    "choiceweight": "answerweight",
    "trait": "comparisoncell",
    "historicalchoice": "historicalanswer",
    "historicalchoiceweight": "historicalanswerweight",
    "historicaltrait": "historicalcomparisoncell",
}
# Models whose `choice` link became `answer` (pending changes name it by field or column).
LINKED = ("answerweight", "answerrule")
FIELDS = {"choice": "answer", "choice_id": "answer_id"}


def rename_permissions(apps, renamed):
    Permission = apps.get_model("auth", "Permission")
    for old, new in renamed.items():
        for permission in Permission.objects.filter(
            content_type__app_label="services", codename__endswith=f"_{old}"
        ):
            action = permission.codename[: -len(old) - 1]
            codename = f"{action}_{new}"
            existing = Permission.objects.filter(
                content_type=permission.content_type, codename=codename
            ).first()
            if existing is None:
                permission.codename = codename
                permission.save(update_fields=["codename"])
                continue
            for group in permission.group_set.all():
                group.permissions.add(existing)
            for user in permission.user_set.all():
                user.user_permissions.add(existing)
            permission.delete()


def rename_bookkeeping(apps, renamed, fields):
    SeedRecord = apps.get_model("services", "SeedRecord")
    for old, new in renamed.items():
        SeedRecord.objects.filter(model=f"services.{old}").update(model=f"services.{new}")
    PendingChange = apps.get_model("services", "PendingChange")
    linked = PendingChange.objects.filter(
        content_type__app_label="services", content_type__model__in=LINKED
    )
    for change in linked:
        change.values = {fields.get(key, key): value for key, value in change.values.items()}
        change.base = {fields.get(key, key): value for key, value in change.base.items()}
        change.save(update_fields=["values", "base"])


def forwards(apps, schema_editor):
    rename_permissions(apps, RENAMED)
    rename_bookkeeping(apps, RENAMED, FIELDS)


def backwards(apps, schema_editor):
    rename_permissions(apps, {new: old for old, new in RENAMED.items()})
    rename_bookkeeping(
        apps,
        {new: old for old, new in RENAMED.items()},
        {new: old for old, new in FIELDS.items()},
    )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("services", "0018_guide_vocabulary_answers_and_comparison_cells"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
