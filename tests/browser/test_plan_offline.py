"""Offline: plan, run a step with its rest nudge and check in with no server; all synced once."""

from datetime import UTC, datetime

from tests.browser.conftest import synced


def test_plan_timer_and_check_in_offline_then_synced_once(
    context, page, signed_up, open_app, wait_for, store_call, server_rows
):
    # A morning well in the past: the server then never clamps this page's times to its own
    # clock, which could order a clamped delete before the write it deletes.
    page.clock.install(time=datetime(2026, 11, 18, 9, 0, tzinfo=UTC))
    email = signed_up(page, "/plan", offline=True)
    page.reload()  # the worker serves every screen file
    page.wait_for_function("() => document.documentElement.dataset.screen === 'plan'")
    page.click("[data-template=Groceries]")
    page.click("[data-split]")  # 45 minutes: steps offered, and taken
    page.click("[data-plan-form] button[type=submit]")
    page.wait_for_selector("[data-activity]")
    page.click("[data-activity] summary")
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


def test_two_phones_planning_the_same_day_share_one_plan(
    new_context, accounts, open_app, wait_for, store_call, server_rows
):
    phone, tablet = new_context().new_page(), new_context().new_page()
    email = accounts.sign_in_ui(phone)
    accounts.sign_in_ui(tablet, email, mode="signin")
    for page, template in ((phone, "Shower"), (tablet, "Stairs")):
        open_app(page, "/plan")
        page.context.set_offline(True)
        page.click(f"[data-template={template}]")
        page.click("[data-plan-form] button[type=submit]")
        page.wait_for_selector("[data-activity]")
    for page in (phone, tablet):
        page.context.set_offline(False)
        synced(page, wait_for)
    phone.evaluate("async () => (await import('/sync.js')).syncNow()")

    assert len(server_rows("plans", email)) == 1  # the plan's id comes from the day
    assert len(server_rows("activities", email)) == 2
    phone.wait_for_selector("[data-points-left='7']")  # 2 + 3 of 12, on both phones
    assert phone.locator("[data-activity]").count() == 2
    assert phone.errors == [] and tablet.errors == []
