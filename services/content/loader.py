"""Load the bilingual content from YAML into the database without undoing editors' work.

- `reading.py`: the data files, merged by section;
- `kinds.py`: how each section maps onto a model;
- `seeder.py` (and `guide_seeding.py` for the guide): writing, with a `SeedRecord` of what was
  written so that an editor's change is never overwritten. Running it twice changes nothing.

The names below are re-exported so that `from services.content.loader import …` keeps working.
"""

from django.db import transaction

from .kinds import ANSWERS, KINDS, LANGUAGES, SECTIONS, Kind, as_json
from .reading import DEFAULT_CONTENT, mark_crisis_block, read_content
from .seeder import Seeder, open_changes

__all__ = [
    "ANSWERS",
    "DEFAULT_CONTENT",
    "KINDS",
    "LANGUAGES",
    "SECTIONS",
    "Kind",
    "Seeder",
    "as_json",
    "mark_crisis_block",
    "open_changes",
    "read_content",
    "seed_content",
]


def seed_content(path=DEFAULT_CONTENT):
    """Load the content at `path`; return counts of created/updated/kept/unchanged.

    Raises GuideSafetyError (and writes nothing) when the result would leave the guide
    without its safety net (services/guide/safety.py).
    """
    from ..guide.safety import GuideSafetyError, problems, suspended

    content = read_content(path)
    with transaction.atomic(), suspended():
        counts = Seeder().seed(content)
        found = problems()
        if found:
            raise GuideSafetyError(found)
        return counts
