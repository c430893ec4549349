"""What visitors read: kinds of intervention, how they compare, help lines, glossary, pages.

Translated fields (French and English) are declared in `translation.py`; the field defined
here is the one modeltranslation reads in the active language.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..sanitize import clean_html
from .phones import DialNumberField, validate_phone_number, validate_text_number


def sanitise_rich_text(obj):
    """Clean every language of every rich-text field before it is stored."""
    from django.conf import settings

    for field in obj.RICH_TEXT_FIELDS:
        for code, _name in settings.LANGUAGES:
            name = f"{field}_{code}"
            value = getattr(obj, name, None)
            if value:
                setattr(obj, name, clean_html(value))


# Upper bounds for long texts, far above what any page needs (the longest seeded text is about
# 2,000 characters): they keep one save from feeding megabytes to every later step (issue 14).
RICH_TEXT_MAX_LENGTH = 10_000
PARAGRAPH_MAX_LENGTH = 1_000
NOTE_MAX_LENGTH = 5_000


def rich_text_field(verbose_name, **kwargs):
    return models.TextField(
        verbose_name, max_length=RICH_TEXT_MAX_LENGTH, help_text=HTML_HELP, **kwargs
    )


def editor_note_field():
    return models.TextField(
        _("note for editors"),
        max_length=NOTE_MAX_LENGTH,
        blank=True,
        help_text=_("Never shown to visitors. Use it for facts still to verify."),
    )


def order_field():
    return models.PositiveIntegerField(
        _("order"), default=0, db_index=True, help_text=_("Smaller numbers come first.")
    )


def last_checked_field():
    """The date shown at the end of a factual page.

    Visitors read « Révisé par <name> le <date> » only when a practitioner is named in
    `reviewer_name`; otherwise « Mis à jour le <date> » (CONTENT-BRIEF-2, Part A, Honesty).
    """
    return models.DateField(
        _("last checked"),
        # Empty until a Reviewer first checks the page: an Editor may draft a new one.
        null=True,
        blank=True,
        help_text=_(
            "The day this page's facts were last checked. Visitors see « Reviewed by » only "
            "when a practitioner is named below; otherwise « Updated on »."
        ),
    )


def reviewer_fields():
    """Who last checked a factual page: shown to visitors as « Révisé par … »."""
    name = models.CharField(
        _("reviewed by"),
        max_length=120,
        blank=True,
        help_text=_(
            "Only a practitioner who really checked this page and agrees to be named. "
            "Leave empty otherwise."
        ),
    )
    profession = models.CharField(
        _("reviewer's profession"),
        max_length=120,
        blank=True,
        help_text=_("For example: social worker (T.S.), psychologist."),
    )
    return name, profession


HTML_HELP = _(
    "Short paragraphs and lists. Bold, italics and links are kept; any other formatting is "
    "removed when the page is shown."
)


class Source(models.Model):
    """A public reference the content relies on."""

    key = models.SlugField(max_length=40, unique=True, editable=False)
    title = models.CharField(
        _("title"),
        max_length=300,
        help_text=_("The document's title, in its own language. Do not translate it."),
    )
    language = models.CharField(
        _("language of the source"),
        max_length=2,
        choices=[("fr", _("French")), ("en", _("English"))],
        help_text=_("Lets screen readers pronounce the title correctly."),
    )
    publisher = models.CharField(
        _("publisher"), max_length=200, help_text=_("Who published it: an order, a ministry…")
    )
    url = models.URLField(
        _("web address"),
        max_length=500,
        help_text=_("The page's full address, starting with https://"),
    )
    consulted = models.DateField(
        _("date consulted"), help_text=_("The day someone last read this page to check it.")
    )

    class Meta:
        ordering = ["publisher", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return f"{self.title} — {self.publisher}"


class Family(models.TextChoices):
    SUPPORT = "support", _("Psychosocial support")
    PSYCHOTHERAPY = "psychotherapy", _("Psychotherapy")


class InterventionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(status=Intervention.Status.PUBLISHED).order_by("order", "pk")

    def in_family(self, family):
        return self.filter(family=family)


class Intervention(models.Model):
    """One kind of service: crisis intervention, coaching, psychotherapy…"""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft (hidden from visitors)")
        PUBLISHED = "published", _("Published")

    key = models.SlugField(max_length=40, unique=True, editable=False)
    family = models.CharField(
        _("family"),
        max_length=20,
        choices=Family.choices,
        help_text=_("Psychotherapy is a treatment reserved by law; everything else is support."),
    )
    reserved = models.BooleanField(
        _("reserved activity"),
        default=False,
        help_text=_("Tick if Québec law reserves this activity to certain professionals."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        help_text=_("Only published pages are shown to visitors."),
    )
    order = order_field()
    last_reviewed = last_checked_field()
    sources = models.ManyToManyField(
        Source,
        blank=True,
        verbose_name=_("sources"),
        help_text=_("The references this page relies on. They are listed at its end."),
    )
    editor_note = editor_note_field()
    reviewer_name, reviewer_profession = reviewer_fields()

    name = models.CharField(
        _("name"), max_length=120, help_text=_("The name visitors see, as in everyday speech.")
    )
    slug = models.SlugField(
        _("address (slug)"),
        max_length=120,
        help_text=_("The end of the page's web address: lowercase letters, digits and hyphens."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=PARAGRAPH_MAX_LENGTH,
        help_text=_("One or two plain sentences, shown in lists."),
    )
    meta_description = models.CharField(
        _("description for search engines"),
        max_length=160,
        help_text=_("At most 160 characters. Search engines show it under the title."),
    )
    what_it_is = rich_text_field(_("what it is"))
    providers = rich_text_field(_("who provides it"))
    when_to_consider = rich_text_field(_("when it can help"))
    not_this = rich_text_field(_("what it is not"))
    duration = rich_text_field(_("how long it lasts"))
    where_to_find = rich_text_field(_("where to find it"))
    cost = rich_text_field(_("cost and insurance"))

    updated_at = models.DateTimeField(auto_now=True)

    objects = InterventionQuerySet.as_manager()

    RICH_TEXT_FIELDS = [
        "what_it_is",
        "providers",
        "when_to_consider",
        "not_this",
        "duration",
        "where_to_find",
        "cost",
    ]

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("intervention")
        verbose_name_plural = _("interventions")
        # One address per language (slug_fr, slug_en come from translation.py). Declared
        # here rather than as unique=True so that the history tables do not inherit it.
        constraints = [
            models.UniqueConstraint(fields=[f"slug_{code}"], name=f"unique_slug_{code}")
            for code in ("fr", "en")
        ]
        permissions = [
            # Publishing, unpublishing and deleting published content of any kind: a Reviewer's
            # act (services/editorial/roles.py). Declared here because a permission needs a model.
            ("publish_content", _("Can publish, unpublish or delete published content")),
            ("review_intervention", _("Can mark an intervention as reviewed")),
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        """Cleaned rich text; refused if unpublishing it would break a guide rule."""
        from ..guide.safety import guarded

        sanitise_rich_text(self)
        with guarded():
            super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The page's address in the active language."""
        return reverse("services:intervention", kwargs={"slug": self.slug})

    def clean(self):
        """A kind of help that a guide rule names stays published. Raises ValidationError."""
        super().clean()
        if self.pk and not self.is_published and self.guide_rules.filter(kind="always").exists():
            raise ValidationError(
                {
                    "status": _(
                        "The guide's safety rules name this kind of help: change those rules "
                        "before unpublishing it."
                    )
                }
            )

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    # The sections of the page, in reading order: (field name, heading).
    SECTIONS = [
        ("what_it_is", _("What it is")),
        ("providers", _("Who provides it")),
        ("when_to_consider", _("When it can help")),
        ("not_this", _("What it is not")),
        ("duration", _("How long it lasts")),
        ("where_to_find", _("Where to find it")),
        ("cost", _("Cost and insurance")),
    ]

    # Practical pages that answer the next question a section raises (keys of Page.Key).
    SECTION_PAGES = {
        "providers": ["check-practitioner"],
        "where_to_find": ["first-appointment", "while-you-wait"],
        "cost": ["costs"],
    }
    # The same, beside the "At a glance" answers (keys of Criterion): where to go, what it
    # costs and how to wait are asked there first.
    GLANCE_PAGES = {
        "providers": ["check-practitioner"],
        "access": ["costs", "first-appointment", "while-you-wait"],
    }

    def sections(self):
        return [(field, heading, getattr(self, field)) for field, heading in self.SECTIONS]


class Criterion(models.Model):
    """A row of the comparison table: who provides it, is a diagnosis needed…"""

    key = models.SlugField(max_length=40, unique=True, editable=False)
    order = order_field()
    label = models.CharField(
        _("row heading"),
        max_length=120,
        help_text=_("A short question or topic, for example Cost."),
    )
    help = models.CharField(
        _("explanation"), max_length=300, help_text=_("One plain sentence about this row.")
    )

    editor_note = editor_note_field()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("comparison criterion")
        verbose_name_plural = _("comparison criteria")

    def __str__(self):
        return self.label


class ComparisonCell(models.Model):
    """One cell of the comparison table: how an intervention answers a criterion."""

    criterion = models.ForeignKey(
        Criterion,
        on_delete=models.CASCADE,
        related_name="cells",
        verbose_name=_("criterion"),
        help_text=_("The row of the comparison table."),
    )
    intervention = models.ForeignKey(
        Intervention,
        on_delete=models.CASCADE,
        related_name="cells",
        verbose_name=_("intervention"),
        help_text=_("The column of the comparison table."),
    )
    text = models.CharField(
        _("cell"), max_length=300, help_text=_("A few plain words; it must fit on a phone.")
    )

    class Meta:
        ordering = ["criterion__order", "intervention__order"]
        constraints = [
            models.UniqueConstraint(fields=["criterion", "intervention"], name="one_cell_per_pair")
        ]
        verbose_name = _("comparison cell")
        verbose_name_plural = _("comparison cells")

    def __str__(self):
        return f"{self.criterion} — {self.intervention}"


class Resource(models.Model):
    """A help line or a directory."""

    class Kind(models.TextChoices):
        EMERGENCY = "emergency", _("Emergency")
        CRISIS = "crisis", _("Crisis lines, day and night")
        SUPPORT = "support", _("Listening and support")
        YOUTH = "youth", _("Young people and parents")
        GROUPS = "groups", _("For specific people and situations")
        DIRECTORY = "directory", _("Directories of professionals")

    key = models.SlugField(max_length=40, unique=True, editable=False)
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=Kind.choices,
        help_text=_("Decides the section of the help-lines page where it appears."),
    )
    order = order_field()
    in_header = models.BooleanField(
        _("shown on every page"),
        default=False,
        help_text=_("Tick to show it in the help bar at the top of every page."),
    )
    in_crisis_block = models.BooleanField(
        _("in the guide's crisis block"),
        default=False,
        help_text=_(
            "Tick to list it, after the lines a safety rule shows first, whenever a visitor "
            "gives an answer that may mean danger."
        ),
    )
    phone = DialNumberField(
        _("phone number to dial"),
        max_length=20,
        blank=True,
        validators=[validate_phone_number],
        help_text=_(
            "The number for the call link, for example 1 866 277-3553 or 811. Spaces and dashes "
            "are removed."
        ),
    )
    text_number = DialNumberField(
        _("number to text"),
        max_length=20,
        blank=True,
        validators=[validate_text_number],
        help_text=_("For the text-message link, for example 535353. Leave empty if none."),
    )
    name = models.CharField(
        _("name"), max_length=150, help_text=_("The service's name, as it presents itself.")
    )
    header_number = models.CharField(
        _("number in the help bar"),
        max_length=40,
        blank=True,
        help_text=_("Short, as people say it, for example 1 866 APPELLE."),
    )
    header_label = models.CharField(
        _("label in the help bar"),
        max_length=60,
        blank=True,
        help_text=_("Two or three words, for example Suicide prevention."),
    )
    description = models.TextField(
        _("description"),
        max_length=PARAGRAPH_MAX_LENGTH,
        help_text=_("Who it is for and what happens when you reach out."),
    )
    hours = models.CharField(
        _("hours"),
        max_length=150,
        blank=True,
        help_text=_("When it answers, and whether it is free."),
    )
    phone_display = models.CharField(
        _("phone number as written"),
        max_length=80,
        blank=True,
        help_text=_("How visitors read the number, for example 1 866 277-3553."),
    )
    text_display = models.CharField(
        _("text number as written"),
        max_length=80,
        blank=True,
        help_text=_("How visitors read the text number, for example 535353."),
    )
    url = models.URLField(
        _("web address"),
        max_length=500,
        blank=True,
        help_text=_("The service's site in this language, starting with https://"),
    )

    editor_note = editor_note_field()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("help line or directory")
        verbose_name_plural = _("help lines and directories")

    def __str__(self):
        return self.name

    @staticmethod
    def dialable(digits):
        """A North American 11-digit number gets its +; short codes (911, 811) stay as is."""
        return f"+{digits}" if len(digits) == 11 and digits.startswith("1") else digits

    @property
    def tel_href(self):
        return f"tel:{self.dialable(self.phone)}" if self.phone else ""

    @property
    def sms_href(self):
        return f"sms:{self.dialable(self.text_number)}" if self.text_number else ""


class GlossaryTerm(models.Model):
    """A term or acronym; acronyms differ by language (TAG / GAD)."""

    key = models.SlugField(max_length=40, unique=True, editable=False)
    term = models.CharField(
        _("term"), max_length=120, help_text=_("The word or acronym as used in this language.")
    )
    expansion = models.CharField(
        _("full form"),
        max_length=200,
        blank=True,
        help_text=_("What the acronym stands for. Leave empty if it is not an acronym."),
    )
    definition = models.TextField(
        _("definition"),
        max_length=PARAGRAPH_MAX_LENGTH,
        help_text=_("One or two plain sentences."),
    )

    editor_note = editor_note_field()

    class Meta:
        ordering = ["term"]
        verbose_name = _("glossary term")
        verbose_name_plural = _("glossary terms")

    def __str__(self):
        return self.term


class Page(models.Model):
    """The editable words of a fixed page (home, about, privacy…)."""

    class Key(models.TextChoices):
        HOME = "home", _("Home")
        SERVICES = "services", _("Kinds of help")
        COMPARE = "compare", _("Compare")
        RESOURCES = "resources", _("Help lines and directories")
        GLOSSARY = "glossary", _("Glossary")
        ABOUT = "about", _("About")
        PRIVACY = "privacy", _("Privacy")
        WHILE_YOU_WAIT = "while-you-wait", _("While you wait")
        FIRST_APPOINTMENT = "first-appointment", _("A first appointment")
        COSTS = "costs", _("Costs and coverage")
        CHECK_PRACTITIONER = "check-practitioner", _("Check a practitioner")
        YOUTH_PARENTS = "youth-parents", _("Youth and parents")
        OUTSIDE_QUEBEC = "outside-quebec", _("Outside Québec")
        URGENT_HELP = "urgent-help", _("Urgent help in person")
        WORRIED = "worried", _("Worried about someone")

    key = models.SlugField(max_length=20, unique=True, choices=Key.choices, editable=False)
    last_reviewed = last_checked_field()
    sources = models.ManyToManyField(
        Source,
        blank=True,
        verbose_name=_("sources"),
        help_text=_("The references this page relies on. They are listed at its end."),
    )
    reviewer_name, reviewer_profession = reviewer_fields()
    title = models.CharField(_("title"), max_length=200, help_text=_("The page's main heading."))
    intro = models.TextField(
        _("introduction"),
        max_length=PARAGRAPH_MAX_LENGTH,
        help_text=_("One plain lead paragraph."),
    )
    body = rich_text_field(_("text"), blank=True)
    meta_description = models.CharField(
        _("description for search engines"),
        max_length=160,
        help_text=_("At most 160 characters. Search engines show it under the title."),
    )

    editor_note = editor_note_field()

    RICH_TEXT_FIELDS = ["body"]
    URL_NAMES = {
        Key.HOME: "services:home",
        Key.SERVICES: "services:interventions",
        Key.COMPARE: "services:compare",
        Key.RESOURCES: "services:resources",
        Key.GLOSSARY: "services:glossary",
        Key.ABOUT: "services:about",
        Key.PRIVACY: "services:privacy",
        Key.WHILE_YOU_WAIT: "services:while_you_wait",
        Key.FIRST_APPOINTMENT: "services:first_appointment",
        Key.COSTS: "services:costs",
        Key.CHECK_PRACTITIONER: "services:check_practitioner",
        Key.YOUTH_PARENTS: "services:youth_parents",
        Key.OUTSIDE_QUEBEC: "services:outside_quebec",
        Key.URGENT_HELP: "services:urgent_help",
        Key.WORRIED: "services:worried",
    }
    # The pages that answer a visitor's next question, linked from home and help lines.
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

    def save(self, *args, **kwargs):
        sanitise_rich_text(self)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        """The page's address in the active language."""
        return reverse(self.URL_NAMES[self.key])
