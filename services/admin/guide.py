"""Admin for the guide « Quel service choisir ? »: questions, answers, weights."""

import contextvars

from adminsortable2.admin import CustomInlineFormSet, SortableAdminMixin, SortableInlineAdminMixin
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline
from simple_history.admin import SimpleHistoryAdmin

from ..guide import safety
from ..guide.selectors import profile_outcomes
from ..models import AnswerRule, Choice, ChoiceWeight, Question, ReviewedProfile, published_q
from .base import ContentAdmin
from .history import TrustedHistoryAdmin
from .wording import AgreementAdmin


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
            Choice.objects.filter(published_q(Choice), risk_signal=True)
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


# The reviewed profiles' outcomes while their list renders (see ReviewedProfileAdmin).
_outcomes = contextvars.ContextVar("reviewed_profile_outcomes")


class GuideSafetyAdmin:
    """Deleting what the guide's safety net needs is refused on the confirmation page (single
    and bulk deletes), with the reason, instead of failing at the last step."""

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        protected = [*protected, *safety.deletion_problems(list(objs))]
        return deleted, counts, perms_needed, protected


class ChoiceInline(SortableInlineAdminMixin, TranslationStackedInline):
    model = Choice
    formset = ChoiceFormSet
    extra = 0
    fields = ("text", "reason", "risk_signal", "distress")
    show_change_link = True  # the weights and rules are edited on the answer's own page


@admin.register(Question)
class QuestionAdmin(GuideSafetyAdmin, SortableAdminMixin, ContentAdmin):
    list_display = ("text", "published", "translation_status")
    fields = ("text", "help", "published")
    inlines = [ChoiceInline]
    change_list_template = "admin/services/guide/question_changelist.html"

    def get_urls(self):
        from django.urls import path

        from . import guide_tools

        wrap = self.admin_site.admin_view
        return [
            path("matrix/", wrap(guide_tools.matrix_view), name="services_guide_matrix"),
            path("try/", wrap(guide_tools.try_view), name="services_guide_try"),
            path("audit/", wrap(guide_tools.audit_view), name="services_guide_audit"),
            *super().get_urls(),
        ]


class RuleInline(TranslationTabularInline):
    """The safety rules beside their answer: never / always / show first."""

    model = AnswerRule
    extra = 0
    fields = ("kind", "intervention", "resource", "explanation", "order")


class WeightInline(admin.TabularInline):
    model = ChoiceWeight
    extra = 1
    fields = ("intervention", "weight")


@admin.register(Choice)
class ChoiceAdmin(GuideSafetyAdmin, ContentAdmin):
    list_display = ("text", "question", "risk_signal", "distress", "translation_status")
    list_filter = ("question", "risk_signal")
    fields = ("question", "text", "reason", "risk_signal", "distress")
    inlines = [RuleInline, WeightInline]


@admin.register(AnswerRule)
class AnswerRuleAdmin(GuideSafetyAdmin, ContentAdmin):
    """Each rule's own history page (who changed it, when, and a way back)."""

    list_display = ("choice", "kind", "intervention", "resource")
    list_filter = ("kind", "choice__question")
    fields = ("choice", "kind", "intervention", "resource", "explanation", "order")


@admin.register(ReviewedProfile)
class ReviewedProfileAdmin(ContentAdmin):
    """Answers whose result a practitioner reviewed; the audit fails when one breaks."""

    list_display = ("name", "expected", "result_now", "translation_status")
    fields = ("key", "name", "answers", "expected_first", "never", "note")

    @admin.display(description=_("expected first"))
    def expected(self, profile):
        return ", ".join(profile.expected_first) or "—"

    @admin.display(description=_("result now"))
    def result_now(self, profile):
        outcome = _outcomes.get({}).get(profile.key)
        if outcome is None:
            return "—"
        if outcome.ok:
            return format_html('<span class="profile-ok">✓ {}</span>', ", ".join(outcome.ranked))
        return format_html(
            '<strong class="profile-broken">✗ {}</strong>', "; ".join(outcome.problems)
        )

    def changelist_view(self, request, extra_context=None):
        """Every profile checked once for the whole list (one guide load), for this request
        only: admin classes are shared between threads, so nothing is kept on `self`."""
        token = _outcomes.set(profile_outcomes())
        try:
            response = super().changelist_view(request, extra_context)
            return response.render() if hasattr(response, "render") else response
        finally:
            _outcomes.reset(token)


@admin.register(ChoiceWeight)
class ChoiceWeightAdmin(AgreementAdmin, TrustedHistoryAdmin, SimpleHistoryAdmin):
    list_display = ("choice", "intervention", "weight")
    list_filter = ("intervention", "choice__question")
    fields = ("choice", "intervention", "weight")
