"""The Reminders screen: add, change, pause, delete reminders; notifications on this phone."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from tests.browser.conftest import synced

STATUS = "() => document.querySelector('[data-kind=magnesium] [data-status]').textContent"
# Count the permission requests the page makes (test instrumentation, injected by the test).
COUNT_PERMISSION_ASKS = """
window.__asks = 0;
if (window.Notification) {
  const real = Notification.requestPermission.bind(Notification);
  Notification.requestPermission = (...args) => { window.__asks += 1; return real(...args); };
}
"""
IPHONE_SAFARI = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1"
)


def screen(page, name):
    page.wait_for_function(f"() => document.documentElement.dataset.screen === '{name}'")


def add_magnesium_at_21(page, amount=None):
    page.click("[data-add=magnesium]")
    form = page.locator("[data-reminder-form=magnesium]")
    form.locator("[data-time]").fill("21:00")
    form.get_by_label("Form (optional)").fill("citrate")
    if amount is not None:
        form.get_by_label("Amount (optional)").fill(str(amount))
    form.get_by_role("button", name="Save reminder").click()
    return page.locator("[data-kind=magnesium]").first


def test_screen_creates_a_magnesium_reminder_at_21_that_reaches_the_server(
    new_context, signed_up, wait_for, store_call, server_rows
):
    page = new_context(timezone_id="Europe/Berlin").new_page()
    email = signed_up(page, "/reminders")

    page.click("[data-add=magnesium]")
    form = page.locator("[data-reminder-form=magnesium]")
    amount = form.get_by_label("Amount (optional)")
    # The app never proposes a dose: the amount is empty and says whose advice counts.
    assert amount.input_value() == ""
    assert amount.get_attribute("placeholder") == "as your doctor or pharmacist advised"
    assert form.locator("[data-time]").input_value() == ""
    form.get_by_role("button", name="Cancel").click()

    item = add_magnesium_at_21(page, amount=200)
    assert item.locator("[data-schedule]").inner_text() == "Every day at 21:00"
    assert "citrate, 200 mg" in item.inner_text()
    synced(page, wait_for)
    (row,) = server_rows("reminders", email)
    assert (row["kind"], row["times"], row["days"], row["enabled"]) == (
        "magnesium",
        ["21:00"],
        [],
        True,
    )
    assert (row["form"], row["amount"], row["unit"]) == ("citrate", 200, "mg")
    assert row["nag_after_minutes"] is None  # off unless the person turns it on
    (local,) = store_call(page, "list", "reminders")
    assert local["id"] == str(row["id"])
    assert page.errors == []


def test_server_computes_next_fire_at_for_a_reminder_made_on_the_screen(
    new_context, signed_up, wait_for, server_rows
):
    page = new_context(timezone_id="Europe/Berlin").new_page()
    email = signed_up(page, "/reminders")
    add_magnesium_at_21(page)
    synced(page, wait_for)
    (row,) = server_rows("reminders", email)
    assert row["next_fire_at"] is not None  # computed by the server when the reminder arrives
    berlin = row["next_fire_at"].astimezone(ZoneInfo("Europe/Berlin"))
    assert berlin.strftime("%H:%M") == "21:00"
    assert datetime.now(UTC) < row["next_fire_at"] <= datetime.now(UTC) + timedelta(days=1)
    # This phone never subscribed: the reminder does not look On (test_reminders_ring.py shows
    # the next time of one that rings).
    page.evaluate("async () => (await import('/sync.js')).syncNow()")
    wait_for(page, f'() => ({STATUS})() === "Won\'t ring: notifications are off on this phone"')


def test_change_pause_resume_and_delete(page, open_app, wait_for, store_call):
    open_app(page, "/reminders")
    item = add_magnesium_at_21(page)
    (saved,) = store_call(page, "list", "reminders")

    item.locator("[data-act=toggle]").click()
    wait_for(page, f"() => ({STATUS})() === 'Paused'")
    assert store_call(page, "get", "reminders", saved["id"])["enabled"] is False
    page.locator("[data-kind=magnesium] [data-act=toggle]").click()
    # On again, but without an account it cannot ring, and says so.
    wait_for(page, f'() => ({STATUS})() === "Won\'t ring: you are not signed in"')
    assert store_call(page, "get", "reminders", saved["id"])["enabled"] is True

    page.locator("[data-kind=magnesium] [data-act=edit]").click()
    form = page.locator("[data-reminder-form=magnesium]")
    form.locator("[data-time]").fill("08:00")
    form.get_by_role("button", name="Add a time").click()
    form.locator("[data-time]").nth(1).fill("20:30")
    form.get_by_label("Sat").check()
    form.get_by_label("Sun").check()
    form.get_by_role("button", name="Save reminder").click()
    wait_for(
        page,
        "() => document.querySelector('[data-kind=magnesium] [data-schedule]').textContent"
        " === 'Sat and Sun at 08:00 and 20:30'",
    )
    changed = store_call(page, "get", "reminders", saved["id"])
    assert (changed["times"], changed["days"], changed["form"]) == (
        ["08:00", "20:30"],
        [6, 7],
        "citrate",
    )

    page.locator("[data-kind=magnesium] [data-act=delete]").click()
    page.click("[data-confirm=delete]")
    wait_for(page, "() => document.querySelectorAll('[data-reminder]').length === 0")
    assert store_call(page, "get", "reminders", saved["id"]) is None
    assert page.errors == []


def test_water_reminder_every_two_hours_in_a_window(page, open_app, store_call):
    open_app(page, "/reminders")
    page.click("[data-add=hydration]")
    form = page.locator("[data-reminder-form=hydration]")
    assert form.get_by_label("How often").input_value() == "120"
    for day in ["Mon", "Tue", "Wed", "Thu", "Fri"]:
        form.get_by_label(day).check()
    form.get_by_label("Remind me once more if I have not logged it").check()
    form.get_by_role("button", name="Save reminder").click()
    item = page.locator("[data-kind=hydration]")
    assert (
        item.locator("[data-schedule]").inner_text() == "Mon to Fri, every 2 h from 08:00 to 20:00"
    )
    (r,) = store_call(page, "list", "reminders")
    assert (r["interval_minutes"], r["window_start"], r["window_end"]) == (120, "08:00", "20:00")
    assert r["times"] == [] and r["days"] == [1, 2, 3, 4, 5] and r["nag_after_minutes"] == 30
    assert r["amount"] is None and r["form"] is None


def test_a_reminder_without_a_time_is_not_saved(page, open_app, store_call):
    open_app(page, "/reminders")
    page.click("[data-add=custom]")
    page.get_by_role("button", name="Save reminder").click()
    assert page.inner_text("[data-error-for=times]") == "Choose at least one time."
    assert store_call(page, "list", "reminders") == []


def test_permission_is_asked_only_after_the_tap(new_context, live_server, accounts, open_app):
    context = new_context()
    context.add_init_script(COUNT_PERMISSION_ASKS)
    context.grant_permissions(["notifications"], origin=live_server.url)
    page = context.new_page()
    accounts.sign_in_ui(page)
    for path in ["/", "/reminders"]:
        open_app(page, path)
        assert page.evaluate("() => window.__asks") == 0, path
    assert page.get_attribute("[data-push-state]", "data-push-state") == "off"
    page.click("[data-push=on]")
    page.wait_for_function(
        "() => { const t = document.querySelector('[data-push-message]').textContent;"
        " return t && !t.startsWith('Turning on'); }",
        timeout=30000,
    )
    assert page.evaluate("() => window.__asks") == 1
    # An incognito profile cannot subscribe (AbortError): the person is told, nothing hangs.
    assert "could not be turned on" in page.inner_text("[data-push-message]")
    assert page.errors == []


def test_blocked_notifications_explain_how_to_allow_them(new_context, live_server, open_app):
    context = new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    target = cdp.send("Target.getTargetInfo")["targetInfo"]
    cdp.send(
        "Browser.setPermission",
        {
            "permission": {"name": "notifications"},
            "setting": "denied",
            "origin": live_server.url,
            "browserContextId": target["browserContextId"],
        },
    )
    open_app(page, "/reminders")
    assert page.evaluate("() => Notification.permission") == "denied"
    text = page.inner_text("[data-push-state]")
    assert "notifications are blocked" in text and "allow Unknot" in text
    assert page.locator("[data-push=on]").count() == 0


def test_iphone_in_safari_is_told_to_add_to_home_screen_first(new_context, open_app):
    page = new_context(user_agent=IPHONE_SAFARI).new_page()
    open_app(page, "/reminders")
    assert "Add to Home Screen" in page.inner_text("[data-push-state]")
    assert page.locator("[data-push=on]").count() == 0


def test_not_signed_in_is_told_reminders_need_an_account(page, open_app):
    open_app(page, "/reminders")
    assert page.locator("[data-push=on]").count() == 0
    assert page.get_by_role("link", name="Create account").count() == 1


def test_sign_out_unsubscribes_this_phone(
    page, live_server, accounts, open_app, store_call, push_endpoints
):
    from tests.push.standin import PushService

    email = accounts.sign_in_ui(page)
    # subscribe() never settles here: post a stand-in subscription as the browser would.
    service = PushService()
    try:
        sub = service.new_subscription()
    finally:
        service.httpd.server_close()
    res = page.context.request.post(live_server.url + "/api/v1/push/subscriptions", data=sub)
    assert res.status == 201, res.text()
    store_call(page, "setMeta", "push", {"endpoint": sub["endpoint"]})
    assert push_endpoints(email) == [sub["endpoint"]]

    open_app(page, "/settings")
    page.get_by_role("button", name="Sign out", exact=True).click()
    page.click("[data-signout=keep]")
    page.wait_for_function(
        "() => document.getElementById('sync-status').textContent.startsWith('Signed out')"
    )
    assert push_endpoints(email) == []
    assert store_call(page, "getMeta", "push") is None


def test_snooze_from_the_list_reaches_the_server(page, signed_up, wait_for, server_rows):
    email = signed_up(page, "/reminders")
    item = add_magnesium_at_21(page)
    synced(page, wait_for)

    item.locator("[data-act=snooze]").click()
    item.get_by_label("Other (minutes)").fill("3")
    item.locator("[data-snooze=custom]").click()
    assert "from 5 to 720" in item.inner_text()

    before = datetime.now(UTC)
    item.locator("[data-snooze='60']").click()
    page.get_by_text("Snoozed until").wait_for(timeout=15000)  # the toast
    (row,) = server_rows("reminders", email)
    assert timedelta(minutes=59) <= row["snoozed_until"] - before <= timedelta(minutes=61)
    assert page.errors == []
