"""Users in each role of the matrix (services/editorial/roles.py), logged in."""

from django.contrib.auth.models import Group
from django.test import Client

from services.editorial import roles


def user_in_role(django_user_model, role):
    """A staff user holding `role` (a key of roles.ROLES)."""
    user = django_user_model.objects.create_user(
        f"{role}-user", password="correct horse battery staple", is_staff=True
    )
    if roles.ROLES[role]:
        user.groups.add(Group.objects.get(name=roles.ROLES[role]))
    return user


def client_for(django_user_model, role):
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(user_in_role(django_user_model, role))
    return client
