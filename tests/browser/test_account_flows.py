"""Settings and account flows: refused records, Background Sync, settings, sign-out, deletion."""

import time

from sqlalchemy import select

from api.extensions import db
from api.models import User
from tests.browser.conftest import PENDING

STATUS = "() => document.getElementById('sync-status').textContent"


def eventually(check, timeout=15.0):
    """Poll a Python check until it is truthy."""
    deadline = time.monotonic() + timeout
    while not (value := check()):
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        time.sleep(0.1)
    return value


def user(live_server, email):
    with live_server.app.app_context():
        found = db.session.scalar(select(User).where(User.email == email))
        db.session.remove()
        return found


def test_refused_record_is_shown_with_the_servers_reason(page, accounts, wait_for, store_call):
    accounts.sign_in_ui(page)
    now = page.evaluate("async () => (await import('/store.js')).nowIso()")
    store_call(page, "save", "intakes", {"kind": "coffee", "taken_at": now})
    banner = page.locator("[data-banner=attention]")
    banner.wait_for()
    assert "1 record needs a look before syncing." in banner.inner_text()
    assert store_call(page, "pendingCount") == 0  # not resent forever
    assert len(store_call(page, "list", "intakes")) == 1  # and not deleted either

    banner.get_by_role("button", name="Show").click()
    page.wait_for_function("() => document.documentElement.dataset.screen === 'settings'")
    item = page.locator("[data-attention=intakes]")
    assert "Kind: Choose one of the choices." in item.inner_text()
    page.once("dialog", lambda d: d.accept())
    item.get_by_role("button", name="Delete").click()
    wait_for(page, "() => !document.querySelector('[data-attention]')")
    assert page.locator("[data-banner=attention]").count() == 0


def test_background_sync_uploads_after_the_page_is_closed(
    context, page, signed_up, wait_for, server_rows
):
    email = signed_up(page, offline=True)
    page.click("[data-quick=water]")
    wait_for(page, f"async () => (await ({PENDING})()) === 1")
    tags = wait_for(
        page,
        "async () => { const t = await (await navigator.serviceWorker.ready).sync.getTags();"
        " return t.includes('unknot-sync') && t; }",
    )
    assert tags == ["unknot-sync"]
    page.close()  # no page left: only the worker can send it
    context.set_offline(False)
    assert eventually(lambda: len(server_rows("intakes", email)) == 1, timeout=30)


def test_settings_are_kept_and_sent_to_the_account(live_server, page, accounts, wait_for):
    email = accounts.sign_in_ui(page)
    page.goto("/settings")
    page.wait_for_function("() => document.documentElement.dataset.screen === 'settings'")
    page.fill("#s-water_target_ml", "2500")
    page.select_option("#s-day_start_hour", "5")
    page.fill("#s-chunk_minutes", "20")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Settings saved.").wait_for()
    found = eventually(lambda: (u := user(live_server, email)) and u.water_target_ml == 2500 and u)
    assert found.day_start_hour == 5
    assert found.chunk_minutes == 20
    page.goto("/")
    page.get_by_text("Water: 0 ml of 2500 ml").wait_for()


def test_settings_without_an_account_stay_on_the_phone(page, open_app):
    open_app(page, "/settings")
    page.fill("#s-water_target_ml", "1800")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Settings saved.").wait_for()
    page.goto("/")
    page.get_by_text("Water: 0 ml of 1800 ml").wait_for()


def test_settings_chosen_before_signing_up_go_to_the_new_account(
    page, open_app, accounts, live_server
):
    open_app(page, "/settings")
    page.fill("#s-water_target_ml", "1800")
    page.get_by_role("button", name="Save").click()
    page.get_by_text("Settings saved.").wait_for()
    email = accounts.sign_in_ui(page)
    page.get_by_text("Water: 0 ml of 1800 ml").wait_for()

    def on_server():
        with live_server.app.app_context():
            target = db.session.scalar(select(User.water_target_ml).where(User.email == email))
            db.session.remove()
            return target

    eventually(lambda: on_server() == 1800)


def test_bad_settings_are_explained_under_the_field(page, open_app):
    open_app(page, "/settings")
    page.fill("#s-energy_budget", "0")
    page.fill("#s-chunk_minutes", "2")
    page.get_by_role("button", name="Save").click()
    assert page.locator("[data-error-for=energy_budget]").inner_text() == (
        "Use a number from 1 to 100."
    )
    assert page.locator("[data-error-for=chunk_minutes]").inner_text() == (
        "Use a number from 5 to 240."
    )


def test_sign_out_and_remove_records_from_this_phone(page, accounts, wait_for, store_call):
    accounts.sign_in_ui(page)
    page.click("[data-quick=water]")
    wait_for(page, f"async () => (await ({PENDING})()) === 0")
    wait_for(page, "async () => (await (await import('/store.js')).list('intakes')).length === 1")
    page.goto("/settings")
    page.get_by_role("button", name="Sign out", exact=True).click()
    page.click("[data-signout=clear]")
    page.get_by_text("You have no account").wait_for()
    assert store_call(page, "list", "intakes") == []
    assert page.evaluate(STATUS) == "Saved on this phone"


def test_delete_account_needs_the_password_and_a_tick(
    live_server, page, accounts, wait_for, store_call
):
    email = accounts.sign_in_ui(page)
    page.click("[data-quick=magnesium]")
    page.goto("/settings")
    page.wait_for_function("() => document.documentElement.dataset.screen === 'settings'")
    delete = page.get_by_role("button", name="Delete my account")
    page.fill("#d-password", accounts.password)
    delete.click()
    assert "Tick the box" in page.locator("[data-error-for=sure]").inner_text()
    page.fill("#d-password", "not the password")
    page.get_by_label("Yes, delete everything").check()
    delete.click()
    wait_for(page, "() => document.querySelector('[data-error-for=password]').textContent")
    assert user(live_server, email) is not None

    page.fill("#d-password", accounts.password)
    delete.click()
    page.wait_for_function("() => document.documentElement.dataset.screen === 'today'")
    assert user(live_server, email) is None
    assert store_call(page, "list", "intakes") == []
    assert page.evaluate(STATUS) == "Saved on this phone"
