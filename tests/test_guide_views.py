"""The guide in the browser's place: the form, the result, bad input, and privacy."""

import importlib.util
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import translation

from services.models import Intervention, Question

from .html import page

pytestmark = pytest.mark.django_db

URLS = {"fr": "/fr/quel-service-choisir/", "en": "/en/which-service/"}
GRIEF = {
    "situation": "grief",
    "duration": "months",
    "impact": "quite-a-lot",
    "safety": "safe",
    "hope": "talk",
}
AT_RISK = dict(GRIEF, safety="suicidal-thoughts")


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models()}


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_form_asks_every_published_question_with_radio_answers(client, language):
    response = client.get(URLS[language])
    assert response.status_code == 200
    html = page(response)
    assert html.find("html")["lang"] == language
    assert len(html.find_all("fieldset")) == Question.objects.published().count()
    assert 4 <= Question.objects.published().count() <= 6
    radios = html.find_all("input", type="radio")
    assert {r["name"] for r in radios} == {q.key for q in Question.objects.published()}
    form = html.find("form", method="post")
    # No fragment: the answer opens at the top, header and help lines in view (issue 15).
    assert form["action"] == URLS[language]
    assert not response.cookies


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_full_answer_gets_a_ranked_explained_result(client, language):
    response = client.post(URLS[language], GRIEF)
    assert response.status_code == 200
    body = response.content.decode()
    html = page(response)
    recommendations = html.find_all("li", class_="recommendation")
    assert len(recommendations) >= 2
    assert ("Pourquoi" if language == "fr" else "Why:") in html.text
    assert ("Ce n'est pas un diagnostic" if language == "fr" else "This is not a diagnosis") in (
        html.text
    )
    with translation.override(language):
        support = Intervention.objects.get(key="support")
        assert support.get_absolute_url() in body
    assert "crisis-first" not in body
    assert "tel:+18662773553" in body


def crisis_block(body):
    start = body.index('class="crisis-first"')
    return body[start : body.index("</section>", start)]


def numbers_in(block):
    """The lines' call buttons, in order (numbers in their descriptions are links too)."""
    return re.findall(r'<a class="button" href="(tel:[^"]+)"', block)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_risk_answer_puts_crisis_lines_first(client, language):
    body = client.post(URLS[language], AT_RISK).content.decode()
    assert body.index('class="crisis-first"') < body.index('class="recommendations"')
    block = crisis_block(body)
    # Suicidal thoughts: 1 866 APPELLE (with its text line and chat) leads, then the common
    # lines, each once: 911, 811 option 2 and two youth lines (Tel-jeunes, Kids Help Phone).
    lines = ["tel:+18662773553", "tel:911", "tel:811", "tel:+18002632266", "tel:+18006686868"]
    assert numbers_in(block) == lines
    assert "sms:535353" in block and "https://suicide.ca" in block
    assert "tel:+18003639010" not in block  # no conjugal-violence line for suicidal thoughts
    assert "committed suicide" not in body.lower() and "suicide réussi" not in body.lower()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_danger_at_home_leads_with_sos_violence_conjugale_and_never_couple_sessions(
    client, language
):
    answers = dict(GRIEF, situation="couple-family-conflict", safety="unsafe-at-home",
                   hope="couple-family-together")  # fmt: skip
    body = client.post(URLS[language], answers).content.decode()
    lines = numbers_in(crisis_block(body))
    assert lines[:2] == ["tel:+18003639010", "tel:911"]
    assert len(lines) == len(set(lines)) and "tel:811" in lines
    with translation.override(language):
        couple = Intervention.objects.get(key="couple-family").get_absolute_url()
    assert couple not in body


@pytest.mark.parametrize("language", ["fr", "en"])
def test_fear_of_hurting_someone_leads_with_811_then_911(client, language):
    body = client.post(URLS[language], dict(GRIEF, safety="might-hurt-someone")).content.decode()
    assert numbers_in(crisis_block(body))[:2] == ["tel:811", "tel:911"]


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_lone_risk_answer_shows_the_crisis_block_not_missing_answer_errors(client, language):
    # Reported: only « Je pense au suicide » ticked gave four red errors and no number.
    response = client.post(URLS[language], {"safety": "suicidal-thoughts"})
    assert response.status_code == 200
    body = response.content.decode()
    assert 'class="error-summary"' not in body and 'class="field-error"' not in body
    main = body[body.index('id="main"') :]
    assert main.index('class="crisis-first"') < 300  # the first thing in the page's content
    assert "tel:+18662773553" in crisis_block(body)
    # The other questions are offered gently after it, with the risk answer kept.
    start = body.index('class="more-answers"')
    more = body[start : body.index("</section>", start)]
    assert '<input type="hidden" name="safety" value="suicidal-thoughts">' in more
    assert set(re.findall(r'<fieldset id="([^"]+)"', more)) == {
        "question-situation", "question-duration", "question-impact", "question-hope"}  # fmt: skip


def test_a_risk_answer_wins_over_tampered_answers(client):
    body = client.post(URLS["fr"], dict(AT_RISK, situation="<x>", hope="nope")).content.decode()
    assert 'class="crisis-first"' in body and "error-summary" not in body


@pytest.mark.parametrize("language", ["fr", "en"])
def test_right_now_answers_show_24_7_lines_as_call_buttons_above_the_list(client, language):
    answers = dict(GRIEF, situation="overwhelmed", impact="a-lot", hope="right-now")
    body = client.post(URLS[language], answers).content.decode()
    assert "crisis-first" not in body
    help_now = body[body.index('class="help-now"') : body.index('class="recommendations"')]
    assert 'class="button" href="tel:811"' in help_now


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_result_explains_itself_with_a_different_reason_each(client, language):
    body = client.post(URLS[language], GRIEF).content.decode()
    (summary,) = re.findall(r'<p class="summary">(.*?)</p>', body, re.S)
    first = re.search(r'<li class="recommendation">\s*<h3><a href="[^"]+">([^<]+)</a>', body)
    assert first.group(1) in summary
    reasons = re.findall(r'<p class="reason">(.*?)</p>', body, re.S)
    assert len(reasons) == body.count('<li class="recommendation">') >= 2
    assert len(set(reasons)) == len(reasons)
    assert ("piste la plus adaptée" if language == "fr" else "best fit") in body


def test_suicidal_thoughts_explain_why_psychotherapy_comes_next(client):
    body = client.post(URLS["en"], AT_RISK).content.decode()
    items = re.findall(r'<li class="recommendation">(.*?)</li>', body, re.S)
    (therapy,) = [item for item in items if ">Psychotherapy</a>" in item]
    assert "Once you are safe" in re.search(r'<p class="reason">(.*?)</p>', therapy, re.S)[1]


@pytest.mark.parametrize(("language", "other"), [("fr", "en"), ("en", "fr")])
def test_the_language_toggle_posts_the_same_answers_never_in_the_address(client, language, other):
    body = client.post(URLS[language], AT_RISK).content.decode()
    start = body.index('<form class="language-toggle-form"')
    toggle = body[start : body.index("</form>", start)]
    assert f'method="post" action="{URLS[other]}"' in toggle
    posted = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]+)">', toggle))
    assert posted == AT_RISK
    again = client.post(URLS[other], posted)
    assert page(again).find("html")["lang"] == other
    assert 'class="crisis-first"' in again.content.decode()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_questionnaire_is_kept_by_no_browser_cache_and_never_refilled(client, language):
    response = client.get(URLS[language])
    assert "no-store" in response.headers["Cache-Control"]
    (form,) = [f for f in page(response).find_all("form") if "data-guide" in f]
    assert form["autocomplete"] == "off"


@pytest.mark.parametrize("language", ["fr", "en"])
def test_someone_worried_about_another_person_has_a_path(client, language):
    html = page(client.get(URLS[language]))
    worried = {"fr": "/fr/inquiet-pour-un-proche/", "en": "/en/worried-about-someone/"}[language]
    assert html.find("a", href=worried) is not None
    response = client.get(worried)
    assert response.status_code == 200 and not response.cookies
    text = page(response).text
    assert "911" in text
    assert {"fr": "1 866 APPELLE", "en": "1-866-APPELLE"}[language] in text


@pytest.mark.parametrize("language", ["fr", "en"])
def test_a_missing_answer_shows_an_error_summary_and_keeps_the_others(client, language):
    partial = {k: v for k, v in GRIEF.items() if k != "impact"}
    response = client.post(URLS[language], partial)
    assert response.status_code == 200
    html = page(response)
    summary = html.find("div", class_="error-summary")
    assert summary is not None and summary["role"] == "alert"
    assert html.find("a", href="#question-impact") is not None
    checked = {
        r["name"]: r["value"] for r in html.find_all("input", type="radio") if "checked" in r
    }
    assert checked == partial
    expected = "Choisis une réponse" if language == "fr" else "Choose an answer"
    assert expected in html.text


@pytest.mark.parametrize(
    "tampered",
    [
        dict(GRIEF, situation="no-such-answer"),
        dict(GRIEF, situation="months"),  # a value from another question
        dict(GRIEF, situation="x" * 10_000),  # bodies over 16 KiB: test_admin_security.py
        dict(GRIEF, situation="<script>alert(1)</script>"),
        dict(GRIEF, extra="field", csrfmiddlewaretoken="forged"),
        {},
    ],
)
def test_tampered_answers_get_the_form_back_never_a_500_nor_an_echo(client, tampered):
    response = client.post(URLS["en"], tampered)
    assert response.status_code in (200, 400)
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "x" * 1000 not in body
    if "extra" in tampered:
        assert 'class="recommendation"' in body  # extra fields are ignored
    else:
        assert "error-summary" in body


def test_a_3_mb_body_is_a_clear_400_in_the_visitors_language(client):
    response = client.post(URLS["fr"], {"situation": "grief", "junk": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 400
    html = page(response)
    assert html.find("html")["lang"] == "fr"
    assert "pas valide" in html.text  # the French 400 page


def test_answers_are_never_stored_and_set_no_cookie(client):
    before = row_counts()
    sessions = Session.objects.count()
    for answers in (GRIEF, AT_RISK, {"situation": "grief"}):
        response = client.post(URLS["fr"], answers)
        assert not response.cookies
        assert "Set-Cookie" not in response.headers
        assert "no-store" in response.headers["Cache-Control"]
        assert response.request["QUERY_STRING"] == ""
    assert row_counts() == before
    assert Session.objects.count() == sessions
    assert not client.cookies


def test_the_result_url_carries_no_answer(client):
    response = client.post(URLS["en"], GRIEF, follow=True)
    assert response.redirect_chain == []  # rendered in place: no redirect, no query string
    assert response.request["PATH_INFO"] == URLS["en"]


def test_the_access_log_never_holds_a_query_string_or_a_body():
    path = Path(settings.BASE_DIR) / "orientation_site" / "gunicorn.conf.py"
    spec = importlib.util.spec_from_file_location("gunicorn_conf", path)
    conf = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(conf)
    log_format = conf.access_log_format
    # %(r)s is the request line, %(q)s the query string, %(h)s the client's address.
    for forbidden in ("%(r)s", "%(q)s", "%(h)s", "%({"):
        assert forbidden not in log_format
    assert "%(U)s" in log_format


def test_the_form_page_is_cached_but_the_result_is_not(client, django_assert_num_queries):
    client.get(URLS["fr"])
    with django_assert_num_queries(0):
        assert client.get(URLS["fr"]).status_code == 200
    first = client.post(URLS["fr"], GRIEF).content
    second = client.post(URLS["fr"], AT_RISK).content
    assert first != second


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_result_leads_to_where_to_go_near_you(client, language):
    body = client.post(URLS[language], GRIEF).content.decode()
    near_you = {"fr": "/fr/pres-de-chez-toi/", "en": "/en/near-you/"}[language]
    assert f'<a href="{near_you}">' in body
