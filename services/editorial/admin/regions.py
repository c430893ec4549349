"""Admin for « Près de chez toi / Near you »: the 17 regions and the places to go in each.

A region's places are edited on the region's own page (drag and drop to order them); the list
of places also gives each one its history page and holds those that serve all of Québec.
"""

from adminsortable2.admin import SortableAdminMixin, SortableInlineAdminMixin
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline

from services.models import AccessPoint, Region

from .base import URL_FIELDS, ContentAdmin, ReviewedContentAdmin

POINT_FIELDS = (
    "kind",
    "name",
    "territory",
    "description",
    "address",
    "phone",
    "phone_display",
    "url",
    "last_reviewed",
    "sources",
    "editor_note",
)


class AccessPointInline(SortableInlineAdminMixin, TranslationStackedInline):
    model = AccessPoint
    formfield_overrides = URL_FIELDS
    extra = 0
    fields = POINT_FIELDS
    filter_horizontal = ("sources",)
    show_change_link = True


@admin.register(Region)
class RegionAdmin(SortableAdminMixin, ReviewedContentAdmin):
    list_display = ("code", "name", "last_reviewed", "translation_status")
    search_fields = ("name_fr", "name_en")
    filter_horizontal = ("sources",)
    inlines = [AccessPointInline]
    actions = ["mark_reviewed"]
    review_permission = "services.review_region"
    fieldsets = [
        (
            _("Verification"),
            {"fields": ("view_on_site_links", "last_reviewed", "reviewer_name", "editor_note")},
        ),
        (
            _("Name and address"),
            {"fields": ("code", "name", "slug", "meta_description")},
        ),
        (_("The page"), {"fields": ("intro", "body")}),
        (_("Sources"), {"fields": ("sources",)}),
    ]


@admin.register(AccessPoint)
class AccessPointAdmin(SortableAdminMixin, ContentAdmin):
    list_display = ("name", "region", "kind", "last_reviewed", "translation_status")
    list_filter = ("kind", "region")
    search_fields = ("name_fr", "name_en", "territory_fr", "territory_en")
    filter_horizontal = ("sources",)
    fields = ("region", *POINT_FIELDS)
