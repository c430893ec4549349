"""The guide as one section of the admin: the weights matrix, « try the guide », and the
audit's summary. Read-only views for anyone who may view the guide's questions; every edit
still goes through the ordinary change forms (with their history)."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from services.guide.scoring import score
from services.guide.selectors import audit_stored_guide, help_lines_for, load_guide
from services.models import AnswerRule, AnswerWeight

SCORING_RULE = _(
    "For each kind of help, the guide adds up the weights of the answers a visitor gives. "
    "The highest totals are recommended, best first (ties: the site's order), at least two "
    "and at most three. Rules come before any sum: « never » removes a kind of help, "
    "« always » adds it, « show first » puts a help line before everything. Any answer "
    "marked as a risk signal shows the crisis block first and puts crisis intervention first."
)


def require_view(request):
    if not request.user.has_perm("services.view_question"):
        raise PermissionDenied


def context(request, title, **extra):
    return {**admin.site.each_context(request), "title": title, **extra}


def matrix_view(request):
    """Answers × kinds of help: every weight as a coloured cell linking to its edit."""
    require_view(request)
    loaded = load_guide()
    interventions = sorted(loaded.interventions.values(), key=lambda i: (i.order, i.pk))
    weights = {
        (w.answer_id, w.intervention_id): w
        for w in AnswerWeight.objects.filter(answer_id__in=loaded.answers_by_id)
    }
    rules = {}
    for rule in AnswerRule.objects.filter(answer_id__in=loaded.answers_by_id).select_related(
        "intervention", "resource"
    ):
        rules.setdefault(rule.answer_id, []).append(rule)
    add_url = reverse("admin:services_answerweight_add")
    rows = []
    for question in loaded.questions:
        for answer in question.answers.all():
            cells = []
            for intervention in interventions:
                weight = weights.get((answer.pk, intervention.pk))
                if weight is None:
                    url = f"{add_url}?answer={answer.pk}&intervention={intervention.pk}"
                    cells.append({"value": "", "css": "w0", "url": url})
                else:
                    url = reverse("admin:services_answerweight_change", args=[weight.pk])
                    css = f"w{'p' if weight.weight > 0 else 'n'}{abs(weight.weight)}"
                    cells.append({"value": weight.weight, "css": css, "url": url})
            rows.append({"question": question, "answer": answer, "cells": cells,
                         "rules": rules.get(answer.pk, [])})  # fmt: skip
    return TemplateResponse(
        request,
        "admin/services/guide/matrix.html",
        context(
            request,
            _("The guide: weights and rules"),
            interventions=interventions,
            rows=rows,
            scoring_rule=SCORING_RULE,
        ),
    )


class TryForm(forms.Form):
    """One optional radio question per published question (an editor may leave gaps)."""

    def __init__(self, questions, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for question in questions:
            self.fields[question.key] = forms.TypedChoiceField(
                label=question.text,
                choices=[("", _("(no answer)"))]
                + [(str(a.pk), a.text) for a in question.answers.all()],
                coerce=int,
                required=False,
                empty_value=None,
                widget=forms.RadioSelect,
            )


def try_view(request):
    """Pick answers, see the ranked result with each score broken down and the rules."""
    require_view(request)
    loaded = load_guide()
    form = TryForm(loaded.questions, request.POST or None)
    outcome = None
    if request.method == "POST" and form.is_valid():
        chosen = [pk for pk in form.cleaned_data.values() if pk]
        result = score(chosen, loaded.answers_by_id, loaded.kinds)
        answers = {a.pk: a for q in loaded.questions for a in q.answers.all()}
        first_lines, crisis_lines = help_lines_for(result)
        outcome = {
            "result": result,
            "first_lines": first_lines,
            "crisis_lines": crisis_lines,
            "excluded": [
                loaded.interventions[i]
                for i in sorted(result.excluded)
                if i in loaded.interventions
            ],
            "recommendations": [
                {
                    "intervention": loaded.interventions[r.intervention_id],
                    "score": r.score,
                    "breakdown": [(answers[a], w) for a, w in r.breakdown],
                    "reason": answers.get(r.reason_answer_id),
                    "included_by": answers.get(r.included_by),
                    "explanation": loaded.explanations.get((r.included_by, r.intervention_id)),
                }
                for r in result.recommendations
            ],
        }  # fmt: skip
    return TemplateResponse(
        request,
        "admin/services/guide/try.html",
        context(request, _("Try the guide"), form=form, outcome=outcome),
    )


def audit_view(request):
    """The audit's summary: combinations, the distribution table, profiles, violations."""
    require_view(request)
    report, loaded = audit_stored_guide()
    names = {k.key: loaded.interventions[k.id].name for k in loaded.kinds}
    answer_text = {a.pk: f"{q.text} — {a.text}" for q in loaded.questions for a in q.answers.all()}
    positions = sorted(
        ((names[key], ranks[1], ranks[2], ranks[3]) for key, ranks in report.positions.items()),
        key=lambda row: -row[1],
    )
    violations = [
        (v.message, [answer_text.get(a, a) for a in v.answers]) for v in report.violations[:200]
    ]
    return TemplateResponse(
        request,
        "admin/services/guide/audit.html",
        context(
            request,
            _("The guide's audit"),
            report=report,
            positions=positions,
            violations=violations,
        ),
    )
