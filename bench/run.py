"""`make bench`: Orientation's speed as ratios against two baselines measured in the same run.

Every server listens on 127.0.0.1 only and is stopped at the end; every load run is bounded
in time. Baselines: a minimal Django view served by the same gunicorn config (the framework's
floor), and nginx serving the home page's HTML as a static file (the machine's limit).
Writes bench/RESULTS.md.

Time budget: about 12 minutes (30 rows × ROUNDS × SECONDS, plus the soak, the nginx warm-ups
and the set-up); BENCH_SECONDS, BENCH_ROUNDS and BENCH_SOAK_SECONDS shorten it.
"""

import gzip
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import urllib.request
from contextlib import ExitStack, contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.local_nginx import process, shipped_nginx, static_nginx, wait_for  # noqa: E402
from bench.report import CONNECTIONS, GUIDE_POST, write_results  # noqa: E402

BIN = Path(sys.executable).parent
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
SOAK_SECONDS = int(os.environ.get("BENCH_SOAK_SECONDS", "60"))
# Every row is measured once a round; rows alternate, so a slow spell on this shared machine
# spoils one round of every row rather than every round of one row.
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
WORKERS = os.environ.get("GUNICORN_WORKERS", str(os.cpu_count() * 2 + 1))
GUIDE_FORM = "situation=grief&duration=months&impact=quite-a-lot&safety=safe&hope=talk"
PAGES = {
    "home": "/fr/",
    "intervention": "/fr/services/intervention-de-crise/",
    "comparison": "/fr/comparer/",
}
GUIDE = "/fr/quel-service-choisir/"
# Every other public page type, rendered without the page cache (the render path, issue 12):
# each row is compared with the frame floor of the same run.
UNCACHED_ONLY = {
    "interventions list": "/fr/services/",
    "compare pair": "/fr/comparer/psychotherapie/intervention-de-crise/",
    "guide GET": GUIDE,
    "resources": "/fr/ressources/",
    "glossary": "/fr/glossaire/",
    "text page": "/fr/a-propos/",
    "near-you list": "/fr/pres-de-chez-toi/",
    "region": "/fr/pres-de-chez-toi/montreal/",
}

# A session cookie no server issued, shaped like a real one: nginx passes it to the
# application, which serves its cached page (issue 13: it used to switch both caches off).
FORGED_COOKIE = "Cookie: sessionid=" + "f" * 32
FLOORS = {
    "minimal Django view": "/",
    "minimal view, site's middleware": "/",
    "… + one query": "/floor/query/",
    "… + the site's frame, no content": "/floor/frame/",
}


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def gunicorn(env, app="orientation_site.wsgi", health="/healthz", **extra_env):
    port = free_port()
    args = [str(BIN / "gunicorn"), "-c", "orientation_site/gunicorn.conf.py"]
    args += ["-b", f"127.0.0.1:{port}", "--access-logfile", "/dev/null", app]
    with process(args, {**env, **extra_env}):
        base = f"http://127.0.0.1:{port}"
        wait_for(base + (health if app.startswith("orientation") else "/"))
        yield base


def wrk(url, method="GET", seconds=SECONDS, tmp=None, header=None):
    # As a browser does: every visitor's browser accepts gzip.
    args = ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "--timeout", "10s"]
    args += ["-H", "Accept-Encoding: gzip"]
    if header:
        args += ["-H", header]
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


def best_of(rounds):
    """The round with the most requests per second (the least disturbed by the machine's
    other tenants), with the errors of every round."""
    best = max(rounds, key=lambda row: row["rps"])
    return {**best, "errors": sum(row["errors"] for row in rounds)}


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
    return [line.split("\t") for line in out.strip().splitlines() if line.count("\t") == 3]


def page_html(base, path):
    with urllib.request.urlopen(base + path) as response:
        return response.read().decode()


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

    load_before = os.getloadavg()[0]
    with ExitStack() as stack:
        minimal = stack.enter_context(gunicorn(env, app="bench.minimal_app:application"))
        floor = stack.enter_context(
            gunicorn(env, DJANGO_SETTINGS_MODULE="bench.floor_settings", health="/")
        )
        cached = stack.enter_context(gunicorn(env))
        cached_second = stack.enter_context(gunicorn(env))
        uncached = stack.enter_context(gunicorn(env, DJANGO_PAGE_CACHE="0"))
        # Each page beside its own HTML served as a file by nginx: the same bytes.
        files = {f"{name}.html": page_html(cached, path) for name, path in PAGES.items()}
        static = stack.enter_context(static_nginx(tmp / "static", files, free_port()))
        upstreams = [base.removeprefix("http://") for base in (cached, cached_second)]
        proxied = stack.enter_context(shipped_nginx(tmp / "proxy", upstreams, free_port()))

        rows = {name: (minimal if name.startswith("minimal Django") else floor) + path
                for name, path in FLOORS.items()}  # fmt: skip
        for name, path in PAGES.items():
            rows[f"{name} (nginx, static file)"] = f"{static}/{name}.html"
            rows[f"{name} (cached)"] = cached + path
            rows[f"{name} (uncached)"] = uncached + path
            rows[f"{name} (nginx)"] = proxied + path
        for name, path in UNCACHED_ONLY.items():
            rows[f"{name} (uncached)"] = uncached + path
        rows["home (cached, forged session cookie)"] = (cached + PAGES["home"], FORGED_COOKIE)
        rows["home (nginx, forged session cookie)"] = (proxied + PAGES["home"], FORGED_COOKIE)
        rounds = {name: [] for name in [*rows, GUIDE_POST]}
        for _ in range(ROUNDS):
            for name, row in rows.items():
                url, header = row if isinstance(row, tuple) else (row, None)
                if name.endswith("(nginx)"):
                    wrk(url, seconds=1)  # warm nginx's cache (it revalidates every 5 s)
                rounds[name].append(wrk(url, header=header))
            rounds[GUIDE_POST].append(wrk(cached + GUIDE, "POST", tmp=tmp))
        results = {name: best_of(measured) for name, measured in rounds.items()}
        soak = wrk(cached + "/fr/", seconds=SOAK_SECONDS)
        sizes = home_page_bytes(cached)
    counts = query_counts(env)
    settings = {"seconds": SECONDS, "rounds": ROUNDS, "soak": SOAK_SECONDS, "workers": WORKERS}
    settings["load"] = (load_before, os.getloadavg()[0])  # the machine's other tenants
    write_results(results, soak, sizes, counts, settings)
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
