"""Offline first: records stay on the phone, survive reloads, reach the server exactly once."""

import time

from tests.browser.conftest import PENDING, synced

STATUS = "() => document.getElementById('sync-status').textContent"


def saved(page, wait_for, count, collection="intakes"):
    """Wait until the page's store holds `count` records (a click only starts the save)."""
    wait_for(
        page,
        f"async () => (await (await import('/store.js')).list('{collection}')).length === {count}",
    )


def end_session(context):
    """Drop the session cookie for good, as when it expires on the server's side.

    A response that was just answered can still be setting the cookie (the server renews it on
    every request), so clear until the browser has held no cookie for a moment."""
    quiet_since = time.monotonic()
    context.clear_cookies()
    while time.monotonic() - quiet_since < 0.5:
        if context.cookies():
            context.clear_cookies()
            quiet_since = time.monotonic()
        time.sleep(0.05)


def test_offline_records_survive_reload_and_reach_server_once(
    context, page, signed_up, open_app, wait_for, store_call, server_rows
):
    email = signed_up(page, offline=True)
    wait_for(page, "() => document.getElementById('sync-status').textContent.startsWith('Offline')")
    page.click("[data-quick=water]")
    page.click("[data-water='250']")  # again at once: a bounce, not a second glass
    page.click("[data-water='500']")
    page.click("[data-quick=magnesium]")
    wait_for(page, f"async () => (await ({PENDING})()) === 3")

    page.reload()  # answered by the worker: the server is out of reach
    page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
    local = store_call(page, "list", "intakes")
    assert len(local) == 3
    assert store_call(page, "pendingCount") == 3
    assert server_rows("intakes", email) == []
    assert "Water: 750 ml" in page.inner_text("[data-summary=water]")

    context.set_offline(False)  # the online event (and Background Sync) flush the outbox
    synced(page, wait_for)
    rows = server_rows("intakes", email)
    assert sorted(str(r["id"]) for r in rows) == sorted(r["id"] for r in local)

    # Another sync (a reload syncs at start) sends nothing twice.
    open_app(page, "/")
    synced(page, wait_for)
    assert len(server_rows("intakes", email)) == 3
    assert page.errors == []


def test_delete_on_one_device_disappears_on_the_other(
    new_context, accounts, open_app, wait_for, store_call, server_rows
):
    phone, tablet = new_context().new_page(), new_context().new_page()
    email = accounts.sign_in_ui(phone)
    accounts.sign_in_ui(tablet, email, mode="signin")
    open_app(phone, "/")
    phone.click("[data-quick=magnesium]")
    saved(phone, wait_for, 1)
    synced(phone, wait_for)
    (record,) = store_call(phone, "list", "intakes")

    tablet.evaluate("async () => (await import('/sync.js')).syncNow()")
    assert [r["id"] for r in store_call(tablet, "list", "intakes")] == [record["id"]]

    store_call(phone, "remove", "intakes", record["id"])
    synced(phone, wait_for)
    assert server_rows("intakes", email) == []
    assert len(server_rows("intakes", email, deleted=True)) == 1

    tablet.evaluate("async () => (await import('/sync.js')).syncNow()")
    assert store_call(tablet, "list", "intakes") == []
    assert store_call(tablet, "get", "intakes", record["id"]) is None


def test_records_made_before_and_during_sign_up_are_uploaded(
    context, accounts, open_app, wait_for, store_call, server_rows
):
    first = open_app(context.new_page(), "/")
    first.click("[data-quick=water]")
    saved(first, wait_for, 1)
    assert first.inner_text("#sync-status") == "Saved on this phone"

    first.goto("/signin?mode=signup")
    first.wait_for_function("() => document.documentElement.dataset.screen === 'signin'")
    email = accounts.email()
    first.fill("#f-email", email)
    first.fill("#f-password", accounts.password)

    # While the form is open, another tab of the app logs magnesium.
    other = open_app(context.new_page(), "/")
    other.click("[data-quick=magnesium]")
    wait_for(first, f"async () => (await ({PENDING})()) === 2")

    first.click("form button[type=submit]")
    first.wait_for_function("() => document.documentElement.dataset.screen === 'today'")
    synced(first, wait_for)
    kinds = sorted(r["kind"] for r in server_rows("intakes", email))
    assert kinds == ["magnesium", "water"]


def test_expired_session_keeps_the_outbox_and_asks_to_sign_in(
    context, page, accounts, open_app, wait_for, store_call, server_rows
):
    email = accounts.sign_in_ui(page)
    synced(page, wait_for)
    end_session(context)

    page.click("[data-quick=water]")
    wait_for(page, f"() => ({STATUS})().startsWith('Please sign in again')")
    banner = page.locator("[data-banner=signin]")
    assert "Please sign in again" in banner.inner_text()
    assert store_call(page, "pendingCount") == 1
    assert server_rows("intakes", email) == []

    banner.locator("button").click()
    page.wait_for_function("() => document.documentElement.dataset.screen === 'signin'")
    page.fill("#f-email", email)
    page.fill("#f-password", accounts.password)
    page.click("form button[type=submit]")
    page.wait_for_function("() => document.documentElement.dataset.screen === 'today'")
    synced(page, wait_for)
    assert len(server_rows("intakes", email)) == 1
    assert page.locator("[data-banner=signin]").count() == 0


def test_another_account_never_mixes_with_this_devices_records(
    page, accounts, open_app, wait_for, store_call, server_rows
):
    first = accounts.sign_in_ui(page)
    page.click("[data-quick=water]")
    saved(page, wait_for, 1)
    synced(page, wait_for)

    page.goto("/settings")
    page.get_by_role("button", name="Sign out", exact=True).click()
    page.click("[data-signout=keep]")
    wait_for(
        page, "() => document.getElementById('sync-status').textContent.startsWith('Signed out')"
    )
    assert len(store_call(page, "list", "intakes")) == 1

    # A record made while signed out is not uploaded yet: a second account must not take it.
    page.goto("/")
    page.wait_for_function("() => document.documentElement.dataset.screen === 'today'")
    page.click("[data-quick=magnesium]")
    saved(page, wait_for, 2)
    second = accounts.email()
    accounts.register(page.context, second)
    page.context.clear_cookies()
    page.goto("/signin")
    page.wait_for_function("() => document.documentElement.dataset.screen === 'signin'")
    page.fill("#f-email", second)
    page.fill("#f-password", accounts.password)
    page.click("form button[type=submit]")
    page.get_by_text("not uploaded yet").wait_for()
    assert store_call(page, "pendingCount") == 1

    page.get_by_role("button", name="Remove them from this phone and continue").click()
    page.wait_for_function("() => document.documentElement.dataset.screen === 'today'")
    synced(page, wait_for)
    assert store_call(page, "list", "intakes") == []
    assert server_rows("intakes", second) == []
    assert len(server_rows("intakes", first)) == 1


def test_shortcut_logs_water_once(page, open_app, store_call):
    # Installed first: open_app may reload a page the new worker missed, and that reload would
    # land on /quick, the shortcut already taken.
    open_app(page, "/")
    page.goto("/quick?log=water")
    page.locator("[data-intake=water]", has_text="Water: 250 ml").wait_for()
    assert page.url.endswith("/quick")
    page.reload()
    page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
    assert len(store_call(page, "list", "intakes")) == 1


def test_a_long_outbox_goes_up_in_batches(
    live_server, context, page, signed_up, wait_for, server_rows
):
    email = signed_up(page, offline=True)
    page.evaluate(
        """async () => { const s = await import('/store.js');
        for (let i = 0; i < 505; i++) {
          await s.save('intakes', {kind: 'water', amount: i, unit: 'ml', taken_at: s.nowIso()});
        } }"""
    )
    assert page.evaluate(PENDING) == 505
    seen = len(live_server.api_log.entries)
    context.set_offline(False)
    synced(page, wait_for, timeout=60)
    assert len(server_rows("intakes", email)) == 505
    sizes = [
        len(e["json"]["changes"])
        for e in live_server.api_log.entries[seen:]
        if e["path"] == "/api/v1/sync" and e["json"]["changes"]
    ]
    assert sorted(sizes) == [5, 500]  # whether the page or the worker sent them
