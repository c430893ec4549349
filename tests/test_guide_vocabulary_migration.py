"""Migrating a site from before the guide's renames (`Choice` → `Answer`, `ChoiceWeight` →
`AnswerWeight`, `Trait` → `ComparisonCell`) keeps every role's abilities, every user's own
grants, the seeder's memory and the pending changes: the migrations rename rows, never
re-create them."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from .admin_roles import group_for

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("services", "0017_pending_change_contributors")]
AFTER = [("services", "0019_guide_vocabulary_permissions_and_bookkeeping")]
RENAMED = {
    "choice": "answer",
    "choiceweight": "answerweight",
    "trait": "comparisoncell",
    "historicalchoice": "historicalanswer",
    "historicalchoiceweight": "historicalanswerweight",
    "historicaltrait": "historicalcomparisoncell",
}


def migrate(targets):
    """Migrate the test database to `targets` as `manage.py migrate` does (its signals rename
    the content types); returns the models as they are there."""
    ((app, name),) = targets
    call_command("migrate", app, name, verbosity=0)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.fixture
def back_to_the_latest_schema():
    """Whatever happens, the database ends on the latest migration (pytest-django empties
    its tables after the test)."""
    yield
    call_command("migrate", "services", verbosity=0)


def renamed(codename):
    action, _, model = codename.partition("_")
    return f"{action}_{RENAMED.get(model, model)}"


def grants(apps):
    """{group name: sorted codenames}, and one user's own codenames."""
    Group = apps.get_model("auth", "Group")
    User = apps.get_model("auth", "User")
    roles = {
        group.name: sorted(group.permissions.values_list("codename", flat=True))
        for group in Group.objects.all()
    }
    user = User.objects.get(username="someone")
    return roles, sorted(user.user_permissions.values_list("codename", flat=True))


def test_roles_users_seed_records_and_pending_changes_survive_the_renames(
    back_to_the_latest_schema,
):
    # The real guide (questions, answers, weights) written by today's code, then taken back to
    # the schema before the renames. Seeded here: a transactional test cannot count on rows
    # another test left behind.
    call_command("seed_content", verbosity=0)
    for role in ("editor", "reviewer", "viewer"):
        group_for(role)  # the migrations' groups, rebuilt if an earlier test emptied the tables
    old = migrate(BEFORE)
    Permission = old.get_model("auth", "Permission")
    ContentType = old.get_model("contenttypes", "ContentType")
    user = old.get_model("auth", "User").objects.create(username="someone")
    user.user_permissions.add(
        Permission.objects.get(content_type__model="choice", codename="change_choice"),
        Permission.objects.get(content_type__model="trait", codename="view_trait"),
    )
    Choice = old.get_model("services", "Choice")
    weight = old.get_model("services", "ChoiceWeight").objects.first()
    other = Choice.objects.exclude(pk=weight.choice_id).first()
    weight_type = ContentType.objects.get(app_label="services", model="choiceweight")
    old.get_model("services", "PendingChange").objects.create(
        content_type=weight_type,
        object_id=weight.pk,
        values={"choice_id": other.pk, "weight": 2},
        base={"choice_id": weight.choice_id, "weight": weight.weight},
    )
    SeedRecord = old.get_model("services", "SeedRecord")
    remembered = SeedRecord.objects.filter(model="services.choice").count()
    roles_before, own_before = grants(old)
    assert {"Éditeur / Editor", "Réviseur / Reviewer", "Lecture seule / View only"} <= set(
        roles_before
    )
    assert "change_choice" in roles_before["Éditeur / Editor"]

    new = migrate(AFTER)
    roles_after, own_after = grants(new)
    assert roles_after == {name: sorted(map(renamed, c)) for name, c in roles_before.items()}
    assert own_after == sorted(map(renamed, own_before)) == ["change_answer", "view_comparisoncell"]
    Permission = new.get_model("auth", "Permission")
    assert not Permission.objects.filter(codename__regex=r"_(choice|choiceweight|trait)$")
    # The same content type row, renamed: what pointed to it still does.
    (change,) = new.get_model("services", "PendingChange").objects.all()
    assert change.content_type_id == weight_type.pk
    assert change.content_type.model == "answerweight"
    assert change.values == {"answer_id": other.pk, "weight": 2}
    assert change.base == {"answer_id": weight.choice_id, "weight": weight.weight}
    SeedRecord = new.get_model("services", "SeedRecord")
    assert remembered > 0
    assert SeedRecord.objects.filter(model="services.answer").count() == remembered
    assert not SeedRecord.objects.filter(model__in=["services.choice", "services.trait"])
