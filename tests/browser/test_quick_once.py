"""One tap, one record: a double tap of "Took magnesium" or a water button logs once, Undo
removes exactly what was added, and the Water shortcut lands on the water log."""

import json

TOOK = "main [data-magnesium=took]"
WATER = "main [data-quick=water]"
TOAST = "#toast"


def intakes(store_call, page, kind):
    return [i for i in store_call(page, "list", "intakes") if i["kind"] == kind]


def test_a_double_tap_is_one_dose_and_one_glass(page, open_app, store_call, wait_for):
    page.clock.install()
    open_app(page, "/")
    page.dblclick(TOOK)
    page.locator(TOAST, has_text="Magnesium saved").wait_for()
    page.clock.fast_forward(1000)
    assert len(intakes(store_call, page, "magnesium")) == 1

    # Again a minute later: the same dose, unless the person says it was another.
    page.clock.fast_forward("01:00")
    page.click(TOOK)
    page.locator(TOAST, has_text="Magnesium already saved at").wait_for()
    assert len(intakes(store_call, page, "magnesium")) == 1
    page.locator(TOAST).get_by_role("button", name="Another dose").click()
    page.locator(TOAST, has_text="Magnesium saved").wait_for()
    assert len(intakes(store_call, page, "magnesium")) == 2
    page.locator(TOAST).get_by_role("button", name="Undo").click()
    wait_for(page, "async () => (await (await import('/store.js')).list('intakes')).length === 1")

    page.dblclick(WATER)
    page.locator(TOAST, has_text="Water saved (250 ml)").wait_for()
    page.clock.fast_forward(500)
    assert len(intakes(store_call, page, "water")) == 1
    assert page.inner_text("[data-intake=water]").startswith("Water: 250 ml")
    page.clock.fast_forward(3000)  # a second glass, later
    page.click(WATER)
    wait_for(page, "async () => (await (await import('/store.js')).list('intakes')).length === 3")
    page.locator("[data-intake=water]", has_text="Water: 500 ml").wait_for()
    page.locator(TOAST).get_by_role("button", name="Undo").click()  # the second glass only
    page.locator("[data-intake=water]", has_text="Water: 250 ml").wait_for()
    assert len(intakes(store_call, page, "water")) == 1
    assert page.errors == []


def test_the_water_shortcut_lands_on_the_water_log(page, open_app, store_call):
    open_app(page, "/")
    manifest = json.loads(
        page.evaluate("async () => (await fetch('/manifest.webmanifest')).text()")
    )
    (shortcut,) = [s["url"] for s in manifest["shortcuts"] if s["name"] == "Log water"]
    for url in [shortcut, "/log?quick=water"]:  # an older manifest's too
        page.goto(url)
        page.locator("[data-intake=water]", has_text="Water: 250 ml").wait_for()
        # The panel shows before the screen has finished mounting: wait for it to say so.
        page.wait_for_function("() => document.documentElement.dataset.screen === 'quick'")
        assert page.locator("main h1").inner_text() == "Water and magnesium"
        first = page.locator("main .intake-block").first
        assert first.locator("[data-quick=water]").count() == 1  # the water log first
        assert page.locator("main [data-panel=knots]").count() == 0  # not the knot form
        page.locator(TOAST).get_by_role("button", name="Undo").wait_for()
        page.reload()
        page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
        (logged,) = intakes(store_call, page, "water")
        store_call(page, "remove", "intakes", logged["id"])  # the next one is not a bounce
    assert page.errors == []
