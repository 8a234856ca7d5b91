"""Cramp timer, logs and What helps me: axe-clean in light and dark, targets of 48 px and more."""

from datetime import UTC, datetime, timedelta

import pytest
from axe_playwright_python.sync_playwright import Axe

AXE = Axe()
# Every control a finger must hit, as laid out on a 360 px wide phone.
SMALL_TARGETS = """() => [...document.querySelectorAll(
    'main button, main a.btn, main .entry, main input:not([type=checkbox]):not([type=radio]),'
    + ' main textarea, .toast button')]
  .filter(e => e.offsetParent !== null)
  .filter(e => { const r = e.getBoundingClientRect(); return r.height < 47.5 || r.width < 47.5; })
  .map(e => e.outerHTML.slice(0, 80))"""


def check(page, where):
    """No axe violation, no small target, no sideways scroll, no stray 'null' text."""
    results = AXE.run(page)
    assert results.violations_count == 0, f"{where}: {results.generate_report()}"
    assert page.evaluate(SMALL_TARGETS) == [], where
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360, where
    assert "null" not in page.inner_text("main"), where


def seed(page):
    now = datetime.now(UTC).replace(microsecond=0)
    page.evaluate(
        "async ([cramps, knots]) => { const s = await import('/store.js');"
        " for (const r of cramps) await s.save('cramps', r);"
        " for (const r of knots) await s.save('knots', r); }",
        [
            [
                {
                    "started_at": (now - timedelta(days=2 * i, hours=3)).isoformat(),
                    "ended_at": (now - timedelta(days=2 * i, hours=3, seconds=-90 * i)).isoformat(),
                    "muscle": "calf",
                    "reliefs_tried": ["stretch"] if i % 2 else ["heat"],
                }
                for i in range(1, 9)
            ],
            [
                {"noted_at": now.isoformat(), "location": loc, "helped": ["heat"]}
                for loc in ["neck", "hips", "neck", "legs", "upper back"]
            ],
        ],
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_cramp_log_and_helps_screens_pass_axe(new_context, open_app, scheme):
    page = new_context(color_scheme=scheme).new_page()
    open_app(page, "/", controlled=False)
    seed(page)

    open_app(page, "/cramp", controlled=False)
    check(page, "/cramp idle")
    page.click("[data-action=start]")
    page.locator("[data-timer=running]").wait_for()
    page.click("[data-chips=tried] .chip[data-value=heat]")  # shows the "helped" chips too
    check(page, "/cramp running")
    page.click("[data-action=stop]")
    page.locator("[data-saved]").wait_for()
    check(page, "/cramp stopped")
    page.locator("[data-past] .entry").first.click()
    page.locator("[data-summary=cramp]").wait_for()
    check(page, "/cramp?edit")

    open_app(page, "/", controlled=False)
    check(page, "/ with the cramp block")

    open_app(page, "/log", controlled=False)
    page.locator("[data-recent=knots] [data-entry]").first.wait_for()
    check(page, "/log knots")
    page.locator("[data-recent=knots] [data-action=change]").first.click()
    check(page, "/log changing a knot")
    page.click("button[data-kind=weakness]")
    page.click("[data-action=jelly]")
    page.locator("[data-recent=weakness] [data-entry]").first.wait_for()
    check(page, "/log weakness, with the Undo message")

    open_app(page, "/helps", controlled=False)
    # cramps per week, by hour, knots; and what shortened cramps (stretch and heat, 4 and 4)
    assert page.locator("main svg[role=img]").count() == 3
    assert page.locator("main [data-relief-chart][role=img]").count() == 1
    check(page, "/helps")
    assert page.errors == []
