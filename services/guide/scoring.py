"""The guide's scoring: from a visitor's answers to a ranked, explained orientation.

Pure functions over plain data: no Django, no request, no database. Rules for one result:

1. For each kind of help, the score is the sum of the weights of the chosen answers.
2. An answer's *never* rule removes a kind of help from the result, whatever its score.
3. Any risk-signal answer puts the crisis intervention first and sets `Result.risk`; its
   *show first* help lines lead the crisis block, before any recommendation.
4. The kinds of help that scored above zero are kept, best first (ties: the site's order),
   at least two and at most `limit`.
5. An answer's *always* rule puts a kind of help among the recommendations (in place of the
   weakest one when the list is full), unless a *never* rule excludes it.

Each recommendation names the answer that explains it, a different one for each when the
answers allow (or the *always* rule that brought it).
"""

import itertools
from dataclasses import dataclass, field

CRISIS_KEY = "crisis"


class UnknownAnswer(ValueError):
    """An answer that is not part of the guide, or two answers to one question."""


@dataclass(frozen=True)
class Answer:
    """One answer, as the scoring sees it.

    `weights` maps an intervention id to an integer from -5 to 5; `never` and `always` hold
    intervention ids; `show_first` holds help-line (Resource) ids, in the order to show them.
    """

    id: int
    question_id: int
    risk_signal: bool = False
    weights: dict = field(default_factory=dict)
    never: frozenset = frozenset()
    always: tuple = ()
    show_first: tuple = ()
    distress: bool = False


@dataclass(frozen=True)
class KindOfHelp:
    """One published kind of help: its id, its stable key and its place in the site's order."""

    id: int
    key: str
    order: int


@dataclass(frozen=True)
class Recommendation:
    """One kind of help in the result.

    `score` is the sum of `breakdown`, pairs of (answer id, weight) for the answers that
    weighed on it; `reason_answer_id` is the answer that explains it (None if none does);
    `included_by` is the answer whose *always* rule brought it in, if any.
    """

    intervention_id: int
    score: int
    reason_answer_id: int | None
    included_by: int | None = None
    breakdown: tuple = ()


@dataclass(frozen=True)
class Result:
    """The orientation: `risk` (a risk signal was chosen), `show_first` (help-line ids to
    show before anything else, risk answers' first, each once), `recommendations` (best
    first) and `excluded` (intervention ids a *never* rule removed)."""

    risk: bool
    recommendations: tuple
    show_first: tuple = ()
    excluded: frozenset = frozenset()


def check_answers(answer_ids, answers_by_id):
    """The chosen answers, sorted so that their order never matters.

    Raises UnknownAnswer for an id that is not in `answers_by_id`, or two answers to one question.
    """
    chosen = sorted(set(answer_ids))
    unknown = [answer for answer in chosen if answer not in answers_by_id]
    if unknown:
        raise UnknownAnswer(unknown)
    questions = [answers_by_id[answer].question_id for answer in chosen]
    if len(questions) != len(set(questions)):
        raise UnknownAnswer("more than one answer to a question")
    return chosen


def score(answer_ids, answers_by_id, kinds, limit=3):
    """Rank `kinds` for the chosen `answer_ids` (any order, any subset of questions).

    `answers_by_id` maps every valid answer id to its `Answer`; `kinds` are the published
    kinds of help. Returns a `Result` with at least one recommendation whenever a kind
    survives the *never* rules, and at most `limit`. Raises UnknownAnswer (see above).
    """
    chosen = check_answers(answer_ids, answers_by_id)
    picked = [answers_by_id[answer_id] for answer_id in chosen]
    excluded = frozenset().union(*(answer.never for answer in picked))
    allowed = [c for c in kinds if c.id not in excluded]
    totals = {c.id: 0 for c in allowed}
    for answer in picked:
        for intervention_id, weight in answer.weights.items():
            if intervention_id in totals:
                totals[intervention_id] += weight
    risk = any(answer.risk_signal for answer in picked)

    def rank(kind):
        crisis_first = risk and kind.key == CRISIS_KEY
        return (not crisis_first, -totals[kind.id], kind.order, kind.id)

    ranked = sorted(allowed, key=rank)
    # Keep what the answers point to; always keep at least the best one and one alternative.
    kept = [c for c in ranked if totals[c.id] > 0 or (risk and c.key == CRISIS_KEY)]
    kept = (kept if len(kept) >= 2 else ranked[:2])[:limit]
    protected = {c.id for c in kept if risk and c.key == CRISIS_KEY}
    included = include_always(kept, ranked, picked, limit, protected)
    reasons = distinct_reasons([c.id for c in kept], chosen, answers_by_id)
    return Result(
        risk=risk,
        recommendations=tuple(
            Recommendation(
                c.id,
                totals[c.id],
                reasons.get(c.id),
                included.get(c.id),
                tuple(
                    (a, answers_by_id[a].weights[c.id])
                    for a in chosen
                    if answers_by_id[a].weights.get(c.id)
                ),
            )
            for c in kept
        ),
        show_first=first_lines(picked),
        excluded=excluded,
    )


def include_always(kept, ranked, picked, limit, protected=frozenset()):
    """Add every *always* kind of help to `kept` (in place), replacing the weakest ones
    (never one in `protected`: the crisis intervention after a risk answer).

    Returns {intervention id: answer id whose rule brought it in}.
    """
    by_id = {c.id: c for c in ranked}  # excluded kinds are not there: never wins
    included = {}
    for answer in picked:
        for intervention_id in answer.always:
            kind = by_id.get(intervention_id)
            if kind is None:
                continue
            included.setdefault(intervention_id, answer.id)
            if kind in kept:
                continue
            if len(kept) >= limit:
                # The weakest one that no rule asked for makes room.
                for index in range(len(kept) - 1, -1, -1):
                    if kept[index].id not in included and kept[index].id not in protected:
                        del kept[index]
                        break
                else:
                    continue
            kept.append(kind)
    order = {c.id: index for index, c in enumerate(ranked)}
    kept.sort(key=lambda c: order[c.id])
    return included


def distinct_reasons(intervention_ids, chosen, answers_by_id):
    """{intervention id: answer id}: for each kind of help, a chosen answer that weighed
    towards it, so that as many kinds as possible get a different answer (a system of
    distinct representatives), then the strongest weights. Kinds no answer weighed towards
    get none. Small by construction: at most `limit` kinds and one answer per question."""
    pools = []
    for intervention_id in intervention_ids:
        pool = [a for a in chosen if answers_by_id[a].weights.get(intervention_id, 0) > 0]
        pool.sort(key=lambda a: (-answers_by_id[a].weights[intervention_id], a))
        pools.append(pool or [None])
    best, best_key = None, None
    for assignment in itertools.product(*pools):
        named = [a for a in assignment if a is not None]
        strength = sum(
            answers_by_id[a].weights[i]
            for a, i in zip(assignment, intervention_ids, strict=True)
            if a is not None
        )
        key = (len(set(named)), strength)
        if best_key is None or key > best_key:
            best, best_key = assignment, key
    return {i: a for i, a in zip(intervention_ids, best or (), strict=False) if a is not None}


def first_lines(picked):
    """The help lines to show before any recommendation: risk answers' first, each once."""
    lines = []
    for answer in sorted(picked, key=lambda a: not a.risk_signal):
        lines += [line for line in answer.show_first if line not in lines]
    return tuple(lines)
