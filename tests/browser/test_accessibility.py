"""Every screen: no axe-core violations in light and dark, big targets, no sideways scrolling."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import APP_ROUTES

ROUTES = "async () => Object.keys((await import('/router.js')).ROUTES)"
AXE = Axe()
SMALL_TARGETS = """() => [...document.querySelectorAll(
    'button, .btn, select, input:not([type=checkbox]):not([type=radio]), .tabbar a, .choice')]
  .filter(e => e.offsetParent !== null)
  .filter(e => { const r = e.getBoundingClientRect(); return r.height < 47.5 || r.width < 47.5; })
  .map(e => e.outerHTML.slice(0, 80))"""


def check(page, path):
    page.goto(path)
    page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
    results = AXE.run(page)
    assert results.violations_count == 0, f"{path}: {results.generate_report()}"
    assert page.evaluate(SMALL_TARGETS) == [], path
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360, path


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_screen_passes_axe(live_server, new_context, scheme):
    context = new_context(color_scheme=scheme)
    page = context.new_page()
    page.goto("/")
    screens = page.evaluate(ROUTES)  # every screen the router knows, features' ones too
    assert screens == APP_ROUTES  # the tests' list is read from the same file
    for path in screens:
        check(page, path)
    assert page.errors == []
    # Nothing is fetched from another origin.
    assert [u for u in context.requests if not u.startswith(live_server.url + "/")] == []


def test_signed_in_settings_and_forced_dark_theme_pass_axe(page, accounts, wait_for):
    accounts.sign_in_ui(page)
    page.goto("/settings")
    page.wait_for_function("() => document.documentElement.dataset.screen === 'settings'")
    page.get_by_label("Dark").check()
    assert page.evaluate("() => document.documentElement.dataset.theme") == "dark"
    check(page, "/settings")  # a reload: the choice is kept on this device
    assert page.evaluate("() => document.documentElement.dataset.theme") == "dark"
    assert page.get_by_role("button", name="Delete my account").count() == 1
    page.get_by_role("button", name="Sign out", exact=True).click()
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


BACKGROUND = "() => getComputedStyle(document.body).backgroundColor"
LIGHT, DARK = "rgb(246, 244, 239)", "rgb(15, 20, 23)"


@pytest.mark.parametrize("system", ["light", "dark"])
def test_colours_follow_the_system_unless_the_toggle_says_otherwise(new_context, system):
    page = new_context(color_scheme=system).new_page()
    page.goto("/settings")
    page.wait_for_function("() => document.documentElement.dataset.screen === 'settings'")
    assert page.evaluate(BACKGROUND) == (DARK if system == "dark" else LIGHT)
    for choice, colour in [("Dark", DARK), ("Light", LIGHT)]:
        page.get_by_label(choice).check()
        assert page.evaluate(BACKGROUND) == colour, (system, choice)
