"""The editor bar on public pages (issue 15): links to the admin for a logged-in editor, and
never in a page a visitor receives — neither rendered for them nor served from the cache."""

import pytest
from django.test import Client
from django.urls import reverse

from orientation_site import page_cache
from services.models import Intervention, Page, Region

from .html import page

pytestmark = pytest.mark.django_db

EDIT = {"fr": "Modifier cette page", "en": "Edit this page"}
HISTORY = {"fr": "Historique", "en": "History"}


def shown_objects():
    """(public URL, the object it shows) for each kind of page that shows one object."""
    crisis = Intervention.objects.get(key="crisis")
    region = Region.objects.get(slug_fr="montreal")
    return [
        ("/fr/", Page.objects.get(key="home")),
        ("/en/costs-and-coverage/", Page.objects.get(key="costs")),
        ("/fr/services/intervention-de-crise/", crisis),
        ("/en/services/crisis-intervention/", crisis),
        ("/fr/pres-de-chez-toi/montreal/", region),
    ]


def admin_url(obj, view):
    meta = obj._meta
    return reverse(f"admin:{meta.app_label}_{meta.model_name}_{view}", args=[obj.pk])


def bar_links(response):
    html = page(response)
    return {
        "edit": (html.find("a", **{"data-editor": "edit"}) or {}).get("href"),
        "history": (html.find("a", **{"data-editor": "history"}) or {}).get("href"),
    }


def test_an_editor_sees_edit_and_history_for_the_object_shown(editor):
    for url, obj in shown_objects():
        response = editor.get(url)
        language = url[1:3]
        text = response.content.decode()
        assert EDIT[language] in text and HISTORY[language] in text, url
        assert bar_links(response) == {
            "edit": admin_url(obj, "change"),
            "history": admin_url(obj, "history"),
        }, url


@pytest.mark.parametrize("path", ["/fr/quel-service-choisir/", "/en/near-you/"])
def test_on_a_list_page_the_bar_leads_to_the_list_in_the_admin(editor, path):
    links = bar_links(editor.get(path))
    assert links["edit"] in ("/admin/services/question/", "/admin/services/region/"), links
    assert links["history"] is None


def test_a_visitor_never_gets_the_bar_before_or_after_an_editor(client, editor):
    for url, _obj in shown_objects():
        assert 'class="editor-bar"' not in client.get(url).content.decode(), url  # now cached
        assert 'class="editor-bar"' in editor.get(url).content.decode(), url
        again = client.get(url)
        assert 'class="editor-bar"' not in again.content.decode(), url
        assert "public" in again.headers["Cache-Control"], url


def test_a_forged_or_logged_out_session_gets_no_bar(client, editor):
    forged = Client()
    forged.cookies["sessionid"] = "a" * 32
    assert 'class="editor-bar"' not in forged.get("/fr/").content.decode()
    editor.get("/fr/")
    editor.logout()
    assert 'class="editor-bar"' not in editor.get("/fr/").content.decode()


def test_staff_without_admin_access_get_no_bar(django_user_model):
    user = django_user_model.objects.create_user("not-staff", password="x" * 16)
    visitor = Client()
    visitor.force_login(user)
    assert 'class="editor-bar"' not in visitor.get("/fr/").content.decode()


def test_a_page_rendered_with_the_bar_is_never_stored_even_if_the_cache_took_it(
    client, editor, monkeypatch
):
    """Belt and braces: should the cache ever key an editor's request, the page rendered
    with the bar is still not stored (page_cache.RENDERED_FOR_EDITOR)."""
    monkeypatch.setattr(page_cache, "is_editor_request", lambda request: False)
    assert 'class="editor-bar"' in editor.get("/fr/a-propos/").content.decode()
    assert 'class="editor-bar"' not in client.get("/fr/a-propos/").content.decode()
