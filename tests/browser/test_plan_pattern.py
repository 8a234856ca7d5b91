"""The person's own pattern: shown after 14 days with a plan and a next-morning check-in."""

import uuid
from datetime import UTC, date, datetime, timedelta

# Day totals (crashes followed the days of 14 points or more), as in tests/js/pacing.test.mjs.
LOADS = [8, 9, 10, 10, 10, 11, 14, 15, 16, 9, 10, 8, 14, 12]


def seed_day(page, store_call, day, load):
    plan_id = str(uuid.uuid4())
    store_call(page, "save", "plans", {"id": plan_id, "day": day.isoformat(), "energy_budget": 12})
    store_call(
        page,
        "save",
        "activities",
        {"plan_id": plan_id, "title": "Day", "energy_cost": load, "status": "done", "steps": []},
    )
    next_day = (day + timedelta(days=1)).isoformat()
    crash = load >= 14
    checkin = {"day": next_day, "crash": crash, "fatigue": 8 if crash else 3, "weakness": 2}
    store_call(page, "save", "checkins", checkin)


def test_pattern_appears_after_14_days_of_check_ins(page, open_app, store_call, wait_for):
    page.clock.install(time=datetime(2026, 11, 25, 9, 0, tzinfo=UTC))
    open_app(page, "/plan")
    first = date(2026, 11, 10)
    for i, load in enumerate(LOADS[:13]):
        seed_day(page, store_call, first + timedelta(days=i), load)
    page.reload()
    page.wait_for_selector("[data-pattern=waiting]")
    assert "you'll see your pattern (13 so far)" in page.inner_text("[data-pattern-wait]")
    assert page.locator("[data-suggest]").count() == 0

    seed_day(page, store_call, first + timedelta(days=13), LOADS[13])  # the screen follows
    page.wait_for_selector("[data-pattern=ready]")
    card = page.inner_text("[data-pattern]")
    assert "From 14 days with a plan and a check-in the next morning." in card
    assert page.get_attribute("[data-crash-lag]", "data-crash-lag") == "1"
    assert "Your crashes fit the day after better. After days over budget, a crash" in card
    assert "the day after: 4 of 4; two days later:" in card
    assert page.get_attribute("[data-suggest]", "data-suggest") == "10"
    assert "Rests on 6 days of 10 points or more without a crash" in card
    assert "the lowest day before a crash was 14 points" in card
    over = page.inner_text("[data-group=over]")
    assert "4 days, followed by 4 crashes." in over
    assert "Weakness: 2 of 10 on average (4 answers)" in over
    assert "Fatigue: 8 of 10 on average (4 answers)" in over

    page.click("[data-use-budget]")
    page.get_by_text("Your daily budget is now 10 points.").wait_for()
    open_app(page, "/plan")
    assert "Points left today: 10" in page.inner_text(".plan-points")
    assert page.errors == []
