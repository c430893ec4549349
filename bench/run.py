"""`make bench`: Orientation's speed as ratios against two baselines measured in the same run.

Every server listens on 127.0.0.1 only and is stopped at the end; every load run is bounded
in time. Baselines: a minimal Django view served by the same gunicorn config (the framework's
floor), and nginx serving the home page's HTML as a static file (the machine's limit).
Writes bench/RESULTS.md.
"""

import datetime
import getpass
import gzip
import os
import platform
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
SOAK_SECONDS = int(os.environ.get("BENCH_SOAK_SECONDS", "60"))
CONNECTIONS = 64
WORKERS = os.environ.get("GUNICORN_WORKERS", str(os.cpu_count() * 2 + 1))
GUIDE_FORM = "situation=grief&duration=months&impact=quite-a-lot&safety=safe&hope=talk"
PAGES = {
    "home": ("GET", "/fr/"),
    "intervention": ("GET", "/fr/services/intervention-de-crise/"),
    "comparison": ("GET", "/fr/comparer/"),
    "guide POST": ("POST", "/fr/quel-service-choisir/"),
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


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
def process(args, env, **kwargs):
    child = subprocess.Popen(
        args, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kwargs
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
def gunicorn(env, app="orientation_site.wsgi", health="/healthz", **extra_env):
    port = free_port()
    args = [str(BIN / "gunicorn"), "-c", "orientation_site/gunicorn.conf.py"]
    args += ["-b", f"127.0.0.1:{port}", "--access-logfile", "/dev/null", app]
    with process(args, {**env, **extra_env}):
        base = f"http://127.0.0.1:{port}"
        wait_for(base + (health if app.startswith("orientation") else "/"))
        yield base


# Workers run as whoever runs the benchmark, so they can read its temporary folder.
NGINX_FRAME = """user {user};
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


@contextmanager
def nginx(tmp, body):
    tmp.mkdir(parents=True, exist_ok=True)
    config = tmp / "nginx.conf"
    config.write_text(NGINX_FRAME.format(user=getpass.getuser(), tmp=tmp, body=body))
    with process(["nginx", "-c", str(config), "-g", "daemon off;"], os.environ):
        yield


def static_nginx(tmp, html):
    """nginx serving one page's HTML as a file: the physical limit here."""
    (tmp / "root").mkdir(parents=True, exist_ok=True)
    (tmp / "root" / "index.html").write_text(html)
    port = free_port()
    body = f"server {{ listen 127.0.0.1:{port}; root {tmp / 'root'}; }}"
    return port, nginx(tmp, body)


def shipped_nginx(tmp, upstreams):
    """deploy/nginx.conf itself, pointed at this run's instances, folders and port."""
    port = free_port()
    config = (ROOT / "deploy" / "nginx.conf").read_text()
    config = re.sub(r"\n    server 127\.0\.0\.1:800\d[^\n]*", "", config)
    servers = "".join(f"\n    server {u};" for u in upstreams)
    config = config.replace("    least_conn;", "    least_conn;" + servers)
    config = config.replace("/var/cache/nginx/orientation", str(tmp / "cache"))
    config = config.replace("/var/log/nginx/orientation.access.log", "off")
    config = config.replace("access_log off orientation_private;", "access_log off;")
    config = config.replace("listen 80;", f"listen 127.0.0.1:{port};")
    config = config.replace("server_name orientation.example;", "server_name _;")
    config = config.replace("/srv/orientation/staticfiles/", f"{ROOT / 'staticfiles'}/")
    return port, nginx(tmp, config)


def wrk(url, method="GET", seconds=SECONDS, tmp=None):
    args = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    if method == "POST":
        script = tmp / "post.lua"
        script.write_text(
            'wrk.method = "POST"\n'
            f'wrk.body = "{GUIDE_FORM}"\n'
            'wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"\n'
        )
        args += ["-s", str(script)]
    out = subprocess.run(
        args + [url], capture_output=True, text=True, timeout=seconds + 60, check=True
    ).stdout
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency(out, "50%"),
        "p99": latency(out, "99%"),
        "errors": errors(out),
    }


def latency(out, percentile):
    value, unit = re.search(rf"{percentile}\s+([\d.]+)(us|ms|s)", out).groups()
    return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]


def errors(out):
    total = 0
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    total += int(match.group(1)) if match else 0
    match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    total += sum(int(n) for n in match.groups()) if match else 0
    return total


def home_page_bytes(base):
    """What a visitor downloads for the home page: HTML, CSS and JS, compressed."""
    request = urllib.request.Request(base + "/fr/", headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(request) as response:
        raw = response.read()
        html = gzip.decompress(raw).decode() if response.headers.get("Content-Encoding") else raw
    sizes = {"html": len(raw)}
    for kind, pattern in [
        ("css", r'href="(/static/[^"]+\.css)"'),
        ("js", r'src="(/static/[^"]+\.js)"'),
    ]:
        asset = re.search(pattern, html if isinstance(html, str) else html.decode()).group(1)
        request = urllib.request.Request(base + asset, headers={"Accept-Encoding": "gzip"})
        with urllib.request.urlopen(request) as response:
            sizes[kind] = len(response.read())
    return sizes


def query_counts(env):
    out = subprocess.run(
        [sys.executable, "bench/queries.py"], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=300, check=True,
    ).stdout  # fmt: skip
    return [line.split("\t") for line in out.strip().splitlines() if line.count("\t") == 2]


def machine():
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        model = found.group(1).strip() if found else model
    python = f"{platform.python_implementation()} {platform.python_version()}"
    return f"{os.cpu_count()} cores ({model}), {python}"


def main():
    for tool in ("wrk", "nginx"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is missing: `make bench` installs it with apt when run as root.")
    tmp = Path(tempfile.mkdtemp(prefix="orientation-bench-"))
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(40),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{tmp}/bench.sqlite3",
        "GUNICORN_WORKERS": WORKERS,
    }
    env.pop("REDIS_URL", None)
    env.pop("DJANGO_SETTINGS_MODULE", None)
    for command in (["migrate", "--no-input"], ["seed_content"], ["collectstatic", "--no-input"]):
        subprocess.run(
            [sys.executable, "manage.py", *command, "-v0"], cwd=ROOT, env=env, check=True
        )

    results = {}
    with ExitStack() as stack:
        minimal = stack.enter_context(gunicorn(env, app="bench.minimal_app:application"))
        floor = stack.enter_context(
            gunicorn(env, DJANGO_SETTINGS_MODULE="bench.floor_settings", health="/")
        )
        cached = stack.enter_context(gunicorn(env))
        cached_second = stack.enter_context(gunicorn(env))
        uncached = stack.enter_context(gunicorn(env, DJANGO_PAGE_CACHE="0"))
        with urllib.request.urlopen(cached + "/fr/") as response:
            home_html = response.read().decode()
        static_port, static_server = static_nginx(tmp / "static", home_html)
        stack.enter_context(static_server)
        proxy_port, proxy_server = shipped_nginx(
            tmp / "proxy", [cached.removeprefix("http://"), cached_second.removeprefix("http://")]
        )
        stack.enter_context(proxy_server)
        proxied = f"http://127.0.0.1:{proxy_port}"
        wait_for(f"http://127.0.0.1:{static_port}/")
        wait_for(proxied + "/fr/")

        results["minimal Django view"] = wrk(minimal + "/")
        results["minimal view, site's middleware"] = wrk(floor + "/")
        results["… + one query"] = wrk(floor + "/floor/query/")
        results["… + the site's frame, no content"] = wrk(floor + "/floor/frame/")
        results["nginx, static file"] = wrk(f"http://127.0.0.1:{static_port}/")
        for name, (method, path) in PAGES.items():
            targets = [("cached", cached), ("uncached", uncached), ("nginx", proxied)]
            if method == "POST":  # never cached, by design: one row is enough
                targets = [("not cacheable", cached)]
            for label, base in targets:
                if label == "nginx":
                    wrk(base + path, method, seconds=2, tmp=tmp)  # warm nginx's cache
                results[f"{name} ({label})"] = wrk(base + path, method, tmp=tmp)
        soak = wrk(cached + "/fr/", seconds=SOAK_SECONDS)
        sizes = home_page_bytes(cached)
    counts = query_counts(env)
    write_results(results, soak, sizes, counts)
    shutil.rmtree(tmp, ignore_errors=True)


def write_results(results, soak, sizes, counts):
    floor = results["minimal Django view"]["rps"]
    limit = results["nginx, static file"]["rps"]
    lines = [
        "# Benchmark results",
        "",
        f"- Date: {datetime.date.today().isoformat()}",
        f"- Machine: {machine()}",
        f"- Load: wrk, 2 threads, {CONNECTIONS} connections, {SECONDS} s a row, on 127.0.0.1; "
        f"gunicorn with `orientation_site/gunicorn.conf.py`, {WORKERS} workers; SQLite.",
        "- Ratios compare rows measured in the same run: the machine is shared and noisy, "
        "so absolute figures mean little.",
        "",
        "| target | req/s | p50 ms | p99 ms | errors | × minimal view | × nginx static |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, row in results.items():
        lines.append(
            f"| {name} | {row['rps']:.0f} | {row['p50']:.2f} | {row['p99']:.2f} | "
            f"{row['errors']} | {row['rps'] / floor:.2f} | {row['rps'] / limit:.2f} |"
        )
    stack_floor = results["minimal view, site's middleware"]["rps"]
    checks = []
    for name, (method, _path) in PAGES.items():
        if method == "POST":
            ratio = results[f"{name} (not cacheable)"]["rps"]
            checks.append(f"| {name} | — | {ratio / floor:.2f} ({ratio / stack_floor:.2f}) | — |")
            continue
        cached_ratio = results[f"{name} (cached)"]["rps"]
        uncached_ratio = results[f"{name} (uncached)"]["rps"]
        nginx_ratio = results[f"{name} (nginx)"]["rps"] / limit
        checks.append(
            f"| {name} | {cached_ratio / floor:.2f} ({cached_ratio / stack_floor:.2f}) | "
            f"{uncached_ratio / floor:.2f} ({uncached_ratio / stack_floor:.2f}) | "
            f"{nginx_ratio:.2f} |"
        )
    total = sum(sizes.values())
    lines += [
        "",
        "## Against the targets",
        "",
        "Targets: cached ≥ 0.8 × minimal view; uncached ≥ 0.5 × minimal view; behind "
        "`deploy/nginx.conf` with its cache warm ≥ 0.5 × nginx static (the guide's POST is "
        "never cached, by design).",
        "",
        "In brackets: the same against the minimal view run through the site's own "
        "middleware (sessions, locale, CSP, compression…), the floor of this configuration.",
        "",
        "| page | cached / minimal | uncached / minimal | via nginx / nginx static |",
        "| --- | ---: | ---: | ---: |",
        *checks,
        "",
        f"Soak: {SOAK_SECONDS} s at {CONNECTIONS} connections on the home page: "
        f"{soak['rps']:.0f} req/s, {soak['errors']} errors.",
        "",
        f"Home page download, compressed: HTML {sizes['html']} B + CSS {sizes['css']} B + "
        f"JS {sizes['js']} B = {total / 1024:.1f} kB (target ≤ 30 kB).",
        "",
        "## SQL queries per page (uncached render)",
        "",
        "| page | 1× content | 10× content |",
        "| --- | ---: | ---: |",
        *[f"| `{url}` | {once} | {tenfold} |" for url, once, tenfold in counts],
        "",
    ]
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
