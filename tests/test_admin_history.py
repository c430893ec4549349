"""Every change an editor makes — drag and drop, bulk actions, deletes, imports — retires the
cached pages at once and is recorded in History (issue 13, item 5)."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from orientation_site.page_cache import content_version
from services.models import GlossaryTerm, Intervention, PendingChange, Resource, SeedRecord

from .admin_forms import current_form_data

pytestmark = pytest.mark.django_db


# --- Issue 13, item 5: drag and drop is an edit like any other ---------------------------------


def test_a_drag_and_drop_move_is_public_at_once_and_recorded(reviewer, client):
    lines = list(Resource.objects.filter(kind=Resource.Kind.CRISIS).order_by("order"))
    first, second = lines[0], lines[1]
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


def test_an_editors_drag_and_drop_move_waits_for_a_reviewer(editor, reviewer, client):
    """Issue 18: reordering live rows is a change like any other."""
    lines = list(Resource.objects.filter(kind=Resource.Kind.CRISIS).order_by("order"))
    first, second = lines[0], lines[1]
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


def test_a_revert_does_not_restore_an_old_position(reviewer):
    lines = list(Resource.objects.order_by("order"))
    first, second = lines[0], lines[1]
    old_version = first.history.latest()
    moved = [[first.pk, second.order], [second.pk, first.order]]
    url = reverse("admin:services_resource_sortable_update")
    reviewer.post(url, {"updatedItems": moved}, content_type="application/json")
    revert = reverse(
        "admin:services_resource_simple_history", args=[first.pk, old_version.history_id]
    )
    assert reviewer.post(revert, current_form_data(reviewer.get(revert))).status_code == 302
    first.refresh_from_db()
    assert first.order == second.order  # where the drag put it, not where the old version had it


def test_an_editors_revert_keeps_the_position_they_proposed(editor):
    lines = list(Resource.objects.order_by("order"))
    first, second = lines[0], lines[1]
    old_version = first.history.latest()
    moved = [[first.pk, second.order], [second.pk, first.order]]
    url = reverse("admin:services_resource_sortable_update")
    editor.post(url, {"updatedItems": moved}, content_type="application/json")
    revert = reverse(
        "admin:services_resource_simple_history", args=[first.pk, old_version.history_id]
    )
    data = current_form_data(editor.get(revert))
    data["hours_en"] = "Reverted, and hours changed."
    assert editor.post(revert, data).status_code == 302
    pending = PendingChange.objects.open().for_object(first).get()
    assert pending.values["order"] == second.order  # the move is not lost by the revert
    assert pending.values["hours_en"] == "Reverted, and hours changed."
    first.refresh_from_db()
    assert first.order != second.order  # nothing is live yet


def test_a_bulk_action_is_recorded_and_retires_cached_pages(reviewer):
    crisis = Intervention.objects.get(key="crisis")
    version = content_version()
    reviewer.post(
        reverse("admin:services_intervention_changelist"),
        {"action": "unpublish", "_selected_action": [crisis.pk]},
    )
    assert content_version() != version
    assert crisis.history.latest().status == Intervention.Status.DRAFT


def test_a_bulk_delete_is_recorded_and_retires_cached_pages(reviewer):
    term = GlossaryTerm.objects.first()
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
    term = GlossaryTerm.objects.first()
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
