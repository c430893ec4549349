"""The editors' workbench: history and undo, preview, translation gaps, review dates,
readability, safe rich text, ordering, the admin's language, roles, export and restore."""

import datetime
from io import StringIO

import pytest
import yaml
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse

from services.content.exporter import dump, export_content
from services.content.loader import seed_content
from services.models import Intervention, Page, PendingChange, SeedRecord

from .admin_forms import current_form_data
from .admin_roles import client_for
from .helpers import CONTENT_MODELS
from .helpers import snapshot as db_snapshot

pytestmark = pytest.mark.django_db

EN = {"Accept-Language": "en"}


@pytest.fixture
def editor():
    """An Editor ("Éditeur"), the admin in the language each request asks for."""
    return client_for("editor", language=None, username="Éditeur")


@pytest.fixture
def reviewer():
    """A Reviewer ("Réviseur"), the admin in the language each request asks for."""
    return client_for("reviewer", language=None, username="Réviseur")


def admin_home_panel(client, user, panel_id):
    """The admin home's section `panel_id` as `user` sees it in English (HTML to </section>)."""
    client.force_login(user)
    body = client.get(reverse("admin:index"), headers=EN).content.decode()
    panel = body[body.index(f'id="{panel_id}"') :]
    return panel[: panel.index("</section>")]


def change_url(obj):
    meta = obj._meta
    return reverse(f"admin:services_{meta.model_name}_change", args=[obj.pk])


def save_through_admin(client, obj, **changes):
    url = change_url(obj)
    data = current_form_data(client.get(url, headers=EN))
    data.update(changes)
    response = client.post(url, data, headers=EN)
    assert response.status_code == 302, response.context["adminform"].form.errors
    obj.refresh_from_db()
    return response


# --- History and undo --------------------------------------------------------------------------


def test_history_shows_who_changed_what_and_reverts_both_languages(reviewer, editor):
    """A Reviewer's change (live at once: the only Reviewer), reverted by an Editor through
    History: the revert waits for the Reviewer like any other change (issue 18)."""
    coaching = Intervention.objects.get(key="coaching")
    original = (coaching.summary_fr, coaching.summary_en)
    save_through_admin(
        reviewer, coaching, summary_fr="Résumé modifié.", summary_en="Edited summary."
    )
    assert (coaching.summary_fr, coaching.summary_en) == ("Résumé modifié.", "Edited summary.")

    history = editor.get(
        reverse("admin:services_intervention_history", args=[coaching.pk]), headers=EN
    )
    body = history.content.decode()
    assert "Edited summary." in body and "Résumé modifié." in body  # the readable diff
    assert "Réviseur" in body  # who: the Reviewer's username

    before_edit = coaching.history.order_by("history_date")[0]
    revert_url = reverse(
        "admin:services_intervention_simple_history", args=[coaching.pk, before_edit.history_id]
    )
    data = current_form_data(editor.get(revert_url, headers=EN))
    assert editor.post(revert_url, data, headers=EN).status_code == 302
    coaching.refresh_from_db()
    assert (coaching.summary_fr, coaching.summary_en) == ("Résumé modifié.", "Edited summary.")
    pending = PendingChange.objects.open().for_object(coaching).get()
    assert (pending.values["summary_fr"], pending.values["summary_en"]) == original

    reviewed = reverse("admin:services_pendingchange_change", args=[pending.pk])
    assert reviewer.post(reviewed, {"_approve": "1"}).status_code == 302
    coaching.refresh_from_db()
    assert (coaching.summary_fr, coaching.summary_en) == original


# --- Draft and preview -------------------------------------------------------------------------


def test_a_draft_is_hidden_from_visitors_but_previewed_by_staff(client, editor):
    crisis = Intervention.objects.get(key="crisis")
    crisis.status = Intervention.Status.DRAFT
    crisis.save()
    url = "/en/services/crisis-intervention/"
    assert Client().get(url).status_code == 404
    preview = editor.get(url)
    assert preview.status_code == 200
    assert "Preview — draft" in preview.content.decode()
    assert "private" in preview.headers["Cache-Control"]


def test_the_change_form_links_to_the_page_in_each_language(editor):
    crisis = Intervention.objects.get(key="crisis")
    body = editor.get(change_url(crisis), headers=EN).content.decode()
    assert 'href="/fr/services/intervention-de-crise/"' in body
    assert 'href="/en/services/crisis-intervention/"' in body


def test_only_a_reviewer_can_publish(editor, reviewer):
    crisis = Intervention.objects.get(key="crisis")
    form = editor.get(change_url(crisis), headers=EN)
    assert "status" not in form.context["adminform"].form.fields  # read-only for editors
    changelist = reverse("admin:services_intervention_changelist")
    assert (
        "publish"
        not in editor.get(changelist, headers=EN)
        .context["action_form"]
        .fields["action"]
        .choices.__repr__()
    )

    crisis.status = Intervention.Status.DRAFT
    crisis.save()
    response = reviewer.post(
        changelist, {"action": "publish", "_selected_action": [crisis.pk]}, headers=EN
    )
    assert response.status_code == 302
    crisis.refresh_from_db()
    assert crisis.status == Intervention.Status.PUBLISHED


# --- Translation gaps --------------------------------------------------------------------------


def test_check_translations_fails_on_a_blanked_field_and_the_dashboard_lists_it(client, admin_user):
    call_command("check_translations", stdout=StringIO())  # seeded content: complete
    crisis = Intervention.objects.get(key="crisis")
    crisis.cost_en = ""
    crisis.save()
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("check_translations", stdout=out)
    assert "missing in EN: cost" in out.getvalue()

    assert change_url(crisis) in admin_home_panel(client, admin_user, "translation-gaps")


def test_visitors_never_see_a_blank(client):
    crisis = Intervention.objects.get(key="crisis")
    crisis.cost_en = ""
    crisis.save()
    body = client.get("/en/services/crisis-intervention/").content.decode()
    assert '<div lang="fr">' in body


# --- Review dates ------------------------------------------------------------------------------


def test_visitors_see_who_reviewed_a_page_and_when(client):
    coaching = Intervention.objects.get(key="coaching")
    coaching.reviewer_name = "Marie Tremblay"
    coaching.reviewer_profession_fr = "travailleuse sociale"
    coaching.reviewer_profession_en = "social worker"
    coaching.save()
    assert (
        "Révisé par Marie Tremblay, travailleuse sociale, le"
        in client.get("/fr/services/coaching/").content.decode()
    )
    assert (
        "Reviewed by Marie Tremblay, social worker, on"
        in client.get("/en/services/coaching/").content.decode()
    )


@override_settings(REVIEW_INTERVAL_DAYS=30)
def test_pages_older_than_the_interval_are_due(client, admin_user):
    old = Intervention.objects.get(key="support")
    old.last_reviewed = datetime.date.today() - datetime.timedelta(days=31)
    old.save()
    out = StringIO()
    call_command("review_due", stdout=out)
    assert str(old) in out.getvalue() and "older than 30 days" in out.getvalue()
    assert str(old) in admin_home_panel(client, admin_user, "review-due")


def test_a_reviewer_marks_pages_as_reviewed_today(reviewer):
    support = Intervention.objects.get(key="support")
    support.last_reviewed = datetime.date(2020, 1, 1)
    support.save()
    reviewer.post(
        reverse("admin:services_intervention_changelist"),
        {"action": "mark_reviewed", "_selected_action": [support.pk]},
    )
    support.refresh_from_db()
    assert support.last_reviewed == datetime.date.today()


# --- Readability -------------------------------------------------------------------------------


def test_the_change_form_shows_readability_per_field_and_language(editor):
    body = editor.get(change_url(Intervention.objects.get(key="crisis")), headers=EN)
    text = body.content.decode()
    assert "Flesch-Kincaid grade" in text and "Kandel-Moles" in text
    assert "Aim for 8 or less" in text and "Aim for 60 or more" in text
    assert len(body.context["readability"]) >= 14  # 8 fields × 2 languages


def test_the_dashboard_lists_pages_that_are_hard_to_read(client, admin_user):
    about = Page.objects.get(key="about")
    about.body_en = (
        "<p>Notwithstanding the aforementioned considerations, institutional "
        "psychotherapeutic interventions necessitate comprehensive multidisciplinary "
        "evaluation, particularly regarding organizational accountability, "
        "epidemiological surveillance and intergovernmental administrative coordination.</p>"
    )
    about.save()
    client.force_login(admin_user)
    body = client.get(reverse("admin:index"), headers=EN).content.decode()
    panel = body[body.index('id="readability-misses"') :]
    assert str(about) in panel[: panel.index("</section>")]


# --- Safe rich text ----------------------------------------------------------------------------

XSS = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="javascript:alert(1)">x</a>',
    '<p style="position:fixed;top:0">x</p>',
    '<svg onload="alert(1)">',
    '<iframe src="https://evil.example"></iframe>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    "<object data=x></object>",
    '<p onclick="alert(1)">x</p>',
    '<form action="https://evil.example"><input name=q></form>',
    "<style>body{display:none}</style>",
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
]
FORBIDDEN = ["<script", "onerror", "javascript:", "style=", "<svg", "<iframe", "onclick",
             "<object", "<form", "<style", "data:text"]  # fmt: skip
RICH_FIELDS = [(Intervention, "crisis", f) for f in Intervention.RICH_TEXT_FIELDS] + [
    (Page, "about", "body")
]


@pytest.mark.parametrize(("model", "key", "field"), RICH_FIELDS)
def test_every_rich_text_field_is_sanitised_on_save_and_render(client, model, key, field):
    obj = model.objects.get(key=key)
    for language in ("fr", "en"):
        setattr(obj, f"{field}_{language}", "<p>Texte</p>" + "".join(XSS))
    obj.save()
    obj.refresh_from_db()
    for language in ("fr", "en"):
        stored = getattr(obj, f"{field}_{language}").lower()
        assert not [bad for bad in FORBIDDEN if bad in stored], (field, language, stored)
        page = client.get(obj.get_absolute_url().replace("/fr/", f"/{language}/", 1))
        if language == "fr":
            body = page.content.decode().lower()
            main = body[body.index("<main") : body.index("</main>")]
            assert not [bad for bad in FORBIDDEN if bad in main], field


# --- Ordering, language, roles -----------------------------------------------------------------


@pytest.mark.parametrize(
    "model", ["intervention", "criterion", "resource", "question", "region", "accesspoint"]
)
def test_lists_are_ordered_by_drag_and_drop(client, admin_user, model):
    client.force_login(admin_user)
    body = client.get(reverse(f"admin:services_{model}_changelist")).content.decode()
    assert "adminsortable2" in body


def test_the_admin_speaks_the_editors_language(editor):
    url = change_url(Intervention.objects.get(key="crisis"))
    french = editor.get(url, headers={"Accept-Language": "fr"}).content.decode()
    english = editor.get(url, headers=EN).content.decode()
    assert "Le jour où les faits de cette page ont été vérifiés" in french
    assert "facts were last checked" in english


def test_editors_edit_content_but_not_users(editor):
    assert editor.get(reverse("admin:services_intervention_changelist")).status_code == 200
    assert editor.get(reverse("admin:auth_user_changelist")).status_code == 403
    assert editor.get(reverse("admin:auth_group_changelist")).status_code == 403


# --- Export and restore ------------------------------------------------------------------------


def by_key():
    """Every field of every content object, keyed by natural keys instead of database ids."""
    state = {}
    for (model_name, _pk), values in db_snapshot().items():
        values = {k: v for k, v in values.items() if k not in {"id"} and not k.endswith("_id")}
        key = values.get("key") or repr(sorted(values.items()))
        state[(model_name, key)] = values
    return state


def test_export_then_seed_into_an_empty_database_reproduces_every_field(tmp_path):
    coaching = Intervention.objects.get(key="coaching")
    coaching.summary_fr = "Changé par une éditrice."
    coaching.reviewer_name = "Marie Tremblay"
    coaching.save()
    before = by_key()
    path = tmp_path / "export.yaml"
    path.write_text(dump(export_content()), encoding="utf-8")
    assert yaml.safe_load(path.read_text())["interventions"]

    from services.models import Question

    Question.objects.all().delete()  # the guide first: its rules protect what they name
    for model in reversed(CONTENT_MODELS):
        model.objects.all().delete()
    SeedRecord.objects.all().delete()
    seed_content(path)
    assert by_key() == before
    assert Intervention.objects.get(key="coaching").summary_fr == "Changé par une éditrice."


@pytest.mark.parametrize(
    "model",
    ["intervention", "criterion", "comparisoncell", "resource", "glossaryterm", "page", "source",
     "question", "answer", "answerweight", "region", "accesspoint"],
)  # fmt: skip
def test_every_content_model_has_a_history_page(client, admin_user, model):
    from django.apps import apps

    obj = apps.get_model("services", model).objects.first()
    client.force_login(admin_user)
    response = client.get(reverse(f"admin:services_{model}_history", args=[obj.pk]))
    assert response.status_code == 200
