"""The guide's scoring: from a visitor's answers to a ranked, explained orientation.

Pure functions over plain data: no request, no database writes. For each kind of help the
score is the sum of the weights of the chosen answers. Ties go to the kind of help that comes
first in the site's order. Any answer marked as a risk signal puts crisis help first, whatever
the scores.
"""

from dataclasses import dataclass, field

CRISIS_KEY = "crisis"


class UnknownChoice(ValueError):
    """An answer that is not part of the guide (a tampered form)."""


@dataclass(frozen=True)
class Option:
    """One answer, as the scoring sees it."""

    id: int
    question_id: int
    risk_signal: bool = False
    weights: dict = field(default_factory=dict)  # intervention id -> weight


@dataclass(frozen=True)
class Candidate:
    """One published kind of help."""

    id: int
    key: str
    order: int


@dataclass(frozen=True)
class Recommendation:
    intervention_id: int
    score: int
    reason_choice_id: int | None  # the answer that pointed to it most


@dataclass(frozen=True)
class Result:
    risk: bool
    recommendations: tuple


def score(answer_ids, options, candidates, limit=3):
    """Rank `candidates` for the chosen `answer_ids`.

    `options` maps every valid answer id to its `Option`; `candidates` are the published
    kinds of help. Returns a `Result` with at least one recommendation (when any candidate
    exists) and at most `limit`.
    """
    chosen = sorted(set(answer_ids))  # the order answers arrive in never matters
    unknown = [answer for answer in chosen if answer not in options]
    if unknown:
        raise UnknownChoice(unknown)
    questions = [options[answer].question_id for answer in chosen]
    if len(questions) != len(set(questions)):
        raise UnknownChoice("more than one answer to a question")

    totals = {c.id: 0 for c in candidates}
    for answer in chosen:
        for intervention_id, weight in options[answer].weights.items():
            if intervention_id in totals:
                totals[intervention_id] += weight
    risk = any(options[answer].risk_signal for answer in chosen)

    def rank(candidate):
        crisis_first = risk and candidate.key == CRISIS_KEY
        return (not crisis_first, -totals[candidate.id], candidate.order, candidate.id)

    ranked = sorted(candidates, key=rank)
    # Keep what the answers point to; always keep at least the best one and one alternative.
    kept = [c for c in ranked if totals[c.id] > 0 or (risk and c.key == CRISIS_KEY)]
    kept = (kept if len(kept) >= 2 else ranked[:2])[:limit]
    return Result(
        risk=risk,
        recommendations=tuple(
            Recommendation(c.id, totals[c.id], strongest_reason(c.id, chosen, options))
            for c in kept
        ),
    )


def strongest_reason(intervention_id, chosen, options):
    """The chosen answer that weighed most towards this kind of help, if any did."""
    best = None
    for answer in chosen:
        weight = options[answer].weights.get(intervention_id, 0)
        if weight > 0 and (best is None or weight > best[0]):
            best = (weight, answer)
    return best[1] if best else None
