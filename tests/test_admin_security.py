"""The admin as a security tester tries it (issue 14): each reported input, kept as a test.

The role matrix over every URL is tests/test_role_matrix.py; two-step login is tests/test_mfa.py.
These run on SQLite and, in CI, again on PostgreSQL (where a NUL used to be a 500).
"""

import time

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from services import admin_site
from services.models import Intervention, Question, Resource
from services.page_cache import content_version

from .admin_forms import current_form_data
from .admin_roles import client_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(django_user_model):
    return client_for(django_user_model, "editor")


@pytest.fixture
def reviewer(django_user_model):
    return client_for(django_user_model, "reviewer")


def change(obj):
    return reverse(f"admin:services_{obj._meta.model_name}_change", args=[obj.pk])


def form_data(client, obj):
    response = client.get(change(obj))
    assert response.status_code == 200
    return current_form_data(response)


# --- Item 2: publishing is a Reviewer's act on every path ------------------------------------


def test_an_editor_cannot_unpublish_a_guide_question(editor):
    question = Question.objects.get(key="duration")
    data = form_data(editor, question)
    data.pop("published", None)  # an unticked box: what a browser sends to unpublish
    assert editor.post(change(question), data).status_code == 302
    question.refresh_from_db()
    assert question.published


def test_a_question_an_editor_adds_is_a_draft(editor):
    data = {
        "text_fr": "Une question",
        "text_en": "A question",
        "published": "on",
        "choices-TOTAL_FORMS": "2",
        "choices-INITIAL_FORMS": "0",
        "choices-MIN_NUM_FORMS": "0",
        "choices-MAX_NUM_FORMS": "1000",
    }
    for index in range(2):
        data |= {
            f"choices-{index}-text_fr": f"Réponse {index}",
            f"choices-{index}-text_en": f"Answer {index}",
            f"choices-{index}-reason_fr": "Parce que.",
            f"choices-{index}-reason_en": "Because.",
        }
    response = editor.post(reverse("admin:services_question_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert not Question.objects.get(text_en="A question").published


def test_an_editor_cannot_unpublish_a_help_line_by_deleting_it(editor):
    line = Resource.objects.get(key="line-988")
    response = editor.post(
        reverse("admin:services_resource_delete", args=[line.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert Resource.objects.filter(pk=line.pk).exists()


# --- Item 3: reverting follows the change form's rules -----------------------------------------


def test_an_editor_reverting_to_a_published_version_keeps_the_draft_a_draft(editor):
    coaching = Intervention.objects.get(key="coaching")
    published_version = coaching.history.latest()
    coaching.status = Intervention.Status.DRAFT
    coaching.save()
    url = reverse(
        "admin:services_intervention_simple_history",
        args=[coaching.pk, published_version.history_id],
    )
    data = current_form_data(editor.get(url))
    assert editor.post(url, data).status_code == 302
    coaching.refresh_from_db()
    assert coaching.status == Intervention.Status.DRAFT


def test_a_view_only_user_cannot_change_anything_through_the_history_form(django_user_model):
    viewer = client_for(django_user_model, "viewer")
    coaching = Intervention.objects.get(key="coaching")
    version = coaching.history.latest()
    url = reverse(
        "admin:services_intervention_simple_history", args=[coaching.pk, version.history_id]
    )
    response = viewer.post(url, {"name_fr": "Changé", "name_en": "Changed"})
    assert response.status_code == 403
    coaching.refresh_from_db()
    assert coaching.name_en != "Changed"


# --- Item 4: who reviewed moves together, under the Reviewer's control -------------------------


def test_an_editor_cannot_forge_the_reviewer(editor):
    coaching = Intervention.objects.get(key="coaching")
    before = (coaching.reviewer_name, coaching.reviewer_profession_fr, coaching.last_reviewed)
    data = form_data(editor, coaching)
    data |= {
        "reviewer_profession_fr": "psychologue",
        "reviewer_profession_en": "psychologist",
        "reviewer_name": "Dr Forged",
        "last_reviewed": "2026-01-01",
    }
    assert editor.post(change(coaching), data).status_code == 302
    coaching.refresh_from_db()
    assert (
        coaching.reviewer_name,
        coaching.reviewer_profession_fr,
        coaching.last_reviewed,
    ) == before


def test_reverting_never_brings_back_an_older_reviewer(reviewer, editor):
    coaching = Intervention.objects.get(key="coaching")
    old_version = coaching.history.latest()
    data = form_data(reviewer, coaching)
    data |= {"reviewer_name": "Marie Tremblay", "reviewer_profession_en": "social worker"}
    assert reviewer.post(change(coaching), data).status_code == 302
    url = reverse(
        "admin:services_intervention_simple_history", args=[coaching.pk, old_version.history_id]
    )
    assert editor.post(url, current_form_data(editor.get(url))).status_code == 302
    coaching.refresh_from_db()
    assert (coaching.reviewer_name, coaching.reviewer_profession_en) == (
        "Marie Tremblay",
        "social worker",
    )


# --- Item 5: an Editor can add an intervention (a draft, not yet reviewed) ---------------------


def test_an_editor_adds_an_intervention_as_an_unreviewed_draft(editor, admin_client):
    existing = Intervention.objects.get(key="coaching")
    data = form_data(admin_client, existing)
    for name in ("status", "last_reviewed", "reviewer_name"):
        data.pop(name, None)
    data |= {"slug_fr": "nouvelle-aide", "slug_en": "new-help", "name_en": "New help"}
    data = {k: v for k, v in data.items() if not k.startswith("traits-")}
    data |= {"traits-TOTAL_FORMS": "0", "traits-INITIAL_FORMS": "0"}
    response = editor.post(reverse("admin:services_intervention_add"), data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    added = Intervention.objects.get(slug_en="new-help")
    assert (added.status, added.last_reviewed) == (Intervention.Status.DRAFT, None)
    # Its preview renders without a review line, and the reviewer panel lists it as due.
    assert editor.get("/en/services/new-help/").status_code == 200
    assert "never reviewed" in editor.get(reverse("admin:index")).content.decode()


# --- Item 7: generic errors, validated numbers ----------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        '{"updatedItems": [[1, "1; DROP TABLE"]]}',
        "not json",
        '{"updatedItems": [[999999, 1]]}',
        "[]",
    ],
)
def test_the_sortable_endpoint_answers_errors_generically(editor, body):
    url = reverse("admin:services_intervention_sortable_update")
    response = editor.post(url, body, content_type="application/json")
    assert response.status_code == 400
    text = response.content.decode()
    assert text == "The new order could not be saved."


@pytest.mark.parametrize(
    "phone", ["call us", "12345", "555-0100", "1 800 000 1234", "1911", "+33 1 23"]
)
def test_a_help_line_refuses_a_number_one_cannot_dial(editor, phone):
    line = Resource.objects.get(key="info-social-811")
    data = form_data(editor, line) | {"phone": phone}
    response = editor.post(change(line), data)
    assert response.status_code == 200
    assert "phone" in response.context["adminform"].form.errors


@pytest.mark.parametrize(
    ("typed", "stored", "href"),
    [
        ("1 866 277-3553", "18662773553", "tel:+18662773553"),
        ("811", "811", "tel:811"),
        ("(514) 600-1002", "5146001002", "tel:5146001002"),
    ],
)
def test_a_typed_number_is_stored_as_digits_and_the_link_derived(editor, typed, stored, href):
    line = Resource.objects.get(key="info-social-811")
    data = form_data(editor, line) | {"phone": typed}
    assert editor.post(change(line), data).status_code == 302
    line.refresh_from_db()
    assert (line.phone, line.tel_href) == (stored, href)


@pytest.mark.parametrize("number", ["535353", "686868", "988", "5146001002"])
def test_text_numbers_accept_short_codes(editor, number):
    line = Resource.objects.get(key="info-social-811")
    data = form_data(editor, line) | {"text_number": number}
    assert editor.post(change(line), data).status_code == 302


def test_every_seeded_help_line_number_is_valid():
    for line in Resource.objects.all():
        line.full_clean()


# --- Item 8: one save cannot take the admin down ----------------------------------------------


def test_a_huge_summary_is_refused_and_the_home_page_stays_fast(editor):
    coaching = Intervention.objects.get(key="coaching")
    data = form_data(editor, coaching) | {"summary_en": "<" * 150_000}
    response = editor.post(change(coaching), data)
    assert response.status_code == 200
    assert "summary_en" in response.context["adminform"].form.errors
    # Even stored by another path, the readability check is linear.
    Intervention.objects.filter(pk=coaching.pk).update(summary_en="<" * 150_000)
    start = time.monotonic()
    assert editor.get(reverse("admin:index")).status_code == 200
    assert editor.get(change(coaching)).status_code == 200
    assert time.monotonic() - start < 10


# --- Items 9 and 10: malformed admin input is a 400 or a 404 -------------------------------------

MALFORMED = [
    "/admin/services/intervention/1/history/abc/",
    "/admin/services/intervention/1/history/1%00/",
    "/admin/services/intervention/%00/change/",
    "/admin/services/intervention/%00/history/",
    "/admin/services/intervention/%00/delete/",
    "/admin/services/intervention/?name_fr__regex=%5B",
    "/admin/services/intervention/?editor_note__regex=^(a%2B)%2B$",
    "/admin/services/intervention/?status__exact=%00",
    "/admin/services/resource/?q=%00",
    "/admin/services/resource/?kind=%00",
    "/admin/services/resource/?o=%00",
    "/admin/services/choice/?question__id__exact=abc",
    "/admin/services/choice/?question__text_fr__regex=x",
    "/admin/autocomplete/?app_label=services&model_name=intervention&field_name=sources&term=%00",
    "/admin/r/999999/1/",
    "/admin/r/1/%00/",
]


@pytest.mark.parametrize("url", MALFORMED)
def test_malformed_admin_input_is_a_400_or_404(reviewer, url):
    response = Client(raise_request_exception=False)
    response.cookies = reviewer.cookies
    answer = response.get(url)
    assert answer.status_code in (302, 400, 403, 404), url
    assert "Traceback" not in answer.content.decode("utf-8", "replace")


def test_lookups_outside_the_lists_filters_are_refused(reviewer):
    url = reverse("admin:services_intervention_changelist")
    assert reviewer.get(url + "?status__exact=draft").status_code == 200
    assert reviewer.get(url + "?editor_note__regex=^(a%2B)%2B$").status_code == 400
    assert reviewer.get(url + "?name_fr__icontains=a").status_code == 400


@pytest.mark.parametrize("data", [{"action": "delete_selected", "_selected_action": ["abc"]}])
def test_a_tampered_bulk_action_is_not_a_500(reviewer, data):
    client = Client(raise_request_exception=False)
    client.cookies = reviewer.cookies
    response = client.post(reverse("admin:services_resource_changelist"), data)
    assert response.status_code < 500


def test_a_300_character_username_is_a_form_error(client):
    response = client.post(
        reverse("admin:login"), {"username": "u" * 300, "password": "whatever-password"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    from axes.models import AccessAttempt

    assert not AccessAttempt.objects.filter(username="u" * 300).exists()


# --- Item 11: a large body is refused before it is read ------------------------------------------


def test_a_60_mb_upload_to_the_guide_is_refused_before_it_is_read(client):
    # The declared length alone decides: the 60 MB are never sent, so never read.
    response = client.generic(
        "POST",
        "/fr/quel-service-choisir/",
        b"situation=grief",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(60 * 1024 * 1024),
    )
    assert response.status_code in (400, 413)


def test_a_garbled_length_is_a_400(client):
    response = client.generic("POST", "/en/which-service/", b"", CONTENT_LENGTH="12abc")
    assert response.status_code == 400


def test_admin_forms_keep_their_room(editor):
    coaching = Intervention.objects.get(key="coaching")
    data = form_data(editor, coaching) | {"editor_note": "n" * 4000}
    assert editor.post(change(coaching), data).status_code == 302


# --- Issue 13, item 5: drag and drop is an edit like any other ---------------------------------


def test_a_drag_and_drop_move_is_public_at_once_and_recorded(editor, client):
    lines = list(Resource.objects.filter(kind=Resource.Kind.CRISIS).order_by("order"))
    first, second = lines[0], lines[1]
    client.get("/en/resources/")  # cached
    version = content_version()
    moved = [[first.pk, second.order], [second.pk, first.order]]
    url = reverse("admin:services_resource_sortable_update")
    response = editor.post(url, {"updatedItems": moved}, content_type="application/json")
    assert response.status_code == 200
    assert content_version() != version  # every cached page retired
    body = client.get("/en/resources/").content.decode()
    assert body.index(second.name_en) < body.index(first.name_en)
    latest = first.history.latest()
    assert latest.history_change_reason == "Moved by drag and drop"
    assert latest.history_user.username == "editor-user"


def test_a_revert_does_not_restore_an_old_position(editor):
    lines = list(Resource.objects.order_by("order"))
    first, second = lines[0], lines[1]
    old_version = first.history.latest()
    moved = [[first.pk, second.order], [second.pk, first.order]]
    url = reverse("admin:services_resource_sortable_update")
    editor.post(url, {"updatedItems": moved}, content_type="application/json")
    revert = reverse(
        "admin:services_resource_simple_history", args=[first.pk, old_version.history_id]
    )
    assert editor.post(revert, current_form_data(editor.get(revert))).status_code == 302
    first.refresh_from_db()
    assert first.order == second.order  # where the drag put it, not where the old version had it


def test_a_bulk_action_is_recorded_and_retires_cached_pages(reviewer):
    crisis = Intervention.objects.get(key="crisis")
    version = content_version()
    reviewer.post(
        reverse("admin:services_intervention_changelist"),
        {"action": "unpublish", "_selected_action": [crisis.pk]},
    )
    assert content_version() != version
    assert crisis.history.latest().status == Intervention.Status.DRAFT


# --- Item 14: sessions and passwords -------------------------------------------------------------


@pytest.mark.parametrize(
    ("started_ago", "idle"), [(13 * 3600, 60), (3600, 31 * 60)], ids=["12-hours", "30-minutes-idle"]
)
def test_an_old_or_idle_session_must_log_in_again(editor, started_ago, idle):
    session = editor.session
    now = time.time()
    session[admin_site.LOGIN_STARTED] = now - started_ago
    session[admin_site.LAST_SEEN] = now - idle
    session.save()
    response = editor.get(reverse("admin:index"))
    assert response.status_code == 302
    assert reverse("admin:login") in response.url


def test_an_active_session_stays(editor):
    assert editor.get(reverse("admin:index")).status_code == 200
    assert editor.get(reverse("admin:services_intervention_changelist")).status_code == 200


@pytest.mark.parametrize("password", ["short-pass1", "123456789012345", "password1234"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_twelve_character_passphrase_is_accepted():
    validate_password("lune verte 42")
