"""The region content (services/content/data/regions.yaml): sourced, nothing unverified shown,
seeded without undoing editors' work, and editable in the admin with history and review."""

import datetime
import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import timezone, translation

from services.content.loader import DEFAULT_CONTENT, read_content, seed_content
from services.content_rules import ACRONYM, FORBIDDEN_PHRASES, NOT_ACRONYMS
from services.editorial.readability import measure, plain_text
from services.editorial.translation_status import translated_field_names
from services.models import AccessPoint, Region

from .admin_forms import current_form_data
from .helpers import glossary_words
from .html import Page

pytestmark = [pytest.mark.django_db, pytest.mark.content]

LANGUAGES = ["fr", "en"]
# Words the research notes use for facts no source showed: never in a visitor-facing field.
UNVERIFIED = re.compile(r"to verify|à vérifier|TODO|\?\?", re.I)


def visitor_texts(obj):
    for name in translated_field_names(type(obj)):
        for language in LANGUAGES:
            yield name, language, getattr(obj, f"{name}_{language}") or ""


def test_every_region_has_its_establishment_and_every_place_its_sources():
    for region in Region.objects.all():
        kinds = set(region.access_points.values_list("kind", flat=True))
        assert AccessPoint.Kind.ESTABLISHMENT in kinds, region.key
        assert region.sources.exists(), region.key
        assert len(region.meta_description_fr) <= 160 and len(region.meta_description_en) <= 160
    for point in AccessPoint.objects.all():
        assert point.sources.exists(), point.key
        assert point.phone == "" or point.phone.isdigit(), point.key
        assert bool(point.phone) == bool(point.phone_display_fr), point.key


def test_a_place_that_serves_all_of_quebec_shows_on_every_region():
    everywhere = AccessPoint.objects.filter(region__isnull=True)
    assert everywhere.exists()
    for region in Region.objects.all():
        keys = set(AccessPoint.objects.for_region(region).values_list("key", flat=True))
        assert set(everywhere.values_list("key", flat=True)) <= keys


def test_nothing_marked_to_verify_reaches_visitors():
    shown = [
        (obj.key, name, language)
        for model in (Region, AccessPoint)
        for obj in model.objects.all()
        for name, language, text in visitor_texts(obj)
        if UNVERIFIED.search(text) or any(p in text.lower() for p in FORBIDDEN_PHRASES)
    ]
    assert shown == []
    # What still waits for a source is written down for editors.
    waiting = [r.key for r in Region.objects.all() if "TO VERIFY" in r.editor_note]
    assert len(waiting) >= 11


def test_every_acronym_on_the_region_pages_is_in_the_glossary(client):
    known = glossary_words() | NOT_ACRONYMS
    missing = {}
    for language in LANGUAGES:
        with translation.override(language):
            urls = [reverse("services:near_you")]
            urls += [r.get_absolute_url() for r in Region.objects.all()]
        for url in urls:
            body = client.get(url).content.decode()
            body = re.sub(r'<section class="page-meta".*?</section>', "", body, flags=re.S)
            body = re.sub(r"<script.*?</script>", "", body, flags=re.S)
            for acronym in set(ACRONYM.findall(Page(body).text)) - known:
                missing.setdefault(acronym, url)
    assert missing == {}


def test_the_data_file_names_known_regions_and_sources():
    content = read_content(DEFAULT_CONTENT)
    regions = {r["key"] for r in content["regions"]}
    sources = {s["key"] for s in content["sources"]}
    for record in content["access_points"]:
        assert record["region"] is None or record["region"] in regions, record["key"]
        assert set(record["sources"]) <= sources, record["key"]


def test_seeding_keeps_an_editors_change_to_a_place_and_a_region():
    point = AccessPoint.objects.get(key="cn-centre-de-crise")
    point.description_fr = "Changé par une intervenante."
    point.save()
    region = Region.objects.get(key="laval")
    region.intro_en = "Edited by a practitioner."
    region.save()
    counts = seed_content()
    point.refresh_from_db()
    region.refresh_from_db()
    assert point.description_fr == "Changé par une intervenante."
    assert region.intro_en == "Edited by a practitioner."
    assert counts["kept"] >= 2 and counts["created"] == 0


def test_a_place_an_editor_deleted_stays_deleted_and_an_unknown_region_is_refused(tmp_path):
    AccessPoint.objects.get(key="laval-ilot").delete()
    seed_content()
    assert not AccessPoint.objects.filter(key="laval-ilot").exists()
    path = tmp_path / "bad.yaml"
    path.write_text(
        "access_points:\n- {key: x, region: atlantide, kind: crisis, order: 1, phone: '',"
        " last_reviewed: '2026-11-29', sources: [], editor_note: '',"
        " name: {fr: X, en: X}, description: {fr: X, en: X}}\n",
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="unknown region 'atlantide'"):
        seed_content(path)


def test_review_due_and_check_translations_cover_regions():
    region = Region.objects.get(key="estrie")
    region.last_reviewed = datetime.date(2020, 1, 1)
    region.save()
    point = AccessPoint.objects.get(key="estrie-eclaircie")
    point.description_en = ""
    point.save()
    out = StringIO()
    call_command("review_due", stdout=out)
    assert "Estrie" in out.getvalue()
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("check_translations", stdout=out)
    assert "L'Éclaircie" in out.getvalue() and "description" in out.getvalue()


@pytest.fixture
def editor_client(client, admin_user):
    client.force_login(admin_user)
    return client


def test_the_region_form_has_french_and_english_tabs_and_its_places_inline(editor_client):
    region = Region.objects.get(key="montreal")
    url = reverse("admin:services_region_change", args=[region.pk])
    body = editor_client.get(url, headers={"Accept-Language": "en"}).content.decode()
    for field in ("name_fr", "name_en", "intro_fr", "intro_en", "access_points-0-name_en"):
        assert f'name="{field}"' in body, field
    assert "adminsortable2" in body
    assert "CIUSSS du Nord-de-l" in body


def test_an_edit_through_the_admin_is_in_the_history_and_on_the_page(editor_client, client):
    point = AccessPoint.objects.get(key="mtl-crisis-transit")
    url = reverse("admin:services_accesspoint_change", args=[point.pk])
    data = current_form_data(editor_client.get(url, headers={"Accept-Language": "en"}))
    data["description_en"] = "Checked again by the team."
    response = editor_client.post(url, data, headers={"Accept-Language": "en"})
    assert response.status_code == 302
    assert point.history.count() >= 2
    page = client.get("/en/near-you/montreal/").content.decode()
    assert "Checked again by the team." in page


def test_a_reviewer_marks_a_region_verified_today(editor_client):
    region = Region.objects.get(key="laurentides")
    region.last_reviewed = datetime.date(2020, 1, 1)
    region.save()
    response = editor_client.post(
        reverse("admin:services_region_changelist"),
        {"action": "mark_reviewed", "_selected_action": [region.pk]},
    )
    assert response.status_code == 302
    region.refresh_from_db()
    assert region.last_reviewed == timezone.localdate()


def test_a_region_saves_unchanged_through_the_admin_with_its_places(editor_client):
    region = Region.objects.get(key="nord-du-quebec")
    url = reverse("admin:services_region_change", args=[region.pk])
    data = current_form_data(editor_client.get(url, headers={"Accept-Language": "en"}))
    response = editor_client.post(url, data, headers={"Accept-Language": "en"})
    assert response.status_code == 302
    assert region.access_points.count() == 7


def test_the_roles_edit_regions_and_only_reviewers_verify_them(django_user_model):
    from django.contrib.auth.models import Group

    editor = django_user_model.objects.create_user("e", is_staff=True)
    editor.groups.add(Group.objects.get(name="Éditeur / Editor"))
    reviewer = django_user_model.objects.create_user("r", is_staff=True)
    reviewer.groups.add(Group.objects.get(name="Réviseur / Reviewer"))
    for user in (editor, reviewer):
        assert user.has_perm("services.change_region")
        assert user.has_perm("services.change_accesspoint")
    assert reviewer.has_perm("services.review_region")
    assert not editor.has_perm("services.review_region")


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_region_page_reads_plainly(language):
    """The page's own words as a whole (names of establishments included): FR Kandel-Moles
    ≥ 60, EN Flesch-Kincaid ≤ 8, as for the other pages (services/editorial/readability.py)."""
    missed = {}
    for region in Region.objects.all():
        texts = [getattr(region, f"intro_{language}"), getattr(region, f"body_{language}")]
        points = AccessPoint.objects.for_region(region)
        texts += [getattr(point, f"description_{language}") for point in points]
        figures = measure(plain_text(*texts), language)
        if not figures.meets_target:
            missed[region.key] = figures
    assert missed == {}
