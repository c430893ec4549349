"""Links that can't rot (issue 18): every external address in the content, and whether it
still answers. Used by `manage.py check_links` and the admin home's « Broken links » panel.

HTTP through `requests` (already locked in constraints.txt, mature, synchronous, and its
redirect, timeout and TLS handling is what we need); a small thread pool gives concurrency
without an event loop. Politeness: DJANGO_LINK_CHECK_WORKERS requests at once in all, and
DJANGO_LINK_CHECK_PER_HOST at once to any one host (many of our links point at the same few
government sites).
"""

import html
import re
import threading
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import zip_longest
from urllib.parse import urljoin, urlsplit

import requests
from django.apps import apps
from django.conf import settings
from django.db import models, transaction
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.text import capfirst

from services.languages import LANGUAGE_CODES, field_in
from services.models import LinkCheck

from .workbench import change_url

# Bookkeeping, and simple-history's copies (their links are the past, not the site).
NOT_CONTENT = {"linkcheck", "outdatedtranslation", "seedrecord", "contentversion"}
# Notes between editors are not the site.
NOT_SCANNED = {"editor_note", "note"}
HREF = re.compile(r"""href\s*=\s*["'](https?://[^"'\s<>]+)["']""", re.IGNORECASE)
# Servers that refuse HEAD, or answer it wrongly, get a GET.
RETRY_WITH_GET = {400, 403, 404, 405, 406, 429, 500, 501, 502, 503}
MAX_REDIRECTS = 10
USER_AGENT = "OrientationLinkCheck/1.0 (checks the links of a public information site)"


@dataclass
class Link:
    """One external address and every place it is used: [{kind, model, id, object, field,
    admin_url}]."""

    url: str
    where: list = field(default_factory=list)


@dataclass(frozen=True)
class Answer:
    """What one address gave: ok, HTTP status (None without an answer), error (a few words),
    final_url (after redirects)."""

    ok: bool
    status: int | None = None
    error: str = ""
    final_url: str = ""

    @property
    def problem(self):
        return self.error or str(self.status)


def content_models():
    for model in apps.get_app_config("services").get_models():
        name = model._meta.model_name
        if name not in NOT_CONTENT and not name.startswith("historical"):
            yield model


def url_columns(model):
    """(URL fields, text fields) holding addresses: per-language columns for translated ones
    (url_fr, url_en), never the untranslated shadow column modeltranslation keeps."""
    names = {f.name for f in model._meta.concrete_fields}
    urls, texts = [], []
    for f in model._meta.concrete_fields:
        translated = any(field_in(f.name, code) in names for code in LANGUAGE_CODES)
        if translated or f.name in NOT_SCANNED:
            continue
        if isinstance(f, models.URLField):
            urls.append(f.name)
        elif isinstance(f, models.TextField):
            texts.append(f.name)
    return urls, texts


def place(obj, field_name):
    meta = obj._meta
    try:
        admin_url = change_url(obj)
    except NoReverseMatch:
        admin_url = ""
    return {
        "kind": str(capfirst(meta.verbose_name)),
        "model": meta.model_name,
        "id": obj.pk,
        "object": str(obj),
        "field": field_name,
        "admin_url": admin_url,
    }


def collect_links():
    """[Link] for every http(s) address in the content: URL fields and links inside text."""
    found = {}
    for model in content_models():
        urls, texts = url_columns(model)
        if not urls and not texts:
            continue
        for obj in model._base_manager.all():
            for name in urls:
                value = (getattr(obj, name) or "").strip()
                if value.startswith(("http://", "https://")):
                    found.setdefault(value, Link(value)).where.append(place(obj, name))
            for name in texts:
                for found_href in HREF.findall(getattr(obj, name) or ""):
                    value = html.unescape(found_href)  # « &amp; » in a stored href
                    found.setdefault(value, Link(value)).where.append(place(obj, name))
    return sorted(found.values(), key=lambda link: link.url)


def describe(error):
    """A few words for a failed request, for editors."""
    if isinstance(error, requests.Timeout):
        return "timeout"
    if isinstance(error, requests.TooManyRedirects):
        return "too many redirects"
    if isinstance(error, requests.exceptions.SSLError):
        return "TLS certificate error"
    if isinstance(error, requests.ConnectionError):
        text = str(error).lower()
        if "refused" in text:
            return "connection refused"
        if "name or service" in text or "resolve" in text or "nodename" in text:
            return "unknown host"
        return "connection failed"
    return type(error).__name__


_sessions = threading.local()


def session():
    if not hasattr(_sessions, "session"):
        _sessions.session = requests.Session()
        _sessions.session.max_redirects = MAX_REDIRECTS
        _sessions.session.headers["User-Agent"] = USER_AGENT
    return _sessions.session


def status_of(method, url, timeout, deadline):
    """(status, final URL) of `method` on `url`, following up to MAX_REDIRECTS redirects by
    hand: no body is ever read (requests reads each redirect's body whole: a redirect with an
    endless body used to grow the memory without limit), and no hop starts after `deadline`
    (time.monotonic(), seconds). Raises requests.Timeout or requests.TooManyRedirects."""
    for _hop in range(MAX_REDIRECTS + 1):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise requests.Timeout(f"no answer within {timeout} s")
        with session().request(
            method, url, timeout=min(timeout, remaining), allow_redirects=False, stream=True
        ) as response:
            if not response.is_redirect:
                return response.status_code, url
            url = urljoin(url, response.headers["Location"])
    raise requests.TooManyRedirects(f"more than {MAX_REDIRECTS} redirects")


def check_url(url, timeout):
    """HEAD, then GET when HEAD fails or is refused; redirects followed. Returns an Answer.

    `timeout` (seconds) bounds each wait for the server, and the whole check to about three
    times that: a server that keeps answering slowly cannot hold a worker for long.
    """
    answer = None
    deadline = time.monotonic() + 3 * timeout
    for method in ("HEAD", "GET"):
        try:
            status, final = status_of(method, url, timeout, deadline)
            answer = Answer(status < 400, status, "", final)
        except requests.RequestException as error:
            answer = Answer(False, None, describe(error), "")
            if isinstance(error, requests.Timeout | requests.TooManyRedirects):
                return answer  # a GET would wait as long
        if answer.ok or (answer.status not in RETRY_WITH_GET and answer.status is not None):
            return answer
        if answer.status is None and answer.error == "connection refused":
            return answer
    return answer


def interleaved(links):
    """Links ordered host by host in turn, so that the per-host limit rarely holds a worker."""
    by_host = defaultdict(list)
    for link in links:
        by_host[urlsplit(link.url).hostname].append(link)
    return [link for row in zip_longest(*by_host.values()) for link in row if link]


def check_links(links, timeout=None, workers=None, per_host=None):
    """[(Link, Answer)] in the order of `links`."""
    timeout = settings.LINK_CHECK_TIMEOUT if timeout is None else timeout
    workers = workers or settings.LINK_CHECK_WORKERS
    per_host = per_host or settings.LINK_CHECK_PER_HOST
    gates = defaultdict(lambda: threading.BoundedSemaphore(per_host))
    lock = threading.Lock()

    def gate(url):
        with lock:
            return gates[urlsplit(url).hostname]

    def one(link):
        with gate(link.url):
            return link, check_url(link.url, timeout)

    with ThreadPoolExecutor(max_workers=workers) as pool:
        results = {link.url: (link, answer) for link, answer in pool.map(one, interleaved(links))}
    return [results[link.url] for link in links]


def save_results(results):
    """Replace the last run's report with this one (LinkCheck rows)."""
    now = timezone.now()
    with transaction.atomic():
        LinkCheck.objects.all().delete()
        LinkCheck.objects.bulk_create(
            LinkCheck(
                url=link.url,
                where=link.where,
                ok=answer.ok,
                status=answer.status,
                error=answer.error[:300],
                final_url=answer.final_url[:2000],
                checked=now,
            )
            for link, answer in results
        )
