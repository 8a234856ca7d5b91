"""The PWA shell's budgets: what Today loads, a cold offline start at 4x CPU, precache, Lighthouse.

Budgets (reported, never asserted), measuring what a person feels:
Today on a cold offline start, interactive within 1 s with the CPU throttled 4x, with at most
35 KB brotli of pages, scripts and styles fetched before it is (bench/fetched.py says how that is
counted); everything the worker precaches (pages, scripts, styles, the manifest and sw.js) at most
160 KB as served with brotli, the icons shown beside; Lighthouse mobile 100 for performance,
accessibility and best practices. The cramp shortcut's budgets are in bench_cramp.py.
"""

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from bench.browser import CHROMIUM, FLAGS, phone_profile, serve
from bench.fetched import describe, fetched_before, total

HERE = Path(__file__).resolve().parent
RUNS = 5
PRECACHE_BUDGET_KB = 160
TODAY_BUDGET_KB = 35
TODAY_BUDGET_MS = 1000


def precache_size(app) -> None:
    """Everything the worker keeps for offline use, as served: code and manifest, then icons."""
    shell = app.extensions["unknot_shell"]
    code = (".html", ".css", ".js", ".webmanifest")
    br, gz = shell.size("br", code), shell.size("gzip", code)
    _, precache = shell.version()
    icons = [len(shell.file(url.lstrip("/"))[0]) for url in precache if url.endswith(".png")]
    print(
        f"precache (every page, script, style, the manifest and sw.js; {br['files']} files): "
        f"{br['raw'] / 1024:.1f} KB raw, {br['br'] / 1024:.1f} KB brotli as served "
        f"({gz['gzip'] / 1024:.1f} KB if gzip) (budget {PRECACHE_BUDGET_KB} KB brotli); "
        f"plus {len(icons)} icons, {sum(icons) / 1024:.1f} KB of PNG",
        flush=True,
    )


def downloaded(ctx) -> None:
    """What the browser itself received for the precache, from the worker's resource timing."""
    worker = ctx.service_workers[0]
    seen = worker.evaluate(
        """() => performance.getEntriesByType('resource')
            .filter(e => /([.](js|css|html)|\\/)$/.test(new URL(e.name).pathname))
            .map(e => [new URL(e.name).pathname, e.encodedBodySize, e.decodedBodySize])"""
    )
    print(
        f"  seen by Chromium installing the worker: {len(seen)} files, "
        f"{sum(s[1] for s in seen) / 1024:.1f} KB over the wire, "
        f"{sum(s[2] for s in seen) / 1024:.1f} KB decoded (without sw.js itself)",
        flush=True,
    )


def cold_offline_start(url: str, app, tmp: Path) -> None:
    from playwright.sync_api import sync_playwright

    profile = tmp / "profile"
    with sync_playwright() as pw:
        ctx = phone_profile(pw, profile)
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        page.goto(url + "/")
        page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=20000)
        page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
        downloaded(ctx)
        ctx.close()
        shell = app.extensions["unknot_shell"]
        ready, loaded, fetched = [], [], []
        for _ in range(RUNS):
            ctx = phone_profile(pw, profile, offline=True)
            page = ctx.pages[0] if ctx.pages else ctx.new_page()
            cdp = ctx.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.goto(url + "/")
            page.wait_for_function("() => document.documentElement.dataset.screen === 'today'")
            fetched.append(fetched_before(page, "app-ready", shell))
            ready.append(
                page.evaluate("() => performance.getEntriesByName('app-ready')[0].startTime")
            )
            loaded.append(
                page.evaluate(
                    "() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"
                )
            )
            ctx.close()
    print(
        f"cold offline start to interactive Today, CPU 4x slower, median of {RUNS}: "
        f"{statistics.median(ready):.0f} ms (runs {', '.join(f'{r:.0f}' for r in ready)}; "
        f"DOMContentLoaded {statistics.median(loaded):.0f} ms) (budget {TODAY_BUDGET_MS} ms)",
        flush=True,
    )
    # The run that fetched most; runs differ only when a lazy import happens to start in time.
    most = max(fetched, key=lambda found: total(found)[1])
    raw, sent = total(most)
    print(
        f"  fetched before Today is interactive: {len(most['files'])} files, "
        f"{raw / 1024:.1f} KB raw, {sent / 1024:.1f} KB brotli (budget {TODAY_BUDGET_KB} KB brotli)"
        f"\n{describe(most)}",
        flush=True,
    )


def lighthouse(url: str, tmp: Path) -> None:
    binary = HERE / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        print("lighthouse: skipped (run `npm ci` in bench/; `make bench` does)", flush=True)
        return
    out = tmp / "lighthouse.json"
    cmd = [
        str(binary),
        url + "/",
        "--form-factor=mobile",
        "--only-categories=performance,accessibility,best-practices",
        "--output=json",
        f"--output-path={out}",
        "--quiet",
        "--chrome-flags=--headless=new " + " ".join(FLAGS),
    ]
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not out.exists():
        print(f"lighthouse: failed ({done.returncode}): {done.stderr[-500:]}", flush=True)
        return
    report = json.loads(out.read_text())
    scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
    audits = report["audits"]
    metrics = ", ".join(
        f"{name} {audits[key]['displayValue']}"
        for name, key in [
            ("FCP", "first-contentful-paint"),
            ("LCP", "largest-contentful-paint"),
            ("TBT", "total-blocking-time"),
            ("CLS", "cumulative-layout-shift"),
        ]
        if key in audits
    )
    print(
        f"lighthouse mobile: performance {scores.get('performance')}, "
        f"accessibility {scores.get('accessibility')}, "
        f"best practices {scores.get('best-practices')} (budgets 100/100/100); {metrics}",
        flush=True,
    )
    failing = [
        f"{key}: {a['title']}"
        for key, a in audits.items()
        if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"
    ]
    if failing:
        print("  failing binary audits: " + "; ".join(failing[:10]), flush=True)


def main() -> None:
    """Print the shell's figures."""
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        url, app, server = serve(tmp)
        try:
            precache_size(app)
            cold_offline_start(url, app, tmp)
            lighthouse(url, tmp)
        finally:
            server.shutdown()
