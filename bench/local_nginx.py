"""Run Debian's nginx on 127.0.0.1 for a while: as a static-file baseline, or with the shipped
deploy/nginx.conf pointed at local instances. Used by `make bench` and the two-instance test.

Everything nginx writes (pid, logs, temporary files, its page cache) stays in a folder of
the caller's; the process stops when the `with` block ends."""

import getpass
import gzip
import re
import subprocess
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Workers run as whoever runs nginx, so they can read the caller's temporary folder.
FRAME = """user {user};
worker_processes 1;
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path {tmp}/body; proxy_temp_path {tmp}/proxy;
  fastcgi_temp_path {tmp}/fcgi; uwsgi_temp_path {tmp}/uwsgi; scgi_temp_path {tmp}/scgi;
  {body}
}}
"""


def wait_for(url, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{url} did not answer")


@contextmanager
def process(args, env=None):
    """A child process for the duration of a `with` block, quiet, stopped at the end."""
    child = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        yield child
    finally:
        child.terminate()
        try:
            child.wait(timeout=20)
        except subprocess.TimeoutExpired:
            child.kill()


@contextmanager
def nginx(tmp, body):
    """nginx in the foreground with `body` inside its `http { }` block."""
    tmp = Path(tmp)
    tmp.mkdir(parents=True, exist_ok=True)
    config = tmp / "nginx.conf"
    config.write_text(FRAME.format(user=getpass.getuser(), tmp=tmp, body=body))
    with process(["nginx", "-c", str(config), "-g", "daemon off;"]):
        yield


def replace_once(text, old, new):
    """A replacement that must happen: the shipped file changed if it does not."""
    if old not in text:
        raise ValueError(f"deploy/nginx.conf no longer contains {old!r}")
    return text.replace(old, new)


def shipped_config(tmp, upstreams, port):
    """deploy/nginx.conf itself, pointed at these instances, folders and port."""
    config = (ROOT / "deploy" / "nginx.conf").read_text()
    config, count = re.subn(r"\n    server 127\.0\.0\.1:800\d[^\n]*", "", config)
    if not count:
        raise ValueError("deploy/nginx.conf has no upstream server to replace")
    servers = "".join(f"\n    server {upstream};" for upstream in upstreams)
    for old, new in [
        ("    least_conn;", "    least_conn;" + servers),
        ("/var/cache/nginx/orientation", str(Path(tmp) / "cache")),
        ("/var/log/nginx/orientation.access.log orientation_private;", "off;"),
        ("listen 80;", f"listen 127.0.0.1:{port};"),
        ("server_name orientation.example;", "server_name _;"),
        ("/srv/orientation/staticfiles/", f"{ROOT / 'staticfiles'}/"),
    ]:
        config = replace_once(config, old, new)
    return config


@contextmanager
def shipped_nginx(tmp, upstreams, port, health="/healthz"):
    """The shipped load balancer and cache over `upstreams` ("127.0.0.1:8001", …)."""
    with nginx(tmp, shipped_config(tmp, upstreams, port)):
        wait_for(f"http://127.0.0.1:{port}{health}")
        yield f"http://127.0.0.1:{port}"


@contextmanager
def static_nginx(tmp, files, port):
    """nginx serving pages as files (`{"home.html": "<!doctype html>…"}`), each beside its
    gzipped copy for visitors who accept gzip: the physical limit here."""
    root = Path(tmp) / "root"
    root.mkdir(parents=True, exist_ok=True)
    for name, html in files.items():
        (root / name).write_text(html)
        (root / f"{name}.gz").write_bytes(gzip.compress(html.encode(), mtime=0))
    body = f"server {{ listen 127.0.0.1:{port}; root {root}; gzip_static on; }}"
    with nginx(tmp, body):
        wait_for(f"http://127.0.0.1:{port}/{next(iter(files))}")
        yield f"http://127.0.0.1:{port}"
