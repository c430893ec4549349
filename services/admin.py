"""The editors' workspace: every visitor-facing word, in French and English side by side, with
history and undo, preview, translation gaps, review dates and readability."""

from adminsortable2.admin import CustomInlineFormSet, SortableAdminMixin, SortableInlineAdminMixin
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Choice,
    ChoiceWeight,
    Criterion,
    GlossaryTerm,
    Intervention,
    Page,
    Question,
    Resource,
    Source,
    Trait,
)
from .translation_status import missing_translations
from .workbench import field_readability

admin.site.site_header = _("Orientation — content")
admin.site.site_title = _("Orientation")
admin.site.index_title = _("Site content")

# Editors paste addresses without a scheme; https is the safe guess.
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class ContentAdmin(SimpleHistoryAdmin, TabbedTranslationAdmin):
    """Translated content: FR/EN tabs, history with undo, and a column for translation gaps."""

    formfield_overrides = URL_FIELDS

    @admin.display(description=_("translations"))
    def translation_status(self, obj):
        gaps = missing_translations(obj)
        if not gaps:
            return format_html('<span class="translation-complete">{}</span>', _("Complete"))
        return format_html_join(
            " ",
            '<strong class="translation-missing">{}</strong>',
            ((_("Missing in %(language)s") % {"language": code.upper()},) for code in sorted(gaps)),
        )


class ReviewedContentAdmin(ContentAdmin):
    """Factual pages: who reviewed them and when, readability, and a link to each language."""

    change_form_template = "admin/services/change_form_with_readability.html"
    review_permission = None  # "services.review_…", set by subclasses

    @admin.display(description=_("view on site"))
    def view_on_site_links(self, obj):
        if obj is None or not obj.pk:
            return "—"
        links = []
        for code, name in settings.LANGUAGES:
            with translation.override(code):
                links.append((obj.get_absolute_url(), code, name))
        return format_html_join(
            " · ", '<a href="{}" hreflang="{}" target="_blank" rel="noopener">{}</a>', links
        )

    def has_review_permission(self, request):
        return request.user.has_perm(self.review_permission)

    def get_readonly_fields(self, request, obj=None):
        readonly = [*super().get_readonly_fields(request, obj), "view_on_site_links"]
        if not self.has_review_permission(request):
            readonly += ["last_reviewed", "reviewer_name"]
        return readonly

    @admin.action(description=_("Mark as reviewed today"), permissions=["review"])
    def mark_reviewed(self, request, queryset):
        for obj in queryset:  # one by one, so that history records each change
            obj.last_reviewed = timezone.localdate()
            obj.save()
        self.message_user(
            request,
            ngettext("%d page marked as reviewed.", "%d pages marked as reviewed.", len(queryset))
            % len(queryset),
            messages.SUCCESS,
        )

    def change_view(self, request, object_id, form_url="", extra_context=None):
        obj = self.get_object(request, object_id)
        readability = field_readability(obj) if obj else []
        extra_context = {
            **(extra_context or {}),
            "readability": readability,
            # Opened only when a text misses its target.
            "readability_missed": any(not figures.meets_target for *_, figures in readability),
        }
        return super().change_view(request, object_id, form_url, extra_context)


class TraitInline(TranslationTabularInline):
    model = Trait
    extra = 0
    fields = ("criterion", "intervention", "text")


@admin.register(Intervention)
class InterventionAdmin(SortableAdminMixin, ReviewedContentAdmin):
    list_display = ("name", "family", "status", "last_reviewed", "translation_status")
    list_filter = ("family", "status")
    search_fields = ("name_fr", "name_en", "summary_fr", "summary_en")
    filter_horizontal = ("sources",)
    inlines = [TraitInline]
    actions = ["publish", "unpublish", "mark_reviewed"]
    review_permission = "services.review_intervention"
    fieldsets = [
        (
            _("Publication"),
            {
                "fields": (
                    "status",
                    "view_on_site_links",
                    "family",
                    "reserved",
                    "last_reviewed",
                    "reviewer_name",
                    "reviewer_profession",
                    "editor_note",
                )
            },
        ),
        (_("Name and address"), {"fields": ("name", "slug", "summary", "meta_description")}),
        (_("The page"), {"fields": tuple(Intervention.RICH_TEXT_FIELDS)}),
        (_("Sources"), {"fields": ("sources",)}),
    ]

    def has_publish_permission(self, request):
        return request.user.has_perm("services.publish_intervention")

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if not self.has_publish_permission(request):
            readonly = [*readonly, "status"]
        return readonly

    def _set_status(self, request, queryset, status, message):
        for intervention in queryset:
            intervention.status = status
            intervention.save()
        self.message_user(request, message % {"count": len(queryset)}, messages.SUCCESS)

    @admin.action(description=_("Publish"), permissions=["publish"])
    def publish(self, request, queryset):
        self._set_status(
            request, queryset, Intervention.Status.PUBLISHED, _("%(count)d published.")
        )

    @admin.action(description=_("Back to draft (hide from visitors)"), permissions=["publish"])
    def unpublish(self, request, queryset):
        self._set_status(
            request, queryset, Intervention.Status.DRAFT, _("%(count)d moved back to draft.")
        )


@admin.register(Page)
class PageAdmin(ReviewedContentAdmin):
    list_display = ("__str__", "title", "last_reviewed", "translation_status")
    filter_horizontal = ("sources",)
    actions = ["mark_reviewed"]
    review_permission = "services.review_page"
    fields = (
        "view_on_site_links",
        "title",
        "intro",
        "body",
        "meta_description",
        "last_reviewed",
        "reviewer_name",
        "reviewer_profession",
        "sources",
        "editor_note",
    )

    # The pages are part of the site's structure: editors change their words, not their set.
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Criterion)
class CriterionAdmin(SortableAdminMixin, ContentAdmin):
    list_display = ("label", "translation_status")
    fields = ("label", "help", "editor_note")
    inlines = [TraitInline]


@admin.register(Resource)
class ResourceAdmin(SortableAdminMixin, ContentAdmin):
    list_display = ("name", "kind", "phone", "in_header", "translation_status")
    list_filter = ("kind", "in_header")
    search_fields = ("name_fr", "name_en")
    fieldsets = [
        (None, {"fields": ("name", "kind", "description", "hours", "editor_note")}),
        (_("Help bar on every page"), {"fields": ("in_header", "header_number", "header_label")}),
        (
            _("How to reach it"),
            {"fields": ("phone", "phone_display", "text_number", "text_display", "url")},
        ),
    ]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(ContentAdmin):
    list_display = ("term", "expansion", "translation_status")
    search_fields = ("term_fr", "term_en", "expansion_fr", "expansion_en")
    fields = ("term", "expansion", "definition", "editor_note")


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    formfield_overrides = URL_FIELDS
    list_display = ("title", "publisher", "language", "consulted", "cited_by")
    list_filter = ("language", "publisher")
    search_fields = ("title", "publisher", "url")

    @admin.display(description=_("cited by"))
    def cited_by(self, source):
        names = [str(i) for i in source.intervention_set.all()]
        names += [str(p) for p in source.page_set.all()]
        return ", ".join(names) or "—"

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("intervention_set", "page_set")


# --- The guide ---------------------------------------------------------------------------------


class ChoiceFormSet(CustomInlineFormSet):
    """A question needs two answers, and the guide always needs a way to flag danger."""

    def clean(self):
        super().clean()
        kept = [
            form
            for form in self.forms
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if len(kept) < 2:
            raise ValidationError(_("A question needs at least two answers."))
        question = self.instance
        if not question.published:
            return
        flagged_here = any(form.cleaned_data.get("risk_signal") for form in kept)
        flagged_elsewhere = (
            Choice.objects.filter(risk_signal=True, question__published=True)
            .exclude(question=question.pk)
            .exists()
        )
        if not (flagged_here or flagged_elsewhere):
            raise ValidationError(
                _(
                    "The guide needs at least one answer marked as a risk signal in a published "
                    "question, so that a visitor in danger always sees the crisis lines first."
                )
            )


class ChoiceInline(SortableInlineAdminMixin, TranslationStackedInline):
    model = Choice
    formset = ChoiceFormSet
    extra = 0
    fields = ("text", "reason", "risk_signal")
    show_change_link = True  # the weights are edited on the answer's own page


@admin.register(Question)
class QuestionAdmin(SortableAdminMixin, ContentAdmin):
    list_display = ("text", "published", "translation_status")
    fields = ("text", "help", "published")
    inlines = [ChoiceInline]


class WeightInline(admin.TabularInline):
    model = ChoiceWeight
    extra = 1
    fields = ("intervention", "weight")


@admin.register(Choice)
class ChoiceAdmin(ContentAdmin):
    list_display = ("text", "question", "risk_signal", "translation_status")
    list_filter = ("question", "risk_signal")
    fields = ("question", "text", "reason", "risk_signal")
    inlines = [WeightInline]


# Comparison cells and weights are edited inline above; their own lists give each one a
# history page (who changed it, when, and a way back).
@admin.register(Trait)
class TraitAdmin(ContentAdmin):
    list_display = ("criterion", "intervention", "text", "translation_status")
    list_filter = ("criterion", "intervention")
    fields = ("criterion", "intervention", "text")


@admin.register(ChoiceWeight)
class ChoiceWeightAdmin(SimpleHistoryAdmin):
    list_display = ("choice", "intervention", "weight")
    list_filter = ("intervention", "choice__question")
    fields = ("choice", "intervention", "weight")
