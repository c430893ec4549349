"""Every change an editor makes — drag and drop, bulk actions, deletes, imports — retires the
cached pages at once and is recorded in History (issue 13, item 5)."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from orientation_site.page_cache import content_version
from services.models import GlossaryTerm, Intervention, PendingChange, Resource, SeedRecord

from . import factories
from .admin_forms import current_form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_lines():
    """Two crisis lines, in this order, with their page (the help-lines page)."""
    factories.page("resources")
    return [
        factories.help_line(order=order, phone=f"1800555010{order}", key=f"line-{order}")
        for order in (1, 2)
    ]


# --- Issue 13, item 5: drag and drop is an edit like any other ---------------------------------


def test_a_drag_and_drop_move_is_public_at_once_and_recorded(reviewer, client, two_lines):
    first, second = two_lines
    client.get("/en/resources/")  # cached
    version = content_version()
    moved = [[first.pk, second.order], [second.pk, first.order]]
    url = reverse("admin:services_resource_sortable_update")
    response = reviewer.post(url, {"updatedItems": moved}, content_type="application/json")
    assert response.status_code == 200
    assert content_version() != version  # every cached page retired
    body = client.get("/en/resources/").content.decode()
    main = body[body.index('id="main"') :]  # typography may reshape names: find their links
    # Their call buttons: numbers in the page's text are links too (phone_links.py).
    button = 'class="button" href="{}"'
    assert main.index(button.format(second.tel_href)) < main.index(button.format(first.tel_href))
    latest = first.history.latest()
    assert latest.history_change_reason == "Moved by drag and drop"
    assert latest.history_user.username == "reviewer-user"


def test_an_editors_drag_and_drop_move_waits_for_a_reviewer(editor, reviewer, two_lines):
    """Issue 18: reordering live rows is a change like any other."""
    first, second = two_lines
    version = content_version()
    moved = [[first.pk, second.order], [second.pk, first.order]]
    url = reverse("admin:services_resource_sortable_update")
    response = editor.post(url, {"updatedItems": moved}, content_type="application/json")
    assert response.status_code == 200
    assert content_version() == version  # nothing changed for visitors
    assert Resource.objects.get(pk=first.pk).order == first.order
    waiting = PendingChange.objects.open()
    assert {(c.object_id, c.values["order"]) for c in waiting} == {
        (first.pk, second.order),
        (second.pk, first.order),
    }
    for pending in waiting:
        review = reverse("admin:services_pendingchange_change", args=[pending.pk])
        assert reviewer.post(review, {"_approve": "1"}).status_code == 302
    assert Resource.objects.get(pk=first.pk).order == second.order
    assert content_version() != version


@pytest.mark.parametrize("role", ["reviewer", "editor"])
def test_a_revert_keeps_the_position_a_drag_and_drop_gave(request, two_lines, role):
    """A Reviewer's revert is live at once; an Editor's waits, with the move it would undo."""
    staff = request.getfixturevalue(role)
    first, second = two_lines
    old_version = first.history.latest()
    moved = [[first.pk, second.order], [second.pk, first.order]]
    url = reverse("admin:services_resource_sortable_update")
    staff.post(url, {"updatedItems": moved}, content_type="application/json")
    revert = reverse(
        "admin:services_resource_simple_history", args=[first.pk, old_version.history_id]
    )
    data = current_form_data(staff.get(revert))
    data["hours_en"] = "Reverted, and hours changed."
    assert staff.post(revert, data).status_code == 302
    first.refresh_from_db()
    if role == "reviewer":  # where the drag put it, not where the old version had it
        assert (first.order, first.hours_en) == (second.order, "Reverted, and hours changed.")
        return
    pending = PendingChange.objects.open().for_object(first).get()
    assert pending.values["order"] == second.order  # the move is not lost by the revert
    assert pending.values["hours_en"] == "Reverted, and hours changed."
    assert first.order != second.order  # nothing is live yet


def test_a_bulk_action_is_recorded_and_retires_cached_pages(reviewer):
    crisis = factories.intervention()
    version = content_version()
    reviewer.post(
        reverse("admin:services_intervention_changelist"),
        {"action": "unpublish", "_selected_action": [crisis.pk]},
    )
    assert content_version() != version
    assert crisis.history.latest().status == Intervention.Status.DRAFT


def test_a_bulk_delete_is_recorded_and_retires_cached_pages(reviewer):
    term = factories.glossary_term()
    version = content_version()
    reviewer.post(
        reverse("admin:services_glossaryterm_changelist"),
        {"action": "delete_selected", "_selected_action": [term.pk], "post": "yes"},
    )
    assert not GlossaryTerm.objects.filter(pk=term.pk).exists()
    assert content_version() != version
    deleted = GlossaryTerm.history.filter(id=term.pk).latest()
    assert (deleted.history_type, deleted.history_user.username) == ("-", "reviewer-user")


def test_an_import_is_recorded_and_retires_cached_pages(tmp_path):
    term = factories.glossary_term()
    path = tmp_path / "backup.yaml"
    call_command("export_content", str(path))
    # Restoring into a database that never held it (seed_content respects an editor's delete).
    GlossaryTerm.objects.filter(pk=term.pk).delete()
    SeedRecord.objects.filter(model="services.glossaryterm", key=term.key).delete()
    version = content_version()
    call_command("seed_content", str(path), verbosity=0)
    assert content_version() != version
    restored = GlossaryTerm.objects.get(key=term.key)
    assert restored.history.latest().history_type == "+"
