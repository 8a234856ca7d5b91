"""Knot and weakness logs: saved offline, changed, deleted with Undo, synced exactly once."""

from tests.browser.conftest import chip, synced

WEAK_ENTRY = "[data-recent=weakness] [data-entry]"


def test_knot_and_weakness_logged_offline_reach_server_once(
    context, page, signed_up, open_app, wait_for, store_call, server_rows
):
    email = signed_up(page, "/log", offline=True)
    wait_for(page, "() => document.getElementById('sync-status').textContent.startsWith('Offline')")

    knot = page.locator("[data-form=knots]")
    knot.get_by_role("button", name="Save knot").click()  # no place chosen: told, nothing saved
    assert "Choose where" in knot.locator("[data-error-for=location]").inner_text()
    assert store_call(page, "list", "knots") == []
    chip(page, "location", "upper back").click()
    chip(page, "side", "left").click()
    chip(page, "intensity", "6").click()
    chip(page, "helped", "heat").click()
    chip(page, "helped", "needling").click()
    knot.get_by_role("button", name="Save knot").click()
    page.get_by_text("Saved: Upper back, left, 6 of 10").wait_for()
    # The form is empty again for the next one.
    assert chip(page, "location", "upper back").get_attribute("aria-pressed") == "false"
    page.locator("[data-recent=knots] [data-entry]").first.wait_for()

    page.click("button[data-kind=weakness]")
    assert page.url.endswith("/log?tab=weakness")
    chip(page, "body_area", "upper arm").click()
    chip(page, "severity", "4").click()
    chip(page, "after_activity", "housework").click()
    assert page.input_value("#f-after_activity") == "Housework"
    chip(page, "duration_minutes", "30").click()
    page.locator("[data-form=weakness]").get_by_role("button", name="Save weakness").click()
    page.get_by_text("Saved: Upper arm, 4 of 10, after housework, 30 min").wait_for()
    page.click("[data-action=jelly]")  # one tap, saved at once
    wait_for(page, f"() => document.querySelectorAll('{WEAK_ENTRY}').length === 2")

    page.reload()  # from the worker; everything is still there
    page.wait_for_function("() => document.documentElement.dataset.screen === 'log'")
    (k,) = store_call(page, "list", "knots")
    assert (k["location"], k["side"], k["intensity"]) == ("upper back", "left", 6)
    assert k["helped"] == ["heat", "needling"]
    weak = {w["body_area"]: w for w in store_call(page, "list", "weakness")}
    assert weak["upper arm"]["after_activity"] == "housework"
    assert weak["upper arm"]["duration_minutes"] == 30
    assert weak["legs"]["jelly_legs"] is True
    assert server_rows("knots", email) == [] and server_rows("weakness", email) == []

    context.set_offline(False)
    synced(page, wait_for)
    (row,) = server_rows("knots", email)
    assert row["location"] == "upper back" and row["helped"] == ["heat", "needling"]
    assert sorted(r["body_area"] for r in server_rows("weakness", email)) == ["legs", "upper arm"]
    open_app(page, "/log")  # a reload syncs again: nothing twice
    synced(page, wait_for)
    assert len(server_rows("knots", email)) == 1 and len(server_rows("weakness", email)) == 2
    assert page.errors == []


def test_change_and_delete_with_undo(page, open_app, wait_for, store_call):
    open_app(page, "/log")
    chip(page, "location", "neck").click()
    page.locator("[data-form=knots]").get_by_role("button", name="Save knot").click()
    entry = page.locator("[data-recent=knots] [data-entry]")
    entry.first.wait_for()
    entry.first.locator("[data-action=change]").click()
    assert chip(page, "location", "neck").get_attribute("aria-pressed") == "true"
    chip(page, "location", "hip").click()
    chip(page, "intensity", "3").click()
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Changes saved.").wait_for()
    page.locator("[data-recent=knots] .entry-more", has_text="Hip, 3 of 10").wait_for()
    (k,) = store_call(page, "list", "knots")
    assert k["location"] == "hip" and k["intensity"] == 3

    entry.first.locator("[data-action=delete]").click()
    wait_for(page, "() => !document.querySelector('[data-recent=knots] [data-entry]')")
    assert store_call(page, "list", "knots") == []
    page.locator("#toast").get_by_role("button", name="Undo").click()
    entry.first.wait_for()
    assert [x["id"] for x in store_call(page, "list", "knots")] == [k["id"]]

    page.click("[data-action=jelly]")
    page.locator("#toast").get_by_role("button", name="Undo").click()
    wait_for(page, "async () => (await (await import('/store.js')).list('weakness')).length === 0")
    assert page.errors == []


def test_quick_water_shortcut_still_logs_once(page, open_app, store_call):
    open_app(page, "/")  # installed first (see test_offline_sync.test_shortcut_logs_water_once)
    page.goto("/log?quick=magnesium")  # an older manifest's shortcut
    page.locator("[data-intake=magnesium]", has_text="taken at").wait_for()
    assert page.url.endswith("/quick")
    page.reload()
    page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
    (intake,) = store_call(page, "list", "intakes")
    assert intake["kind"] == "magnesium"
