"""Plan and check-in: axe-core clean in light and dark, with content; targets of 48 px or more."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.test_accessibility import SMALL_TARGETS
from tests.browser.test_plan_pattern import LOADS, seed_day

AXE = Axe()


def clean(page, what):
    results = AXE.run(page)
    assert results.violations_count == 0, f"{what}: {results.generate_report()}"
    assert page.evaluate(SMALL_TARGETS) == [], what
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360, what


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_plan_and_check_in_pass_axe(new_context, open_app, store_call, scheme):
    from datetime import date, timedelta

    page = new_context(color_scheme=scheme, reduced_motion="reduce").new_page()
    open_app(page, "/plan")
    for i, load in enumerate(LOADS):
        seed_day(page, store_call, date(2026, 10, 1) + timedelta(days=i), load)
    page.fill("#a-title", "Groceries")
    page.check("input[name=level][value=custom]")
    page.fill("#a-custom", "10")
    page.fill("#a-minutes", "45")
    page.click("[data-split]")
    page.click("[data-plan-form] button[type=submit]")
    page.wait_for_selector("[data-activity]")
    page.fill("#a-title", "Cooking")
    page.check("input[name=level][value=heavy]")
    page.fill("#a-minutes", "40")
    page.click("[data-split]")
    page.click("[data-plan-form] button[type=submit]")
    page.locator("[data-warning]").wait_for()  # the warning, the steps editor and the pattern
    page.wait_for_selector("[data-pattern=ready]")
    page.click("[data-templates] summary")
    clean(page, f"/plan {scheme}: warning and steps")
    page.click("[data-choice=anyway]")
    page.wait_for_selector("[data-over]")
    page.locator("[data-activity] summary").first.click()  # one line until opened
    page.locator("[data-activity] [data-act=start]").first.click()
    page.wait_for_selector("[data-timer-phase=step]")
    cooking = page.locator("[data-activity]").nth(1)  # opened, with its "More" open too
    cooking.locator("summary").first.click()
    cooking.locator(".plan-more summary").click()
    clean(page, f"/plan {scheme}: timer, over budget")
    page.click("[data-timer=end-step]")
    page.wait_for_selector("[data-timer-phase=rest]")
    clean(page, f"/plan {scheme}: rest nudge")

    open_app(page, "/checkin")
    page.get_by_label("Cramps: 3").check()
    clean(page, f"/checkin {scheme}")
    open_app(page, "/")
    page.wait_for_selector("[data-checkin-prompt]")
    clean(page, f"Today {scheme}")
    assert page.errors == []
