"""The guide in the browser's place: the form, the result, bad input, and privacy."""

import importlib.util
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import translation

from services.models import Question

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
    assert form["action"] == URLS[language] + "#main"
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
        from services.models import Intervention

        support = Intervention.objects.get(key="support")
        assert support.get_absolute_url() in body
    assert "crisis-first" not in body
    assert "tel:+18662773553" in body


@pytest.mark.parametrize("language", ["fr", "en"])
def test_risk_answer_puts_crisis_lines_first(client, language):
    body = client.post(URLS[language], AT_RISK).content.decode()
    crisis = body.index('class="crisis-first"')
    assert crisis < body.index('class="recommendations"')
    block = body[crisis : body.index("</section>", crisis)]
    for number in ("tel:911", "tel:+18662773553", "tel:988"):
        assert number in block
    assert "committed suicide" not in body.lower() and "suicide réussi" not in body.lower()


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
    assert "Requête incomprise" in html.text or "pas valide" in html.text


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
