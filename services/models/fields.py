"""What several models' fields share: length bounds, the rich-text field and its cleaning.

The fields a whole kind of model shares (review dates, sources, the editors' note) come from
the abstract bases in `bases.py`, not from here.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from ..languages import LANGUAGE_CODES, field_in, in_language
from ..sanitize import clean_html

# Upper bounds for long texts, far above what any page needs (the longest seeded text is about
# 2,000 characters): they keep one save from feeding megabytes to every later step (issue 14).
RICH_TEXT_MAX_LENGTH = 10_000
PARAGRAPH_MAX_LENGTH = 1_000
NOTE_MAX_LENGTH = 5_000

HTML_HELP = _(
    "Short paragraphs and lists. Bold, italics and links are kept; any other formatting is "
    "removed when the page is shown."
)


def sanitise_rich_text(obj):
    """Clean every language of every field in `obj.RICH_TEXT_FIELDS` before it is stored."""
    for field in obj.RICH_TEXT_FIELDS:
        for code in LANGUAGE_CODES:
            value = in_language(obj, field, code)
            if value:
                setattr(obj, field_in(field, code), clean_html(value))


def rich_text_field(verbose_name, **kwargs):
    return models.TextField(
        verbose_name, max_length=RICH_TEXT_MAX_LENGTH, help_text=HTML_HELP, **kwargs
    )


def order_field():
    return models.PositiveIntegerField(
        _("order"), default=0, db_index=True, help_text=_("Smaller numbers come first.")
    )
