"""The moment after a cramp: a length that can be, a forgotten cramp asked about once on Today,
and a cramp that already stopped logged in two taps without moving the cramp button."""

from datetime import datetime


def iso_ago(page, minutes):
    """An ISO time `minutes` before now, with the page's offset, as the app writes them."""
    return page.evaluate(
        "async (m) => (await import('/store.js')).nowIso(new Date(Date.now() - m * 60000))",
        minutes,
    )


def length_of(cramp):
    start, end = (datetime.fromisoformat(cramp[k]) for k in ("started_at", "ended_at"))
    return (end - start).total_seconds()


def test_the_edit_form_says_why_before_saving_a_cramp_that_cannot_be(page, open_app, store_call):
    open_app(page, "/cramp")
    cramp = store_call(
        page,
        "save",
        "cramps",
        {"started_at": "2026-11-20T03:00:00+01:00", "ended_at": "2026-11-20T03:02:13+01:00"},
    )
    page.goto(f"/cramp?edit={cramp['id']}")
    page.locator("#cramp-min").wait_for()
    error = page.locator("#cramp-min >> xpath=ancestor::section//p[@role='alert']")

    page.fill("#cramp-min", "99999")
    page.locator("#cramp-min").blur()
    error.get_by_text("A cramp lasts at most 3 hours").wait_for()
    assert length_of(store_call(page, "get", "cramps", cramp["id"])) == 133
    assert "2 min 13 s" in page.inner_text("[data-summary=cramp]")

    page.fill("#cramp-min", "5")
    page.locator("#cramp-min").blur()
    page.locator("[data-summary=cramp]", has_text="5 min").wait_for()
    assert error.inner_text() == ""

    page.fill("#cramp-start", "2030-01-01T02:00")
    page.locator("#cramp-start").blur()
    error.get_by_text("That start is in the future").wait_for()
    assert store_call(page, "get", "cramps", cramp["id"])["started_at"].startswith("2026-11-20")
    assert page.errors == []
