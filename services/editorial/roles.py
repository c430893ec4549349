"""Who may do what in the admin: the role matrix, written once.

`docs/roles.md` is rendered from this module (`python -m services.editorial.roles`, checked by a
test),
and `tests/test_role_matrix.py` requests every admin URL and action as every role and expects
exactly what `expected()` says. The admin enforces it in `services/editorial/admin/guards.py`.

Rules (issue 14, OWASP ASVS 4.0 level 2, V4 access control):
- Editors add and change content. Whatever shows visitors something new or takes it away —
  publishing, unpublishing, deleting content that is live — is a Reviewer's act, on every path
  (change form, inline, bulk action, delete, revert).
- Who reviewed a page and when (`REVIEW_FIELDS`) moves together, under the Reviewer's control.
- Four eyes (issue 18): an Editor's change to live content waits as a pending change until a
  Reviewer approves it (services/editorial/pending/); a Reviewer does not approve their own change
  while
  another Reviewer exists (setting REVIEW_SELF_APPROVAL).
- A view-only user reads; staff without permissions see nothing of the content, not even names.
"""

EDITOR = "Éditeur / Editor"
REVIEWER = "Réviseur / Reviewer"
VIEWER = "Lecture seule / View only"

# The act that makes content appear or disappear for visitors.
PUBLISH_PERMISSION = "services.publish_content"

# Who reviewed a factual page and when: read-only without the model's review permission.
REVIEW_FIELDS = ("last_reviewed", "reviewer_name", "reviewer_profession")

# Bookkeeping visitors never see (deleting it hides nothing).
NOT_VISIBLE = {"seedrecord", "pendingchange"}


def review_permission(model):
    return f"{model._meta.app_label}.review_{model._meta.model_name}"


def is_content(model):
    return model._meta.app_label == "services" and model._meta.model_name not in NOT_VISIBLE


def publication(model):
    """(field, value when published, value for a draft) for a model with a draft state, else
    None: the model's own `PUBLICATION` (services/models/bases.py)."""
    return getattr(model, "PUBLICATION", None)


def live_through(model):
    """The attribute path to the row whose publication decides whether `model`'s rows are
    seen ("choice.question" for a weight), from each model's `PUBLISHED_THROUGH`; None for a
    model that is seen on its own."""
    path = []
    while (through := getattr(model, "PUBLISHED_THROUGH", None)) is not None:
        path.append(through)
        model = model._meta.get_field(through).related_model
    return ".".join(path) or None


def would_be_live(obj):
    """Whether visitors would see `obj` once saved as it is (saved or not): for a new row, or
    one moved under another parent. Same rules as is_live."""
    if obj is None or not is_content(type(obj)):
        return False
    path = live_through(type(obj))
    if path:
        parent = obj
        for attribute in path.split("."):
            parent = getattr(parent, attribute, None)
            if parent is None:
                return False
        return would_be_live(parent)
    published = publication(type(obj))
    return published is None or getattr(obj, published.field) == published.published


def is_live(obj):
    """Whether visitors can see `obj` now: deleting or unpublishing it is a Reviewer's act.

    Content without a draft state is live as soon as it exists (a help line, a glossary term,
    a source cited on a page). Unknown models count as live: a new area is safe by default.
    """
    if obj is None or obj.pk is None or not is_content(type(obj)):
        return False
    path = live_through(type(obj))
    if path:
        parent = obj
        for attribute in path.split("."):
            parent = getattr(parent, attribute)
        return is_live(parent)
    published = publication(type(obj))
    return published is None or getattr(obj, published.field) == published.published


# --- The matrix ---------------------------------------------------------------------------------
# Roles as the tests build them: a group name (or None) and whether the user is staff.
ROLES = {
    "editor": EDITOR,
    "reviewer": REVIEWER,
    "viewer": VIEWER,
    "staff_without_permissions": None,
}

# Each admin act on content, and the roles allowed to perform it.
ACTS = {
    "see the admin home and its panels' content": {"editor", "reviewer", "viewer"},
    "list and open content": {"editor", "reviewer", "viewer"},
    "add content (a draft, for what has a draft state)": {"editor", "reviewer"},
    "change content's words, order and sources": {"editor", "reviewer"},
    "see changes waiting for review": {"editor", "reviewer"},
    "approve or send back a change waiting for review": {"reviewer"},
    "publish or unpublish (form, bulk action, revert)": {"reviewer"},
    "delete content that is not live (a draft and its parts)": {"editor", "reviewer"},
    "delete live content (form, bulk action, inline)": {"reviewer"},
    "set who reviewed a page and when": {"reviewer"},
    "revert to an earlier version (within the rules above)": {"editor", "reviewer"},
    "open the history of an object": {"editor", "reviewer", "viewer"},
    "reorder by drag and drop": {"editor", "reviewer"},
    "manage users, groups and devices": set(),
}


def allowed(role, act):
    return role in ACTS[act]


def markdown_table():
    """The matrix as the Markdown table in docs/roles.md."""
    names = list(ROLES)
    header = "| act | " + " | ".join(name.replace("_", " ") for name in names) + " |"
    lines = [header, "|" + " --- |" * (len(names) + 1)]
    for act, roles in ACTS.items():
        cells = " | ".join("yes" if name in roles else "—" for name in names)
        lines.append(f"| {act} | {cells} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    print(markdown_table(), end="")
