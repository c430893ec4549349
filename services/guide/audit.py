"""The guide's audit: every combination of answers scored and checked against the safety
invariants, plus the reviewed profiles. Pure: plain data in, a report out (no Django).

Invariants, for every combination (each question answered once, and also each question
answered or skipped — a visitor may submit half a form):

- at least one recommendation;
- a *never* rule's kind of help never appears;
- an *always* rule's kind of help appears (unless a *never* rule of the same answers
  excludes it — an editor's contradiction, reported too);
- every *show first* help line of the chosen answers is shown first, risk answers' first;
- any risk answer makes the result a risk (crisis block first, crisis intervention first);
- coaching is never first when an answer says the person is struggling or at risk;
- the result does not depend on the order the answers arrive in.

Above `limit` combinations, a deterministic sample (random.Random(0)) is checked, and the
report says so.
"""

import itertools
import random
from collections import Counter
from dataclasses import dataclass, field

from .scoring import CRISIS_KEY, score

COACHING_KEY = "coaching"
LIMIT = 100_000


@dataclass(frozen=True)
class Violation:
    """One broken invariant: the answers (ids, sorted) and what went wrong."""

    answers: tuple
    message: str


@dataclass(frozen=True)
class ProfileCheck:
    """A reviewed profile's outcome: `ranked` intervention keys, and the problems found."""

    key: str
    ranked: tuple
    problems: tuple

    @property
    def ok(self):
        return not self.problems


@dataclass
class Report:
    """`combinations`: full combinations counted; `checked`: combinations actually checked
    (full and partial); `sampled`: True when above the limit; `positions`: intervention key →
    Counter of ranks 1..3 over full combinations; `violations` and `profiles`."""

    combinations: int = 0
    checked: int = 0
    sampled: bool = False
    positions: dict = field(default_factory=dict)
    violations: list = field(default_factory=list)
    profiles: list = field(default_factory=list)

    @property
    def ok(self):
        return not self.violations and all(profile.ok for profile in self.profiles)


def answer_sets(questions, partial, limit=LIMIT, seed=0):
    """(count, iterable of answer-id tuples, sampled) for `questions`, a list of lists of
    answer ids. With `partial`, a question may also be skipped (at least one is answered)."""
    per_question = [[*answers, None] if partial else list(answers) for answers in questions]
    count = 1
    for answers in per_question:
        count *= len(answers)
    if partial:
        count -= 1  # nothing answered at all

    def clean(combination):
        return tuple(answer for answer in combination if answer is not None)

    if count <= limit:
        combos = (clean(c) for c in itertools.product(*per_question))
        return count, (c for c in combos if c), False
    generator = random.Random(seed)  # noqa: S311  (a reproducible sample, not a secret)
    sample = (clean(tuple(generator.choice(a) for a in per_question)) for _ in range(limit))
    return count, (c for c in sample if c), True


def check(answer_ids, answers_by_id, kinds, keys):
    """The invariants broken by one combination: a list of messages."""
    result = score(answer_ids, answers_by_id, kinds)
    picked = [answers_by_id[answer_id] for answer_id in answer_ids]
    ranked = [keys[r.intervention_id] for r in result.recommendations]
    found = []
    if not ranked:
        found.append("no recommendation")
    never = set().union(*(answer.never for answer in picked))
    for intervention_id in never & {r.intervention_id for r in result.recommendations}:
        found.append(f"{keys[intervention_id]} recommended despite a « never » rule")
    for answer in picked:
        for intervention_id in answer.always:
            if intervention_id in never:
                found.append(f"{keys.get(intervention_id)} both always and never")
            elif intervention_id in keys and keys[intervention_id] not in ranked:
                found.append(f"{keys[intervention_id]} missing despite an « always » rule")
    wanted_first = [line for o in picked if o.risk_signal for line in o.show_first]
    wanted_first += [line for o in picked for line in o.show_first]
    if list(dict.fromkeys(wanted_first)) != list(result.show_first):
        found.append("help lines to show first are missing or out of order")
    if any(answer.risk_signal for answer in picked):
        if not result.risk:
            found.append("risk answer without the crisis block")
        elif CRISIS_KEY in keys.values() and ranked[:1] != [CRISIS_KEY]:
            found.append("risk answer without crisis intervention first")
    if any(o.distress or o.risk_signal for o in picked) and ranked[:1] == [COACHING_KEY]:
        found.append("coaching first for a person in distress")
    if score(tuple(reversed(answer_ids)), answers_by_id, kinds) != result:
        found.append("the result depends on the order of the answers")
    return result, found


def check_profile(profile, by_key, answers_by_id, kinds, keys):
    """`profile` has `key`, `answers` ({question key: answer key}), `expected_first` and
    `never` (intervention keys). Returns a `ProfileCheck`."""
    problems = []
    try:
        answers = [by_key[item] for item in profile["answers"].items()]
    except KeyError as missing:
        return ProfileCheck(profile["key"], (), (f"unknown answer {missing}",))
    ranked = tuple(
        keys[r.intervention_id] for r in score(answers, answers_by_id, kinds).recommendations
    )
    expected = tuple(profile.get("expected_first") or ())
    if ranked[: len(expected)] != expected:
        problems.append(f"expected {', '.join(expected)} first, got {', '.join(ranked)}")
    for key in profile.get("never") or ():
        if key in ranked:
            problems.append(f"{key} recommended")
    return ProfileCheck(profile["key"], ranked, tuple(problems))


def audit(questions, answers_by_id, kinds, profiles=(), by_key=None, limit=LIMIT):
    """Audit a guide. `questions`: lists of answer ids, one list per published question;
    `answers_by_id`, `kinds`: as `scoring.score` takes them; `profiles`: dicts (see
    `check_profile`), with `by_key` mapping (question key, answer key) to an answer id.
    Returns a `Report`."""
    keys = {c.id: c.key for c in kinds}
    report = Report(positions={c.key: Counter() for c in kinds})
    count, full, sampled = answer_sets(questions, partial=False, limit=limit)
    report.combinations, report.sampled = count, sampled
    for answers in full:
        result, found = check(answers, answers_by_id, kinds, keys)
        report.checked += 1
        for rank, recommendation in enumerate(result.recommendations[:3], 1):
            report.positions[keys[recommendation.intervention_id]][rank] += 1
        report.violations += [Violation(answers, message) for message in found]
    _count, partial, partial_sampled = answer_sets(questions, partial=True, limit=limit)
    report.sampled = report.sampled or partial_sampled
    full_sets = {len(questions)}
    for answers in partial:
        if len(answers) in full_sets:
            continue  # checked above
        _result, found = check(answers, answers_by_id, kinds, keys)
        report.checked += 1
        report.violations += [Violation(answers, message) for message in found]
    report.profiles = [
        check_profile(profile, by_key or {}, answers_by_id, kinds, keys) for profile in profiles
    ]
    return report
