"""The list of translated fields: each gets a French and an English column (name_fr, name_en)."""

import simple_history
from modeltranslation.translator import TranslationOptions, register

from .languages import LANGUAGE_CODES
from .models import (
    AccessPoint,
    Answer,
    AnswerRule,
    AnswerWeight,
    ComparisonCell,
    Criterion,
    GlossaryTerm,
    Intervention,
    Page,
    Question,
    Region,
    Resource,
    ReviewedProfile,
    Source,
)


@register(Intervention)
class InterventionTranslation(TranslationOptions):
    fields = (
        "name",
        "slug",
        "summary",
        "meta_description",
        *Intervention.RICH_TEXT_FIELDS,  # its sections (services/models/catalogue.py)
        "reviewer_profession",
    )
    required_languages = dict.fromkeys(
        LANGUAGE_CODES, tuple(f for f in fields if f != "reviewer_profession")
    )


@register(Criterion)
class CriterionTranslation(TranslationOptions):
    fields = ("label", "help")
    required_languages = LANGUAGE_CODES


@register(ComparisonCell)
class ComparisonCellTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = LANGUAGE_CODES


@register(Resource)
class ResourceTranslation(TranslationOptions):
    fields = (
        "name",
        "header_number",
        "header_label",
        "description",
        "hours",
        "phone_display",
        "text_display",
        "url",
    )
    required_languages = dict.fromkeys(LANGUAGE_CODES, ("name", "description"))


@register(GlossaryTerm)
class GlossaryTermTranslation(TranslationOptions):
    fields = ("term", "expansion", "definition")
    required_languages = dict.fromkeys(LANGUAGE_CODES, ("term", "definition"))


@register(Page)
class PageTranslation(TranslationOptions):
    fields = ("title", "intro", "body", "meta_description", "reviewer_profession")
    required_languages = dict.fromkeys(LANGUAGE_CODES, ("title", "intro", "meta_description"))


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "help")
    required_languages = dict.fromkeys(LANGUAGE_CODES, ("text",))


@register(Answer)
class AnswerTranslation(TranslationOptions):
    fields = ("text", "reason")
    required_languages = LANGUAGE_CODES


@register(AnswerRule)
class AnswerRuleTranslation(TranslationOptions):
    fields = ("explanation",)


@register(ReviewedProfile)
class ReviewedProfileTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = LANGUAGE_CODES


# History of every edit (django-simple-history), registered after the translations so that
# the historical tables keep both languages.
for model in (
    Source,
    Criterion,
    ComparisonCell,
    Resource,
    GlossaryTerm,
    Question,
    Answer,
    AnswerWeight,
    AnswerRule,
    ReviewedProfile,
):
    simple_history.register(model)
for model in (Intervention, Page):
    simple_history.register(model, m2m_fields=["sources"])


# Près de chez toi / Near you (services/models/regions.py).
@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name", "slug", "intro", "body", "meta_description")
    required_languages = dict.fromkeys(
        LANGUAGE_CODES, ("name", "slug", "intro", "meta_description")
    )


@register(AccessPoint)
class AccessPointTranslation(TranslationOptions):
    fields = ("name", "territory", "description", "address", "phone_display", "url")
    required_languages = dict.fromkeys(LANGUAGE_CODES, ("name", "description"))


for model in (Region, AccessPoint):
    simple_history.register(model, m2m_fields=["sources"])
