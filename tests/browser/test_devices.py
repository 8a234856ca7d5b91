"""Settings: the signed-in devices, signing one out, changing the password, as a person would."""

from tests.browser.test_accessibility import AXE, SMALL_TARGETS

LAPTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
TABLET = (
    "Mozilla/5.0 (iPad; CPU OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
    "Version/17.5 Mobile/15E148 Safari/604.1"
)


def signed_in_elsewhere(new_context, base, email, password, user_agent):
    """Another device of the same person, signed in through the API."""
    other = new_context(user_agent=user_agent)
    res = other.request.post(
        base + "/api/v1/auth/login", data={"email": email, "password": password}
    )
    assert res.status == 200, res.text()
    return other


def status(context, base):
    return context.request.get(base + "/api/v1/me").status


def open_settings(page, open_app):
    open_app(page, "/settings")
    page.locator("[data-devices] li").first.wait_for()


def test_sign_out_another_device_and_change_the_password(
    page, new_context, live_server, accounts, open_app, wait_for
):
    base = live_server.url
    email = accounts.sign_in_ui(page)
    laptop = signed_in_elsewhere(new_context, base, email, accounts.password, LAPTOP)
    tablet = signed_in_elsewhere(new_context, base, email, accounts.password, TABLET)
    open_settings(page, open_app)
    devices = page.locator("[data-devices] li")
    wait_for(page, "() => document.querySelectorAll('[data-devices] li').length === 3")
    assert "This phone" in devices.first.inner_text()  # this one first
    assert devices.first.get_by_role("button").count() == 0  # signed out from Account above
    laptop_item = devices.filter(has_text="Firefox on Windows")
    assert "Last seen just now" in laptop_item.inner_text()

    laptop_item.get_by_role("button", name="Sign out").click()
    page.get_by_text("Firefox on Windows is signed out.").wait_for()
    wait_for(page, "() => document.querySelectorAll('[data-devices] li').length === 2")
    assert status(laptop, base) == 401
    assert "Safari on iPad" in page.locator("[data-devices]").inner_text()

    form = page.locator("form", has=page.get_by_label("Current password"))
    change = form.get_by_role("button", name="Change password")
    page.get_by_label("Current password").fill("not my password")
    page.get_by_label("New password").fill("short")
    change.click()
    assert form.locator("[data-error-for=new_password]").inner_text() == "At least 8 characters."
    page.get_by_label("New password").fill("a brand new password")
    change.click()
    current_error = form.locator("[data-error-for=current_password]")
    page.wait_for_function(
        "() => document.querySelector('[data-error-for=current_password]').textContent"
    )
    assert current_error.inner_text() == "Not right."
    for scheme in ("light", "dark"):  # the list, and the form with its errors showing
        page.emulate_media(color_scheme=scheme)
        results = AXE.run(page)
        assert results.violations_count == 0, f"{scheme}: {results.generate_report()}"
    assert page.evaluate(SMALL_TARGETS) == []
    assert status(tablet, base) == 200  # nothing changed

    page.get_by_label("Current password").fill(accounts.password)
    change.click()
    page.get_by_text("Password changed. Your other devices are signed out.").wait_for()
    wait_for(page, "() => document.querySelectorAll('[data-devices] li').length === 1")
    assert current_error.inner_text() == ""
    assert page.get_by_label("New password").input_value() == ""
    assert status(tablet, base) == 401
    assert status(page.context, base) == 200  # this phone stays signed in
    again = new_context().request.post(
        base + "/api/v1/auth/login", data={"email": email, "password": "a brand new password"}
    )
    assert again.status == 200
    assert page.errors == []


def test_this_phone_signed_out_from_elsewhere_is_asked_to_sign_in(
    page, new_context, live_server, accounts, open_app
):
    base = live_server.url
    email = accounts.sign_in_ui(page)
    laptop = signed_in_elsewhere(new_context, base, email, accounts.password, LAPTOP)
    listed = laptop.request.get(base + "/api/v1/me/sessions").json()
    phone = next(d["id"] for d in listed if not d["current"])
    assert laptop.request.delete(base + f"/api/v1/me/sessions/{phone}").status == 204

    open_app(page, "/settings")
    page.get_by_text(f"Please sign in again as {email}. Nothing is lost.").wait_for()
    assert page.locator("[data-devices]").count() == 0
    assert "Please sign in again" in page.locator("#sync-status").inner_text()


def test_sign_out_everywhere_from_settings(page, new_context, live_server, accounts, open_app):
    base = live_server.url
    email = accounts.sign_in_ui(page)
    laptop = signed_in_elsewhere(new_context, base, email, accounts.password, LAPTOP)
    open_settings(page, open_app)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Sign out everywhere").click()
    page.get_by_text("Signed out everywhere.").wait_for()
    page.get_by_text(f"Signed out. Records of {email} are kept on this phone.").wait_for()
    assert status(laptop, base) == 401
    assert status(page.context, base) == 401
    assert page.errors == []
