"""Every screen mounts; Today's one-tap logs are saved on the phone at once."""

import pytest

from tests.browser.conftest import APP_ROUTES


def test_water_tap_is_saved_and_counted_today(page, open_app, wait_for, store_call):
    open_app(page, "/")
    assert page.locator("h1").first.inner_text().startswith("Today")
    page.click("[data-quick=water]")
    wait_for(
        page,
        "() => document.querySelector('[data-summary=water]').textContent.startsWith('Water: 250')",
    )
    (record,) = store_call(page, "list", "intakes")
    assert record["kind"] == "water" and record["amount"] == 250
    assert page.inner_text("#sync-status") == "Saved on this phone"
    assert page.errors == []


@pytest.mark.parametrize("path", [*APP_ROUTES, "/no/such/screen"])
def test_screen_mounts_with_a_heading(page, path):
    page.goto(path)
    page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
    assert page.locator("main h1").count() == 1
    assert page.errors == []


LAYOUT_SHIFT = """() => new Promise((resolve) => {
  let total = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
  }).observe({ type: "layout-shift", buffered: true });
  setTimeout(() => resolve(total), 300);
})"""


def test_today_does_not_move_while_it_fills_in(page, open_app, store_call):
    """Blocks that load after the button appear without pushing what is on screen."""
    open_app(page, "/")
    now = "2026-11-25T08:00:00+00:00"
    store_call(page, "save", "intakes", {"kind": "water", "amount": 250, "taken_at": now})
    store_call(page, "save", "cramps", {"started_at": now, "ended_at": now, "muscle": "calf"})
    page.reload()
    page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
    assert page.locator("[data-summary=water]").count() == 1
    assert page.evaluate(LAYOUT_SHIFT) < 0.01
