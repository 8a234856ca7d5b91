"""A forgotten password in the app: the link comes by a real mail, opens in the page, and the new
password signs in; without mail, the screen sends the person to whoever runs the server."""

import pytest

from tests.mailbox import Mailbox, mail_config, running_mailbox

MAIL_KEYS = ("SMTP_URL", "SMTP", "MAIL_FROM", "BASE_URL")
SCREEN = "() => document.documentElement.dataset.screen"
NEW = "violet kettle drumming"


@pytest.fixture
def mail_on(live_server):
    """Mail through a real SMTP server on 127.0.0.1, with links to the live server."""
    saved = {key: live_server.app.config.get(key) for key in MAIL_KEYS}
    with running_mailbox() as box:
        live_server.app.config.update(mail_config(box, live_server.url))
        yield box
    live_server.app.config.update(saved)


def on_screen(page, name):
    page.wait_for_function(f"() => ({SCREEN})() === '{name}'")


def test_forgot_password_mail_link_new_password_sign_in(
    live_server, new_context, page, accounts, mail_on
):
    email = accounts.register(new_context())  # made on another device
    page.goto("/signin")
    on_screen(page, "signin")
    page.get_by_role("link", name="Forgot password?").click()
    on_screen(page, "forgot")
    page.fill("#f-email", email)
    page.get_by_role("button", name="Send").click()
    sent = page.locator("main [role=status]").filter(has_text="a link is on its way")
    sent.wait_for()
    assert "It works for one hour." in sent.inner_text()

    link = Mailbox.link(mail_on.wait(1)[0])
    assert link.startswith(f"{live_server.url}/reset?token=")
    page.goto(link)
    on_screen(page, "reset")
    page.fill("#f-password", "password")
    page.get_by_role("button", name="Save").click()
    beside = page.locator("#f-password-error")
    beside.filter(has_text="easy to guess").wait_for()
    page.fill("#f-password", NEW)
    page.get_by_role("button", name="Save").click()
    on_screen(page, "signin")
    assert "Your password is changed" in page.locator("main [role=status]").inner_text()

    accounts.sign_in_ui(page, email, mode="signin", password=NEW)  # waits for Today

    page.goto(link)  # the link worked once
    on_screen(page, "reset")
    page.fill("#f-password", "another long phrase here")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("alert").filter(has_text="does not work any more").wait_for()
    assert page.get_by_role("link", name="Ask for a new link").is_visible()
    assert page.errors == []


def test_without_mail_the_forgot_screen_says_whom_to_ask(page):
    page.goto("/forgot")
    on_screen(page, "forgot")
    page.get_by_text("Ask the person who runs this Unknot server to reset it.").wait_for()
    assert page.locator("#f-email").count() == 0
