"""Admin for what visitors read: kinds of help, pages, comparison, help lines, glossary."""

from adminsortable2.admin import SortableAdminMixin
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from services.editorial import publishing
from services.models import (
    ComparisonCell,
    Criterion,
    GlossaryTerm,
    Intervention,
    Page,
    Resource,
    Source,
)

from .base import URL_FIELDS, ContentAdmin, ReviewedContentAdmin
from .history import TrustedHistoryAdmin
from .wording import AgreementAdmin


class ComparisonCellInline(TranslationTabularInline):
    model = ComparisonCell
    extra = 0
    fields = ("criterion", "intervention", "text")


@admin.register(Intervention)
class InterventionAdmin(SortableAdminMixin, ReviewedContentAdmin):
    list_display = ("name", "family", "status", "last_reviewed", "translation_status")
    list_filter = ("family", "status")
    search_fields = ("name_fr", "name_en", "summary_fr", "summary_en")
    filter_horizontal = ("sources",)
    inlines = [ComparisonCellInline]
    actions = ["publish", "unpublish", "mark_reviewed"]
    # The address fills itself from the name as you type, and stays editable.
    prepopulated_fields = {"slug_fr": ("name_fr",), "slug_en": ("name_en",)}
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

    # Who may publish, and the read-only status without it: services/editorial/admin/guards.py.

    @admin.action(description=_("Publish"), permissions=["publish"])
    def publish(self, request, queryset):
        """Publishes what is complete in both languages; names what is not, and why."""
        published = 0
        for intervention in queryset:
            gaps = publishing.publication_gaps(intervention)
            if gaps:
                self.message_user(
                    request,
                    _("« %(name)s » stays a draft: fill in %(fields)s first.")
                    % {"name": intervention, "fields": ", ".join(gaps.values())},
                    messages.WARNING,
                )
                continue
            intervention.mark_published()
            intervention.save()
            published += 1
        if published:
            self.message_user(
                request,
                ngettext(
                    "%(count)d intervention published.",
                    "%(count)d interventions published.",
                    published,
                )
                % {"count": published},
                messages.SUCCESS,
            )

    @admin.action(description=_("Back to draft (hide from visitors)"), permissions=["publish"])
    def unpublish(self, request, queryset):
        for intervention in queryset:
            intervention.mark_published(False)
            intervention.save()
        count = len(queryset)
        self.message_user(
            request,
            ngettext(
                "%(count)d intervention moved back to draft.",
                "%(count)d interventions moved back to draft.",
                count,
            )
            % {"count": count},
            messages.SUCCESS,
        )


@admin.register(Page)
class PageAdmin(ReviewedContentAdmin):
    list_display = ("__str__", "title", "last_reviewed", "translation_status")
    filter_horizontal = ("sources",)
    actions = ["mark_reviewed"]
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
    inlines = [ComparisonCellInline]


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
class SourceAdmin(AgreementAdmin, TrustedHistoryAdmin, SimpleHistoryAdmin):
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


# Comparison cells and weights are edited inline above; their own lists give each one a
# history page (who changed it, when, and a way back).
@admin.register(ComparisonCell)
class ComparisonCellAdmin(ContentAdmin):
    list_display = ("criterion", "intervention", "text", "translation_status")
    list_filter = ("criterion", "intervention")
    fields = ("criterion", "intervention", "text")
