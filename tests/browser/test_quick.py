"""One-tap water and magnesium: the /quick logger (offline too) and Today's section; axe clean."""

import pytest
from axe_playwright_python.sync_playwright import Axe

AXE = Axe()
SMALL_TARGETS = """() => [...document.querySelectorAll(
    'main button, main .btn, main select, main input:not([type=checkbox]):not([type=radio]),'
    + ' main .choice, #toast button')]
  .filter(e => e.offsetParent !== null)
  .filter(e => { const r = e.getBoundingClientRect(); return r.height < 47.5 || r.width < 47.5; })
  .map(e => e.outerHTML.slice(0, 80))"""
MAGNESIUM = {
    "kind": "magnesium",
    "title": "Evening magnesium",
    "enabled": True,
    "times": ["21:00"],
    "days": [],
    "form": "glycinate",
    "amount": 150,
    "unit": "mg",
}


def text_is(page, wait_for, selector, text, start=False):
    """Wait until an element's text is (or starts with) `text`."""
    check = "t.startsWith(text)" if start else "t === text"
    wait_for(
        page,
        f"([s, text]) => {{ const t = document.querySelector(s).textContent; return {check}; }}",
        arg=[selector, text],
    )


def test_quick_logger_works_offline_with_undo(context, page, open_app, wait_for, store_call):
    open_app(page, "/")
    reminder = store_call(page, "save", "reminders", MAGNESIUM)
    wait_for(page, "async () => (await caches.keys()).some(k => k.startsWith('unknot-shell-'))")

    context.set_offline(True)
    url = f"/quick?kind=magnesium&reminder={reminder['id']}"
    response = page.goto(url)
    assert response.from_service_worker
    page.wait_for_function("() => document.documentElement.dataset.screen === 'quick'")
    assert page.locator("main h1").inner_text() == "Time for magnesium"
    assert "glycinate, 150 mg" in page.inner_text("[data-intake=magnesium-details]")
    assert page.inner_text("[data-intake=magnesium]") == "Magnesium: not yet today"

    page.click("[data-magnesium=took]")
    text_is(page, wait_for, "[data-intake=magnesium]", "Magnesium: taken at", start=True)
    (took,) = [r for r in store_call(page, "list", "intakes") if r["kind"] == "magnesium"]
    assert (took["form"], took["amount"], took["unit"]) == ("glycinate", 150, "mg")
    page.locator("#toast").get_by_role("button", name="Undo").click()
    text_is(page, wait_for, "[data-intake=magnesium]", "Magnesium: not yet today")
    assert store_call(page, "list", "intakes") == []

    page.click("[data-water='250']")
    text_is(page, wait_for, "[data-intake=water]", "Water: 250 ml of 2000 ml")
    page.click("[data-water='500']")
    text_is(page, wait_for, "[data-intake=water]", "Water: 750 ml of 2000 ml")
    assert page.evaluate("() => document.querySelector('progress').value") == 750

    # Snooze without a connection: kept in the reminder on this phone, sent later.
    page.click("[data-snooze='15']")
    text_is(page, wait_for, "[data-snooze-status]", "No connection", start=True)
    assert store_call(page, "get", "reminders", reminder["id"])["snoozed_until"]
    assert page.errors == []


def test_today_section_logs_quick_amounts_against_the_water_target(
    page, open_app, wait_for, store_call
):
    open_app(page, "/")
    store_call(page, "setMeta", "profile", {"water_target_ml": 1500, "day_start_hour": 4})
    open_app(page, "/")
    section = page.locator("section:has(#h-intake)")
    assert section.locator("[data-intake=water]").inner_text() == "Water: 0 ml of 1500 ml"
    section.locator("[data-water='150']").click()
    text_is(page, wait_for, "[data-intake=water]", "Water: 150 ml of 1500 ml")
    section.locator("[data-magnesium=took]").click()
    text_is(page, wait_for, "[data-intake=magnesium]", "Magnesium: taken at", start=True)
    (mg,) = [r for r in store_call(page, "list", "intakes") if r["kind"] == "magnesium"]
    assert mg["amount"] is None and mg["form"] is None  # no reminder details set: no amount
    assert page.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_reminders_and_quick_pass_axe_with_big_targets(new_context, open_app, store_call, scheme):
    page = new_context(color_scheme=scheme).new_page()
    open_app(page, "/")
    reminder = store_call(page, "save", "reminders", MAGNESIUM)
    store_call(
        page,
        "save",
        "reminders",
        {
            "kind": "hydration",
            "enabled": False,
            "times": [],
            "days": [1, 2, 3, 4, 5],
            "interval_minutes": 120,
            "window_start": "08:00",
            "window_end": "20:00",
        },
    )

    def check(label):
        results = AXE.run(page)
        assert results.violations_count == 0, f"{label}: {results.generate_report()}"
        assert page.evaluate(SMALL_TARGETS) == [], label
        assert page.evaluate("() => document.documentElement.scrollWidth") <= 360, label

    open_app(page, "/reminders")
    check("/reminders")
    page.click("[data-kind=magnesium] [data-act=snooze]")
    page.click("[data-kind=magnesium] [data-act=delete]")
    check("/reminders with snooze and delete open")
    page.click("[data-add=magnesium]")
    page.get_by_role("button", name="Save reminder").click()  # no time: errors shown
    check("/reminders magnesium form with errors")
    page.click("[data-add=hydration]")
    check("/reminders water form")

    open_app(page, f"/quick?kind=magnesium&reminder={reminder['id']}")
    check("/quick")
    page.click("[data-water='250']")
    check("/quick with the Undo toast")
    open_app(page, "/")
    check("/ with the water and magnesium section")
    assert page.errors == []
