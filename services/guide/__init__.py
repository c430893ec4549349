"""The guide « Quel service choisir ? ».

- `scoring`: pure functions from answers and rules to a ranked result (no Django).
- `audit`: every combination of answers scored and checked against the safety invariants.
- `selectors`: the published guide read from the database as plain data.
- `safety`: the rules the database must keep (a risk answer, rules that point to
  published things), enforced on every path.
- `forms`, `views`: the questionnaire and its result.
"""

from .scoring import (
    CRISIS_KEY,
    Answer,
    KindOfHelp,
    Recommendation,
    Result,
    UnknownAnswer,
    score,
)

__all__ = [
    "CRISIS_KEY",
    "KindOfHelp",
    "Answer",
    "Recommendation",
    "Result",
    "UnknownAnswer",
    "score",
]
