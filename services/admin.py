"""The editors' workspace: every visitor-facing word, in French and English side by side."""

from adminsortable2.admin import CustomInlineFormSet, SortableAdminMixin, SortableInlineAdminMixin
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TabbedTranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

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

admin.site.site_header = _("Orientation — content")
admin.site.site_title = _("Orientation")
admin.site.index_title = _("Site content")


class TranslationStatusMixin:
    """A list column that says which language still has empty fields."""

    # Editors paste addresses without a scheme; https is the safe guess.
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

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


class TraitInline(TranslationTabularInline):
    model = Trait
    extra = 0
    fields = ("criterion", "intervention", "text")


@admin.register(Intervention)
class InterventionAdmin(TranslationStatusMixin, TabbedTranslationAdmin):
    list_display = ("name", "family", "status", "order", "last_reviewed", "translation_status")
    list_filter = ("family", "status")
    list_editable = ("order",)
    search_fields = ("name_fr", "name_en", "summary_fr", "summary_en")
    filter_horizontal = ("sources",)
    inlines = [TraitInline]
    fieldsets = [
        (
            _("Publication"),
            {"fields": ("status", "family", "reserved", "order", "last_reviewed", "editor_note")},
        ),
        (_("Name and address"), {"fields": ("name", "slug", "summary", "meta_description")}),
        (
            _("The page"),
            {
                "fields": (
                    "what_it_is",
                    "providers",
                    "when_to_consider",
                    "not_this",
                    "duration",
                    "where_to_find",
                    "cost",
                )
            },
        ),
        (_("Sources"), {"fields": ("sources",)}),
    ]


@admin.register(Criterion)
class CriterionAdmin(TranslationStatusMixin, TabbedTranslationAdmin):
    list_display = ("label", "order", "translation_status")
    list_editable = ("order",)
    fields = ("label", "help", "order", "editor_note")
    inlines = [TraitInline]


@admin.register(Resource)
class ResourceAdmin(TranslationStatusMixin, TabbedTranslationAdmin):
    list_display = ("name", "kind", "phone", "in_header", "order", "translation_status")
    list_filter = ("kind", "in_header")
    list_editable = ("order",)
    search_fields = ("name_fr", "name_en")
    fieldsets = [
        (None, {"fields": ("name", "kind", "order", "description", "hours", "editor_note")}),
        (_("Help bar on every page"), {"fields": ("in_header", "header_number", "header_label")}),
        (
            _("How to reach it"),
            {"fields": ("phone", "phone_display", "text_number", "text_display", "url")},
        ),
    ]


@admin.register(GlossaryTerm)
class GlossaryTermAdmin(TranslationStatusMixin, TabbedTranslationAdmin):
    list_display = ("term", "expansion", "translation_status")
    search_fields = ("term_fr", "term_en", "expansion_fr", "expansion_en")
    fields = ("term", "expansion", "definition", "editor_note")


@admin.register(Page)
class PageAdmin(TranslationStatusMixin, TabbedTranslationAdmin):
    list_display = ("__str__", "title", "last_reviewed", "translation_status")
    filter_horizontal = ("sources",)
    fields = (
        "title",
        "intro",
        "body",
        "meta_description",
        "last_reviewed",
        "sources",
        "editor_note",
    )

    # The pages are part of the site's structure: editors change their words, not their set.
    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    formfield_overrides = TranslationStatusMixin.formfield_overrides
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
class QuestionAdmin(SortableAdminMixin, TranslationStatusMixin, TabbedTranslationAdmin):
    list_display = ("text", "published", "translation_status")
    fields = ("text", "help", "published")
    inlines = [ChoiceInline]


class WeightInline(admin.TabularInline):
    model = ChoiceWeight
    extra = 1
    fields = ("intervention", "weight")


@admin.register(Choice)
class ChoiceAdmin(TranslationStatusMixin, TabbedTranslationAdmin):
    list_display = ("text", "question", "risk_signal", "translation_status")
    list_filter = ("question", "risk_signal")
    fields = ("question", "text", "reason", "risk_signal")
    inlines = [WeightInline]
