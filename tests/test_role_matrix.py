"""Every admin URL and action, as every role: exactly what the role matrix says.

The matrix is services/editorial/roles.py (rendered as docs/roles.md). Each test derives its
expected
status from `roles.allowed(role, act)`, never from a list typed here.
"""

import datetime
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory
from django.urls import reverse

from services.editorial import roles
from services.editorial.pending import changes
from services.models import Answer, GlossaryTerm, Intervention, Page, PendingChange, Question

from .admin_forms import current_form_data
from .admin_roles import client_for

pytestmark = pytest.mark.django_db

ROLES = list(roles.ROLES)
CONTENT = [model for model in admin.site._registry if roles.is_content(model)]
# Pending changes are not content, nor accounts: their own tests below (four eyes, issue 18).
NOT_CONTENT = [
    model
    for model in admin.site._registry
    if not roles.is_content(model) and model is not PendingChange
]


def url(model, view, *args):
    meta = model._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=args)


def status(allowed):
    return 200 if allowed else 403


def live_object(model):
    """A live row nothing protects (the guide's rules protect the help lines they name)."""

    def protected(obj):
        rules = getattr(obj, "guide_rules", None)
        return rules is not None and rules.exists()

    return next(obj for obj in model.objects.all() if roles.is_live(obj) and not protected(obj))


def superuser_request():
    request = RequestFactory().get("/admin/")
    request.user = User(is_superuser=True, is_staff=True, is_active=True)
    return request


def ids(model):
    return model._meta.model_name


@pytest.fixture(params=ROLES)
def role(request, django_user_model):
    return request.param, client_for(request.param)


def test_docs_table_is_rendered_from_the_matrix():
    text = (Path(settings.BASE_DIR) / "docs" / "roles.md").read_text()
    assert roles.markdown_table() in text


def test_every_content_admin_is_in_the_matrix():
    # A new area is covered by the same rules: every content model is tested below.
    assert {m._meta.model_name for m in CONTENT} >= {
        "intervention", "page", "criterion", "comparisoncell", "resource", "glossaryterm", "source",
        "question", "answer", "answerweight",
    }  # fmt: skip


@pytest.mark.parametrize("model", CONTENT, ids=ids)
def test_list_open_and_history(role, model):
    name, client = role
    expected = status(roles.allowed(name, "list and open content"))
    obj = model.objects.first()
    assert client.get(url(model, "changelist")).status_code == expected
    assert client.get(url(model, "change", obj.pk)).status_code == expected
    history = status(roles.allowed(name, "open the history of an object"))
    assert client.get(url(model, "history", obj.pk)).status_code == history
    version = obj.history.first()
    if version is not None:
        revert = client.get(url(model, "simple_history", obj.pk, version.history_id))
        assert revert.status_code == history


@pytest.mark.parametrize("model", CONTENT, ids=ids)
def test_add(role, model, admin_client):
    name, client = role
    # Some lists are the site's structure (the pages): nobody adds to them, not even a superuser.
    addable = admin_client.get(url(model, "add")).status_code == 200
    allowed = addable and roles.allowed(name, "add content (a draft, for what has a draft state)")
    assert client.get(url(model, "add")).status_code == status(allowed)


def live_object_deletable_by(name, model):
    """(a live row of `model`, whether the role `name` may delete it): what the matrix allows,
    where the admin lets anyone delete it at all (a superuser may)."""
    obj = live_object(model)
    deletable = admin.site._registry[model].has_delete_permission(superuser_request(), obj)
    allowed = deletable and roles.allowed(name, "delete live content (form, bulk action, inline)")
    return obj, allowed


@pytest.mark.parametrize("model", CONTENT, ids=ids)
def test_delete_live_content(role, model):
    name, client = role
    obj, allowed = live_object_deletable_by(name, model)
    expected = status(allowed)
    assert client.get(url(model, "delete", obj.pk)).status_code == expected
    response = client.post(url(model, "delete", obj.pk), {"post": "yes"})
    assert response.status_code == (302 if expected == 200 else 403)
    assert model.objects.filter(pk=obj.pk).exists() == (expected != 200)


@pytest.mark.parametrize("model", CONTENT, ids=ids)
def test_bulk_delete_of_live_content(role, model):
    name, client = role
    obj, allowed = live_object_deletable_by(name, model)
    client.post(
        url(model, "changelist"),
        {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"},
    )
    assert model.objects.filter(pk=obj.pk).exists() != allowed


def test_delete_a_draft(role):
    name, client = role
    draft = Intervention.objects.get(key="coaching")
    draft.status = Intervention.Status.DRAFT
    draft.save()
    expected = status(
        roles.allowed(name, "delete content that is not live (a draft and its parts)")
    )
    assert client.get(url(Intervention, "delete", draft.pk)).status_code == expected


@pytest.mark.parametrize("model", CONTENT, ids=ids)
def test_change(role, model, admin_client):
    name, client = role
    obj = live_object(model)
    data = current_form_data(admin_client.get(url(model, "change", obj.pk)))
    response = client.post(url(model, "change", obj.pk), data)
    allowed = roles.allowed(name, "change content's words, order and sources")
    if allowed:
        assert response.status_code == 302, response.context["adminform"].form.errors
    else:
        assert response.status_code == 403


def test_publish_and_unpublish_actions(role):
    name, client = role
    allowed = roles.allowed(name, "publish or unpublish (form, bulk action, revert)")
    crisis = Intervention.objects.get(key="crisis")
    client.post(
        url(Intervention, "changelist"), {"action": "unpublish", "_selected_action": [crisis.pk]}
    )
    crisis.refresh_from_db()
    assert crisis.is_published != allowed


@pytest.mark.parametrize("model", [Intervention, Question], ids=ids)
def test_publication_field_is_the_reviewers(role, model):
    name, client = role
    obj = live_object(model)
    response = client.get(url(model, "change", obj.pk))
    if response.status_code == 200:
        field = roles.publication(model).field
        editable = field in response.context["adminform"].form.fields
        assert editable == roles.allowed(name, "publish or unpublish (form, bulk action, revert)")


def test_review_fields_are_the_reviewers(role):
    name, client = role
    response = client.get(url(Intervention, "change", Intervention.objects.first().pk))
    if response.status_code == 200:
        fields = response.context["adminform"].form.fields
        present = {f for f in fields if f.startswith(roles.REVIEW_FIELDS)}
        if roles.allowed(name, "set who reviewed a page and when"):
            assert {"last_reviewed", "reviewer_name", "reviewer_profession_fr"} <= present
        else:
            assert present == set()


@pytest.mark.parametrize("model", [Intervention, Question], ids=ids)
def test_reorder(role, model):
    name, client = role
    rows = list(model.objects.order_by("order"))
    moved = [[rows[0].pk, rows[1].order], [rows[1].pk, rows[0].order]]
    response = client.post(
        url(model, "sortable_update"), {"updatedItems": moved}, content_type="application/json"
    )
    assert response.status_code == status(roles.allowed(name, "reorder by drag and drop"))


def test_inline_delete_of_a_live_questions_answer(role, admin_client):
    name, client = role
    question = Question.objects.get(key="duration")
    data = current_form_data(admin_client.get(url(Question, "change", question.pk)))
    data["answers-2-DELETE"] = "on"
    client.post(url(Question, "change", question.pk), data)
    allowed = roles.allowed(name, "delete live content (form, bulk action, inline)")
    assert question.answers.count() == (2 if allowed else 3)


@pytest.mark.parametrize("model", NOT_CONTENT, ids=lambda m: m._meta.label_lower)
def test_users_groups_and_devices(role, model):
    name, client = role
    expected = status(roles.allowed(name, "manage users, groups and devices"))
    assert client.get(url(model, "changelist")).status_code == expected


def test_home_and_its_panels(role):
    name, client = role
    draft = Intervention.objects.get(key="coaching")
    draft.status = Intervention.Status.DRAFT
    draft.name_en = "A draft's secret name"
    draft.cost_en = ""  # a translation gap, listed on the home page
    draft.save()
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200  # every staff member reaches the home page
    sees = "A draft&#x27;s secret name" in response.content.decode()
    assert sees == roles.allowed(name, "see the admin home and its panels' content")


def test_view_on_site(role):
    name, client = role
    draft = Intervention.objects.get(key="coaching")
    draft.status = Intervention.Status.DRAFT
    draft.save()
    content_type = ContentType.objects.get_for_model(Intervention)
    response = client.get(reverse("admin:view_on_site", args=[content_type.pk, draft.pk]))
    assert response.status_code == (302 if roles.allowed(name, "list and open content") else 404)


def test_revert_posts(role, admin_client):
    name, client = role
    answer = Answer.objects.get(question__key="situation", key="grief")
    version = answer.history.order_by("history_date").first()
    revert = url(Answer, "simple_history", answer.pk, version.history_id)
    data = current_form_data(admin_client.get(revert))
    response = client.post(revert, data)
    allowed = roles.allowed(name, "revert to an earlier version (within the rules above)")
    assert response.status_code == (302 if allowed else 403)


@pytest.mark.parametrize("model", [Intervention, Page], ids=ids)
def test_mark_reviewed_action(role, model):
    name, client = role
    obj = model.objects.first()
    model.objects.filter(pk=obj.pk).update(last_reviewed=datetime.date(2020, 1, 1))
    client.post(url(model, "changelist"), {"action": "mark_reviewed", "_selected_action": [obj.pk]})
    obj.refresh_from_db()
    reviewed = obj.last_reviewed != datetime.date(2020, 1, 1)
    assert reviewed == roles.allowed(name, "set who reviewed a page and when")


def test_the_contents_app_page(role):
    name, client = role
    response = client.get(reverse("admin:app_list", args=["services"]))
    assert response.status_code == (200 if roles.allowed(name, "list and open content") else 404)


def propose_as_an_editor(django_user_model):
    """An open change to a glossary term, proposed by another account in the Editor role."""
    author = django_user_model.objects.create_user("author-editor", is_staff=True)
    author.groups.add(Group.objects.get(name=roles.EDITOR))
    term = GlossaryTerm.objects.first()
    term.definition_fr = term.definition_fr + " Proposé."
    return term, changes.propose(term, author)


def test_pending_changes_list_and_review(role, django_user_model):
    name, client = role
    _term, pending = propose_as_an_editor(django_user_model)
    expected = status(roles.allowed(name, "see changes waiting for review"))
    assert client.get(url(PendingChange, "changelist")).status_code == expected
    assert client.get(url(PendingChange, "change", pending.pk)).status_code == expected


def test_approve_a_pending_change(role, django_user_model):
    name, client = role
    term, pending = propose_as_an_editor(django_user_model)
    allowed = roles.allowed(name, "approve or send back a change waiting for review")
    response = client.post(url(PendingChange, "change", pending.pk), {"_approve": "1"})
    assert response.status_code == (302 if allowed else 403)
    term.refresh_from_db()
    assert term.definition_fr.endswith(" Proposé.") == allowed


def test_send_back_a_pending_change(role, django_user_model):
    name, client = role
    _term, pending = propose_as_an_editor(django_user_model)
    allowed = roles.allowed(name, "approve or send back a change waiting for review")
    client.post(url(PendingChange, "change", pending.pk), {"_send_back": "1", "comment": "Non."})
    pending.refresh_from_db()
    assert (pending.status == PendingChange.Status.SENT_BACK) == allowed


@pytest.mark.parametrize("model", CONTENT, ids=ids)
def test_an_editors_change_to_live_content_waits(role, model, admin_client):
    """Every content model: a changed field of a live object, saved by each role."""
    name, client = role
    if not roles.allowed(name, "change content's words, order and sources"):
        return
    obj = live_object(model)
    form = admin_client.get(url(model, "change", obj.pk))
    data = current_form_data(form)
    shown = form.context["adminform"].form.fields
    field = next(
        f for f in ("editor_note", "note", "title", "weight", "order", "text_fr") if f in shown
    )
    if field in ("weight", "order"):
        new = int(data[field]) + 1
    else:
        new = f"{data.get(field, '')} (modifié)".strip()
    data[field] = new
    response = client.post(url(model, "change", obj.pk), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    obj.refresh_from_db()
    waits = roles.allowed(name, "approve or send back a change waiting for review") is False
    assert (getattr(obj, field) == new) != waits
    assert PendingChange.objects.open().for_object(obj).exists() == waits
