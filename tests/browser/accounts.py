"""Staff accounts for browser tests that write (they run in emptied tables, so the roles the
migrations created are rebuilt here)."""

from django.contrib.auth.models import Group, Permission


def staff_account(django_user_model, username, role, *, publish=False, password=None):
    """A staff user in the group `role` with the content permissions (and publishing)."""
    group, _created = Group.objects.get_or_create(name=role)
    permissions = Permission.objects.filter(
        content_type__app_label="services", codename__regex=r"^(add|change|delete|view)_"
    )
    if publish:
        permissions = permissions | Permission.objects.filter(codename="publish_content")
    group.permissions.set(permissions)
    user = django_user_model.objects.create_user(username, password=password, is_staff=True)
    user.groups.add(group)
    return user
