"""Forms keep exactly what the person typed or say why not, where the eye lands after Save."""

import pytest

from tests.browser.conftest import chip

# The message box must sit inside the viewport, and be what is drawn at its centre (not under
# the header or the tab bar).
IN_VIEW = """(sel) => {
  const node = document.querySelector(sel);
  const r = node.getBoundingClientRect();
  const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  return {text: node.textContent, top: r.top, bottom: r.bottom, height: innerHeight,
          drawn: node === top || node.contains(top)};
}"""

TOAST = "() => document.getElementById('toast')?.textContent || ''"

DESCRIBED = """([field, slot]) => {
  const f = document.querySelector(field), s = document.querySelector(slot);
  return {invalid: f.getAttribute('aria-invalid'),
          described: (f.getAttribute('aria-describedby') || '').split(' ').includes(s.id),
          focused: f === document.activeElement || f.contains(document.activeElement)};
}"""


def assert_in_view(page, slot, field, words):
    box = page.evaluate(IN_VIEW, slot)
    assert words in box["text"]
    assert 0 <= box["top"] and box["bottom"] <= box["height"], box
    assert box["drawn"], f"{slot} is covered: {box}"
    assert page.evaluate(DESCRIBED, [field, slot]) == {
        "invalid": "true",
        "described": True,
        "focused": True,
    }


def test_a_knot_without_a_place_says_so_beside_the_place_in_view(page, open_app, store_call):
    open_app(page, "/log")
    page.fill("#f-notes", "Worse after the stairs.")
    page.locator("[data-form=knots]").get_by_role("button", name="Save knot").click()
    slot = "[data-form=knots] [data-error-for=location]"
    assert_in_view(page, slot, "[data-chips=location]", "Choose where the knot is")
    assert page.evaluate("() => document.activeElement.closest('[data-chips]')?.dataset.chips") == (
        "location"
    )
    assert store_call(page, "list", "knots") == []

    # Chosen: the message and the marks go; the notes show in the list.
    chip(page, "location", "upper back").click()
    page.locator("[data-form=knots]").get_by_role("button", name="Save knot").click()
    page.locator("[data-recent=knots] [data-notes]").wait_for()
    assert page.inner_text("[data-recent=knots] [data-notes]") == "Worse after the stairs."
    assert page.get_attribute("[data-chips=location]", "aria-invalid") is None
    assert page.errors == []


def test_long_knot_notes_are_clamped_in_the_list_and_shown_whole_on_request(page, open_app):
    open_app(page, "/log")
    notes = "\n".join(f"Line {i}: the knot under the left shoulder blade again." for i in range(8))
    page.fill("#f-notes", notes)
    chip(page, "location", "upper back").click()
    page.locator("[data-form=knots]").get_by_role("button", name="Save knot").click()
    shown = page.locator("[data-recent=knots] [data-notes]")
    shown.wait_for()
    assert shown.text_content() == notes  # all of it is there, for screen readers too
    clamped = shown.evaluate("n => n.scrollHeight > n.clientHeight + 2")
    assert clamped
    page.get_by_role("button", name="Show all notes").click()
    assert shown.evaluate("n => n.scrollHeight <= n.clientHeight + 2")
    assert page.get_by_role("button", name="Show less").get_attribute("aria-expanded") == "true"


def test_notes_over_the_limit_are_never_cut_and_the_save_waits(page, open_app, store_call):
    open_app(page, "/log")
    long = "x" * 2105
    page.fill("#f-notes", long)  # as a paste: no maxlength cuts it
    assert page.input_value("#f-notes") == long
    assert page.inner_text("#f-notes-count") == "2,105 of 2,000 characters"
    chip(page, "location", "neck").click()
    page.locator("[data-form=knots]").get_by_role("button", name="Save knot").click()
    assert_in_view(
        page, "[data-form=knots] [data-error-for=notes]", "#f-notes", "105 characters too many"
    )
    assert store_call(page, "list", "knots") == []
    page.fill("#f-notes", "x" * 2000)
    page.locator("[data-form=knots]").get_by_role("button", name="Save knot").click()
    page.locator("[data-recent=knots] [data-notes]").wait_for()
    (knot,) = store_call(page, "list", "knots")
    assert knot["notes"] == "x" * 2000


def test_check_in_notes_over_the_limit_are_refused_not_cut(page, open_app, store_call):
    open_app(page, "/checkin")
    page.fill("#c-notes", "y" * 2001)
    page.click("[data-checkin-form] button[type=submit]")
    assert_in_view(
        page, "[data-checkin-form] [data-error-for=notes]", "#c-notes", "1 character too many"
    )
    assert store_call(page, "list", "checkins") == []


SETTINGS = [
    ("energy_budget", "12.5", "Use a whole number, such as 12 or 13."),
    ("energy_budget", "", "Needed: a number from 1 to 100."),
    ("water_target_ml", "", "Needed: a number from 0 to 10,000."),
    ("chunk_minutes", "2", "Use a number from 5 to 240."),
]


@pytest.mark.parametrize(("name", "typed", "told"), SETTINGS)
def test_a_setting_is_saved_as_shown_or_refused_beside_it(page, open_app, name, typed, told):
    open_app(page, "/settings")
    page.fill(f"input[name={name}]", typed)
    page.get_by_role("button", name="Save", exact=True).click()
    slot = f"[data-error-for={name}]"
    assert_in_view(page, slot, f"input[name={name}]", told)
    assert page.inner_text(slot) == told
    assert page.evaluate(TOAST) == ""  # no "Settings saved"
    stored = page.evaluate("async () => (await import('/store.js')).getMeta('profile')")
    assert (stored or {}).get(name) is None


def test_a_setting_typed_right_is_saved_exactly(page, open_app):
    open_app(page, "/settings")
    page.fill("input[name=energy_budget]", "13")
    page.get_by_role("button", name="Save", exact=True).click()
    page.get_by_text("Settings saved.").wait_for()
    stored = page.evaluate("async () => (await import('/store.js')).getMeta('profile')")
    assert stored["energy_budget"] == 13
    assert page.get_attribute("input[name=energy_budget]", "aria-invalid") is None


def test_a_cramp_length_in_part_minutes_is_refused_not_read_as_minutes_and_seconds(
    page, open_app, store_call
):
    open_app(page, "/")
    start = page.evaluate(
        "async () => (await import('/store.js')).nowIso(new Date(Date.now() - 3600e3))"
    )
    end = page.evaluate(
        "async () => (await import('/store.js')).nowIso(new Date(Date.now() - 3480e3))"
    )
    cramp = store_call(page, "save", "cramps", {"started_at": start, "ended_at": end})
    open_app(page, f"/cramp?edit={cramp['id']}")
    page.fill("#cramp-min", "2.5")
    page.locator("#cramp-min").blur()
    page.get_by_text("Use whole minutes and 0–59 seconds.").wait_for()
    assert store_call(page, "get", "cramps", cramp["id"])["ended_at"] == end


def test_at_200_percent_text_the_knot_message_is_still_in_view(
    persistent_context, tmp_path, open_app
):
    prefs = tmp_path / "big" / "Default"
    prefs.mkdir(parents=True)
    (prefs / "Preferences").write_text(
        '{"webkit": {"webprefs": {"default_font_size": 32, "default_fixed_font_size": 32}}}'
    )
    page = persistent_context("big").new_page()
    open_app(page, "/log")
    assert page.evaluate("() => getComputedStyle(document.documentElement).fontSize") == "32px"
    page.locator("[data-form=knots]").get_by_role("button", name="Save knot").click()
    slot = "[data-form=knots] [data-error-for=location]"
    assert_in_view(page, slot, "[data-chips=location]", "Choose where the knot is")


def test_an_everyday_task_and_a_rest_keep_what_they_show_or_say_why(page, open_app, store_call):
    open_app(page, "/plan")
    page.click("[data-templates] summary")
    shower = page.locator("[data-template-edit=Shower]")
    message = shower.locator(".error-text")
    for typed, words in [("", "Points: Needed"), ("2.6", "Points: Use a whole number")]:
        shower.get_by_label("Points").fill(typed)
        shower.get_by_role("button", name="Save").click()
        message.get_by_text(words).wait_for()
    assert [t for t in store_call(page, "list", "templates") if t["title"] == "Shower"] == []

    # A pasted title is never cut: the form keeps it whole and says it is too long.
    new = page.locator("[data-template-edit='']")
    new.get_by_label("Task").fill("x" * 250)
    new.get_by_role("button", name="Add task").click()
    new.locator(".error-text").get_by_text("50 characters too many").wait_for()
    assert len(new.get_by_label("Task").input_value()) == 250

    # An emptied rest between steps is not a rest of 0 minutes.
    page.click("[data-template=Laundry]")
    page.click("[data-split]")
    page.fill("#a-rest", "")
    page.click("[data-plan-form] button[type=submit]")
    page.locator("[data-error-for=a-rest]").get_by_text("Needed").wait_for()
    assert store_call(page, "list", "activities") == []
    assert page.errors == []
