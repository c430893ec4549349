"""The site's fixed pages: one registry (key → URL segment → URL name → template → sitemap)
and the `Page` rows that hold their editable words.

`PAGES` is the one declaration: `Page.Key` (the rows' keys), `services/urls.py` (the
addresses), `services/catalogue/sitemaps.py` and `Page.get_absolute_url` derive from it. The rows
themselves exist from a data migration (0018), so a migrated but unseeded database serves
every page; `seed_content` then fills their words.
"""

from typing import NamedTuple

from django.db import models
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .bases import ReviewedPage
from .fields import PARAGRAPH_MAX_LENGTH, rich_text_field


class FixedPage(NamedTuple):
    """One fixed page.

    - `key`: the `Page` row's key (also its `Page.Key` member: "while-you-wait" →
      WHILE_YOU_WAIT); `label` names it for editors.
    - `segment`: its URL segment after the language prefix, translated (services/urls.py);
      `url_name`: its name in the `services` URL namespace.
    - `own_view`: served by a view of its own (the lists, the comparison); otherwise by
      `views.text_page`, with `template` (None: services/text_page.html).
    - `in_sitemap`: listed in sitemap.xml.
    """

    key: str
    label: Promise
    segment: Promise
    url_name: str
    own_view: bool = False
    template: str | None = None
    in_sitemap: bool = True


# Translators: URL segments. Lowercase ASCII letters, digits and hyphens only; keep the slash.
PAGES = (
    FixedPage("home", _("Home"), "", "home", own_view=True),
    FixedPage("services", _("Kinds of help"), _("services/"), "interventions", own_view=True),
    FixedPage("compare", _("Compare"), _("compare/"), "compare", own_view=True),
    FixedPage(
        "resources", _("Help lines and directories"), _("resources/"), "resources", own_view=True
    ),
    FixedPage("glossary", _("Glossary"), _("glossary/"), "glossary", own_view=True),
    FixedPage("about", _("About"), _("about/"), "about", template="services/about.html"),
    FixedPage("privacy", _("Privacy"), _("privacy/"), "privacy", template="services/privacy.html"),
    FixedPage("while-you-wait", _("While you wait"), _("while-you-wait/"), "while_you_wait"),
    FixedPage(
        "first-appointment", _("A first appointment"), _("first-appointment/"), "first_appointment"
    ),
    FixedPage("costs", _("Costs and coverage"), _("costs-and-coverage/"), "costs"),
    FixedPage(
        "check-practitioner",
        _("Check a practitioner"),
        _("check-a-practitioner/"),
        "check_practitioner",
    ),
    FixedPage("youth-parents", _("Youth and parents"), _("youth-and-parents/"), "youth_parents"),
    FixedPage("outside-quebec", _("Outside Québec"), _("outside-quebec/"), "outside_quebec"),
    FixedPage("urgent-help", _("Urgent help in person"), _("urgent-help/"), "urgent_help"),
    FixedPage("worried", _("Worried about someone"), _("worried-about-someone/"), "worried"),
)
PAGES_BY_KEY = {page.key: page for page in PAGES}


def url_name(key):
    """The namespaced URL name of the fixed page `key`: "about" → "services:about".
    Raises KeyError for a key the registry does not hold."""
    return f"services:{PAGES_BY_KEY[key].url_name}"


class Page(ReviewedPage):
    """The editable words of a fixed page (home, about, privacy…).

    Review fields, sources, description and editors' note come from ReviewedPage.
    """

    Key = models.TextChoices(
        "Key", [(page.key.upper().replace("-", "_"), (page.key, page.label)) for page in PAGES]
    )

    key = models.SlugField(max_length=20, unique=True, choices=Key.choices, editable=False)
    title = models.CharField(_("title"), max_length=200, help_text=_("The page's main heading."))
    intro = models.TextField(
        _("introduction"),
        max_length=PARAGRAPH_MAX_LENGTH,
        help_text=_("One plain lead paragraph."),
    )
    body = rich_text_field(_("text"), blank=True)

    RICH_TEXT_FIELDS = ("body",)
    # The pages that answer a visitor's next question, linked from home and help lines, in
    # the order they are shown.
    NEXT_QUESTIONS = [
        Key.URGENT_HELP,
        Key.WHILE_YOU_WAIT,
        Key.FIRST_APPOINTMENT,
        Key.COSTS,
        Key.CHECK_PRACTITIONER,
        Key.YOUTH_PARENTS,
        Key.OUTSIDE_QUEBEC,
    ]

    class Meta:
        ordering = ["key"]
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        permissions = [("review_page", _("Can mark a page as reviewed"))]

    def __str__(self):
        return self.get_key_display()

    def get_absolute_url(self):
        """The page's address in the active language."""
        return reverse(url_name(self.key))
