"""What a page costs before its own content: the floor rows of `make bench`.

Served with the site's settings and middleware, next to the site's own URLs (the frame's
template links to them)."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import path

from bench.minimal_urls import minimal
from orientation_site.urls import urlpatterns as site_urlpatterns
from services.models import Intervention


def one_query(request):
    """The minimal view plus the one query every content page makes."""
    count = len(Intervention.objects.published())
    return HttpResponse(f"<!doctype html><title>ok</title><p>{count}</p>")


def frame(request):
    """The site's frame and no content: header, quick exit, language toggle, help lines
    (one query), footer — the not-found page's template, answered with a 200."""
    return render(request, "404.html")


urlpatterns = [
    path("", minimal),
    path("floor/query/", one_query),
    path("floor/frame/", frame),
    *site_urlpatterns,
]
