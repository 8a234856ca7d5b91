"""A long task split into steps; the timer runs a step, then its rest break; the rest reminder."""

from datetime import UTC, datetime, timedelta

from tests.browser.conftest import synced

TIMER = "async () => (await import('/store.js')).getMeta('activityTimer')"


def phase(page):
    return page.get_attribute("[data-timer-phase]", "data-timer-phase")


def test_split_run_a_step_and_its_rest_break(page, signed_up, wait_for, store_call, server_rows):
    # A morning well in the past: the server then never clamps this page's times to its own
    # clock, which could order a clamped delete before the write it deletes.
    page.clock.install(time=datetime(2026, 11, 18, 9, 0, tzinfo=UTC))
    email = signed_up(page, "/plan")

    # A 40-minute task is offered as steps of at most 15 minutes, which can be changed.
    page.fill("#a-title", "Cooking")
    page.fill("#a-minutes", "40")
    page.click("[data-split]")
    assert page.input_value("#s-min-0") == "15"
    assert page.input_value("#s-min-2") == "10"
    assert page.input_value("#s-title-1") == "Cooking — part 2 of 3"
    page.click("[data-step-add]")
    assert page.input_value("#s-min-3") == "5"
    page.get_by_role("button", name="Remove step 4").click()
    assert page.locator("#s-min-3").count() == 0
    page.fill("#s-min-2", "12")
    page.fill("#s-title-2", "Wash up")
    page.click("[data-plan-form] button[type=submit]")
    page.wait_for_selector("[data-activity]")
    (activity,) = store_call(page, "list", "activities")
    assert [s["minutes"] for s in activity["steps"]] == [15, 15, 12]
    assert activity["steps"][2]["title"] == "Wash up"
    assert activity["rest_minutes"] == 5 and activity["minutes"] == 42

    page.click("[data-activity] summary")  # one line until opened
    page.click("[data-act=start]")
    page.wait_for_selector("[data-timer-phase=step]")
    assert page.inner_text(".plan-count") == "15:00"
    timer = page.evaluate(TIMER)
    (reminder,) = store_call(page, "list", "reminders")
    assert reminder["kind"] == "rest" and reminder["enabled"] is True
    assert reminder["title"] == "Time to rest"
    step_end = datetime.fromtimestamp(timer["started_at"] / 1000, UTC) + timedelta(minutes=15)
    synced(page, wait_for)
    (row,) = server_rows("reminders", email)
    assert abs(row["fire_at"] - step_end) < timedelta(seconds=1)

    # The timer lives in stored timestamps: a reload keeps it.
    page.clock.fast_forward("05:00")
    page.reload()
    page.wait_for_selector("[data-timer-phase=step]")
    assert page.inner_text(".plan-count") in ("10:00", "9:59")

    page.clock.fast_forward("10:01")
    page.wait_for_selector("[data-timer-phase=rest]")
    nudge = page.locator("[data-banner=rest]")
    assert nudge.get_attribute("role") == "alert"
    assert "Time to rest" in nudge.inner_text()
    wait_for(
        page,
        "async (id) => (await (await import('/store.js')).get('activities', id)).steps[0].done",
        arg=activity["id"],
    )
    assert store_call(page, "list", "reminders") == []
    assert page.is_checked("[data-step='0']")

    page.clock.fast_forward("05:00")
    page.wait_for_selector("[data-timer-phase=ready]")
    page.click("[data-timer=next]")
    page.wait_for_selector("[data-timer-phase=step]")
    assert len(store_call(page, "list", "reminders")) == 1

    # Stopping early logs what it cost and removes the pending reminder.
    page.click("[data-timer=stop]")
    page.click("[data-timer-host] [data-cost='1']")
    page.wait_for_selector("[data-activity][data-status=stopped]")
    (done,) = store_call(page, "list", "activities")
    assert done["status"] == "stopped" and done["spent_cost"] == 1
    assert [s["done"] for s in done["steps"]] == [True, False, False]
    assert store_call(page, "list", "reminders") == []
    assert page.evaluate(TIMER) is None

    synced(page, wait_for)
    assert server_rows("reminders", email) == []
    assert len(server_rows("reminders", email, deleted=True)) == 2
    (row,) = server_rows("activities", email)
    assert row["status"] == "stopped" and row["spent_cost"] == 1
    assert page.errors == []


def test_rest_is_over_names_the_next_step_and_a_rest_can_be_skipped(page, open_app, store_call):
    page.clock.install(time=datetime(2026, 11, 18, 9, 0, tzinfo=UTC))
    open_app(page, "/plan")
    page.fill("#a-title", "Cooking")
    page.fill("#a-minutes", "40")
    page.click("[data-split]")
    page.click("[data-plan-form] button[type=submit]")
    page.click("[data-activity] summary")
    page.click("[data-act=start]")
    page.wait_for_selector("[data-timer-phase=step]")
    assert "Step 1 of 3: Cooking — part 1 of 3" in page.inner_text("[data-timer-host]")

    page.clock.fast_forward("20:01")  # the step and its rest are over
    page.wait_for_selector("[data-timer-phase=ready]")
    card = page.inner_text("[data-timer-host]")
    assert "Next: step 2 of 3: Cooking — part 2 of 3" in card and "Start step 2" in card
    assert "Step 1 of 3" not in card
    page.click("[data-timer=next]")
    page.wait_for_selector("[data-timer-phase=step]")
    assert "Step 2 of 3" in page.inner_text("[data-timer-host]")

    page.click("[data-timer=end-step]")
    page.wait_for_selector("[data-timer-phase=rest]")
    assert "Rest before step 3 of 3." in page.inner_text("[data-timer-host]")
    page.click("[data-timer=skip-rest]")  # rested enough: on to the next step now
    page.wait_for_selector("[data-timer-phase=step]")
    assert "Step 3 of 3: Cooking — part 3 of 3" in page.inner_text("[data-timer-host]")
    assert page.inner_text(".plan-count") == "10:00"
    assert page.evaluate(TIMER)["step"] == 2
    (a,) = store_call(page, "list", "activities")
    assert [s["done"] for s in a["steps"]] == [True, True, False]
    assert page.errors == []
