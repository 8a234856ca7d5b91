"""The PWA shell's budgets: size, cold offline start with the CPU throttled 4x, Lighthouse (mobile).

Budgets from issue 3 (reported, never asserted): shell HTML + CSS + JS at most 60 KB compressed
(as served: brotli, which Chromium asks for, gzip shown beside it);
a cold offline start to an interactive Today within 1 s at 4x CPU throttling;
Lighthouse performance >= 95, accessibility 100, best practices 100.
"""

import json
import os
import statistics
import subprocess
import tempfile
from pathlib import Path

from api.web.shell import pack
from bench.browser import CHROMIUM, FLAGS, phone_profile, serve

HERE = Path(__file__).resolve().parent
RUNS = 5


def shell_size(app) -> None:
    shell = app.extensions["unknot_shell"]
    br, gz = shell.size("br"), shell.size("gzip")
    print(
        f"shell (every precached page, script and style, and sw.js; {br['files']} files): "
        f"{br['raw'] / 1024:.1f} KB raw, {br['br'] / 1024:.1f} KB brotli as served "
        f"({gz['gzip'] / 1024:.1f} KB if gzip) (budget 60 KB)",
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


def first_screen(page, app) -> None:
    """What Today needs before it is interactive: the page and the files fetched before the mark."""
    urls = page.evaluate(
        """() => {
          const ready = performance.getEntriesByName('app-ready')[0].startTime;
          return performance.getEntriesByType('resource')
            .filter(e => e.startTime <= ready && /[.](js|css)$/.test(new URL(e.name).pathname))
            .map(e => new URL(e.name).pathname);
        }"""
    )
    shell = app.extensions["unknot_shell"]
    bodies = [shell.file("index.html")[0]] + [shell.file(u.lstrip("/"))[0] for u in set(urls)]
    packed = sum(len(pack(b, "br")) for b in bodies)
    print(
        f"first screen (Today): {len(bodies)} files, {sum(map(len, bodies)) / 1024:.1f} KB raw, "
        f"{packed / 1024:.1f} KB brotli",
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
        first_screen(page, app)
        ctx.close()
        ready, loaded = [], []
        for _ in range(RUNS):
            ctx = phone_profile(pw, profile, offline=True)
            page = ctx.pages[0] if ctx.pages else ctx.new_page()
            cdp = ctx.new_cdp_session(page)
            cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
            page.goto(url + "/")
            page.wait_for_function("() => document.documentElement.dataset.screen === 'today'")
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
        f"DOMContentLoaded {statistics.median(loaded):.0f} ms) (budget 1000 ms)",
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
        f"best practices {scores.get('best-practices')} (budgets 95/100/100); {metrics}",
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
            shell_size(app)
            cold_offline_start(url, app, tmp)
            lighthouse(url, tmp)
        finally:
            server.shutdown()
