"""The guide's scoring: properties on any data (rules included), and the shipped guide
checked over every combination of answers, with its reviewed profiles."""

import itertools
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from services import guide
from services.guide import audit
from services.guide.selectors import audit_stored_guide, load_guide

GUIDE_YAML = Path(__file__).resolve().parent.parent / "services/content/data/guide.yaml"
PROFILES = yaml.safe_load(GUIDE_YAML.read_text(encoding="utf-8"))["profiles"]


def answer_ids(loaded, answers):
    by_key = {(q.key, c.key): c.pk for q in loaded.questions for c in q.answers.all()}
    return [by_key[item] for item in answers.items()]


def ranked_keys(loaded, answers):
    result = guide.score(answer_ids(loaded, answers), loaded.answers_by_id, loaded.kinds)
    return result, [loaded.interventions[r.intervention_id].key for r in result.recommendations]


def every_full_combination(loaded, **fixed):
    """Every full set of answers (as {question key: answer key}) with `fixed` ones kept."""
    keys = [q.key for q in loaded.questions]
    answers = [
        [fixed[q.key]] if q.key in fixed else [c.key for c in q.answers.all()]
        for q in loaded.questions
    ]
    for combination in itertools.product(*answers):
        yield dict(zip(keys, combination, strict=True))


# --- The shipped guide ----------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.content
@pytest.mark.parametrize("profile", PROFILES, ids=[p["key"] for p in PROFILES])
def test_each_reviewed_profile_gets_its_reviewed_result(profile):
    _result, ranked = ranked_keys(load_guide(), profile["answers"])
    expected = profile.get("expected_first") or []
    assert ranked[: len(expected)] == expected, (profile["key"], ranked)
    assert not set(profile.get("never") or []) & set(ranked), (profile["key"], ranked)


@pytest.mark.django_db
@pytest.mark.content
def test_the_audit_finds_no_violation_in_the_shipped_guide():
    report, _guide = audit_stored_guide()
    assert report.violations == []
    assert [p.key for p in report.profiles if not p.ok] == []
    assert len(report.profiles) == len(PROFILES) >= 20
    assert report.combinations == 7 * 3 * 3 * 5 * 6 and not report.sampled


@pytest.mark.django_db
@pytest.mark.content
@pytest.mark.parametrize("danger", ["unsafe-at-home", "might-hurt-someone"])
def test_couple_and_family_intervention_never_follows_fear_of_violence(danger):
    # Before the rules: offered in 86 of 378 combinations after « unsafe-at-home ».
    loaded = load_guide()
    offered = [
        answers
        for answers in every_full_combination(loaded, safety=danger)
        if "couple-family" in ranked_keys(loaded, answers)[1]
    ]
    assert offered == []


@pytest.mark.django_db
@pytest.mark.content
def test_suicidal_thoughts_always_keep_psychotherapy_among_the_next_steps():
    # Before the rules: missing in 251 of 378 combinations.
    loaded = load_guide()
    for answers in every_full_combination(loaded, safety="suicidal-thoughts"):
        result, ranked = ranked_keys(loaded, answers)
        assert ranked[0] == "crisis" and "psychotherapy" in ranked, answers
        (therapy,) = [r for r in result.recommendations if r.intervention_id in {
            c.id for c in loaded.kinds if c.key == "psychotherapy"}]  # fmt: skip
        assert therapy.included_by is not None or therapy.score > 0


@pytest.mark.django_db
@pytest.mark.content
def test_the_safety_question_lets_an_unsure_visitor_say_so_and_treats_it_as_a_risk():
    loaded = load_guide()
    (safety,) = [q for q in loaded.questions if q.key == "safety"]
    not_sure = {c.key: c for c in safety.answers.all()}["not-sure"]
    assert not_sure.risk_signal
    assert not_sure.text_fr == "Je ne suis pas sûr·e" and not_sure.text_en == "I'm not sure"


@pytest.mark.django_db
@pytest.mark.content
def test_coaching_is_never_first_for_someone_who_struggles():
    loaded = load_guide()
    distress = [c.key for q in loaded.questions for c in q.answers.all() if c.distress]
    assert {"overwhelmed", "a-lot", "lasting-distress", "right-now"} <= set(distress)
    report, _guide = audit_stored_guide()
    assert not [v for v in report.violations if "coaching" in v.message]


# --- The audit can fail ---------------------------------------------------------------------

KINDS = [
    guide.KindOfHelp(id=i, key=k, order=i * 10)
    for i, k in enumerate(["support", "crisis", "couple-family", "psychotherapy", "coaching"], 1)
]
SUPPORT, CRISIS, COUPLE, THERAPY, COACHING = (c.id for c in KINDS)


def small_guide(**changes):
    """Two questions; answer 3 is a risk signal whose rules exclude couple-family, include
    psychotherapy and show help line 100 first. `changes` replace answers_by_id by id."""
    answers_by_id = {
        1: guide.Answer(1, 1, weights={COUPLE: 5, SUPPORT: 1}),
        2: guide.Answer(2, 1, weights={COACHING: 3}),
        3: guide.Answer(
            3,
            2,
            risk_signal=True,
            weights={CRISIS: 5},
            never=frozenset({COUPLE}),
            always=(THERAPY,),
            show_first=(100,),
        ),
        4: guide.Answer(4, 2, weights={SUPPORT: 1}),
    }
    answers_by_id.update(changes)
    return [[1, 2], [3, 4]], answers_by_id


def test_the_audit_passes_a_sound_guide():
    questions, answers_by_id = small_guide()
    assert audit.audit(questions, answers_by_id, KINDS).violations == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        # The same risk answer, without each of its protections: a weight pulls couple-family
        # in and psychotherapy is left out; or crisis lines are not a risk any more.
        (
            {3: guide.Answer(3, 2, weights={CRISIS: 5}, risk_signal=True, show_first=(100,))},
            None,
        ),
        ({2: guide.Answer(2, 1, weights={COACHING: 9}, distress=True)}, "coaching first"),
        (
            {4: guide.Answer(4, 2, weights={SUPPORT: 1}, never=frozenset(c.id for c in KINDS))},
            "no recommendation",
        ),
        (
            {4: guide.Answer(4, 2, weights={}, never=frozenset({THERAPY}), always=(THERAPY,))},
            "both always and never",
        ),
    ],
)
def test_the_audit_reports_each_kind_of_broken_guide(change, message):
    questions, answers_by_id = small_guide()
    answers_by_id.update(change)
    report = audit.audit(questions, answers_by_id, KINDS)
    if message is None:
        assert report.violations == []  # removing a rule is not itself a violation…
        # …but a profile a reviewer pinned catches it.
        profile = {
            "key": "danger",
            "answers": {"q1": "a", "q2": "risk"},
            "never": ["couple-family"],
        }
        by_key = {("q1", "a"): 1, ("q2", "risk"): 3}
        report = audit.audit(questions, answers_by_id, KINDS, [profile], by_key)
        assert not report.ok and "couple-family recommended" in report.profiles[0].problems
    else:
        assert any(message in v.message for v in report.violations), report.violations


def test_a_scoring_that_ignored_never_rules_would_be_caught(monkeypatch):
    questions, answers_by_id = small_guide()
    real = guide.scoring.score

    def careless(answer_ids, answers_by_id, kinds, limit=3):
        stripped = {k: guide.Answer(o.id, o.question_id, o.risk_signal, o.weights) for k, o in
                    answers_by_id.items()}  # fmt: skip
        return real(answer_ids, stripped, kinds, limit)

    monkeypatch.setattr(audit, "score", careless)
    messages = {v.message for v in audit.audit(questions, answers_by_id, KINDS).violations}
    assert "couple-family recommended despite a « never » rule" in messages
    assert "psychotherapy missing despite an « always » rule" in messages
    assert "help lines to show first are missing or out of order" in messages


def test_above_the_limit_the_audit_samples_deterministically():
    questions = [[1, 2], [3, 4]]
    _questions, answers_by_id = small_guide()
    first = audit.audit(questions, answers_by_id, KINDS, limit=3)
    second = audit.audit(questions, answers_by_id, KINDS, limit=3)
    assert first.sampled and first.combinations == 4 and first.checked == second.checked


# --- Properties, on made-up guides with rules -----------------------------------------------

KEYS = ["accompaniment", "support", "crisis", "psychotherapy", "coaching"]
ANY_KINDS = [guide.KindOfHelp(id=i, key=k, order=i * 10) for i, k in enumerate(KEYS, 1)]
IDS = [c.id for c in ANY_KINDS]


@st.composite
def guides(draw):
    """A random guide (questions of 2–4 answers, random weights and rules) and one answer set
    (each question answered or, sometimes, skipped)."""
    answers_by_id, answers, next_id = {}, [], 1
    for question_id in range(1, draw(st.integers(1, 5)) + 1):
        ids = []
        for _ in range(draw(st.integers(2, 4))):
            answers_by_id[next_id] = guide.Answer(
                next_id,
                question_id,
                risk_signal=draw(st.booleans()),
                weights=draw(st.dictionaries(st.sampled_from(IDS), st.integers(-5, 5))),
                never=frozenset(draw(st.lists(st.sampled_from(IDS), max_size=2))),
                always=tuple(draw(st.lists(st.sampled_from(IDS), max_size=2, unique=True))),
                show_first=tuple(draw(st.lists(st.integers(100, 105), max_size=2, unique=True))),
            )
            ids.append(next_id)
            next_id += 1
        if draw(st.integers(0, 4)):  # a question is sometimes left blank
            answers.append(draw(st.sampled_from(ids)))
    return answers_by_id, answers


@settings(max_examples=200, deadline=None)
@given(guides())
def test_an_excluded_kind_of_help_never_appears_whatever_the_weights(data):
    answers_by_id, answers = data
    result = guide.score(answers, answers_by_id, ANY_KINDS)
    never = set().union(*(answers_by_id[a].never for a in answers))
    assert not never & {r.intervention_id for r in result.recommendations}
    assert result.excluded == never


@settings(max_examples=200, deadline=None)
@given(guides())
def test_an_always_kind_of_help_appears_unless_excluded(data):
    answers_by_id, answers = data
    result = guide.score(answers, answers_by_id, ANY_KINDS)
    never = set().union(*(answers_by_id[a].never for a in answers))
    always = {i for a in answers for i in answers_by_id[a].always} - never
    shown = {r.intervention_id for r in result.recommendations}
    # After a risk answer, crisis intervention keeps its place first (id 3).
    room = 3 - (1 if result.risk and 3 not in always | never else 0)
    if len(always) <= room:
        assert always <= shown


@settings(max_examples=200, deadline=None)
@given(guides())
def test_show_first_lines_lead_risk_answers_first_each_once(data):
    answers_by_id, answers = data
    result = guide.score(answers, answers_by_id, ANY_KINDS)
    lines = list(result.show_first)
    assert len(lines) == len(set(lines))
    assert set(lines) == {line for a in answers for line in answers_by_id[a].show_first}
    risky = [
        line
        for a in answers
        if answers_by_id[a].risk_signal
        for line in answers_by_id[a].show_first
    ]
    assert lines[: len(set(risky))] == list(dict.fromkeys(risky))


@settings(max_examples=300, deadline=None)
@given(guides())
def test_any_risk_signal_puts_crisis_first_unless_a_rule_excludes_it(data):
    answers_by_id, answers = data
    result = guide.score(answers, answers_by_id, ANY_KINDS)
    risky = any(answers_by_id[a].risk_signal for a in answers)
    assert result.risk == risky
    if risky and 3 not in result.excluded:
        assert result.recommendations[0].intervention_id == 3  # crisis


@settings(max_examples=300, deadline=None)
@given(guides())
def test_the_result_has_a_best_fit_whenever_a_kind_of_help_is_left(data):
    answers_by_id, answers = data
    result = guide.score(answers, answers_by_id, ANY_KINDS)
    ids = [r.intervention_id for r in result.recommendations]
    left = len(ANY_KINDS) - len(result.excluded)
    assert min(2, left) <= len(ids) <= 3 and len(set(ids)) == len(ids)
    assert set(ids) <= set(IDS)


@settings(max_examples=300, deadline=None)
@given(guides(), st.randoms())
def test_the_ranking_never_depends_on_the_order_of_answers(data, random):
    answers_by_id, answers = data
    shuffled = list(answers)
    random.shuffle(shuffled)
    assert guide.score(answers, answers_by_id, ANY_KINDS) == guide.score(
        shuffled, answers_by_id, ANY_KINDS
    )


@settings(max_examples=200, deadline=None)
@given(guides())
def test_recommendations_get_as_many_different_reasons_as_the_answers_allow(data):
    answers_by_id, answers = data
    result = guide.score(answers, answers_by_id, ANY_KINDS)
    reasons = [r.reason_answer_id for r in result.recommendations if r.reason_answer_id]
    # The oracle: the most kinds of help that distinct answers weighing for them can explain.
    pools = [
        [a for a in answers if answers_by_id[a].weights.get(r.intervention_id, 0) > 0] or [None]
        for r in result.recommendations
    ]
    most = max(len({a for a in pick if a is not None}) for pick in itertools.product(*pools))
    assert len(set(reasons)) == most


@settings(max_examples=100, deadline=None)
@given(guides(), st.integers())
def test_unknown_answers_are_rejected(data, stranger):
    answers_by_id, answers = data
    if stranger in answers_by_id:
        return
    with pytest.raises(guide.UnknownAnswer):
        guide.score([*answers, stranger], answers_by_id, ANY_KINDS)


def test_two_answers_to_one_question_are_rejected():
    answers_by_id = {1: guide.Answer(1, 1), 2: guide.Answer(2, 1)}
    with pytest.raises(guide.UnknownAnswer):
        guide.score([1, 2], answers_by_id, ANY_KINDS)


def test_ties_go_to_the_first_kind_of_help_in_the_sites_order():
    answers_by_id = {1: guide.Answer(1, 1, weights={4: 2, 1: 2, 2: 2})}
    result = guide.score([1], answers_by_id, ANY_KINDS)
    assert [r.intervention_id for r in result.recommendations] == [1, 2, 4]
