"""The body map: a knot logged by touching the shoulder reaches the server; every region can be
reached by touch (360 px wide, 200% text) and by keyboard; old word-chip places show on it; the
week view counts; no axe-core violations."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import synced

AXE = Axe()
KNOT_MAP = "[data-form=knots] [data-place=location]"
# Where a finger at the centre of an element lands, after scrolling it to the middle.
HIT = """(node) => {
  node.scrollIntoView({block: 'center'});
  const r = node.getBoundingClientRect();
  const hit = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
  return {w: r.width, h: r.height, hit: hit === node || node.contains(hit)};
}"""
CELLS = "async (view) => (await import('/features/bodymap/regions.js')).cellsIn(view)"


def axe_clean(page):
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


def test_a_knot_logged_by_touching_the_shoulder_is_synced(
    page, signed_up, wait_for, store_call, server_rows
):
    email = signed_up(page, "/log")
    figure = page.locator(KNOT_MAP)
    figure.locator("[data-cell='shoulder|left']").tap()
    # The tap chose it and opened the close-up of the shoulder and upper arm.
    figure.get_by_text("Chosen: Left shoulder.").wait_for()
    assert figure.locator("[data-zone]").inner_text() == "Close-up: shoulder and upper arm."
    shoulder = figure.get_by_role("button", name="Left shoulder")
    assert shoulder.get_attribute("aria-pressed") == "true"
    assert (
        page.locator("[data-chips=side] .chip[data-value=left]").get_attribute("aria-pressed")
        == "true"
    )
    page.locator("[data-chips=intensity] .chip[data-value='5']").click()
    page.get_by_role("button", name="Save knot").click()
    page.get_by_text("Saved: Shoulder, left, 5 of 10").wait_for()
    synced(page, wait_for)
    (row,) = server_rows("knots", email)
    assert (row["location"], row["side"], row["intensity"]) == ("shoulder", "left", 5)
    assert store_call(page, "list", "knots")[0]["location"] == "shoulder"
    assert page.errors == []


@pytest.mark.parametrize("font", [16, 32])
def test_every_region_is_big_enough_for_a_finger_on_the_map_or_its_close_up(
    persistent_context, tmp_path, open_app, font
):
    prefs = tmp_path / f"text{font}" / "Default"
    prefs.mkdir(parents=True)
    sizes = {"default_font_size": font, "default_fixed_font_size": font}
    prefs.joinpath("Preferences").write_text(json.dumps({"webkit": {"webprefs": sizes}}))
    page = persistent_context(f"text{font}").new_page()
    open_app(page, "/log")
    assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == f"{font}px"
    figure = page.locator(KNOT_MAP)
    closed_up = 0
    for view in ["front", "back"]:
        for cell in page.evaluate(CELLS, view):
            whole = figure.locator("[data-action=whole-body]")
            if whole.is_visible():
                whole.click()
            figure.locator(f"[data-show-view={view}]").click()
            region = figure.locator(f"[data-cell='{cell}']")
            seen = region.evaluate(HIT)
            assert seen["hit"], (view, cell, seen)
            if seen["w"] >= 48 and seen["h"] >= 48:
                continue
            region.tap()  # too small here: the tap opens its close-up
            region = figure.locator(f"[data-cell='{cell}'][role=button]")
            seen = region.evaluate(HIT)
            assert seen["hit"] and seen["w"] >= 48 and seen["h"] >= 48, (view, cell, seen)
            closed_up += 1
    assert closed_up > 0  # the hands and feet at least
    assert page.evaluate("() => document.documentElement.scrollWidth") <= 360
    assert page.errors == []


def test_every_region_is_reached_by_keyboard_with_its_name_and_side(page, open_app, store_call):
    open_app(page, "/log?tab=weakness")
    figure = page.locator("[data-form=weakness] [data-place=body_area]")
    for view in ["front", "back"]:
        figure.locator(f"[data-show-view={view}]").click()
        reached, names = [], []
        page.keyboard.press("Tab")  # from the view buttons into the figure
        if view == "front":
            page.keyboard.press("Tab")
        while page.evaluate("() => !!document.activeElement.dataset.cell"):
            reached.append(page.evaluate("() => document.activeElement.dataset.cell"))
            names.append(page.evaluate("() => document.activeElement.getAttribute('aria-label')"))
            page.keyboard.press("Tab")
        assert reached == page.evaluate(CELLS, view)
        assert all(names) and ("Left calf" in names) == (view == "back")
    # Enter chooses; weakness has no side, so both thighs show it.
    page.locator("[data-show-view=front]").last.click()
    figure.locator("[data-cell='thigh|left']").focus()
    page.keyboard.press("Enter")
    figure.get_by_text("Chosen: Thigh.").wait_for()
    assert "bm-chosen" in figure.locator("[data-cell='thigh|right']").get_attribute("class")
    page.keyboard.press(" ")  # Space on the same region takes it off
    figure.get_by_text("Nothing chosen yet.").wait_for()
    assert page.evaluate("() => document.activeElement.dataset.cell") == "thigh|left"
    assert page.errors == []


def test_old_word_places_show_on_the_map_and_count_in_the_week(page, open_app, store_call):
    open_app(page, "/log")
    store_call(
        page,
        "save",
        "knots",
        {"noted_at": "2020-01-01T10:00:00+00:00", "location": "legs", "side": "right"},
    )
    now = page.evaluate("() => new Date().toISOString()")
    store_call(page, "save", "knots", {"noted_at": now, "location": "hips", "side": "left"})
    store_call(
        page,
        "save",
        "cramps",
        {"started_at": now, "ended_at": now, "muscle": "calf", "side": "both"},
    )
    store_call(page, "save", "weakness", {"noted_at": now, "body_area": "grip"})
    page.reload()
    page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
    old = page.locator("[data-recent=knots] [data-entry]").last
    assert "Legs, right" in old.inner_text()
    old.locator("[data-action=change]").click()
    figure = page.locator(KNOT_MAP)
    figure.get_by_text("Chosen: Legs, right.").wait_for()
    pressed = figure.locator("[aria-pressed=true][data-cell]")
    assert sorted(pressed.evaluate_all("ns => ns.map(n => n.dataset.cell)")) == [
        "shin|right",
        "thigh|right",
    ]
    figure.locator("[data-show-view=back]").click()
    assert sorted(pressed.evaluate_all("ns => ns.map(n => n.dataset.cell)")) == [
        "calf|right",
        "hamstring|right",
    ]
    # Saved unchanged, it keeps its word.
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Changes saved.").wait_for()
    assert {k["location"] for k in store_call(page, "list", "knots")} == {"legs", "hips"}

    page.click("a[href='/body']")
    page.wait_for_function("() => document.documentElement.dataset.screen === 'body'")
    card = page.locator("[data-counts]")
    card.wait_for()
    counts = dict(li.split(": ") for li in card.locator("li").all_inner_texts())
    # The old "legs" is older than a week; "hips, left" is the left hip and buttock.
    assert counts == {
        "Left hip": "1 time",
        "Left buttock": "1 time",
        "Left calf": "1 time",
        "Right calf": "1 time",
        "Left hand": "1 time",
        "Right hand": "1 time",
    }
    # Hip (left) and lower leg (both sides); weakness is not pain, hands are not WPI areas.
    assert page.locator("[data-areas]").inner_text() == "3 of 19 pain areas this week"
    assert (
        page.locator("svg[role=img][data-view=back] [data-cell='calf|left'] + text").text_content()
        == "1"
    )
    axe_clean(page)
    assert page.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_map_passes_axe_whole_and_close_up(new_context, open_app, scheme):
    page = new_context(color_scheme=scheme).new_page()
    open_app(page, "/log", controlled=False)
    axe_clean(page)
    page.locator(f"{KNOT_MAP} [data-cell='hand|right']").tap()
    page.locator(KNOT_MAP).get_by_text("Chosen: Right hand.").wait_for()
    axe_clean(page)
    page.locator(f"{KNOT_MAP} [data-action=place-list]").click()
    page.locator("[data-chips=location] .chip[data-value=hand][aria-pressed=true]").wait_for()
    axe_clean(page)
    page.goto("/body")
    page.wait_for_function("() => document.documentElement.dataset.screen === 'body'")
    axe_clean(page)


def test_cramp_muscle_on_the_map_loaded_after_the_timer(page, open_app, store_call):
    open_app(page, "/cramp")
    page.click("[data-action=start]")
    page.locator("[data-timer=running]").wait_for()
    figure = page.locator("[data-place=muscle]")
    figure.locator("[data-show-view=back]").click()
    figure.locator("[data-cell='calf|right']").tap()
    figure.get_by_text("Chosen: Right calf.").wait_for()
    figure.locator("[data-cell='calf|right']").tap()  # again: taken off
    figure.get_by_text("Nothing chosen yet.").wait_for()
    figure.locator("[data-action=whole-body]").click()
    figure.locator("[data-cell='calf|left']").tap()
    figure.get_by_text("Chosen: Left calf.").wait_for()
    page.wait_for_function(
        "async () => (await (await import('/store.js')).list('cramps'))[0]?.muscle === 'calf'"
    )
    (cramp,) = store_call(page, "list", "cramps")
    assert (cramp["muscle"], cramp["side"]) == ("calf", "left")
    # After Stop, the details open on the view that shows the calf.
    page.click("[data-action=stop]")
    figure.get_by_text("Chosen: Left calf.").wait_for()
    assert figure.locator("[data-show-view=back]").get_attribute("aria-pressed") == "true"
    assert figure.get_by_role("button", name="Left calf").get_attribute("aria-pressed") == "true"
    assert page.errors == []
