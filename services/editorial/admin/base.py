"""The admin bases every content area shares: FR/EN tabs, history with undo, translation gaps,
review dates and readability.

Who may do what — publishing, deleting live content, reviewer fields, reverting, reordering —
is not decided here: the admin site adds `guards.GuardedAdminMixin` to every registered admin
(services/editorial/admin_site.py), from the role matrix in services/editorial/roles.py.
"""

from django.conf import settings
from django.contrib import admin, messages
from django.db import models
from django.utils import timezone, translation
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TabbedTranslationAdmin
from simple_history.admin import SimpleHistoryAdmin

from services.editorial import roles
from services.editorial.translation_status import missing_translations
from services.editorial.workbench import field_readability, page_readability
from services.languages import LANGUAGE_CODES, field_in

from .drafts import publication_rule_form
from .history import TrustedHistoryAdmin
from .outdated import OutdatedTranslationsMixin, outdated_column
from .rich_text import rich_text_field_names, rich_text_formfield, with_nonce
from .wording import AgreementAdmin

admin.site.site_header = _("Orientation — content")
admin.site.site_title = _("Orientation")
admin.site.index_title = _("Site content")

# Editors paste addresses without a scheme; https is the safe guess.
URL_FIELDS = {models.URLField: {"assume_scheme": "https"}}


class ContentAdmin(
    OutdatedTranslationsMixin,
    AgreementAdmin,
    TrustedHistoryAdmin,
    SimpleHistoryAdmin,
    TabbedTranslationAdmin,
):
    """Translated content: FR/EN tabs, history a person can trust, with undo, a column for
    translation gaps and outdated translations (admin/outdated.py)."""

    formfield_overrides = URL_FIELDS

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        """Rich-text fields (each model's RICH_TEXT_FIELDS, each language) get the editor."""
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is not None and db_field.name in rich_text_field_names(self.model):
            return rich_text_formfield(formfield)
        return formfield

    def get_form(self, request, obj=None, **kwargs):
        # Drafts may be saved half-written; publishing needs everything
        # (services/editorial/publishing.py).
        form = super().get_form(request, obj, **kwargs)
        publication = roles.publication(self.model)
        drafts_only = not request.user.has_perm(roles.PUBLISH_PERMISSION)
        return publication_rule_form(
            form, saved_as_draft=bool(publication and obj is None and drafts_only)
        )

    def render_change_form(self, request, context, *args, **kwargs):
        # The editor's import map is an inline script: it needs the request's CSP nonce.
        context["media"] = with_nonce(context["media"], request)
        return super().render_change_form(request, context, *args, **kwargs)

    @admin.display(description=_("translations"))
    def translation_status(self, obj):
        gaps = missing_translations(obj)
        outdated = outdated_column(obj)
        if not gaps and not outdated:
            return format_html('<span class="translation-complete">{}</span>', _("Complete"))
        missing = format_html_join(
            " ",
            '<strong class="translation-missing">{}</strong>',
            ((_("Missing in %(language)s") % {"language": code.upper()},) for code in sorted(gaps)),
        )
        return format_html_join(" ", "{}", ((part,) for part in [missing, *outdated] if part))


class ReviewedContentAdmin(ContentAdmin):
    """Factual pages: who reviewed them and when, readability, and a link to each language."""

    change_form_template = "admin/services/change_form_with_readability.html"

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

    def get_readonly_fields(self, request, obj=None):
        # The reviewer's fields are read-only without the review permission: see guards.py.
        return [*super().get_readonly_fields(request, obj), "view_on_site_links"]

    @admin.action(description=_("Mark as reviewed today"), permissions=["review"])
    def mark_reviewed(self, request, queryset):
        """Today's date and the acting Reviewer's name: the page never says someone else
        reviewed it today. A profession belonging to a previous reviewer is cleared."""
        reviewer = request.user.get_full_name() or request.user.get_username()
        for obj in queryset:  # one by one, so that history records each change
            obj.last_reviewed = timezone.localdate()
            if obj.reviewer_name != reviewer:
                obj.reviewer_name = reviewer
                for code in LANGUAGE_CODES:
                    setattr(obj, field_in("reviewer_profession", code), "")
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
        # The page as a whole, by the rule the home panel uses (workbench.readability_misses).
        page_figures = page_readability(obj) if obj else {}
        extra_context = {
            **(extra_context or {}),
            "readability": readability,
            "page_readability": sorted(page_figures.items()),
            # Opened only when the page misses its target, as the home panel would say.
            "readability_missed": any(not f.meets_target for f in page_figures.values()),
        }
        return super().change_view(request, object_id, form_url, extra_context)
