"""The cramp timer's budgets: the home-screen shortcut on a cold, offline start, CPU 4x slower.

From opening /cramp?start=1 to a running timer (the page marks 'timer-running' once the
cramp is saved on the phone and its stopwatch is on screen), in a persistent profile that
was opened online once and closed, then reopened in airplane mode. Budgets: the timer
running within 1 s, and at most 25 KB brotli of pages, scripts and styles fetched before it
(bench/fetched.py says how that is counted). Each run stops its cramp, so every run starts (and
saves) a new one. Reported, never asserted.
"""

import statistics
import tempfile
from pathlib import Path

from bench.browser import phone_profile, serve
from bench.fetched import describe, fetched_before, total

RUNS = 5
BUDGET_MS = 1000
BUDGET_KB = 25
MARKS = """() => ({
  running: performance.getEntriesByName('timer-running')[0].startTime,
  loaded: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
})"""


def one_run(pw, profile: Path, url: str, shell) -> dict:
    """One cold offline start of the shortcut; stops the cramp it started."""
    ctx = phone_profile(pw, profile, offline=True)
    try:
        page = ctx.pages[0] if ctx.pages else ctx.new_page()
        cdp = ctx.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
        response = page.goto(url + "/cramp?start=1")
        page.locator("[data-timer=running]").wait_for()
        figures = page.evaluate(MARKS)
        figures["from_worker"] = response.from_service_worker
        figures["fetched"] = fetched_before(page, "timer-running", shell)
        cramps = page.evaluate("async () => (await import('/store.js')).list('cramps')")
        figures["open"] = sum(1 for c in cramps if not c["ended_at"])
        page.click("[data-action=stop]")
        page.locator("[data-saved]").wait_for()
        return figures
    finally:
        ctx.close()


def main() -> None:
    """Print the cold offline start-to-running-timer figures."""
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        url, app, server = serve(tmp)
        try:
            with sync_playwright() as pw:
                profile = tmp / "profile"
                ctx = phone_profile(pw, profile)
                page = ctx.pages[0] if ctx.pages else ctx.new_page()
                page.goto(url + "/")  # the app opened online once: the worker and its cache
                page.wait_for_function(
                    "() => navigator.serviceWorker.controller !== null", timeout=20000
                )
                page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
                ctx.close()
                shell = app.extensions["unknot_shell"]
                runs = [one_run(pw, profile, url, shell) for _ in range(RUNS)]
        finally:
            server.shutdown()
    running = [r["running"] for r in runs]
    print(
        f"cramp shortcut, cold offline start to a running timer, CPU 4x slower, median of {RUNS}: "
        f"{statistics.median(running):.0f} ms (runs {', '.join(f'{x:.0f}' for x in running)}; "
        f"DOMContentLoaded {statistics.median(r['loaded'] for r in runs):.0f} ms, "
        f"then {statistics.median(r['running'] - r['loaded'] for r in runs):.0f} ms to the timer) "
        f"(budget {BUDGET_MS} ms)",
        flush=True,
    )
    # The run that fetched most; runs differ only when a lazy import happens to start in time.
    most = max((r["fetched"] for r in runs), key=lambda found: total(found)[1])
    raw, sent = total(most)
    print(
        f"  fetched before the timer runs: {len(most['files'])} files, {raw / 1024:.1f} KB raw, "
        f"{sent / 1024:.1f} KB brotli (budget {BUDGET_KB} KB brotli)\n{describe(most)}",
        flush=True,
    )
    if not all(r["from_worker"] for r in runs) or any(r["open"] != 1 for r in runs):
        print("  warning: a run was not served by the worker or did not show one running cramp")


if __name__ == "__main__":
    main()
