"""Hostile input to the admin (issue 14, items 7 to 11): each reported input, kept as a test.

No 5xx and no echoed error text, on SQLite and, in CI, on PostgreSQL (where a NUL was a 500).
The role matrix over every URL is tests/test_role_matrix.py; two-step login tests/test_mfa.py.
"""

import time

import pytest
from django.test import Client
from django.urls import reverse

from services.models import Intervention, Resource

from . import factories
from .admin_forms import change, form_data

pytestmark = pytest.mark.django_db


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
    line = factories.help_line(phone="811")
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
def test_a_typed_number_is_stored_as_digits_and_the_link_derived(reviewer, typed, stored, href):
    # A Reviewer's save (the only Reviewer): live at once. An Editor's waits (issue 18) and
    # holds the same digits: tests/browser/test_four_eyes.py.
    line = factories.help_line(phone="811")
    data = form_data(reviewer, line) | {"phone": typed}
    assert reviewer.post(change(line), data).status_code == 302
    line.refresh_from_db()
    assert (line.phone, line.tel_href) == (stored, href)


@pytest.mark.parametrize("number", ["535353", "686868", "988", "5146001002"])
def test_text_numbers_accept_short_codes(editor, number):
    line = factories.help_line(phone="811")
    data = form_data(editor, line) | {"text_number": number}
    assert editor.post(change(line), data).status_code == 302


@pytest.mark.content
def test_every_seeded_help_line_number_is_valid():
    for line in Resource.objects.all():
        line.full_clean()


# --- Item 8: one save cannot take the admin down ----------------------------------------------


def test_a_huge_summary_is_refused_and_the_home_page_stays_fast(editor):
    coaching = factories.intervention()
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
    "/admin/services/answer/?question__id__exact=abc",
    "/admin/services/answer/?question__text_fr__regex=x",
    "/admin/autocomplete/?app_label=services&model_name=intervention&field_name=sources&term=%00",
    "/admin/r/999999/1/",
    "/admin/r/1/%00/",
]


@pytest.fixture
def rows_to_filter():
    """A kind of help and two questions with their answers: the lists' filters have a choice
    to offer (with one question, the answers' list shows no question filter to tamper with)."""
    factories.intervention()
    for _ in range(2):
        question = factories.question()
        factories.answer(question)
        factories.answer(question)


@pytest.mark.parametrize("url", MALFORMED)
def test_malformed_admin_input_is_a_400_or_404(reviewer, rows_to_filter, url):
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
    coaching = factories.intervention()
    data = form_data(editor, coaching) | {"editor_note": "n" * 4000}
    assert editor.post(change(coaching), data).status_code == 302


@pytest.mark.parametrize(
    "query", ["?attempt_time__year=2026", "?attempt_time__year=2026&attempt_time__month=11"]
)
def test_the_date_hierarchy_still_drills_down(admin_client, query):
    assert (
        admin_client.get(reverse("admin:axes_accessattempt_changelist") + query).status_code == 200
    )
