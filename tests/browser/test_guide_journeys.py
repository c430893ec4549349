"""The guide, completed in a real browser, with JavaScript on and off, in both languages."""

import pytest
from playwright.sync_api import expect

START = {"fr": "/fr/", "en": "/en/"}
GUIDE_LINK = {"fr": "Quel service choisir?", "en": "Which service?"}
ANSWERS = {
    "fr": [
        "Un deuil ou une perte",
        "Quelques mois",
        "Pas mal",
        "Je me sens en sécurité",
        "Parler à quelqu'un",
    ],
    "en": ["Grief or a loss", "A few months", "Quite a lot", "I feel safe", "Talking and feeling"],
}
SUBMIT = {"fr": "Voir l'aide qui pourrait convenir", "en": "See which help may fit"}


@pytest.fixture(params=[True, False], ids=["js-on", "js-off"])
def visitor(request, browser):
    context = browser.new_context(java_script_enabled=request.param)
    yield context.new_page()
    context.close()


def answer(page, labels):
    for label in labels:
        page.get_by_label(label, exact=False).first.check()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_the_guide_completes_to_its_result(site, visitor, language):
    visitor.goto(site + START[language])
    visitor.get_by_role("navigation").get_by_role("link", name=GUIDE_LINK[language]).click()
    answer(visitor, ANSWERS[language])
    visitor.get_by_role("button", name=SUBMIT[language]).click()
    expect(visitor.locator(".recommendation").first).to_be_visible()
    assert visitor.locator(".recommendation").count() >= 2
    assert visitor.locator(".crisis-first").count() == 0
    # The address never carries an answer.
    assert "?" not in visitor.url
    assert visitor.context.cookies() == []


def test_a_risk_answer_shows_crisis_help_before_anything_else(site, visitor):
    visitor.goto(site + "/en/which-service/")
    answer(visitor, ["Grief or a loss", "A few months", "Quite a lot", "Talking and feeling"])
    visitor.get_by_label("I have thoughts of suicide", exact=False).check()
    visitor.get_by_role("button", name=SUBMIT["en"]).click()
    crisis = visitor.locator(".crisis-first")
    expect(crisis).to_be_visible()
    crisis_top = crisis.bounding_box()["y"]
    first_recommendation = visitor.locator(".recommendation").first.bounding_box()["y"]
    assert crisis_top < first_recommendation
    expect(crisis.get_by_role("link", name="1-866-277-3553", exact=False).first).to_be_visible()


def test_a_blank_answer_is_pointed_out_in_french(site, visitor):
    visitor.goto(site + "/fr/quel-service-choisir/")
    answer(visitor, ANSWERS["fr"][:2])
    visitor.get_by_role("button", name=SUBMIT["fr"]).click()
    summary = visitor.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Il manque des réponses")
    expect(visitor.get_by_label("Un deuil ou une perte")).to_be_checked()
