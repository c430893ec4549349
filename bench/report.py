"""bench/RESULTS.md from the measurements of bench/run.py: the rows, each as a share of the
minimal view and of the frame floor, the targets, and the SQL queries per page."""

import datetime
import os
import platform
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONNECTIONS = 64
PAGES = ("home", "intervention", "comparison")
FRAME_FLOOR = "… + the site's frame, no content"
GUIDE_POST = "guide POST (not cacheable)"
# The render path's target: every uncached row and the guide's POST at least this share of
# the frame floor's requests per second (docs/decisions/0005).
FRAME_TARGET = 0.5


def machine():
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        found = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        model = found.group(1).strip() if found else model
    python = f"{platform.python_implementation()} {platform.python_version()}"
    return f"{os.cpu_count()} cores ({model}), {python}"


def render_path(results, frame):
    """The render path's table: each uncached row and the guide's POST against the frame
    floor of the same run (target: FRAME_TARGET)."""
    names = [name for name in results if name.endswith("(uncached)")] + [GUIDE_POST]
    rows = []
    for name in names:
        ratio = results[name]["rps"] / frame
        verdict = "yes" if ratio >= FRAME_TARGET else "**no**"
        rows.append(f"| {name} | {results[name]['rps']:.0f} | {ratio:.2f} | {verdict} |")
    return [
        "## The render path: uncached pages against the frame floor",
        "",
        f"Target (issue 12): every public page rendered without the page cache, and the "
        f"guide's POST, ≥ {FRAME_TARGET} × the frame floor ({frame:.0f} req/s in this run: the "
        "site's middleware and frame with no content). Per-content-version memos "
        "(orientation_site/render_memo.py) keep what does not change between requests; where "
        "the time goes: bench/profile_pages.py, and docs/decisions/0005.",
        "",
        "| page | req/s | × frame floor | ≥ target |",
        "| --- | ---: | ---: | :---: |",
        *rows,
        "",
    ]


def load_note(load):
    """The machine's 1-minute load average before and after the run, as a sentence."""
    if not load:
        return ""
    return f" Load average (1 min) before the run {load[0]:.1f}, after it {load[1]:.1f}."


def profile_section():
    """bench/PROFILE.md (bench/profile_pages.py's top items, before and after the render
    path's work), shifted one heading level down; [] when absent."""
    profile = ROOT / "bench" / "PROFILE.md"
    if not profile.exists():
        return []
    text = profile.read_text().strip()
    return [re.sub(r"^(#+) ", r"#\1 ", line) for line in text.splitlines()] + [""]


def write_results(results, soak, sizes, counts, settings):
    """Write bench/RESULTS.md. `results`: row name → {rps, p50, p99 (ms), errors}; `soak`: the
    same for the soak; `sizes`: bytes of the home page's html, css, js; `counts`: [(url,
    queries at 1×, at 10×, with memos warm)]; `settings`: seconds, rounds, soak (s) and
    workers of the run."""
    seconds, rounds, soak_seconds = settings["seconds"], settings["rounds"], settings["soak"]
    floor = results["minimal Django view"]["rps"]
    lines = [
        "# Benchmark results",
        "",
        f"- Date: {datetime.date.today().isoformat()}",
        f"- Machine: {machine()}",
        f"- Load: wrk, 2 threads, {CONNECTIONS} connections, `Accept-Encoding: gzip` as "
        f"browsers send it, on 127.0.0.1; {rounds} rounds of {seconds} s a row, rows "
        "alternating, best round kept (errors: all rounds); gunicorn with "
        f"`orientation_site/gunicorn.conf.py`, {settings['workers']} workers; SQLite.",
        "- Ratios compare rows measured in the same run: the machine is shared and noisy, "
        "so absolute figures mean little." + load_note(settings.get("load")),
        "",
        "| target | req/s | p50 ms | p99 ms | errors | × minimal view | × frame floor |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    frame = results[FRAME_FLOOR]["rps"]
    for name, row in results.items():
        lines.append(
            f"| {name} | {row['rps']:.0f} | {row['p50']:.2f} | {row['p99']:.2f} | "
            f"{row['errors']} | {row['rps'] / floor:.2f} | {row['rps'] / frame:.2f} |"
        )
    checks = []
    for name in PAGES:
        cached, uncached, proxied, static = (
            results[f"{name} ({label})"]["rps"]
            for label in ("cached", "uncached", "nginx", "nginx, static file")
        )
        checks.append(
            f"| {name} | {cached / floor:.2f} | {uncached / floor:.2f} | {proxied / static:.2f} |"
        )
    guide = results[GUIDE_POST]["rps"]
    checks.append(f"| guide POST | — | {guide / floor:.2f} | — |")
    forged = results["home (cached, forged session cookie)"]["rps"]
    forged_nginx = results["home (nginx, forged session cookie)"]["rps"]
    checks.append(f"| home, forged session cookie | {forged / floor:.2f} | — | — |")
    total = sum(sizes.values())
    errors = sum(row["errors"] for row in results.values())
    lines += [
        "",
        "## Against the targets",
        "",
        "Targets: cached ≥ 0.8 × minimal view; uncached ≥ 0.5 × minimal view; behind "
        "`deploy/nginx.conf` with its cache warm ≥ 0.7 × nginx serving the same page's HTML "
        "as a file (the guide's POST is never cached, by design). The floor rows above say "
        "what a page costs before its content: docs/decisions/0005-the-uncached-speed-target.md.",
        "",
        "| page | cached / minimal | uncached / minimal | via nginx / nginx static |",
        "| --- | ---: | ---: | ---: |",
        *checks,
        "",
        "A forged session cookie (shaped like a real one, so nginx passes it on) gets the "
        f"application's cached page: {forged_nginx:.0f} req/s through nginx, {forged:.0f} "
        "straight to the application (it used to switch both caches off: ~130 req/s).",
        "",
        f"Errors in every row and round: {errors}. Soak: {soak_seconds} s at {CONNECTIONS} "
        f"connections on the home page: {soak['rps']:.0f} req/s, {soak['errors']} errors.",
        "",
        f"Home page download, compressed: HTML {sizes['html']} B + CSS {sizes['css']} B + "
        f"JS {sizes['js']} B = {total / 1024:.1f} kB (target ≤ 30 kB).",
        "",
        *render_path(results, frame),
        *profile_section(),
        "## SQL queries per page (uncached render)",
        "",
        "First render under a content version (memos empty), at 1× and 10× the content; then "
        "every later render (memos warm; the content version's one-row read is not counted: it "
        "goes past Django's cursor, orientation_site/page_cache.py).",
        "",
        "| page | 1× content | 10× content | memos warm |",
        "| --- | ---: | ---: | ---: |",
        *[f"| `{url}` | {once} | {tenfold} | {warm} |" for url, once, tenfold, warm in counts],
        "",
    ]
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(lines))
    print("\n".join(lines))
