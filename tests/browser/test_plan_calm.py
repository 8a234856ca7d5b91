"""A calm Plan: a day reads at a glance, splitting is offered, advice fits, one budget to read."""

import os
from pathlib import Path

from tests.browser.conftest import synced

SHOTS = Path(os.environ.get("PLAN_SHOTS", "/tmp/plan-shots"))
DAY = ["Shower", "Cooking", "Groceries", "Laundry", "A walk"]  # 2+2+3+2+2 points of 12
VISIBLE_STEP_EDITORS = "() => [...document.querySelectorAll('[id^=s-title-]')].length"


def submit(page):
    before = page.locator("[data-activity]").count()
    page.click("[data-plan-form] button[type=submit]")
    page.wait_for_function(
        "n => document.querySelectorAll('[data-activity]').length > n", arg=before
    )


def add(page, title, level="moderate", minutes=10, custom=None):
    page.fill("#a-title", title)
    page.fill("#a-minutes", str(minutes))
    page.check(f"input[name=level][value={level}]")
    if custom is not None:
        page.fill("#a-custom", str(custom))


def test_a_normal_day_reads_one_line_per_activity(new_context, open_app, store_call):
    page = new_context(viewport={"width": 360, "height": 740}).new_page()
    open_app(page, "/plan")
    # The form opens simple: title, minutes, points; no step editors, no red Remove.
    form = page.locator("[data-plan-form]")
    assert page.evaluate(VISIBLE_STEP_EDITORS) == 0
    assert form.get_by_role("button", name="Remove").count() == 0
    assert not page.locator("[data-split]").is_visible()  # 15 minutes: nothing to split
    for name in DAY:
        page.click(f"[data-template='{name}']")
        submit(page)
    add(page, "Call the pharmacy", "light", 10)
    submit(page)

    # Nothing was split on arrival.
    stored = store_call(page, "list", "activities")
    assert len(stored) == 6 and all(a["steps"] == [] for a in stored)
    assert "part 1" not in page.inner_text("[data-activities]")
    # One line each: title, minutes, points (and done state once logged).
    items = page.locator("[data-activity]")
    for i in range(6):
        assert items.nth(i).bounding_box()["height"] < 64, items.nth(i).inner_text()
    groceries = page.locator("[data-activity]", has_text="Groceries")
    assert groceries.locator("summary").first.inner_text().split("\n") == [
        "Groceries",
        "45 min · 3 points",
    ]
    assert not groceries.locator("[data-act=start]").is_visible()
    page.locator("[data-activities]").scroll_into_view_if_needed()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / "plan-day.png")

    # Opened, it shows its actions; logged, its line says it is done.
    groceries.locator("summary").first.click()
    groceries.locator("[data-act=log]").click()
    groceries.locator("[data-cost='3']").click()
    page.wait_for_selector("[data-activity][data-status=done]")
    done = page.locator("[data-activity][data-status=done] summary").first
    assert done.inner_text().split("\n") == ["Groceries", "45 min · 3 points", "Done"]
    page.screenshot(path=SHOTS / "plan-day-done.png", full_page=True)
    assert page.errors == []


def test_split_is_offered_and_steps_show_when_opened_or_started(page, open_app, store_call):
    open_app(page, "/plan")
    page.fill("#a-title", "Cooking")
    page.fill("#a-minutes", "40")
    assert page.evaluate(VISIBLE_STEP_EDITORS) == 0
    page.click("[data-split]")  # "Split into shorter steps with rests"
    assert page.evaluate(VISIBLE_STEP_EDITORS) == 3
    assert page.input_value("#s-title-1") == "Cooking — part 2 of 3"
    page.click("[data-unsplit]")  # changed my mind: one go
    assert page.evaluate(VISIBLE_STEP_EDITORS) == 0
    page.click("[data-split]")
    submit(page)
    (a,) = store_call(page, "list", "activities")
    assert [s["minutes"] for s in a["steps"]] == [15, 15, 10] and a["rest_minutes"] == 5
    assert page.locator("[data-step]").count() == 3
    assert not page.locator("[data-step='0']").is_visible()  # closed: one line
    page.click("[data-activity] summary")
    assert page.locator("[data-step='0']").is_visible()
    page.click("[data-activity] summary")  # closed again, then started: the steps show
    page.click("[data-activity] summary")
    page.click("[data-act=start]")
    page.wait_for_selector("[data-timer-phase=step]")
    page.reload()
    page.wait_for_selector("[data-timer-phase=step]")
    assert page.locator("[data-step='0']").is_visible()
    assert page.errors == []


def test_over_budget_advice_fits_the_budget(page, open_app, store_call):
    open_app(page, "/plan")
    add(page, "Appointment", "custom", 60, custom=10)
    submit(page)
    add(page, "Groceries", "heavy", 45)
    page.click("[data-plan-form] button[type=submit]")
    warning = page.locator("[data-warning]")
    warning.wait_for()
    assert "13 of 12 points: 1 over" in warning.inner_text()
    assert "split" not in warning.inner_text()
    assert "lighter version fits: 30 min, 2 points" in warning.inner_text()
    page.click("[data-choice=lighter]")
    page.wait_for_selector("[data-points-left='0']")
    assert "Groceries" in page.inner_text("[data-activities]")
    groceries = [a for a in store_call(page, "list", "activities") if a["title"] == "Groceries"]
    assert [(a["energy_cost"], a["minutes"]) for a in groceries] == [(2, 30)]

    # Over budget anyway: the advice names the move that brings the day back, and does it.
    add(page, "Stairs", "light", 5)
    page.click("[data-plan-form] button[type=submit]")
    page.click("[data-choice=anyway]")
    page.wait_for_selector("[data-over]")
    over = page.inner_text("[data-over]")
    assert "Moving Stairs (1 point) to tomorrow brings today within budget." in over
    page.click("[data-over] [data-fix]")
    page.wait_for_selector("[data-points-left='0']")
    assert page.locator("[data-over]").count() == 0
    page.click("[data-day=tomorrow]")
    page.wait_for_selector("[data-points-left='11']")
    assert page.errors == []


def test_one_budget_to_read_the_day_s_change_is_an_exception(
    page, signed_up, wait_for, server_rows
):
    email = signed_up(page, "/plan")
    usual = page.locator("[data-usual]")
    assert usual.get_attribute("data-exception") == "false"
    assert "usual: 12 (Settings)" in usual.inner_text()
    assert page.get_attribute("[data-usual] a", "href") == "/settings"
    page.click("[data-budget=up]")
    page.wait_for_selector("[data-budget-value='13']")
    assert usual.get_attribute("data-exception") == "true"
    lines = [x for x in usual.inner_text().split("\n") if x.strip()]
    assert lines == ["For today only", "usual: 12 (Settings)", "Back to usual (12)"]
    page.click("[data-budget=usual]")  # one tap back
    page.wait_for_selector("[data-budget-value='12']")
    assert usual.get_attribute("data-exception") == "false"
    assert page.locator("[data-budget=usual]").count() == 0

    # The usual one changes in Settings: a day that kept it follows; a changed day keeps its own.
    page.click("[data-day=tomorrow]")
    page.click("[data-budget=down]")
    page.wait_for_selector("[data-budget-value='11']")
    page.click("[data-day=today]")
    page.wait_for_selector("[data-budget-value='12']")
    page.goto("/settings")
    page.wait_for_function("() => document.documentElement.dataset.screen === 'settings'")
    assert "Plan's − and + change one day only" in page.inner_text("main")
    budget = page.get_by_label("Usual energy budget a day (points)")
    budget.fill("10")
    page.locator("form", has=budget).get_by_role("button", name="Save").click()
    page.get_by_text("Settings saved.").wait_for()
    synced(page, wait_for)
    assert sorted(p["energy_budget"] for p in server_rows("plans", email)) == [10, 11]
    assert page.errors == []


def test_everyday_task_minutes_line_up_with_points(page, open_app):
    open_app(page, "/plan")
    page.click("[data-templates] summary")
    shower = page.locator("[data-template-edit=Shower]")
    points = shower.get_by_label("Points").bounding_box()
    minutes = shower.get_by_label("Minutes").bounding_box()
    assert minutes["y"] == points["y"] and minutes["height"] == points["height"]
    assert page.errors == []


def test_a_long_title_split_into_steps_is_accepted_by_the_server(
    page, signed_up, wait_for, store_call, server_rows
):
    email = signed_up(page, "/plan")
    long = "Sort the papers for the benefits form " * 6  # over the 200 characters kept
    page.fill("#a-title", long)
    page.fill("#a-minutes", "45")
    page.click("[data-split]")
    page.click("[data-plan-form] button[type=submit]")  # refused in words, never cut
    page.locator("[data-error-for=a-title]").get_by_text("At most 200 characters").wait_for()
    assert page.input_value("#a-title") == long
    title = long[:200]  # the longest title the server keeps
    page.fill("#a-title", title)
    submit(page)
    (a,) = store_call(page, "list", "activities")
    for i, step in enumerate(a["steps"]):  # shortened to fit, the part kept whole
        assert len(step["title"]) <= 200 and step["title"].startswith(title[:150])
        assert step["title"].endswith(f"… — part {i + 1} of 3")
    synced(page, wait_for)
    (row,) = server_rows("activities", email)
    assert [s["title"] for s in row["steps"]] == [s["title"] for s in a["steps"]]
    assert "not accepted" not in page.inner_text("body")
    assert page.errors == []


def test_a_huge_duration_is_refused_plainly_and_builds_no_step_editors(page, open_app, store_call):
    open_app(page, "/plan")
    page.fill("#a-title", "Typo")
    page.fill("#a-minutes", "99999")
    message = page.locator("[data-error-for=a-minutes]")
    assert message.inner_text() == "At most 1440 minutes (a whole day)."  # said while typing
    assert not page.locator("[data-split]").is_visible()
    assert page.evaluate(VISIBLE_STEP_EDITORS) == 0
    page.click("[data-plan-form] button[type=submit]")
    assert page.evaluate("() => document.activeElement.id") == "a-minutes"
    assert store_call(page, "list", "activities") == []

    # A whole day in steps of 15 would be 96 steps: never more than the server keeps (50).
    page.fill("#a-minutes", "1440")
    assert message.inner_text() == ""
    page.click("[data-split]")
    assert page.evaluate(VISIBLE_STEP_EDITORS) == 50
    assert not page.locator("[data-step-add]").is_visible()
    submit(page)
    (a,) = store_call(page, "list", "activities")
    assert len(a["steps"]) == 50 and a["minutes"] == 1440
    assert page.errors == []
