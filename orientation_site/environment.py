"""Reading the environment for settings.py: flags, lists, the public address, and where the
client's address comes from behind proxies. Pure functions, so tests call them directly."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured


def env_flag(name, default=False):
    """True for 1/true/yes/on (any case) in environment variable `name`; `default` if unset or
    empty."""
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default):
    """Environment variable `name` (or `default`), split on commas, blanks dropped: [str]."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def public_url(value):
    """`https://orientation.example` → itself, without a trailing slash; "" when unset.

    Raises ImproperlyConfigured for anything but a scheme and a host (no path, no query).
    """
    value = value.strip().rstrip("/")
    if not value:
        return ""
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path or parts.query:
        raise ImproperlyConfigured(
            f"DJANGO_PUBLIC_URL must be a scheme and a host, like https://orientation.example "
            f"(got {value!r})."
        )
    return value


def client_address(proxy_count):
    """(META keys, ipware's proxy count) for axes to find the client's address.

    The connection's own address with no proxy; behind `proxy_count` proxies, the
    X-Forwarded-For entry the farthest trusted proxy added, whatever a client wrote to its
    left. ipware counts the proxies listed inside the header; the nearest is REMOTE_ADDR.
    """
    if not proxy_count:
        return ("REMOTE_ADDR",), None
    return ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"), proxy_count - 1
