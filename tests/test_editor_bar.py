"""The editor bar on public pages (issue 15): links to the admin for a logged-in editor, and
never in a page a visitor receives — neither rendered for them nor served from the cache."""

import pytest
from django.test import Client
from django.urls import reverse

from orientation_site import page_cache

from . import factories
from .admin_roles import user_in_role
from .html import page

pytestmark = pytest.mark.django_db

EDIT = {"fr": "Modifier cette page", "en": "Edit this page"}
HISTORY = {"fr": "Historique", "en": "History"}


# Each kind of page that shows one object: (public URL, the key of that object in `shown`).
SHOWN = [
    ("/fr/", "home"),
    ("/en/costs-and-coverage/", "costs"),
    ("/fr/services/aide-a-essayer/", "intervention"),
    ("/en/services/help-on-trial/", "intervention"),
    ("/fr/pres-de-chez-toi/region-essai/", "region"),
]


@pytest.fixture(autouse=True)
def shown():
    """Every fixed page, a kind of help and a region: {key: the object its page shows}."""
    objects = factories.every_page()
    objects["intervention"] = factories.intervention(
        **factories.both("slug", "aide-a-essayer", "help-on-trial")
    )
    objects["region"] = factories.region(**factories.both("slug", "region-essai", "test-region"))
    return objects


def admin_url(obj, view):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=[obj.pk])


def bar_links(response):
    html = page(response)
    return {
        "edit": (html.find("a", **{"data-editor": "edit"}) or {}).get("href"),
        "history": (html.find("a", **{"data-editor": "history"}) or {}).get("href"),
    }


@pytest.mark.parametrize(("url", "key"), SHOWN)
def test_an_editor_sees_edit_and_history_for_the_object_shown(editor, shown, url, key):
    response = editor.get(url)
    language = url[1:3]
    text = response.content.decode()
    assert EDIT[language] in text
    assert HISTORY[language] in text
    assert bar_links(response) == {
        "edit": admin_url(shown[key], "change"),
        "history": admin_url(shown[key], "history"),
    }


@pytest.mark.parametrize(
    ("path", "admin_list"),
    [
        ("/fr/quel-service-choisir/", "/admin/services/question/"),
        ("/en/near-you/", "/admin/services/region/"),
    ],
)
def test_on_a_list_page_the_bar_leads_to_the_list_in_the_admin(editor, path, admin_list):
    links = bar_links(editor.get(path))
    assert links["edit"] == admin_list
    assert links["history"] is None


@pytest.mark.parametrize(("url", "key"), SHOWN)
def test_a_visitor_never_gets_the_bar_before_or_after_an_editor(client, editor, url, key):
    assert 'class="editor-bar"' not in client.get(url).content.decode()  # now cached
    assert 'class="editor-bar"' in editor.get(url).content.decode()
    again = client.get(url)
    assert 'class="editor-bar"' not in again.content.decode()
    assert "public" in again.headers["Cache-Control"]


def test_a_forged_or_logged_out_session_gets_no_bar(client, editor):
    forged = Client()
    forged.cookies["sessionid"] = "a" * 32
    assert 'class="editor-bar"' not in forged.get("/fr/").content.decode()
    editor.get("/fr/")
    editor.logout()
    assert 'class="editor-bar"' not in editor.get("/fr/").content.decode()


def test_staff_without_admin_access_get_no_bar():
    visitor = Client()
    visitor.force_login(user_in_role("not_staff"))
    assert 'class="editor-bar"' not in visitor.get("/fr/").content.decode()


def test_a_page_rendered_with_the_bar_is_never_stored_even_if_the_cache_took_it(
    client, editor, monkeypatch
):
    """Belt and braces: should the cache ever key an editor's request, the page rendered
    with the bar is still not stored (page_cache.RENDERED_FOR_EDITOR)."""
    monkeypatch.setattr(page_cache, "is_editor_request", lambda request: False)
    assert 'class="editor-bar"' in editor.get("/fr/a-propos/").content.decode()
    assert 'class="editor-bar"' not in client.get("/fr/a-propos/").content.decode()
