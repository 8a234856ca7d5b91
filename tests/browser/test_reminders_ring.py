"""A reminder that cannot ring never looks On: the screen says what is missing and offers the one
step that fixes it. One that can ring shows its next time, also after the server moved it."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.browser.conftest import synced
from tests.browser.test_reminders import add_magnesium_at_21

STATUS = "() => document.querySelector('[data-kind=magnesium] [data-status]')?.textContent"
BERLIN = ZoneInfo("Europe/Berlin")


@pytest.fixture
def push_service(live_server):
    from api.push.vapid import application_server_key, load_pems
    from tests.push.standin import PushService

    service = PushService(application_server_key(load_pems(live_server.app.config)[1])).start()
    yield service
    service.stop()


def shows(page, wait_for, text: str) -> None:
    """Wait until the magnesium reminder's line says `text`."""
    wait_for(page, f"() => ({STATUS})() === {text!r}")


def test_without_an_account_a_reminder_says_it_wont_ring_and_offers_sign_in(
    page, open_app, wait_for
):
    open_app(page, "/reminders")
    add_magnesium_at_21(page)
    shows(page, wait_for, "Won't ring: you are not signed in")
    sign_in = page.get_by_role("link", name="Sign in to get reminders")
    assert sign_in.get_attribute("href") == "/signin"
    assert "you are not signed in" in page.inner_text("[data-push-state]")
    sign_in.click()
    page.wait_for_function("() => document.documentElement.dataset.screen === 'signin'")
    assert page.errors == []


@pytest.mark.parametrize("permission", ["asked never", "granted"])
def test_with_an_account_but_no_subscription_it_says_notifications_are_off(
    new_context, live_server, signed_up, wait_for, permission
):
    context = new_context(timezone_id="Europe/Berlin")
    if permission == "granted":  # allowed, but this phone never subscribed
        context.grant_permissions(["notifications"], origin=live_server.url)
    page = context.new_page()
    signed_up(page, "/reminders")
    add_magnesium_at_21(page)
    synced(page, wait_for)
    shows(page, wait_for, "Won't ring: notifications are off on this phone")
    assert page.inner_text("[data-push-state]").startswith("Your reminders won't ring")
    turn_on = page.get_by_role("button", name="Turn on notifications")
    assert turn_on.is_visible()
    assert page.errors == []


def day_word(page, moment: datetime) -> str:
    """How the screen names the day of `moment`: today, tomorrow or a weekday."""
    today = datetime.now(BERLIN).date()
    days = (moment.astimezone(BERLIN).date() - today).days
    if days in (0, 1):
        return ["today", "tomorrow"][days]
    return page.evaluate(
        "(iso) => new Date(iso).toLocaleDateString([], { weekday: 'short' })", moment.isoformat()
    )


def expected_status(page, moment: datetime) -> str:
    clock = page.evaluate(
        "(iso) => new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })",
        moment.isoformat(),
    )
    return f"On \u00b7 next {day_word(page, moment)} at {clock}"


def test_a_working_reminder_is_on_and_shows_its_new_next_time_after_it_fired(
    persistent_context, live_server, push_service, signed_up, wait_for, store_call, server_rows
):
    from api.reminders.dispatcher import from_app

    ctx = persistent_context("ring", timezone_id="Europe/Berlin")
    ctx.grant_permissions(["notifications"], origin=live_server.url)
    page = ctx.pages[0] if ctx.pages else ctx.new_page()
    email = signed_up(page, "/reminders")
    # pushManager.subscribe() never settles here: post the stand-in's subscription instead,
    # and keep it on the phone as lib/push.js does after subscribing.
    sub = push_service.new_subscription()
    res = ctx.request.post(live_server.url + "/api/v1/push/subscriptions", data=sub)
    assert res.status == 201, res.text()
    store_call(page, "setMeta", "push", {"endpoint": sub["endpoint"]})
    page.reload()
    page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
    assert page.get_attribute("[data-push-state]", "data-push-state") == "on"

    add_magnesium_at_21(page)
    synced(page, wait_for)
    (reminder,) = server_rows("reminders", email)
    first = reminder["next_fire_at"]
    page.evaluate("async () => (await import('/sync.js')).syncNow()")
    shows(page, wait_for, expected_status(page, first))

    dispatcher = from_app(live_server.app, lease=timedelta(0), threads=1)
    try:
        dispatcher.run_once(now=first)  # it fires: the next time moves a day on
    finally:
        dispatcher.close()
    assert len(push_service.received(sub["endpoint"])) == 1
    (moved,) = server_rows("reminders", email)
    assert moved["next_fire_at"] == first + timedelta(days=1)
    page.evaluate("async () => (await import('/sync.js')).syncNow()")
    shows(page, wait_for, expected_status(page, moved["next_fire_at"]))

    # The server forgets this phone (as after a 410): the screen says so on its next look.
    res = ctx.request.delete(
        live_server.url + "/api/v1/push/subscriptions", data={"endpoint": sub["endpoint"]}
    )
    assert res.status == 204
    page.reload()
    page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
    shows(page, wait_for, "Won't ring: notifications are off on this phone")
    assert page.errors == []
