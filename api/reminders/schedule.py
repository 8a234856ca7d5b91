"""When a reminder fires next: pure functions over its schedule, in the person's wall-clock time.

A slot is a local wall-clock time on a local date, turned into one UTC instant:
- a time that does not exist that day (spring-forward gap) fires at the end of the gap
  (02:30 in Europe/Berlin -> 03:00), once, even when several times fall in the gap;
- a time that happens twice (fall-back) fires at its first occurrence (fold=0), once.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

DAY = timedelta(days=1)


@dataclass(frozen=True)
class Schedule:
    """The fields of a reminder that decide when it fires."""

    times: tuple[str, ...] = ()  # "HH:MM" local
    days: frozenset[int] = frozenset()  # ISO weekdays 1-7; empty = every day
    interval_minutes: int | None = None  # with window_start/window_end
    window_start: str | None = None
    window_end: str | None = None
    fire_at: datetime | None = None  # one-off (rest breaks)
    snoozed_until: datetime | None = None
    enabled: bool = True

    @classmethod
    def of(cls, reminder) -> "Schedule":
        """The schedule of a Reminder row (or anything with the same attributes)."""
        return cls(
            times=tuple(reminder.times or ()),
            days=frozenset(reminder.days or ()),
            interval_minutes=reminder.interval_minutes,
            window_start=reminder.window_start,
            window_end=reminder.window_end,
            fire_at=reminder.fire_at,
            snoozed_until=reminder.snoozed_until,
            enabled=reminder.enabled is not False,  # unset means the default: on
        )


@lru_cache(maxsize=512)
def _hhmm(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


@lru_cache(maxsize=256)
def _zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


def to_utc(local: datetime, tz: str | ZoneInfo) -> datetime:
    """A naive local wall time as a UTC instant: the gap's end for a missing time, else fold=0."""
    z = _zone(tz) if isinstance(tz, str) else tz
    moment = local.replace(tzinfo=z, fold=0).astimezone(UTC)
    if moment.astimezone(z).replace(tzinfo=None) == local:
        return moment
    # In a gap: the transition instant is the first one whose wall time is past `local`.
    lo = local.replace(tzinfo=z, fold=1).astimezone(UTC)  # before the transition
    hi = moment  # after it
    while hi - lo > timedelta(seconds=1):
        mid = lo + (hi - lo) / 2
        mid = mid.replace(microsecond=0)
        if mid <= lo:
            break
        if mid.astimezone(z).replace(tzinfo=None) >= local:
            hi = mid
        else:
            lo = mid
    return hi


def _window_times(schedule: Schedule, day: date) -> list[datetime]:
    """The interval slots of the window that opens on `day` (it may end the next day)."""
    start = datetime.combine(day, _hhmm(schedule.window_start or "00:00"))
    end = datetime.combine(day, _hhmm(schedule.window_end or "23:59"))
    if end <= start:  # a window across midnight, or the whole day when start == end
        end += DAY
        if end - start == DAY:
            end -= timedelta(minutes=1)
    step = timedelta(minutes=schedule.interval_minutes)
    out = []
    slot = start
    while slot <= end:
        out.append(slot)
        slot += step
    return out


def local_slots(schedule: Schedule, day: date) -> list[datetime]:
    """The naive local wall times a schedule asks for on one local date, in order."""
    if schedule.days and day.isoweekday() not in schedule.days:
        return []
    if schedule.interval_minutes:
        return _window_times(schedule, day)
    return sorted({datetime.combine(day, _hhmm(t)) for t in schedule.times})


def _has_slots(schedule: Schedule) -> bool:
    return bool(schedule.interval_minutes or schedule.times)


def next_slot(schedule: Schedule, tz: str, after: datetime) -> datetime | None:
    """The first regular slot strictly after `after` (UTC), or None if there is none."""
    if not _has_slots(schedule):
        return None
    z = _zone(tz)
    today = after.astimezone(z).date()
    # A day's slots all come after the previous day's (windows are shorter than a day),
    # so the first slot past `after` in day order is the answer; 8 days covers any weekday set.
    for offset in range(-1, 9):
        for local in local_slots(schedule, today + offset * DAY):
            moment = to_utc(local, z)
            if moment > after:
                return moment
    return None


def previous_slot(schedule: Schedule, tz: str, before: datetime) -> datetime | None:
    """The last regular slot strictly before `before` (UTC), or None."""
    if not _has_slots(schedule):
        return None
    z = _zone(tz)
    today = before.astimezone(z).date()
    for offset in range(1, -10, -1):
        for local in reversed(local_slots(schedule, today + offset * DAY)):
            moment = to_utc(local, z)
            if moment < before:
                return moment
    return None


def next_fire(schedule: Schedule, tz: str, after: datetime) -> tuple[datetime, str] | None:
    """The next time to fire strictly after `after` and why: "snooze", "once" or "slot"."""
    if not schedule.enabled:
        return None
    if schedule.snoozed_until is not None and schedule.snoozed_until > after:
        return schedule.snoozed_until, "snooze"
    if schedule.fire_at is not None:
        return (schedule.fire_at, "once") if schedule.fire_at > after else None
    moment = next_slot(schedule, tz, after)
    return (moment, "slot") if moment is not None else None


def is_slot(schedule: Schedule, tz: str, moment: datetime) -> bool:
    """True when `moment` is one of the schedule's regular slots (in the current timezone)."""
    return next_slot(schedule, tz, moment - timedelta(microseconds=1)) == moment
