from django.http import HttpResponse
from django.urls import path


def minimal(request):
    return HttpResponse("<!doctype html><title>ok</title><p>ok</p>")


urlpatterns = [path("", minimal)]
