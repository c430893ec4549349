"""Admin for the guide « Quel service choisir ? »: questions, answers, weights."""

from adminsortable2.admin import CustomInlineFormSet, SortableAdminMixin, SortableInlineAdminMixin
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationStackedInline
from simple_history.admin import SimpleHistoryAdmin

from ..models import Choice, ChoiceWeight, Question
from .base import ContentAdmin


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


@admin.register(ChoiceWeight)
class ChoiceWeightAdmin(SimpleHistoryAdmin):
    list_display = ("choice", "intervention", "weight")
    list_filter = ("intervention", "choice__question")
    fields = ("choice", "intervention", "weight")
