"""The admin fits (issue 15, editors): the home grouped by what editors work on, French
agreement in the admin's sentences, one readability rule with scores on their scale."""

import pytest
from django.urls import reverse
from django.utils import translation

from services.editorial.admin.wording import DELETE_SELECTED, gender
from services.editorial.readability import SCALES, measure
from services.editorial.workbench import page_readability, readability_misses
from services.models import GlossaryTerm, Intervention, Page

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


def test_the_change_form_and_the_home_panel_follow_one_rule(admin_client):
    misses = {(type(obj), obj.pk) for obj, _code, _figures in readability_misses()}
    for obj in [*Intervention.objects.all()[:3], *Page.objects.all()[:3]]:
        response = admin_client.get(change(obj))
        figures = page_readability(obj)
        assert response.context["readability_missed"] == ((type(obj), obj.pk) in misses)
        assert dict(response.context["page_readability"]) == figures


def test_form_errors_come_before_the_readability_panel(admin_client):
    about = Page.objects.get(key="about")
    response = admin_client.post(change(about), {"title_fr": ""})
    body = response.content.decode()
    assert body.index("errornote") < body.index('id="readability"')
