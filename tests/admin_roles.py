"""Users in each role of the matrix (services/editorial/roles.py): the one builder for unit and
browser tests.

Roles: "editor", "reviewer", "viewer", "staff_without_permissions" (the keys of roles.ROLES),
"superuser", and "not_staff" (an account that is not staff: no admin at all). The groups
are those the migrations created; a transactional test (the browser tests that write) runs
in emptied tables, so a missing group is rebuilt with the permissions the migrations give it
(services/migrations/0002, 0008, 0010).
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import Client

from services.editorial import roles

PASSWORD = "correct horse battery staple"


def _rebuilt_group(name):
    """The group `name` with the permissions the migrations give it (tables were emptied)."""
    group = Group.objects.create(name=name)
    services = Permission.objects.filter(content_type__app_label="services")
    if name == roles.VIEWER:
        group.permissions.set(services.filter(codename__startswith="view_"))
        return group
    permissions = services.filter(codename__regex=r"^(add|change|delete|view)_")
    if name == roles.REVIEWER:
        permissions = permissions | services.filter(codename__regex=r"^(publish_content|review_)")
    group.permissions.set(permissions)
    return group


def group_for(role):
    """The auth Group of `role` (a key of roles.ROLES), or None for staff without one."""
    name = roles.ROLES[role]
    if name is None:
        return None
    return Group.objects.filter(name=name).first() or _rebuilt_group(name)


def user_in_role(role, username=None, *, password=PASSWORD, **fields):
    """A staff user holding `role` (a key of roles.ROLES, or "superuser"); `username`
    defaults to "<role>-user"; extra `fields` go to the user (e.g. email)."""
    User = get_user_model()
    username = username or f"{role}-user"
    if role == "superuser":
        fields.setdefault("email", f"{username}@example.org")
        return User.objects.create_superuser(username, password=password, **fields)
    staff = role != "not_staff"
    user = User.objects.create_user(username, password=password, is_staff=staff, **fields)
    if not staff:
        return user
    group = group_for(role)
    if group is not None:
        user.groups.add(group)
    return user


def client_for(role, language="en", **kwargs):
    """A test client logged in as a new user in `role`, asking for the admin in `language`
    (None: each request says, or the site's default, French)."""
    client = Client(headers={"Accept-Language": language} if language else {})
    client.force_login(user_in_role(role, **kwargs))
    return client
