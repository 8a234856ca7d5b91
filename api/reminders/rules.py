"""What a reminder kind checks before it is sent: the intakes logged since, and the day's water."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import func, select

from api.day import local_day, zone
from api.models import Intake, Reminder, User
from api.models.types import UTCDateTime
from api.reminders.schedule import Schedule, previous_slot, to_utc


@dataclass
class Due:
    """A due fire as the skip rules see it."""

    session: object
    reminder: Reminder
    user: User
    at: datetime  # when it is due
    kind: str  # slot | snooze | nag | once
    last_slot: datetime  # the slot a nag or snooze belongs to
    now: datetime
    schedule: Schedule
    progress: tuple | None  # what the kind's progress() found, e.g. (water drunk, target)
    last_magnesium: dict | None  # {user_id: latest magnesium taken_at}, for a whole batch


# ---- progress: what the notification reports ----


def no_progress(session, user: User, at: datetime, now: datetime) -> None:
    """Kinds that report nothing."""
    return None


def water_progress(session, user: User, at: datetime, now: datetime) -> tuple:
    """(water drunk on the day of `at`, the person's target in ml)."""
    return (water_today(session, user, at, now), user.water_target_ml or 0)


# ---- skip rules: a reason to skip the fire, or None to send it ----


def never_skip(due: Due) -> None:
    """Rest breaks and the person's own reminders are always sent."""
    return None


def skip_if_magnesium_taken(due: Due) -> str | None:
    """Skipped when a magnesium intake is logged for this slot."""
    return "taken" if _taken(due) else None


def skip_if_water_on_pace(due: Due) -> str | None:
    """A nag: skipped once any water is logged; a slot: when the day's water is on pace."""
    if due.kind == "nag":
        logged = _water_between(due.session, due.user, due.last_slot, due.now) > 0
        return "logged" if logged else None
    return "on_pace" if _on_pace(due) else None


def skip_if_stretched(due: Due) -> str | None:
    """Skipped when a stretch (guided or logged in one tap) is logged for this slot."""
    return "done" if _intake_since(due.session, due.user, "stretch", _slot_opens(due)) else None


def latest_magnesium(session, user_ids) -> dict:
    """{user_id: the latest magnesium intake's taken_at} for a batch of people."""
    rows = session.execute(
        select(Intake.user_id, func.max(Intake.taken_at))
        .where(
            Intake.user_id.in_(user_ids), Intake.kind == "magnesium", Intake.deleted_at.is_(None)
        )
        .group_by(Intake.user_id)
    )
    # func.max loses the column type on SQLite: read it back as UTC like UTCDateTime does.
    return {uid: _as_utc(at) for uid, at in rows if at is not None}


def water_today(session, user: User, at: datetime, now: datetime) -> float:
    """Water logged on the person's day of `at` (api.day.local_day), up to now."""
    day = local_day(at, user.timezone, user.day_start_hour)
    opens = time(user.day_start_hour)
    start = to_utc(datetime.combine(day, opens), user.timezone)
    end = to_utc(datetime.combine(day + timedelta(days=1), opens), user.timezone)
    return _water_between(session, user, start, min(end, now))


def _as_utc(value) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return UTCDateTime().process_result_value(value, None)


def _slot_opens(due: Due) -> datetime:
    """Where this slot's time begins: halfway from the previous slot.

    "Since the previous slot" taken literally would count the intake logged in answer to the
    previous reminder; halfway splits the time between two slots fairly.
    """
    user, slot, schedule = due.user, due.last_slot, due.schedule
    prev = previous_slot(schedule, user.timezone, slot) if schedule.times else None
    return prev + (slot - prev) / 2 if prev else slot - timedelta(hours=12)


def _taken(due: Due) -> bool:
    """A magnesium intake logged for this slot (see _slot_opens)."""
    user, since = due.user, _slot_opens(due)
    if due.last_magnesium is not None:
        return user.id in due.last_magnesium and due.last_magnesium[user.id] > since
    return _intake_since(due.session, user, "magnesium", since) > 0


def _intake_since(session, user: User, kind: str, since: datetime) -> int:
    return session.scalar(
        select(func.count())
        .select_from(Intake)
        .where(
            Intake.user_id == user.id,
            Intake.kind == kind,
            Intake.deleted_at.is_(None),
            Intake.taken_at > since,
        )
    )


def _water_between(session, user: User, start: datetime, end: datetime) -> float:
    total = session.scalar(
        select(func.coalesce(func.sum(Intake.amount), 0.0)).where(
            Intake.user_id == user.id,
            Intake.kind == "water",
            Intake.deleted_at.is_(None),
            Intake.taken_at >= start,
            Intake.taken_at <= end,
        )
    )
    return float(total or 0)


def _on_pace(due: Due) -> bool:
    """Already drunk what the target asks for by the next reminder of the window."""
    reminder, (drunk, target) = due.reminder, due.progress
    if target <= 0:
        return False
    local = due.at.astimezone(zone(due.user.timezone)).replace(tzinfo=None)
    start = datetime.combine(local.date(), _hhmm(reminder.window_start or "00:00"))
    if start > local:
        start -= timedelta(days=1)  # a window across midnight, opened yesterday
    end = datetime.combine(start.date(), _hhmm(reminder.window_end or "23:59"))
    if end <= start:
        end += timedelta(days=1)
    step = timedelta(minutes=reminder.interval_minutes or 0)
    fraction = min(1.0, (local + step - start) / (end - start)) if end > start else 1.0
    return drunk >= target * fraction


def _hhmm(text: str) -> time:
    return time.fromisoformat(text)
