"""The container's HEALTHCHECK: GET /healthz on the local gunicorn, exit 0 when it says ok.

Sent with a Host the site accepts (the public URL's, else the first allowed host): the site
answers 400 to any other, 127.0.0.1 included when it is not in DJANGO_ALLOWED_HOSTS.
"""

import os
import sys
import urllib.request
from urllib.parse import urlsplit


def host():
    public = urlsplit(os.environ.get("DJANGO_PUBLIC_URL", "")).hostname
    allowed = os.environ.get("DJANGO_ALLOWED_HOSTS", "") or "localhost"
    first = public or allowed.split(",")[0].strip().lstrip(".")
    return "localhost" if first in ("", "*") else first


def main():
    url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/healthz"
    request = urllib.request.Request(url, headers={"Host": host()})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310
            return 0 if response.status == 200 else 1
    except OSError as error:
        print(f"healthz: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
