"""What the forms say when something is refused: one plain sentence, once, never the server's raw
text ("The request was well-formed but was unable to be followed due to semantic errors.")."""

RAW = ("well-formed", "semantic", "Length must", "Not a valid", "greater than")


def sign_up(page, email, password):
    page.goto("/signin?mode=signup")
    page.wait_for_function("() => document.documentElement.dataset.screen === 'signin'")
    page.fill("#f-email", email)
    page.fill("#f-password", password)
    page.click("form button[type=submit]")


def shown(page) -> str:
    return page.locator("main").inner_text()


def test_an_existing_email_is_said_once_in_plain_words(page, context, accounts):
    email = accounts.register(context)
    context.clear_cookies()
    sign_up(page, email, accounts.password)
    slot = page.locator("#f-email-error")
    slot.wait_for()
    page.wait_for_function("() => document.querySelector('#f-email-error').textContent")
    assert slot.inner_text() == "An account with this email exists already."
    assert shown(page).count("An account with this email exists already.") == 1
    assert page.locator("form [role=alert]").inner_text() == ""


def test_a_short_password_says_why_under_it_and_nothing_raw(page, accounts):
    sign_up(page, accounts.email(), "short")
    page.wait_for_function("() => document.querySelector('#f-password-error').textContent")
    assert page.locator("#f-password-error").inner_text() == "Use at least 8 characters."
    assert not [w for w in RAW if w in shown(page)]


def test_a_negative_magnesium_amount_says_it_is_negative(page, open_app):
    open_app(page, "/reminders")
    page.click("[data-add=magnesium]")
    form = page.locator("[data-reminder-form=magnesium]")
    form.locator("[data-time]").fill("21:00")
    form.get_by_label("Amount (optional)").fill("-200")
    form.get_by_role("button", name="Save reminder").click()
    error = form.locator("[data-error-for=amount]")
    assert error.inner_text() == (
        "This cannot be negative. Use a number from 0 to 100,000, or leave it empty."
    )
