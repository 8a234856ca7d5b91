"""The sign-up screen and UNKNOT_SIGNUPS: an invite link fills in the code; closed says so."""

import pytest
from sqlalchemy import select

from api.auth import invites
from api.extensions import db
from api.models import Invite, User
from tests.browser.conftest import PASSWORD

SCREEN = "() => document.documentElement.dataset.screen === '{}'"


@pytest.fixture
def signups(live_server):
    """Set the live server's sign-up mode for one test (restored afterwards)."""
    before = live_server.app.config["SIGNUPS"]
    yield lambda mode: live_server.app.config.update(SIGNUPS=mode)
    live_server.app.config["SIGNUPS"] = before


def new_code(live_server):
    with live_server.app.app_context():
        code = invites.create(7)
        db.session.remove()
        return code


def account(live_server, email):
    with live_server.app.app_context():
        found = db.session.scalar(select(User).where(User.email == email))
        used = db.session.scalar(select(Invite.used_at).order_by(Invite.id.desc()))
        db.session.remove()
        return found, used


def fill_and_submit(page, email):
    page.fill("#f-email", email)
    page.fill("#f-password", PASSWORD)
    page.click("form button[type=submit]")


def test_an_invite_link_fills_in_the_code_and_signs_up(page, live_server, accounts, signups):
    signups("invite")
    code = new_code(live_server)
    page.goto(f"/signup?invite={code}")
    page.wait_for_function(SCREEN.format("signin"))
    assert page.locator("h1").inner_text() == "Create an account"
    assert page.locator("label[for=f-invite]").inner_text() == "Invite code"
    assert page.input_value("#f-invite") == code
    email = accounts.email()
    fill_and_submit(page, email)
    page.wait_for_function(SCREEN.format("today"), timeout=15000)
    user, used_at = account(live_server, email)
    assert user is not None and used_at is not None


def test_a_used_invite_code_says_so_in_plain_words(new_context, live_server, accounts, signups):
    signups("invite")
    code = new_code(live_server)
    first, second = new_context().new_page(), new_context().new_page()
    for page in (first, second):
        page.goto(f"/signup?invite={code}")
        page.wait_for_function(SCREEN.format("signin"))
    fill_and_submit(first, accounts.email())
    first.wait_for_function(SCREEN.format("today"), timeout=15000)
    email = accounts.email()
    fill_and_submit(second, email)
    # Said once, beside the code it is about (the field is marked and focused).
    said = "(text) => [...document.querySelectorAll('form p')].filter(p => p.textContent === text)"
    second.wait_for_function(f"(text) => ({said})(text).length", arg=invites.USED)
    assert second.evaluate(f"(text) => ({said})(text).length", invites.USED) == 1
    assert second.get_attribute("#f-invite", "aria-invalid") == "true"
    assert account(live_server, email)[0] is None


def test_without_a_code_in_the_link_the_screen_asks_for_one(page, live_server, accounts, signups):
    signups("invite")
    code = new_code(live_server)
    page.goto("/signin?mode=signup")
    page.wait_for_function(SCREEN.format("signin"))
    assert page.input_value("#f-invite") == ""
    page.fill("#f-invite", code)
    email = accounts.email()
    fill_and_submit(page, email)
    page.wait_for_function(SCREEN.format("today"), timeout=15000)
    assert account(live_server, email)[0] is not None


def test_open_sign_ups_ask_for_no_code(page, signups):
    signups("open")
    page.goto("/signup")
    page.wait_for_function(SCREEN.format("signin"))
    page.locator("#f-email").wait_for()
    assert page.locator("#f-invite").count() == 0
    assert "false" not in page.inner_text("main")  # no stray text under the form


def test_closed_sign_ups_say_so_and_offer_sign_in(page, live_server, signups):
    signups("closed")
    page.goto("/signin?mode=signup")
    page.wait_for_function(SCREEN.format("signin"))
    assert page.locator("h1").inner_text() == "Sign-ups are closed"
    notice = page.locator("[data-signups=closed]")
    assert "If you have an account, sign in." in notice.inner_text()
    assert page.locator("form").count() == 0
    page.get_by_role("link", name="Sign in").click()
    page.wait_for_function("() => location.pathname === '/signin'")
    page.locator("#f-password").wait_for()
    page.go_back()
    page.get_by_role("link", name="Go to Today").click()
    page.wait_for_function(SCREEN.format("today"))  # the app works without an account


@pytest.mark.parametrize("mode", ["invite", "closed"])
def test_the_sign_up_screen_passes_axe_in_each_mode(page, signups, mode):
    from tests.browser.test_accessibility import check

    signups(mode)
    check(page, "/signup?invite=abc" if mode == "invite" else "/signup")
