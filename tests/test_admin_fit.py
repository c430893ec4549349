"""The admin fits (issue 15, editors): the home grouped by what editors work on, French
agreement in the admin's sentences, one readability rule with scores on their scale."""

import pytest
from django.urls import reverse
from django.utils import translation

from services.editorial.admin.wording import DELETE_SELECTED, gender
from services.editorial.readability import SCALES, measure
from services.editorial.workbench import page_readability, readability_misses
from services.models import GlossaryTerm, Intervention

from . import factories
from .admin_forms import change

pytestmark = pytest.mark.django_db


def test_the_admin_home_lists_content_by_area_and_technical_sections_last(admin_client):
    apps = admin_client.get(reverse("admin:index"), headers={"Accept-Language": "en"}).context[
        "app_list"
    ]
    names = [str(app["name"]) for app in apps]
    assert names[:3] == ["Pages", "Kinds of help", "Comparison table"]
    content = [i for i, app in enumerate(apps) if app["app_label"] == "services"]
    technical = [i for i, app in enumerate(apps) if app["app_label"] != "services"]
    assert max(content) < min(technical)
    listed = [model["object_name"] for app in apps for model in app["models"]]
    assert len(listed) == len(set(listed))  # each model once


@pytest.mark.parametrize(
    ("model", "french"),
    [
        (Intervention, "Supprimer les interventions sélectionnées"),
        (GlossaryTerm, "Supprimer les termes du glossaire sélectionnés"),
    ],
)
def test_the_delete_action_agrees_with_the_french_noun(admin_client, model, french):
    # A list offers its actions only when it has rows.
    {Intervention: factories.intervention, GlossaryTerm: factories.glossary_term}[model]()
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    url = reverse(f"admin:services_{model._meta.model_name}_changelist")
    assert french in admin_client.get(url).content.decode()
    with translation.override("fr"):
        label = DELETE_SELECTED[gender(model)] % {
            "verbose_name_plural": model._meta.verbose_name_plural
        }
    assert str(label) == french


def test_scores_stay_on_their_scale():
    assert measure("Oui. Non. Là.", "fr").score <= SCALES["fr"][1]
    assert measure("Yes. No. Go.", "en").score >= SCALES["en"][0]


# One sentence of 30 words: over the 20-word limit in either language.
LONG = " ".join(["mot"] * 29 + ["fin."])
ROWS = {
    "plain intervention": lambda: factories.intervention(),
    "long-winded intervention": lambda: factories.intervention(
        **factories.both("summary", LONG, LONG.replace("mot", "word"))
    ),
    "plain page": lambda: factories.page("about"),
    "long-winded page": lambda: factories.page(
        "costs", **factories.both("intro", LONG, LONG.replace("mot", "word"))
    ),
}


@pytest.mark.parametrize("kind", ROWS)
def test_the_change_form_and_the_home_panel_follow_one_rule(admin_client, kind):
    obj = ROWS[kind]()
    misses = {(type(found), found.pk) for found, _code, _figures in readability_misses()}
    missed = (type(obj), obj.pk) in misses
    if kind.startswith("long-winded"):  # the panel does find something to report
        assert missed
    response = admin_client.get(change(obj))
    assert response.context["readability_missed"] == missed
    assert dict(response.context["page_readability"]) == page_readability(obj)


def test_form_errors_come_before_the_readability_panel(admin_client):
    about = factories.page("about")
    response = admin_client.post(change(about), {"title_fr": ""})
    body = response.content.decode()
    assert body.index("errornote") < body.index('id="readability"')
