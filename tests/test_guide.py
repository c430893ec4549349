"""The guide's scoring: realistic profiles on the real content, and properties on any data."""

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from services import guide
from services.views import load_guide

# --- Realistic profiles, on the seeded questions and weights -------------------------------

PROFILES = {
    # name: (answers by question key, acceptable top, acceptable second)
    "stress at work": (
        {"situation": "work-stress", "duration": "days-weeks", "impact": "a-little",
         "safety": "safe", "hope": "talk"},
        {"accompaniment", "support"},
        {"accompaniment", "support", "psychoeducation"},
    ),
    "grief": (
        {"situation": "grief", "duration": "months", "impact": "quite-a-lot",
         "safety": "safe", "hope": "talk"},
        {"support", "accompaniment"},
        {"support", "accompaniment", "psychotherapy"},
    ),
    "couple conflict": (
        {"situation": "couple-family-conflict", "duration": "months", "impact": "quite-a-lot",
         "safety": "safe", "hope": "couple-family-together"},
        {"couple-family"},
        {"support", "accompaniment", "psychotherapy"},
    ),
    "severe and lasting symptoms": (
        {"situation": "lasting-distress", "duration": "long-or-recurring", "impact": "a-lot",
         "safety": "safe", "hope": "deep-change"},
        {"psychotherapy"},
        {"clinical-follow-up", "support"},
    ),
    "living with a diagnosis": (
        {"situation": "living-with-diagnosis", "duration": "long-or-recurring",
         "impact": "quite-a-lot", "safety": "safe", "hope": "information-tools"},
        {"rehabilitation", "clinical-follow-up", "psychoeducation"},
        {"rehabilitation", "clinical-follow-up", "psychoeducation"},
    ),
    "crisis": (
        {"situation": "overwhelmed", "duration": "days-weeks", "impact": "a-lot",
         "safety": "suicidal-thoughts", "hope": "right-now"},
        {"crisis"},
        {"support", "psychotherapy", "clinical-follow-up", "accompaniment"},
    ),
    "a goal to reach": (
        {"situation": "goal", "duration": "days-weeks", "impact": "a-little",
         "safety": "safe", "hope": "potential-goal"},
        {"coaching"},
        {"accompaniment", "psychoeducation"},
    ),
}  # fmt: skip


def run_profile(answers):
    questions, options, candidates, interventions = load_guide()
    by_key = {(q.key, c.key): c.pk for q in questions for c in q.choices.all()}
    result = guide.score([by_key[item] for item in answers.items()], options, candidates)
    return result, [interventions[r.intervention_id].key for r in result.recommendations]


@pytest.mark.django_db
@pytest.mark.parametrize("profile", PROFILES)
def test_each_realistic_profile_gets_a_sensible_orientation(profile):
    answers, tops, seconds = PROFILES[profile]
    result, ranked = run_profile(answers)
    assert ranked[0] in tops, (profile, ranked)
    assert ranked[1] in seconds, (profile, ranked)
    assert all(r.reason_choice_id for r in result.recommendations[:2]), profile


@pytest.mark.django_db
def test_risk_answers_put_crisis_first_even_for_a_goal():
    answers = dict(PROFILES["a goal to reach"][0], safety="unsafe-at-home")
    result, ranked = run_profile(answers)
    assert result.risk and ranked[0] == "crisis"
    assert "coaching" not in ranked[:2]


@pytest.mark.django_db
def test_coaching_is_never_first_for_someone_who_struggles_a_lot():
    questions, options, candidates, interventions = load_guide()
    by_question = {q.key: [c.pk for c in q.choices.all()] for q in questions}
    a_lot = next(c.pk for q in questions for c in q.choices.all() if c.key == "a-lot")
    keys = [k for k in by_question if k != "impact"]
    for combination in itertools.product(*(by_question[k] for k in keys)):
        result = guide.score([*combination, a_lot], options, candidates)
        top = interventions[result.recommendations[0].intervention_id].key
        assert top != "coaching", combination


# --- Properties, on made-up guides ---------------------------------------------------------

KEYS = ["accompaniment", "support", "crisis", "psychotherapy", "coaching"]
CANDIDATES = [guide.Candidate(id=i, key=k, order=i * 10) for i, k in enumerate(KEYS, 1)]


@st.composite
def guides(draw):
    """A random guide (questions of 2–4 answers with random weights) and one full answer set."""
    options, answers, next_id = {}, [], 1
    for question_id in range(1, draw(st.integers(1, 5)) + 1):
        ids = []
        for _ in range(draw(st.integers(2, 4))):
            weights = draw(
                st.dictionaries(st.sampled_from([c.id for c in CANDIDATES]), st.integers(-5, 5))
            )
            options[next_id] = guide.Option(next_id, question_id, draw(st.booleans()), weights)
            ids.append(next_id)
            next_id += 1
        answers.append(draw(st.sampled_from(ids)))
    return options, answers


@settings(max_examples=300, deadline=None)
@given(guides())
def test_any_risk_signal_puts_crisis_first(data):
    options, answers = data
    result = guide.score(answers, options, CANDIDATES)
    risky = any(options[a].risk_signal for a in answers)
    assert result.risk == risky
    if risky:
        assert result.recommendations[0].intervention_id == 3  # crisis


@settings(max_examples=300, deadline=None)
@given(guides())
def test_the_result_always_has_a_best_fit_and_an_alternative(data):
    options, answers = data
    result = guide.score(answers, options, CANDIDATES)
    ids = [r.intervention_id for r in result.recommendations]
    assert 2 <= len(ids) <= 3 and len(set(ids)) == len(ids)
    assert set(ids) <= {c.id for c in CANDIDATES}


@settings(max_examples=300, deadline=None)
@given(guides(), st.randoms())
def test_the_ranking_never_depends_on_the_order_of_answers(data, random):
    options, answers = data
    shuffled = list(answers)
    random.shuffle(shuffled)
    assert guide.score(answers, options, CANDIDATES) == guide.score(shuffled, options, CANDIDATES)


@settings(max_examples=100, deadline=None)
@given(guides(), st.integers())
def test_unknown_answers_are_rejected(data, stranger):
    options, answers = data
    if stranger in options:
        return
    with pytest.raises(guide.UnknownChoice):
        guide.score([*answers, stranger], options, CANDIDATES)


def test_two_answers_to_one_question_are_rejected():
    options = {1: guide.Option(1, 1), 2: guide.Option(2, 1)}
    with pytest.raises(guide.UnknownChoice):
        guide.score([1, 2], options, CANDIDATES)


def test_ties_go_to_the_first_kind_of_help_in_the_sites_order():
    options = {1: guide.Option(1, 1, weights={4: 2, 1: 2, 2: 2})}
    result = guide.score([1], options, CANDIDATES)
    assert [r.intervention_id for r in result.recommendations] == [1, 2, 4]
