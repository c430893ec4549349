"""The guide « Quel service choisir ? »: questions, their answers and the answers' weights
(the safety rules and reviewed profiles are in `guide_rules.py`).

The guide's safety (a published risk answer always exists, rules point to published things)
is enforced by `services.guide.safety` on every save and delete of these models."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .bases import GuardedModel, GuardedQuerySet, Publication, Publishable, PublishedQuerySet
from .catalogue import Intervention


class QuestionQuerySet(PublishedQuerySet, GuardedQuerySet):
    pass


class Question(Publishable, GuardedModel):
    """One question of the guide « Quel service choisir ? »."""

    key = models.SlugField(max_length=40, unique=True, editable=False)
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    published = models.BooleanField(
        _("published"), default=True, help_text=_("Only published questions are asked.")
    )
    text = models.CharField(
        _("question"), max_length=200, help_text=_("Short and warm, addressed to the visitor.")
    )
    help = models.CharField(
        _("hint"),
        max_length=300,
        blank=True,
        help_text=_("One optional sentence shown under the question."),
    )

    objects = QuestionQuerySet.as_manager()

    PUBLICATION = Publication("published", True, False)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("guide question")
        verbose_name_plural = _("guide questions")

    def __str__(self):
        return self.text


class Answer(GuardedModel):
    """An answer to a question, with its weights towards each kind of help."""

    PUBLISHED_THROUGH = "question"  # seen while its question is (bases.published_q)

    question = models.ForeignKey(
        Question, on_delete=models.CASCADE, related_name="answers", verbose_name=_("question")
    )
    key = models.SlugField(max_length=40, editable=False)
    order = models.PositiveIntegerField(_("order"), default=0, db_index=True)
    text = models.CharField(
        _("answer"), max_length=200, help_text=_("What the visitor ticks: a few plain words.")
    )
    reason = models.CharField(
        _("why, in the result"),
        max_length=300,
        help_text=_(
            "One sentence shown in the result to explain a recommendation this answer "
            "weighed for, for example: You said it has lasted several months."
        ),
    )
    risk_signal = models.BooleanField(
        _("risk signal"),
        default=False,
        help_text=_(
            "Tick when this answer may mean the person is in danger (thoughts of suicide, "
            "not safe at home). The result then shows the crisis lines first, whatever the "
            "scores."
        ),
    )
    distress = models.BooleanField(
        _("says the person is struggling"),
        default=False,
        help_text=_(
            "Tick when this answer says the person is in distress (at the end of their rope, "
            "struggling a lot, needing help now). The guide's audit then checks that coaching "
            "never comes first."
        ),
    )

    class Meta:
        ordering = ["order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["question", "key"], name="one_answer_key_per_question")
        ]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self):
        return self.text


class AnswerWeight(models.Model):
    """How much an answer points towards one kind of help."""

    PUBLISHED_THROUGH = "answer"

    answer = models.ForeignKey(
        Answer, on_delete=models.CASCADE, related_name="weights", verbose_name=_("answer")
    )
    intervention = models.ForeignKey(
        Intervention,
        on_delete=models.CASCADE,
        related_name="guide_weights",
        verbose_name=_("kind of help"),
    )
    weight = models.SmallIntegerField(
        _("weight"),
        validators=[MinValueValidator(-5), MaxValueValidator(5)],
        help_text=_(
            "From -5 to 5. The guide adds up, for each kind of help, the weights of the "
            "answers a visitor gives; the highest totals are recommended. 5: this answer "
            "strongly points to it. Negative: this answer makes it a poor fit."
        ),
    )

    class Meta:
        ordering = ["intervention__order"]
        constraints = [
            models.UniqueConstraint(fields=["answer", "intervention"], name="one_weight_per_pair")
        ]
        verbose_name = _("weight")
        verbose_name_plural = _("weights")

    def __str__(self):
        return f"{self.answer} → {self.intervention}: {self.weight}"
