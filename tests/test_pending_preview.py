"""A pending change previewed on the real public address (issue 18: « the Editor sees their
pending version, and can preview it on the real URL, like drafts today »).
services/editorial/pending/preview.py, orientation_site/content_memo.py."""

import html
import pickle

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from django.utils import translation

from services.editorial import roles
from services.editorial.pending import changes
from services.editorial.pending.preview import preview_url
from services.models import (
    AccessPoint,
    Answer,
    ComparisonCell,
    ContentVersion,
    Criterion,
    GlossaryTerm,
    Intervention,
    Page,
    PendingChange,
    Question,
    Region,
    Resource,
)

from .admin_forms import change as change_form

pytestmark = pytest.mark.django_db

MARK = "Zzapercu"
BANNER_EN = "Preview of a pending change — visitors still see the approved version"
BANNER_FR = (
    "Aperçu d'une modification en attente — les visiteurs voient encore la version approuvée"
)


def in_french(function, *args):
    with translation.override("fr"):
        return function(*args)


def public(name):
    return in_french(reverse, name)


def first_live(model, **filters):
    return next(o for o in model.objects.filter(**filters) if roles.is_live(o))


# (what, the live object, the field changed, the French page that shows it)
CASES = {
    "intervention": (
        lambda: Intervention.objects.get(key="crisis"),
        "summary_fr",
        lambda obj: in_french(obj.get_absolute_url),
    ),
    "page": (
        lambda: Page.objects.get(key="about"),
        "intro_fr",
        lambda obj: public("services:about"),
    ),
    "help line": (
        lambda: Resource.objects.get(key="tel-jeunes"),
        "name_fr",
        lambda obj: public("services:resources"),
    ),
    "help bar": (
        lambda: first_live(Resource, in_header=True),
        "header_label_fr",
        lambda obj: public("services:home"),
    ),
    "glossary term": (
        lambda: GlossaryTerm.objects.first(),
        "definition_fr",
        lambda obj: public("services:glossary"),
    ),
    "comparison cell": (
        lambda: first_live(ComparisonCell),
        "text_fr",
        lambda obj: public("services:compare"),
    ),
    "comparison criterion": (
        lambda: Criterion.objects.first(),
        "label_fr",
        lambda obj: public("services:compare"),
    ),
    "region": (lambda: Region.objects.first(), "intro_fr", lambda o: in_french(o.get_absolute_url)),
    "place to go": (
        lambda: AccessPoint.objects.first(),
        "name_fr",
        lambda obj: in_french(obj.region.get_absolute_url),
    ),
    "guide question": (
        lambda: first_live(Question),
        "text_fr",
        lambda obj: public("services:guide"),
    ),
    "guide answer": (lambda: first_live(Answer), "text_fr", lambda obj: public("services:guide")),
}


def user(django_user_model, username):
    return django_user_model.objects.get(username=username)


def propose(obj, field, author):
    setattr(obj, field, f"{getattr(obj, field)} {MARK}".strip())
    return changes.propose(obj, author)


def client_for(django_user_model, username, group, language="en"):
    person = django_user_model.objects.create_user(username, is_staff=True)
    person.groups.add(Group.objects.get(name=group))
    client = Client(headers={"Accept-Language": language})
    client.force_login(person)
    return client


def text(response):
    return html.unescape(response.content.decode())


def cached_values():
    """Every value the cache holds, as stored (bytes): the local-memory cache's dict, or every
    key of Redis (CI's PostgreSQL + Redis run)."""
    store = getattr(cache, "_cache", None)
    if hasattr(store, "get_client"):  # django.core.cache.backends.redis
        client = store.get_client()
        return [client.get(key) for key in client.scan_iter()]
    return list(store.values()) if store is not None else []


def readable(raw):
    """A stored value as text: unpickled where it was pickled (Redis keeps integers raw)."""
    try:
        return str(pickle.loads(raw))
    except Exception:
        return str(raw)


def nothing_cached_holds(mark):
    """No value in the cache (pages, glossary index, any memo) holds `mark`."""
    return all(
        raw is None or (mark.encode() not in raw and mark not in readable(raw))
        for raw in cached_values()
    )


@pytest.mark.parametrize("case", CASES)
def test_the_editor_previews_their_change_on_the_real_address(
    case, editor, client, django_user_model
):
    get_obj, field, page_of = CASES[case]
    obj = get_obj()
    page = page_of(obj)
    assert MARK not in text(client.get(page))  # a visitor's page, now in the page cache
    pending = propose(obj, field, user(django_user_model, "editor-user"))
    url = in_french(preview_url, pending)
    assert url.startswith(page) and url.endswith(f"?preview={pending.pk}")
    version = ContentVersion.objects.get().version

    for _twice in range(2):
        preview = editor.get(url)
        assert preview.status_code == 200
        assert MARK in text(preview)
        assert BANNER_EN in text(preview)  # the admin's language (this Editor's is English)
        assert "private" in preview["Cache-Control"] and "no-store" in preview["Cache-Control"]
        assert "noindex" in preview["X-Robots-Tag"]
        assert '<meta name="robots" content="noindex, nofollow">' in text(preview)

    assert MARK not in text(editor.get(page))  # no opt-in: the approved version
    assert MARK not in text(client.get(url))  # a visitor's ?preview= is ignored
    assert MARK not in text(client.get(page))
    cache.clear()  # rendered again from the database
    assert MARK not in text(client.get(url)) and MARK not in text(client.get(page))
    assert nothing_cached_holds(MARK)
    assert ContentVersion.objects.get().version == version  # nothing was committed
    assert getattr(type(obj).objects.get(pk=obj.pk), field).find(MARK) == -1
    pending.refresh_from_db()
    assert pending.is_open


def test_a_preview_is_never_memoised(editor, client, django_user_model, settings):
    """The glossary's index is memoised per content version: a preview changing an acronym's
    expansion must neither read nor leave one (orientation_site/content_memo.py)."""
    settings.PAGE_CACHE = False  # every visitor's page rendered, reading the memo
    term = GlossaryTerm.objects.get(term_fr__contains="CLSC")
    page = Page.objects.filter(body_fr__contains="CLSC").first()
    address = in_french(page.get_absolute_url)
    term.expansion_fr = MARK
    pending = changes.propose(term, user(django_user_model, "editor-user"))
    url = in_french(preview_url, pending).replace(in_french(reverse, "services:glossary"), address)
    for _twice in range(2):
        assert f'title="{MARK}"' in text(editor.get(url))
        assert MARK not in text(client.get(address))
    assert nothing_cached_holds(MARK)


def test_the_banner_speaks_the_admins_language_french_first(django_user_model):
    french = client_for(django_user_model, "redactrice", roles.EDITOR, language="fr")
    line = Resource.objects.get(key="tel-jeunes")
    pending = propose(line, "name_en", user(django_user_model, "redactrice"))
    with translation.override("en"):
        url = preview_url(pending)  # the English page, previewed by a French-speaking editor
    page = text(french.get(url))
    assert MARK in page and BANNER_FR in page
    assert 'lang="fr"' in page.split("data-pending-preview")[0].rsplit("<div", 1)[1]
    review = reverse("admin:services_pendingchange_change", args=[pending.pk])
    assert f'href="{review}"' in page and "Revenir à la modification en attente" in page


def test_only_its_author_and_reviewers_may_preview_it(editor, reviewer, django_user_model):
    line = Resource.objects.get(key="tel-jeunes")
    pending = propose(line, "name_fr", user(django_user_model, "editor-user"))
    url = in_french(preview_url, pending)
    assert MARK in text(reviewer.get(url))
    other = client_for(django_user_model, "autre-editrice", roles.EDITOR)
    review = other.get(reverse("admin:services_pendingchange_change", args=[pending.pk]))
    assert review.status_code == 200 and "?preview=" not in text(review)  # no link offered
    refused = other.get(url)
    assert refused.status_code == 404
    assert MARK not in text(refused) and '<html lang="fr"' in text(refused)  # the page's
    viewer = client_for(django_user_model, "lecteur", roles.VIEWER)
    assert viewer.get(url).status_code == 404
    staff_without_role = django_user_model.objects.create_user("personne", is_staff=False)
    logged_in = Client()
    logged_in.force_login(staff_without_role)
    assert logged_in.get(url).status_code == 404


@pytest.mark.parametrize(
    "value", ["abc", "", "999999", "-1", "1e3", "٣", "1" * 40, "1%00", "1 OR 1=1"]
)
def test_a_bad_preview_id_is_a_clean_404(editor, value):
    response = editor.get(public("services:resources"), {"preview": value})
    assert response.status_code == 404


def test_a_closed_change_is_not_previewed(editor, reviewer, django_user_model):
    line = Resource.objects.get(key="tel-jeunes")
    pending = propose(line, "name_fr", user(django_user_model, "editor-user"))
    url = in_french(preview_url, pending)
    review = reverse("admin:services_pendingchange_change", args=[pending.pk])
    reviewer.post(review, {"_approve": 1})
    assert editor.get(url).status_code == 404


def test_a_change_approval_would_refuse_shows_why_and_the_approved_page(editor, django_user_model):
    line = Resource.objects.get(key="tel-jeunes")
    line.phone, line.name_fr = "12", f"{line.name_fr} {MARK}"
    pending = changes.propose(line, user(django_user_model, "editor-user"))
    page = text(editor.get(in_french(preview_url, pending)))
    assert "Approval would refuse this change" in page
    assert MARK not in page.split("data-pending-preview")[1].split("</div>", 2)[-1]


def test_a_new_help_line_is_previewed_before_it_exists(editor, client, django_user_model):
    line = Resource(kind=Resource.Kind.CRISIS, name_fr=f"Ligne {MARK}", name_en="ZZ line")
    line.description_fr, line.description_en, line.phone = "Une ligne.", "A line.", "18005550199"
    pending = changes.propose_new(line, user(django_user_model, "editor-user"))
    url = in_french(preview_url, pending)
    assert url.startswith(public("services:resources"))
    page = text(editor.get(url))
    assert f"Ligne {MARK}" in page and "visitors do not see it yet" in page
    assert MARK not in text(client.get(url))
    assert not Resource.objects.filter(name_fr=f"Ligne {MARK}").exists()


def test_the_forms_the_review_page_and_the_editor_bar_link_to_the_preview(
    editor, reviewer, django_user_model
):
    crisis = Intervention.objects.get(key="crisis")
    pending = propose(crisis, "summary_fr", user(django_user_model, "editor-user"))
    url = in_french(preview_url, pending)
    with translation.override("en"):  # the admin's language (these clients' is English)
        english = preview_url(pending)
    review = reverse("admin:services_pendingchange_change", args=[pending.pk])
    assert f'href="{english}"' in text(reviewer.get(review))
    assert f'href="{english}"' in text(editor.get(change_form(crisis)))
    bar = text(editor.get(in_french(crisis.get_absolute_url)))
    assert f'href="{url}" data-editor="preview"' in bar
    other = client_for(django_user_model, "autre-editrice", roles.EDITOR)
    assert 'data-editor="preview"' not in text(other.get(in_french(crisis.get_absolute_url)))


def test_a_preview_is_only_for_public_pages_and_reading(editor, django_user_model):
    line = Resource.objects.get(key="tel-jeunes")
    pending = propose(line, "name_fr", user(django_user_model, "editor-user"))
    admin_page = editor.get(reverse("admin:index"), {"preview": pending.pk})
    assert admin_page.status_code == 200 and MARK not in text(admin_page)
    head = editor.head(in_french(preview_url, pending))
    assert head.status_code == 200 and "no-store" in head["Cache-Control"]
    assert PendingChange.objects.get(pk=pending.pk).is_open
