"""`manage.py check --database default` (and CI) reports a guide whose safety net is off.

Tagged `database`: Django runs such checks only when asked for a database, never at import.
"""

from django.core import checks


def guide_is_safe(app_configs=None, databases=None, **kwargs):
    """One `checks.Error` (id guide.E001) per problem `services.guide.safety.problems()`
    finds; none when the database is not asked for or not migrated yet."""
    if not databases:
        return []
    from django.db import DatabaseError

    from .safety import problems

    try:
        found = problems()
    except DatabaseError:  # not migrated yet: `migrate` runs the checks first
        return []
    return [checks.Error(message, id="guide.E001") for message in found]


def register():
    checks.register(guide_is_safe, checks.Tags.database)
