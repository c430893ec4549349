"""The guide's safety rules attached to answers (never / always / show first), and the
reviewed profiles that pin the guide's behaviour.

Like the questions and answers, rules are `GuardedModel`s: the guide's safety net
(`services.guide.safety`) is kept on every save and delete."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..languages import LANGUAGE_CODES, in_language
from .bases import GuardedModel
from .catalogue import Intervention
from .guide import Answer
from .helplines import Resource


class AnswerRule(GuardedModel):
    """A safety rule attached to an answer: what no sum of weights can override.

    - *never*: this kind of help is never recommended to someone who picks the answer;
    - *always*: this kind of help is always among the recommendations, with `explanation`
      shown as its reason;
    - *show first*: this help line is shown before any recommendation (and leads the crisis
      block when the answer is a risk signal).
    """

    PUBLISHED_THROUGH = "answer"

    class Kind(models.TextChoices):
        NEVER = "never", _("Never recommend this kind of help")
        ALWAYS = "always", _("Always include this kind of help")
        SHOW_FIRST = "show_first", _("Show this help line first")

    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, related_name="rules", verbose_name=_("answer")
    )
    kind = models.CharField(_("rule"), max_length=20, choices=Kind.choices)
    intervention = models.ForeignKey(
        Intervention,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="guide_rules",
        verbose_name=_("kind of help"),
        help_text=_("For « never » and « always » rules."),
    )
    resource = models.ForeignKey(
        Resource,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="guide_rules",
        verbose_name=_("help line"),
        help_text=_("For « show first » rules."),
    )
    order = models.PositiveIntegerField(
        _("order"), default=0, help_text=_("Smaller numbers come first.")
    )
    explanation = models.CharField(
        _("why, in the result"),
        max_length=300,
        blank=True,
        help_text=_(
            "For « always » rules: one sentence shown as the reason for this recommendation, "
            "for example why psychotherapy matters once the person is safe."
        ),
    )

    class Meta:
        ordering = ["answer", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["answer", "kind", "intervention", "resource"], name="one_rule_per_target"
            )
        ]
        verbose_name = _("safety rule")
        verbose_name_plural = _("safety rules")

    def __str__(self):
        return f"{self.answer} — {self.get_kind_display()}: {self.intervention or self.resource}"

    def clean(self):
        """A *never*/*always* rule names a kind of help and no help line; *show first*, the
        reverse; an *always* rule explains itself. Raises ValidationError otherwise."""
        errors = {}
        if self.kind == self.Kind.SHOW_FIRST:
            if not self.resource_id:
                errors["resource"] = _("Choose the help line to show first.")
            if self.intervention_id:
                errors["intervention"] = _("A « show first » rule names a help line only.")
        else:
            if not self.intervention_id:
                errors["intervention"] = _("Choose the kind of help this rule is about.")
            if self.resource_id:
                errors["resource"] = _("This rule names a kind of help only.")
        if self.kind == self.Kind.ALWAYS:
            for code in LANGUAGE_CODES:
                if not (in_language(self, "explanation", code) or "").strip():
                    errors[f"explanation_{code}"] = _(
                        "Say in one sentence why this kind of help is always included."
                    )
        always = self.kind == self.Kind.ALWAYS
        if always and self.intervention_id and not self.intervention.is_published:
            errors["intervention"] = _("A safety rule can only name a published kind of help.")
        if errors:
            raise ValidationError(errors)


class ReviewedProfile(models.Model):
    """A named set of answers whose result a practitioner reviewed.

    `answers` maps question keys to answer keys; `expected_first` lists intervention keys the
    result must start with, in that order; `never` lists intervention keys it must not hold.
    The audit (`manage.py audit_guide`) and the tests fail when a change breaks a profile.
    """

    key = models.SlugField(max_length=60, unique=True)
    name = models.CharField(_("name"), max_length=150, help_text=_("A short, plain name."))
    answers = models.JSONField(
        _("answers"), default=dict, help_text=_("Question key → answer key.")
    )
    expected_first = models.JSONField(
        _("expected first recommendations"),
        default=list,
        blank=True,
        help_text=_("Kinds of help (keys) the result must start with, in this order."),
    )
    never = models.JSONField(
        _("never recommended"),
        default=list,
        blank=True,
        help_text=_("Kinds of help (keys) the result must not contain."),
    )
    note = models.TextField(
        _("reviewer's note"), blank=True, help_text=_("Why this result is the right one.")
    )

    class Meta:
        ordering = ["key"]
        verbose_name = _("reviewed profile")
        verbose_name_plural = _("reviewed profiles")

    def __str__(self):
        return self.name
