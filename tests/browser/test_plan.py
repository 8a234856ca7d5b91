"""The pacing planner: budget, warning before going over, steps with rest breaks, the timer."""

from tests.browser.conftest import synced


def points_left(page):
    return int(page.get_attribute("[data-points-left]", "data-points-left"))


def add(page, title, level="moderate", minutes=10, fits=True):
    """Fill the form and submit; when it fits, wait until it is in the list."""
    before = page.locator("[data-activity]").count()
    page.fill("#a-title", title)
    page.check(f"input[name=level][value={level}]")
    page.fill("#a-minutes", str(minutes))
    page.click("[data-plan-form] button[type=submit]")
    if fits:
        page.wait_for_function(
            "n => document.querySelectorAll('[data-activity]').length > n", arg=before
        )


def test_plan_warns_before_going_over_budget_and_syncs_once(
    page, signed_up, wait_for, store_call, server_rows
):
    email = signed_up(page, "/plan")
    assert "Points left today: 12" in page.inner_text(".plan-points")
    for title in ("Shower", "Laundry", "Cooking", "Walk"):
        add(page, title, "heavy", 10)
    page.wait_for_selector("[data-points-left='0']")
    assert page.locator("[data-activity]").count() == 4

    add(page, "Groceries", "moderate", 10, fits=False)
    warning = page.locator("[data-warning]")
    warning.wait_for()
    assert "14 of 12 points: 2 over" in warning.inner_text()
    # Nothing was added yet: the warning comes BEFORE the plan goes over.
    assert page.locator("[data-activity]").count() == 4
    assert points_left(page) == 0
    page.click("[data-choice=tomorrow]")
    page.get_by_text("Groceries added to tomorrow").wait_for()
    assert page.locator("[data-activity]").count() == 4

    add(page, "Stairs", "light", 5, fits=False)
    page.click("[data-choice=anyway]")
    page.wait_for_selector("[data-over]")
    assert "Over budget today: 1 point" in page.inner_text(".plan-points")

    page.click("[data-budget=up]")  # today's budget can be changed for this day only
    page.wait_for_selector("[data-points-left='0']")
    assert page.locator("[data-over]").count() == 0

    page.click("[data-day=tomorrow]")
    page.wait_for_selector("[data-points-left='10']")
    assert page.locator("[data-activity]").count() == 1

    synced(page, wait_for)
    plans = server_rows("plans", email)
    assert len(plans) == 2 and sorted(p["energy_budget"] for p in plans) == [12, 13]
    assert len(server_rows("activities", email)) == 6
    assert page.errors == []


def test_everyday_tasks_can_be_changed_and_added(page, open_app, store_call):
    open_app(page, "/plan")
    page.click("[data-templates] summary")
    shower = page.locator("[data-template-edit=Shower]")
    shower.get_by_label("Points").fill("3")
    shower.get_by_label("Minutes").fill("20")
    shower.get_by_role("button", name="Save").click()
    page.get_by_text("Shower · 3 points · 20 min").wait_for()

    new = page.locator("[data-template-edit='']")
    new.get_by_label("Task").fill("Physio exercises")
    new.get_by_label("Points").fill("2")
    new.get_by_label("Minutes").fill("30")
    new.get_by_role("button", name="Add task").click()
    page.get_by_text("Physio exercises · 2 points · 30 min").wait_for()

    page.reload()
    page.click("[data-template='Physio exercises']")
    assert page.input_value("#a-title") == "Physio exercises"
    assert page.locator("[data-split]").is_visible()  # 30 minutes: splitting is offered
    assert page.locator("#s-min-0").count() == 0  # not imposed
    stored = sorted(
        (t["title"], t["energy_cost"], t["minutes"]) for t in store_call(page, "list", "templates")
    )
    assert stored == [("Physio exercises", 2, 30), ("Shower", 3, 20)]
    assert page.errors == []


def test_change_the_steps_of_a_planned_activity(page, open_app, store_call):
    open_app(page, "/plan")
    page.click("[data-template=Laundry]")  # 30 minutes: split into two steps of 15
    page.click("[data-split]")
    page.click("[data-plan-form] button[type=submit]")
    page.wait_for_selector("[data-activity]")
    page.click("[data-activity] summary")  # one line until opened
    page.click("[data-act=edit]")
    assert page.input_value("#s-min-1") == "15"
    page.fill("#s-min-0", "10")
    page.click("[data-step-add]")
    page.fill("#s-title-2", "Fold")
    page.click("[data-plan-form] button[type=submit]")
    page.get_by_text("Laundry saved.").wait_for()
    (a,) = store_call(page, "list", "activities")
    assert [(s["title"], s["minutes"]) for s in a["steps"]] == [
        ("Laundry — part 1 of 2", 10),
        ("Laundry — part 2 of 2", 15),
        ("Fold", 5),
    ]
    assert a["minutes"] == 30 and a["rest_minutes"] == 5
    assert "3 steps, 5 min rest between" in page.inner_text("[data-activity]")
    assert page.errors == []
