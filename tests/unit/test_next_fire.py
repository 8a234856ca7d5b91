"""Next-fire computation: wall-clock times across DST, as examples and as properties."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from api.reminders.schedule import Schedule, is_slot, next_fire, next_slot, previous_slot, to_utc

ZONES = ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe"]


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def local(moment, tz):
    return moment.astimezone(ZoneInfo(tz))


def slots(schedule, tz, start, end):
    """Every slot from start to end, by calling next_slot repeatedly."""
    out, moment = [], start
    while True:
        moment = next_slot(schedule, tz, moment)
        if moment is None or moment > end:
            return out
        out.append(moment)


# --- examples at the transitions ---------------------------------------------------------


def test_21_00_stays_21_00_across_spring_forward_in_berlin():
    s = Schedule(times=("21:00",))
    got = slots(s, "Europe/Berlin", utc(2026, 3, 27), utc(2026, 3, 31))
    assert [local(m, "Europe/Berlin").strftime("%d %H:%M %z") for m in got] == [
        "27 21:00 +0100",
        "28 21:00 +0100",
        "29 21:00 +0200",
        "30 21:00 +0200",
    ]


def test_missing_time_fires_once_at_the_end_of_the_gap_berlin():
    s = Schedule(times=("02:30",))
    got = slots(s, "Europe/Berlin", utc(2026, 3, 28), utc(2026, 3, 31))
    walls = [local(m, "Europe/Berlin").strftime("%d %H:%M") for m in got]
    assert walls == ["28 02:30", "29 03:00", "30 02:30"]
    assert got[1] == utc(2026, 3, 29, 1, 0)


def test_two_times_in_the_gap_fire_once():
    s = Schedule(times=("02:00", "02:30", "03:00"))
    got = slots(s, "Europe/Berlin", utc(2026, 3, 28, 12), utc(2026, 3, 29, 12))
    assert got == [utc(2026, 3, 29, 1, 0)]


def test_repeated_hour_fires_once_at_first_occurrence_berlin():
    s = Schedule(times=("02:30",))
    got = slots(s, "Europe/Berlin", utc(2026, 10, 24, 12), utc(2026, 10, 26, 12))
    assert got == [utc(2026, 10, 25, 0, 30), utc(2026, 10, 26, 1, 30)]
    assert local(got[0], "Europe/Berlin").fold == 0


def test_new_york_spring_forward_and_fall_back():
    s = Schedule(times=("02:10", "21:00"))
    spring = slots(s, "America/New_York", utc(2026, 3, 8, 5), utc(2026, 3, 9, 5))
    assert [local(m, "America/New_York").strftime("%H:%M %z") for m in spring] == [
        "03:00 -0400",
        "21:00 -0400",
    ]
    fall = slots(s, "America/New_York", utc(2026, 11, 1, 4), utc(2026, 11, 2, 4))
    assert [local(m, "America/New_York").strftime("%H:%M %z") for m in fall] == [
        "02:10 -0500",
        "21:00 -0500",
    ]
    twice = slots(
        Schedule(times=("01:30",)), "America/New_York", utc(2026, 11, 1, 4), utc(2026, 11, 2, 4)
    )
    assert twice == [utc(2026, 11, 1, 5, 30)]  # 01:30 EDT, the first of the two


def test_lord_howe_half_hour_shift():
    # DST starts 2026-10-04 at 02:00 local: the clock goes to 02:30 (+10:30 -> +11).
    s = Schedule(times=("02:15", "21:00"))
    got = slots(s, "Australia/Lord_Howe", utc(2026, 10, 3, 12), utc(2026, 10, 4, 12))
    walls = [local(m, "Australia/Lord_Howe").strftime("%d %H:%M %z") for m in got]
    assert walls == ["04 02:30 +1100", "04 21:00 +1100"]
    # It ends 2027-04-04 at 02:00 (+11 -> +10:30): 01:45 happens twice, fires once.
    s = Schedule(times=("01:45",))
    got = slots(s, "Australia/Lord_Howe", utc(2027, 4, 3, 0), utc(2027, 4, 4, 12))
    assert len(got) == 1 and local(got[0], "Australia/Lord_Howe").fold == 0


def test_days_of_week_and_one_off_and_snooze():
    s = Schedule(times=("09:00",), days=frozenset({1, 3}))  # Monday, Wednesday
    got = slots(s, "Europe/Berlin", utc(2026, 11, 23), utc(2026, 11, 30, 23))
    assert [local(m, "Europe/Berlin").isoweekday() for m in got] == [1, 3, 1]
    once = Schedule(fire_at=utc(2026, 11, 25, 10))
    assert next_fire(once, "UTC", utc(2026, 11, 25, 9)) == (utc(2026, 11, 25, 10), "once")
    assert next_fire(once, "UTC", utc(2026, 11, 25, 10)) is None
    snoozed = Schedule(times=("21:00",), snoozed_until=utc(2026, 11, 25, 20, 15))
    assert next_fire(snoozed, "UTC", utc(2026, 11, 25, 20)) == (utc(2026, 11, 25, 20, 15), "snooze")
    assert next_fire(snoozed, "UTC", utc(2026, 11, 25, 20, 15))[1] == "slot"
    assert next_fire(Schedule(times=("21:00",), enabled=False), "UTC", utc(2026, 1, 1)) is None
    assert next_fire(Schedule(), "UTC", utc(2026, 1, 1)) is None


def test_hydration_window_every_two_hours():
    s = Schedule(interval_minutes=120, window_start="08:00", window_end="20:00")
    got = slots(s, "Europe/Berlin", utc(2026, 11, 25, 0), utc(2026, 11, 25, 23))
    assert [local(m, "Europe/Berlin").strftime("%H:%M") for m in got] == [
        "08:00", "10:00", "12:00", "14:00", "16:00", "18:00", "20:00"
    ]  # fmt: skip
    assert previous_slot(s, "Europe/Berlin", got[0]) == got[0] - timedelta(hours=12)
    assert is_slot(s, "Europe/Berlin", got[2]) and not is_slot(
        s, "Europe/Berlin", got[2] + timedelta(minutes=1)
    )


def test_window_across_midnight():
    s = Schedule(interval_minutes=60, window_start="22:00", window_end="01:00")
    got = slots(s, "UTC", utc(2026, 11, 25, 12), utc(2026, 11, 26, 12))
    assert [m.strftime("%d %H:%M") for m in got] == ["25 22:00", "25 23:00", "26 00:00", "26 01:00"]


def test_to_utc_gap_is_the_transition():
    assert to_utc(datetime(2026, 3, 29, 2, 30), "Europe/Berlin") == utc(2026, 3, 29, 1)
    assert to_utc(datetime(2026, 3, 29, 2, 0), "Europe/Berlin") == utc(2026, 3, 29, 1)
    assert to_utc(datetime(2026, 3, 29, 3, 0), "Europe/Berlin") == utc(2026, 3, 29, 1)


# --- properties ----------------------------------------------------------------------------

hhmm = st.builds(
    lambda h, m: f"{h:02d}:{m:02d}", st.integers(0, 23), st.sampled_from([0, 10, 15, 30, 45, 59])
)
schedules = st.builds(
    Schedule,
    times=st.lists(hhmm, min_size=1, max_size=4, unique=True).map(tuple),
    days=st.frozensets(st.integers(1, 7), max_size=7),
)
instants = st.datetimes(min_value=datetime(2025, 1, 1), max_value=datetime(2028, 1, 1)).map(
    lambda d: d.replace(tzinfo=UTC)
)
PROPS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _in_gap(day: date, hm: time, tz: str) -> bool:
    naive = datetime.combine(day, hm)
    z = ZoneInfo(tz)
    return naive.replace(tzinfo=z).astimezone(UTC).astimezone(z).replace(tzinfo=None) != naive


def _gap_end(day: date, hm: time, tz: str) -> str:
    return local(to_utc(datetime.combine(day, hm), tz), tz).strftime("%H:%M")


@PROPS
@given(schedules, st.sampled_from(ZONES), instants)
def test_result_is_after_and_on_a_configured_wall_time(schedule, tz, after):
    got = next_slot(schedule, tz, after)
    assert got is not None and got > after
    wall = local(got, tz)
    assert wall.fold == 0
    day_ok = not schedule.days or wall.isoweekday() in schedule.days
    assert day_ok
    configured = {t for t in schedule.times}
    if wall.strftime("%H:%M") not in configured:
        # Only a time missing that day may move, and only to the end of the gap.
        moved = [
            t
            for t in configured
            if _in_gap(wall.date(), time.fromisoformat(t), tz)
            and _gap_end(wall.date(), time.fromisoformat(t), tz) == wall.strftime("%H:%M")
        ]
        assert moved


@PROPS
@given(schedules, st.sampled_from(ZONES), instants)
def test_consecutive_slots_never_share_a_local_day_and_time(schedule, tz, after):
    first = next_slot(schedule, tz, after)
    second = next_slot(schedule, tz, first)
    assert second > first
    a, b = local(first, tz), local(second, tz)
    assert (a.date(), a.strftime("%H:%M")) != (b.date(), b.strftime("%H:%M"))


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schedules, st.sampled_from(ZONES), st.integers(2025, 2027))
def test_a_year_has_one_slot_per_day_and_time(schedule, tz, year):
    start, end = utc(year, 1, 1), utc(year + 1, 1, 1)
    got = slots(schedule, tz, start, end - timedelta(days=2))
    seen = [(local(m, tz).date(), local(m, tz).strftime("%H:%M")) for m in got]
    assert len(seen) == len(set(seen))
    expected = set()
    day = local(start, tz).date() + timedelta(days=1)
    while day < local(end, tz).date() - timedelta(days=2):
        if not schedule.days or day.isoweekday() in schedule.days:
            for t in schedule.times:
                hm = time.fromisoformat(t)
                expected.add((day, _gap_end(day, hm, tz) if _in_gap(day, hm, tz) else t))
        day += timedelta(days=1)
    inside = {s for s in seen if local(start, tz).date() + timedelta(days=1) <= s[0] < day}
    assert inside == expected


windows = st.builds(
    Schedule,
    interval_minutes=st.sampled_from([15, 30, 45, 60, 90, 120, 180]),
    window_start=hhmm,
    window_end=hhmm,
    days=st.frozensets(st.integers(1, 7), max_size=7),
)


@PROPS
@given(windows, st.sampled_from(ZONES), instants)
def test_interval_slots_are_after_on_the_grid_and_never_repeat(schedule, tz, after):
    got = next_slot(schedule, tz, after)
    assert got is not None and got > after
    second = next_slot(schedule, tz, got)
    assert second > got
    wall = local(got, tz)
    start = datetime.combine(wall.date(), time.fromisoformat(schedule.window_start))
    if start > wall.replace(tzinfo=None):
        start -= timedelta(days=1)  # a window across midnight
    minutes = (wall.replace(tzinfo=None) - start) / timedelta(minutes=1)
    on_grid = minutes % schedule.interval_minutes == 0
    # Off the grid only when a slot fell in a DST gap: then it fires at the gap's end.
    at_gap_end = local(got - timedelta(seconds=1), tz).utcoffset() < wall.utcoffset()
    assert on_grid or at_gap_end
    a, b = local(got, tz), local(second, tz)
    assert (a.date(), a.strftime("%H:%M")) != (b.date(), b.strftime("%H:%M"))


@pytest.mark.parametrize("tz", ZONES)
def test_previous_slot_mirrors_next_slot(tz):
    s = Schedule(times=("02:30", "21:00"))
    moment = next_slot(s, tz, utc(2026, 1, 1))
    for _ in range(800):
        nxt = next_slot(s, tz, moment)
        assert previous_slot(s, tz, nxt) == moment
        moment = nxt
