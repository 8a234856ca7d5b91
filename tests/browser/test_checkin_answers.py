"""The check-in stores only what the person answered, about the day they just lived."""

from datetime import UTC, datetime

import pytest

from tests.browser.conftest import synced

SAVE = "[data-checkin-form] button[type=submit]"
ON_TODAY = "() => document.documentElement.dataset.screen === 'today'"


def test_a_skipped_crash_answer_stays_unknown_on_the_phone_and_the_server(
    page, signed_up, open_app, wait_for, store_call, server_rows
):
    email = signed_up(page, "/checkin")
    page.get_by_label("Tiredness (fatigue): 5").check()
    page.click(SAVE)
    page.wait_for_function(ON_TODAY)
    (checkin,) = store_call(page, "list", "checkins")
    assert checkin["crash"] is None
    assert (checkin["weakness"], checkin["cramps"], checkin["knots"], checkin["notes"]) == (
        None,
        None,
        None,
        None,
    )
    assert checkin["fatigue"] == 5
    synced(page, wait_for)
    (row,) = server_rows("checkins", email)
    assert row["crash"] is None and row["fatigue"] == 5

    # A "Yes" given can be taken back to "Not sure" (a radio alone cannot be unticked).
    open_app(page, "/checkin")
    page.get_by_label("Yes", exact=True).check()
    page.click(SAVE)
    page.wait_for_function(ON_TODAY)
    assert store_call(page, "list", "checkins")[0]["crash"] is True
    open_app(page, "/checkin")
    assert page.is_checked("input[name=crash][value=yes]")
    page.get_by_label("Not sure", exact=True).check()
    page.click(SAVE)
    page.wait_for_function(ON_TODAY)
    assert store_call(page, "list", "checkins")[0]["crash"] is None
    assert page.errors == []


NIGHT = ("sleep", "woke_with_cramp", "stiffness")


def test_the_night_answers_are_stored_as_said_and_skipped_ones_stay_unknown(
    page, signed_up, open_app, wait_for, store_call, server_rows
):
    email = signed_up(page, "/checkin")
    page.get_by_label("How did you sleep?: 3").check()
    page.get_by_label("Woke with a cramp: Yes").check()
    page.click(SAVE)
    page.wait_for_function(ON_TODAY)
    (checkin,) = store_call(page, "list", "checkins")
    assert [checkin[k] for k in NIGHT] == [3, True, None], "stiffness was not answered"
    assert checkin["crash"] is None, "a yes to the night's cramp is not a crash"
    synced(page, wait_for)
    (row,) = server_rows("checkins", email)
    assert [row[k] for k in NIGHT] == [3, True, None]

    # Changed: sleep 0 (a real answer, not a skip), no cramp, stiffness 10; then "Not sure".
    open_app(page, "/checkin")
    assert page.is_checked("input[name=sleep][value='3']")
    assert page.is_checked("input[name=woke_with_cramp][value=yes]")
    page.get_by_label("How did you sleep?: 0").check()
    page.get_by_label("Woke with a cramp: No", exact=True).check()
    page.get_by_label("Morning stiffness: 10").check()
    page.click(SAVE)
    page.wait_for_function(ON_TODAY)
    assert [store_call(page, "list", "checkins")[0][k] for k in NIGHT] == [0, False, 10]
    open_app(page, "/checkin")
    page.get_by_label("Woke with a cramp: Not sure").check()
    page.click(SAVE)
    page.wait_for_function(ON_TODAY)
    assert [store_call(page, "list", "checkins")[0][k] for k in NIGHT] == [0, None, 10]
    synced(page, wait_for)
    (row,) = server_rows("checkins", email)
    assert [row[k] for k in NIGHT] == [0, None, 10]
    assert page.errors == []


# Berlin is UTC+1 in November; 28 November 2026 is a Saturday. The day starts at 04:00.
NIGHTS = [
    (datetime(2026, 11, 28, 1, 12, tzinfo=UTC), "2026-11-27", False),  # Sat 02:12: Friday
    (datetime(2026, 11, 28, 2, 59, tzinfo=UTC), "2026-11-27", False),  # Sat 03:59
    (datetime(2026, 11, 28, 3, 1, tzinfo=UTC), "2026-11-27", True),  # Sat 04:01: day started
    (datetime(2026, 11, 27, 22, 30, tzinfo=UTC), "2026-11-26", True),  # Fri 23:30: Thursday
]


@pytest.mark.parametrize(("now", "rated", "prompted"), NIGHTS)
def test_the_check_in_asks_about_yesterday_in_words(new_context, open_app, now, rated, prompted):
    page = new_context(timezone_id="Europe/Berlin").new_page()
    page.clock.install(time=now)
    open_app(page, "/checkin")
    asked = page.locator("[data-checkin-day]")
    assert asked.get_attribute("data-checkin-day") == rated
    assert asked.inner_text() == "How was yesterday?"
    # Today offers it from the day start on, not in the night before it.
    open_app(page, "/")
    page.locator("[data-screen=today], main").first.wait_for()
    assert page.locator("[data-checkin-prompt]").count() == (1 if prompted else 0)
    assert page.errors == []
