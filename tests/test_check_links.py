"""check_links (issue 18): every external address in the content, checked against a local
server on 127.0.0.1 — no test touches the internet."""

import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.apps import apps
from django.core.management import CommandError, call_command
from django.urls import reverse

from services.editorial.links import check_links, check_url, collect_links
from services.models import AccessPoint, LinkCheck, Page, Resource, Source

pytestmark = pytest.mark.django_db

SLOW = 3  # seconds the /slow page takes; the tests' timeout is far shorter


class Handler(BaseHTTPRequestHandler):
    def answer(self, with_body):
        routes = {
            "/ok": (200, {}),
            "/missing": (404, {}),
            "/error": (500, {}),
            "/moved": (301, {"Location": "/ok"}),
            "/moved-to-missing": (302, {"Location": "/missing"}),
            "/loop": (302, {"Location": "/loop"}),
        }
        if self.path == "/slow":
            time.sleep(SLOW)
            status, headers = 200, {}
        elif self.path == "/endless-redirect":
            # A redirect whose body never ends: nothing of it may be read.
            self.send_response(302)
            self.send_header("Location", "/ok")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"%x\r\n%s\r\n" % (65536, b"x" * 65536)
            deadline = time.monotonic() + 20
            try:
                while time.monotonic() < deadline:
                    self.wfile.write(chunk)
            except OSError:
                pass
            return
        elif self.path.startswith("/crawl/"):
            # Each hop answers just within the timeout: the whole check must still end.
            hop = int(self.path.rsplit("/", 1)[1])
            time.sleep(0.4)
            status, headers = 302, {"Location": f"/crawl/{hop + 1}"}
        elif self.path == "/no-head":
            status, headers = (405, {}) if self.command == "HEAD" else (200, {})
        else:
            status, headers = routes.get(self.path, (404, {}))
        self.server.seen.append((self.command, self.path))
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", "2" if with_body else "0")
        self.end_headers()
        if with_body:
            self.wfile.write(b"ok")

    def do_HEAD(self):
        self.answer(with_body=False)

    def do_GET(self):
        self.answer(with_body=True)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    httpd.seen = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def refused():
    """An address where nothing listens."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


@pytest.mark.parametrize(
    ("path", "ok", "problem"),
    [
        ("/ok", True, "200"),
        ("/missing", False, "404"),
        ("/error", False, "500"),
        ("/moved", True, "200"),
        ("/moved-to-missing", False, "404"),
        ("/no-head", True, "200"),
        ("/loop", False, "too many redirects"),
    ],
)
def test_each_kind_of_answer(server, path, ok, problem):
    _httpd, base = server
    answer = check_url(base + path, timeout=1)
    assert (answer.ok, answer.problem) == (ok, problem)


def test_a_redirect_is_followed_to_its_end(server):
    _httpd, base = server
    assert check_url(base + "/moved", timeout=1).final_url == base + "/ok"


def test_head_first_then_get_only_when_needed(server):
    httpd, base = server
    httpd.seen.clear()
    check_url(base + "/ok", timeout=1)
    check_url(base + "/no-head", timeout=1)
    assert httpd.seen == [("HEAD", "/ok"), ("HEAD", "/no-head"), ("GET", "/no-head")]


def test_a_slow_server_is_a_timeout(server):
    _httpd, base = server
    started = time.monotonic()
    answer = check_url(base + "/slow", timeout=0.5)
    assert (answer.ok, answer.problem) == (False, "timeout")
    assert time.monotonic() - started < SLOW


def test_connection_refused(refused):
    answer = check_url(refused, timeout=1)
    assert (answer.ok, answer.problem) == (False, "connection refused")


def test_no_more_than_the_per_host_limit_at_once(server):
    """Politeness: at most `per_host` requests to one host at the same time."""
    httpd, base = server
    from services.editorial import links

    active, peak, lock = [0], [0], threading.Lock()
    original = links.check_url

    def counting(url, timeout):
        with lock:
            active[0] += 1
            peak[0] = max(peak[0], active[0])
        time.sleep(0.05)
        try:
            return original(url, timeout)
        finally:
            with lock:
                active[0] -= 1

    many = [links.Link(f"{base}/ok?{n}") for n in range(12)]
    links.check_url = counting
    try:
        results = check_links(many, timeout=1, workers=6, per_host=2)
    finally:
        links.check_url = original
    assert peak[0] == 2
    assert [link.url for link, _answer in results] == [link.url for link in many]


# What is collected from the content ------------------------------------------------------


def test_every_kind_of_content_address_is_collected():
    urls = {link.url: link for link in collect_links()}
    source = Source.objects.exclude(url="").first()
    assert source.url in urls
    line = Resource.objects.exclude(url_en="").first()
    assert line.url_en in urls and line.url_fr in urls
    point = AccessPoint.objects.exclude(url_fr="").first()
    assert point.url_fr in urls
    where = urls[point.url_fr].where
    assert {"model": "accesspoint", "id": point.pk, "field": "url_fr"}.items() <= next(
        w for w in where if w["model"] == "accesspoint" and w["id"] == point.pk
    ).items()


def test_links_inside_rich_text_are_collected():
    page = Page.objects.get(key=Page.Key.ABOUT)
    page.body_en = '<p>See <a href="https://example.org/inside?a=1&amp;b=2">this</a>.</p>'
    page.save()
    url = "https://example.org/inside?a=1&b=2"
    link = next(link for link in collect_links() if link.url == url)
    assert link.where[0]["field"] == "body_en" and link.where[0]["model"] == "page"


# The command, end to end -----------------------------------------------------------------


def point_everything_at(base):
    """Rewrite every address in the content to the local server's /ok, so that the
    command visits only 127.0.0.1."""
    for link in collect_links():
        for where in link.where:
            model = apps.get_model("services", where["model"])
            obj = model._base_manager.get(pk=where["id"])
            value = getattr(obj, where["field"]).replace(link.url, f"{base}/ok")
            model._base_manager.filter(pk=obj.pk).update(**{where["field"]: value})


def test_check_links_passes_when_every_address_answers(server, capsys):
    _httpd, base = server
    point_everything_at(base)
    assert {link.url for link in collect_links()} == {f"{base}/ok"}
    call_command("check_links", timeout=1)
    assert "link(s) answered" in capsys.readouterr().out
    assert not LinkCheck.objects.filter(ok=False).exists()


def test_check_links_reports_each_broken_address_where_used_and_fails(
    server, refused, capsys, editor
):
    _httpd, base = server
    point_everything_at(base)
    line = Resource.objects.exclude(url_en="").first()
    Resource.objects.filter(pk=line.pk).update(url_en=f"{base}/missing", url_fr=f"{base}/slow")
    source = Source.objects.first()
    Source.objects.filter(pk=source.pk).update(url=refused)
    with pytest.raises(CommandError, match="3 of 4 link"):
        call_command("check_links", timeout=0.5)
    out = capsys.readouterr().out
    assert f"BROKEN 404: {base}/missing" in out
    assert f"BROKEN timeout: {base}/slow" in out
    assert f"BROKEN connection refused: {refused}" in out
    assert f"«{line.name}» (#{line.pk}), field url_en" in out
    assert f"«{source}» (#{source.pk}), field url" in out

    # The admin home lists the last run's broken links.
    html = editor.get(reverse("admin:index")).content.decode()
    panel = html.split('id="broken-links"')[1].split("</section>")[0]
    assert "Broken links (3)" in panel
    assert f"{base}/missing" in panel and "404" in panel and "url_en" in panel


def test_the_admin_home_says_when_no_check_has_run(editor):
    html = editor.get(reverse("admin:index")).content.decode()
    assert "No check has run yet" in html


def test_the_panel_shows_only_places_the_user_may_view(client, django_user_model):
    """A staff member without permissions sees no object names (drafts stay private)."""
    from django.utils import timezone

    LinkCheck.objects.create(
        url="https://example.org/gone",
        where=[{"model": "intervention", "id": 1, "object": "Brouillon secret", "field": "x"}],
        ok=False,
        status=404,
        checked=timezone.now(),
    )
    nobody = django_user_model.objects.create_user("nobody", is_staff=True)
    client.force_login(nobody)
    response = client.get(reverse("admin:index"))
    html = response.content.decode()
    assert response.status_code == 200 and 'id="broken-links"' in html
    assert "Brouillon secret" not in html


def test_a_redirect_with_an_endless_body_is_followed_without_reading_it(server):
    """A review found each redirect's body read whole: an endless one grew the memory
    without limit for as long as the server kept sending."""
    _httpd, base = server
    started = time.monotonic()
    answer = check_url(f"{base}/endless-redirect", timeout=2)
    assert answer.ok and answer.final_url.endswith("/ok")
    assert time.monotonic() - started < 5


def test_slow_hops_cannot_hold_a_check_past_its_deadline(server):
    _httpd, base = server
    started = time.monotonic()
    answer = check_url(f"{base}/crawl/0", timeout=0.5)
    assert not answer.ok
    assert time.monotonic() - started < 4  # about 3 × the timeout, not 10 hops × 2 methods
