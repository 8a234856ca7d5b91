"""Offline: plan, run a step with its rest nudge and check in with no server; all synced once."""

from datetime import UTC, datetime

from tests.browser.test_offline_sync import synced


def test_plan_timer_and_check_in_offline_then_synced_once(
    context, page, accounts, open_app, wait_for, store_call, server_rows, sync_api
):
    page.clock.install(time=datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    email = accounts.sign_in_ui(page)
    open_app(page, "/plan")
    synced(page, wait_for)

    context.set_offline(True)
    page.reload()  # the worker serves every screen file
    page.wait_for_function("() => document.documentElement.dataset.screen === 'plan'")
    page.click("[data-template=Groceries]")
    assert page.locator("[data-step-add]").is_visible()  # 45 minutes: offered as steps
    page.click("[data-plan-form] button[type=submit]")
    page.wait_for_selector("[data-activity]")
    page.click("[data-act=start]")
    page.wait_for_selector("[data-timer-phase=step]")
    page.clock.fast_forward("15:01")
    page.wait_for_selector("[data-timer-phase=rest]")
    assert "Time to rest" in page.inner_text("[data-banner=rest]")  # no server needed

    page.goto("/checkin")
    page.wait_for_function("() => document.documentElement.dataset.screen === 'checkin'")
    page.get_by_label("Tiredness (fatigue): 4").check()
    page.get_by_label("No", exact=True).check()
    page.click("[data-checkin-form] button[type=submit]")
    page.wait_for_function("() => document.documentElement.dataset.screen === 'today'")
    assert "Points left today: 9" in page.inner_text(".plan-points")
    assert server_rows("activities", email) == []

    context.set_offline(False)
    synced(page, wait_for)
    assert len(server_rows("plans", email)) == 1
    (activity,) = server_rows("activities", email)
    assert activity["status"] == "doing" and activity["steps"][0]["done"] is True
    assert len(server_rows("checkins", email)) == 1
    # The step ended here, so its rest reminder never reached the server as a live one.
    assert server_rows("reminders", email) == []

    open_app(page, "/plan")  # another sync sends nothing twice
    synced(page, wait_for)
    assert len(server_rows("plans", email)) == 1
    assert len(server_rows("activities", email)) == 1
    assert len(server_rows("checkins", email)) == 1
    assert page.errors == []
