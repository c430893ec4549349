"""Each change of content retires the cached pages once: one explicit list of models
(services/signals.py), not every model that shares the app label."""

import datetime

import pytest

import services.signals as signals_module
from services.models import ContentVersion, Intervention, Resource, SeedRecord, Source

pytestmark = pytest.mark.django_db


def version():
    return ContentVersion.objects.filter(pk=1).values_list("version", flat=True).first() or 0


def a_source():
    return Source.objects.create(
        key="test-source",
        title="Un document",
        language="fr",
        publisher="Un ordre",
        url="https://example.org/document",
        consulted=datetime.date(2026, 1, 1),
    )


def an_intervention():
    return Intervention.objects.create(
        key="test-help", family="support", name_fr="Aide", slug_fr="aide", slug_en="help"
    )


def a_resource():
    return Resource.objects.create(key="test-line", kind="support", name_fr="Ligne")


@pytest.mark.parametrize(
    ("make", "field"), [(a_source, "title"), (an_intervention, "name_fr"), (a_resource, "name_fr")]
)
def test_an_edit_raises_the_content_version_exactly_once(make, field):
    obj = make()  # each of these models keeps a history: its new row used to count as a change
    setattr(obj, field, "Autre nom")
    before = version()
    obj.save()
    assert version() == before + 1


@pytest.mark.parametrize("make", [a_source, an_intervention, a_resource])
def test_a_delete_raises_the_content_version_exactly_once(make):
    obj = make()
    before = version()
    obj.delete()
    assert version() == before + 1


def test_citing_a_source_raises_the_content_version_exactly_once():
    intervention, source = an_intervention(), a_source()
    before = version()
    intervention.sources.add(source)
    assert version() == before + 1


def test_bookkeeping_leaves_the_cached_pages_alone():
    before = version()
    SeedRecord.objects.create(model="services.source", key="test", values={})
    assert version() == before


def test_every_model_says_whether_it_retires_cached_pages():
    assert signals_module.every_model_is_listed() == []
