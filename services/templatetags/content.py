from django import template
from django.utils.safestring import mark_safe

from ..sanitize import clean_html

register = template.Library()


@register.filter
def rich(value):
    """Render an editor's rich text, keeping only the allowed formatting."""
    return mark_safe(clean_html(value))  # noqa: S308  (sanitised just above)
