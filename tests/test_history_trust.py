"""History a person can trust (issue 15): only real changes, a readable word diff in the admin's
language, reverts named as such, and a comparison on the revert page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from services.editorial import history
from services.editorial.admin.history import changes_between, revert_label
from services.models import GlossaryTerm, Intervention

from . import factories
from .admin_forms import change, form_data

pytestmark = pytest.mark.django_db


def test_line_endings_and_empty_values_are_not_changes():
    assert history.normalise("a\r\nb") == history.normalise("a\nb")
    assert history.normalise(None) == history.normalise("")
    assert history.normalise("fin  \r\n") == history.normalise("fin\n")


def test_the_word_diff_shows_whole_words_never_elided_characters():
    old = "Help people find their strengths"
    new = "Help people find and use their strengths"
    segments = history.word_diff(old, new)
    assert ("added", "and use") in segments
    shown = "".join(text for _kind, text in segments)
    assert "chars]" not in shown and "Help people find" in shown


def test_a_rewritten_text_reads_whole_old_then_new():
    segments = history.word_diff("Help to reach a goal.", "Edited summary.")
    assert segments == [
        ("removed", "Help to reach a goal."),
        ("same", " "),
        ("added", "Edited summary."),
    ]


def test_a_long_unchanged_stretch_keeps_its_words_around_the_change():
    words = " ".join(f"mot{i}" for i in range(60))
    segments = history.word_diff(words, words + " ajouté")
    same = segments[0][1]
    assert same.startswith("…") and "mot59" in same and "mot53" not in same
    assert segments[-1][0] == "added"


def test_a_revert_is_named_in_the_admins_language():
    when = timezone.make_aware(datetime.datetime(2026, 11, 3, 14, 5))
    reason = f"{history.REVERT_REASON}{when.isoformat()}"
    with translation.override("fr"):
        assert revert_label(reason).startswith("Restauré à partir de la version du 3 novembre 2026")
    with translation.override("en"):
        assert revert_label(reason).startswith("Restored from the version of")
    assert revert_label("Moved by drag and drop") == "Moved by drag and drop"


def test_a_one_field_edit_records_exactly_one_changed_field(reviewer):
    term = factories.glossary_term()
    before = term.history.count()
    data = form_data(reviewer, term)
    # Browsers send text areas with \r\n: that alone is not a change.
    data = {k: v.replace("\n", "\r\n") if isinstance(v, str) else v for k, v in data.items()}
    data["definition_en"] = data["definition_en"] + " More."
    assert reviewer.post(change(term), data).status_code == 302
    assert term.history.count() == before + 1
    latest, previous = term.history.all()[:2]
    rows = changes_between(GlossaryTerm, previous, latest)
    assert [row["field"] for row in rows] == ["Definition [EN]"]
    assert "<ins>" in str(rows[0]["diff"]) and "None" not in str(rows[0]["diff"])


def test_saving_without_a_change_records_nothing(editor):
    term = factories.glossary_term()
    before = term.history.count()
    assert editor.post(change(term), form_data(editor, term)).status_code == 302
    term.refresh_from_db()
    term.save()
    assert term.history.count() == before


def test_history_page_in_french_with_the_diff_and_a_revert_named(reviewer):
    reviewer.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr"
    term = factories.glossary_term()
    old = term.history.latest()
    data = form_data(reviewer, term) | {"definition_fr": "Une toute nouvelle définition."}
    reviewer.post(change(term), data)
    revert_url = reverse("admin:services_glossaryterm_simple_history", args=[term.pk, old.pk])
    page = reviewer.get(revert_url)
    body = page.content.decode()
    assert "comparée à la version actuelle" in body
    assert "<del>" in body and "<ins>" in body
    assert body.index("revert-comparison") < body.index('name="_save"')
    reviewer.post(revert_url, form_data_from(page))
    body = reviewer.get(reverse("admin:services_glossaryterm_history", args=[term.pk])).content
    body = body.decode()
    assert "Restauré à partir de la version du" in body
    assert "Historique" in body and "None" not in body


def form_data_from(response):
    from .admin_forms import current_form_data

    return current_form_data(response)


def test_rich_text_changes_are_compared_as_words(editor):
    crisis = factories.intervention(cost_fr="<p>Gratuit.</p><p>Sans rendez-vous.</p>")
    old = crisis.history.latest()
    crisis.cost_fr = crisis.cost_fr.replace("<p>", "<p><strong>", 1).replace(
        "</p>", "</strong></p>", 1
    )
    crisis.save()
    with translation.override("en"):
        rows = changes_between(Intervention, old, crisis.history.latest())
    assert len(rows) == 1 and "formatting changed" in str(rows[0]["diff"])


def test_a_change_of_sources_alone_is_recorded(reviewer):
    crisis = factories.intervention(sources=[factories.source(), factories.source()])
    before = crisis.history.count()
    data = form_data(reviewer, crisis)
    data["sources"] = data["sources"][:-1]
    assert reviewer.post(change(crisis), data).status_code == 302
    assert crisis.history.count() == before + 1
