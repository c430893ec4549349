"""The admin home page's safeguard panels: outdated translations and broken links (issue 18).

Each is its own partial in templates/admin/partials/, included from admin/index.html.
"""

from django import template
from django.apps import apps
from django.conf import settings
from django.utils.text import capfirst

from services.editorial.outdated import outdated_report
from services.models import LinkCheck

from .workbench import viewable

register = template.Library()


@register.simple_tag
def outdated_translations(user):
    """{"items": [Stale], "grace": days}: what `user` may view, oldest first."""
    models = [m for m in apps.get_app_config("services").get_models() if viewable(user, m)]
    return {
        "items": outdated_report(models) if models else [],
        "grace": settings.TRANSLATION_GRACE_DAYS,
    }


def kind(model_name):
    try:
        return capfirst(apps.get_model("services", model_name)._meta.verbose_name)
    except LookupError:
        return model_name


@register.simple_tag
def last_link_check(user):
    """{"checked": datetime or None, "total": n, "broken": [LinkCheck]} of the last run, each
    broken link with only the places `user` may view (a link used nowhere they may view is
    left out: draft names stay private)."""
    checks = list(LinkCheck.objects.all())
    allowed = {
        m._meta.model_name
        for m in apps.get_app_config("services").get_models()
        if viewable(user, m)
    }
    broken = []
    for check in checks:
        check.where = [place for place in check.where if place["model"] in allowed]
        for place in check.where:
            # Named in the admin's language, not the one the command ran in.
            place["kind"] = kind(place["model"])
        if not check.ok and check.where:
            broken.append(check)
    return {
        "checked": max((c.checked for c in checks), default=None),
        "total": len(checks),
        "broken": broken,
    }
