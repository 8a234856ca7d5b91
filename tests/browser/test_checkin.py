"""The next-morning check-in: offered on Today from the start of the day, saved for yesterday."""

from datetime import UTC, datetime

from tests.browser.conftest import synced


def test_check_in_the_next_morning_with_a_shifted_clock(
    new_context, signed_up, open_app, wait_for, store_call, server_rows
):
    page = new_context(timezone_id="Europe/Berlin").new_page()
    # 25 November, 10:00 in Berlin: plan the day.
    page.clock.install(time=datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    email = signed_up(page, "/plan")
    page.click("[data-template=Shower]")
    page.click("[data-plan-form] button[type=submit]")
    page.wait_for_selector("[data-activity]")

    # The prompt about yesterday (24 November) can be put off for today.
    open_app(page, "/")
    page.locator("[data-checkin-prompt]").wait_for()
    page.get_by_role("button", name="Not today").click()
    page.wait_for_selector("[data-checkin-prompt]", state="detached")
    synced(page, wait_for)

    # 26 November, 03:30 in Berlin: still the 25th (the day starts at 4): no new prompt.
    page.clock.set_system_time(datetime(2026, 11, 26, 2, 30, tzinfo=UTC))
    open_app(page, "/")
    assert page.locator("[data-checkin-prompt]").count() == 0

    # 07:00: a new day, and the check-in about yesterday is offered.
    page.clock.set_system_time(datetime(2026, 11, 26, 6, 0, tzinfo=UTC))
    open_app(page, "/")
    page.locator("[data-checkin-prompt] a").click()
    page.wait_for_function("() => document.documentElement.dataset.screen === 'checkin'")
    asked = page.locator("[data-checkin-day]")
    assert asked.inner_text() == "How was yesterday?"
    assert asked.get_attribute("data-checkin-day") == "2026-11-25"
    page.get_by_label("Tiredness (fatigue): 7").check()
    page.get_by_label("Muscle weakness: 5").check()
    page.get_by_label("Cramps: 2").check()
    page.get_by_label("Yes", exact=True).check()
    page.click("[data-checkin-form] button[type=submit]")
    page.wait_for_function("() => document.documentElement.dataset.screen === 'today'")
    assert page.locator("[data-checkin-prompt]").count() == 0

    (checkin,) = store_call(page, "list", "checkins")
    assert checkin["day"] == "2026-11-25"
    assert (checkin["fatigue"], checkin["weakness"], checkin["cramps"], checkin["knots"]) == (
        7,
        5,
        2,
        None,
    )
    assert checkin["crash"] is True

    # Checking in again changes the same record.
    open_app(page, "/checkin")
    assert page.is_checked("input[name=fatigue][value='7']")
    page.get_by_label("Tiredness (fatigue): 6").check()
    page.click("[data-checkin-form] button[type=submit]")
    page.wait_for_function("() => document.documentElement.dataset.screen === 'today'")
    synced(page, wait_for)
    (row,) = server_rows("checkins", email)
    assert str(row["day"]) == "2026-11-25" and row["fatigue"] == 6 and row["crash"] is True
    assert len(server_rows("plans", email)) == 1
    assert len(server_rows("activities", email)) == 1
    assert page.errors == []
