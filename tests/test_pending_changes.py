"""Four eyes (issue 18): an Editor's change to live content waits; a Reviewer approves it or
sends it back. services/editorial/pending/, services/editorial/admin/pending_guard.py,
services/editorial/admin/pending.py."""

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from orientation_site.page_cache import content_version
from services.editorial import roles
from services.editorial.pending import changes, diff
from services.models import ContentVersion, GlossaryTerm, Intervention, PendingChange, Resource

from .admin_forms import change, form_data

pytestmark = pytest.mark.django_db

OLD_NUMBER, OLD_DISPLAY = "18002632266", "1 800 263-2266"
NEW_NUMBER, NEW_DISPLAY = "18002632267", "1 800 263-2267"


def resources_page():
    with translation.override("fr"):
        return reverse("services:resources")


def review(pending):
    return reverse("admin:services_pendingchange_change", args=[pending.pk])


def propose_new_number(editor):
    line = Resource.objects.get(key="tel-jeunes")
    data = form_data(editor, line)
    data.update(phone=NEW_NUMBER, phone_display_fr=NEW_DISPLAY)
    response = editor.post(change(line), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    return line, PendingChange.objects.open().for_object(line).get()


def second_reviewer(django_user_model, name="second-reviewer"):
    user = django_user_model.objects.create_user(name, is_staff=True)
    user.groups.add(Group.objects.get(name=roles.REVIEWER))
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(user)
    return user, client


def test_an_editors_change_waits_and_visitors_keep_the_approved_number(editor, client):
    assert "263-2266" in client.get(resources_page()).content.decode()  # now in the page cache
    version = content_version()
    line, pending = propose_new_number(editor)
    line.refresh_from_db()
    assert (line.phone, line.phone_display_fr) == (OLD_NUMBER, OLD_DISPLAY)
    assert pending.values == {"phone": NEW_NUMBER, "phone_display_fr": NEW_DISPLAY}
    assert pending.base == {"phone": OLD_NUMBER, "phone_display_fr": OLD_DISPLAY}
    assert content_version() == version  # no cached page is retired: nothing changed for them
    page = client.get(resources_page()).content.decode()
    assert "263-2266" in page and "263-2267" not in page
    cache.clear()  # another instance, rendering from the database: the same old number
    page = client.get(resources_page()).content.decode()
    assert "263-2266" in page and "263-2267" not in page


def test_the_editor_sees_their_pending_version_on_the_change_form(editor):
    line, _pending = propose_new_number(editor)
    response = editor.get(change(line))
    form = response.context["adminform"].form
    assert form["phone"].value() == NEW_NUMBER
    assert "waiting for a Reviewer" in response.content.decode()


def test_a_second_save_replaces_the_proposal_and_undoing_it_withdraws_it(editor):
    line, pending = propose_new_number(editor)
    data = form_data(editor, line)
    data.update(phone=OLD_NUMBER, phone_display_fr=OLD_DISPLAY)
    editor.post(change(line), data)
    pending.refresh_from_db()
    assert pending.status == PendingChange.Status.WITHDRAWN
    assert not PendingChange.objects.open().exists()


def test_approval_publishes_at_once_and_history_names_the_reviewer(editor, reviewer, client):
    client.get(resources_page())  # cached
    line, pending = propose_new_number(editor)
    before = ContentVersion.objects.get().version
    response = reviewer.get(review(pending))
    assert response.status_code == 200
    response = reviewer.post(review(pending), {"_approve": "1"})
    assert response.status_code == 302
    line.refresh_from_db()
    assert (line.phone, line.phone_display_fr) == (NEW_NUMBER, NEW_DISPLAY)
    assert ContentVersion.objects.get().version > before  # every instance's cache retired
    page = client.get(resources_page()).content.decode()
    assert "263-2267" in page and "263-2266" not in page
    latest = line.history.first()
    assert latest.history_user.username == "reviewer-user"
    assert "editor-user" in latest.history_change_reason
    pending.refresh_from_db()
    assert pending.status == PendingChange.Status.APPROVED
    assert pending.reviewer.username == "reviewer-user"


def test_send_back_with_a_comment_the_editor_reads(editor, reviewer):
    line, pending = propose_new_number(editor)
    refused = reviewer.post(review(pending), {"_send_back": "1", "comment": "  "})
    assert refused.status_code == 400  # the author must learn why
    reviewer.post(review(pending), {"_send_back": "1", "comment": "Le 2267 n'existe pas."})
    pending.refresh_from_db()
    assert pending.status == PendingChange.Status.SENT_BACK
    page = editor.get(change(line)).content.decode()
    assert "2267 n&#x27;existe pas." in page
    home = editor.get(reverse("admin:index")).content.decode()
    assert "2267 n&#x27;existe pas." in home
    line.refresh_from_db()
    assert line.phone == OLD_NUMBER


def test_the_diff_shows_both_languages_and_highlights_the_phone(editor, reviewer):
    _line, pending = propose_new_number(editor)
    response = reviewer.get(review(pending))
    rows = {(row.live, row.language): row for row in response.context["rows"]}
    display_fr = rows[(OLD_DISPLAY, "fr")]
    display_en = rows[("1-800-263-2266", "en")]
    assert display_fr.changed and not display_en.changed  # English shown, to compare
    assert (display_fr.live, display_fr.proposed) == (OLD_DISPLAY, NEW_DISPLAY)
    phone = next(row for row in response.context["rows"] if row.live == OLD_NUMBER)
    assert phone.changed and phone.warning
    html = response.content.decode()
    assert "pending-sensitive" in html and "<ins>263-2267</ins>" in html
    assert "1800263226<del>6</del>" in html and "1800263226<ins>7</ins>" in html
    assert diff.has_warning(pending)


def test_a_glossary_change_in_one_language_shows_the_other(editor, reviewer):
    term = GlossaryTerm.objects.first()
    data = form_data(editor, term)
    data["definition_fr"] = data["definition_fr"] + " Ajouté."
    editor.post(change(term), data)
    pending = PendingChange.objects.open().for_object(term).get()
    rows = reviewer.get(review(pending)).context["rows"]
    assert [(row.language, row.changed) for row in rows] == [("fr", True), ("en", False)]
    assert not diff.has_warning(pending)


def test_a_reviewer_may_not_approve_their_own_change_when_another_exists(
    reviewer, django_user_model, settings
):
    settings.REVIEW_SELF_APPROVAL = False
    author = django_user_model.objects.get(username="reviewer-user")
    line = Resource.objects.get(key="tel-jeunes")
    # Alone, a Reviewer publishes directly (nobody else could approve).
    assert changes.publishes_directly(author)
    other, other_client = second_reviewer(django_user_model)
    assert not changes.publishes_directly(author)
    line, pending = propose_new_number(reviewer)
    refused = reviewer.post(review(pending), {"_approve": "1"})
    assert refused.status_code == 400
    assert "Another Reviewer" in refused.content.decode()
    line.refresh_from_db()
    assert line.phone == OLD_NUMBER
    assert other_client.post(review(pending), {"_approve": "1"}).status_code == 302
    line.refresh_from_db()
    assert line.phone == NEW_NUMBER


def test_a_reviewer_may_not_approve_their_change_once_an_editor_touched_it(
    reviewer, editor, django_user_model, settings
):
    """A review found that an Editor's small edit to a Reviewer's pending change made the
    Reviewer its author, free to approve their own new number."""
    settings.REVIEW_SELF_APPROVAL = False
    _other, other_client = second_reviewer(django_user_model)
    line, pending = propose_new_number(reviewer)
    data = form_data(editor, line) | {"editor_note": "typo"}
    assert editor.post(change(line), data).status_code == 302
    pending.refresh_from_db()
    assert pending.is_open
    assert reviewer.post(review(pending), {"_approve": "1"}).status_code == 400
    line.refresh_from_db()
    assert line.phone == OLD_NUMBER
    assert other_client.post(review(pending), {"_approve": "1"}).status_code == 302


@pytest.mark.parametrize("action", ["unpublish", "mark_reviewed"])
def test_a_reviewer_who_must_wait_cannot_change_live_pages_in_bulk(
    reviewer, django_user_model, settings, action
):
    """A review found a Reviewer could unpublish the crisis page alone through the list's
    actions while the same change in the form waited for another Reviewer."""
    settings.REVIEW_SELF_APPROVAL = False
    second_reviewer(django_user_model)
    crisis = Intervention.objects.get(key="crisis")
    before = (crisis.status, crisis.last_reviewed, crisis.reviewer_name)
    url = reverse("admin:services_intervention_changelist")
    reviewer.post(url, {"action": action, "_selected_action": [crisis.pk]})
    crisis.refresh_from_db()
    assert (crisis.status, crisis.last_reviewed, crisis.reviewer_name) == before


def test_self_approval_allowed_by_the_setting(reviewer, django_user_model, settings):
    settings.REVIEW_SELF_APPROVAL = True
    second_reviewer(django_user_model)
    line = Resource.objects.get(key="tel-jeunes")
    data = form_data(reviewer, line)
    data["phone"] = NEW_NUMBER
    reviewer.post(change(line), data)
    line.refresh_from_db()
    assert line.phone == NEW_NUMBER  # live at once: no pending change
    assert not PendingChange.objects.exists()


def test_an_editor_cannot_approve_or_send_back(editor):
    _line, pending = propose_new_number(editor)
    assert editor.get(review(pending)).status_code == 200  # reads it
    assert editor.post(review(pending), {"_approve": "1"}).status_code == 403
    assert editor.post(review(pending), {"_send_back": "1", "comment": "x"}).status_code == 403
    pending.refresh_from_db()
    assert pending.status == PendingChange.Status.PENDING


def test_the_reviewers_home_counts_what_waits(editor, reviewer):
    _line, pending = propose_new_number(editor)
    home = reviewer.get(reverse("admin:index")).content.decode()
    assert "Waiting for approval (1)" in home
    assert review(pending) in home
