"""Attacks on the merge of pending previews, pending creates and the render memos (review)."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection

from services.editorial import roles
from services.editorial.pending import approval, changes

from . import factories

pytestmark = pytest.mark.django_db


def staff(django_user_model, username, group):
    person = django_user_model.objects.create_user(username, is_staff=True)
    person.groups.add(Group.objects.get(name=group))
    return person


def test_approving_a_change_whose_source_was_deleted_since_leaves_no_dangling_row(
    django_user_model,
):
    """A pending change names its sources by id; one deleted before approval must not be
    written as a link to nothing (an IntegrityError at commit: a 500 for the Reviewer)."""
    kept, gone = factories.source(), factories.source()
    row = factories.intervention(sources=[kept])
    editor = staff(django_user_model, "redac", roles.EDITOR)
    reviewer = staff(django_user_model, "relect", roles.REVIEWER)
    pending = changes.propose(row, editor, m2m={"sources": [kept.pk, gone.pk]})
    assert pending is not None
    gone.delete()
    with pytest.raises(approval.ApprovalRefused, match="supprimée depuis"):
        approval.approve(pending, reviewer)
    connection.check_constraints()  # what the commit would check: nothing was written
    pending.refresh_from_db()
    assert pending.is_open and list(row.sources.all()) == [kept]
