"""Reminder rules: rescheduling after a change, snooze, and whether a due slot is sent."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from flask import current_app
from sqlalchemy import func, select, update

from api.day import local_day, zone
from api.errors import NotFound
from api.extensions import db
from api.models import Intake, Reminder, User
from api.models.types import utcnow
from api.reminders.schedule import Schedule, is_slot, next_fire, previous_slot, to_utc

DEFAULT_GRACE = timedelta(minutes=30)
TICK = timedelta(microseconds=1)


def grace() -> timedelta:
    """How late a slot may still be sent (config REMINDER_GRACE: timedelta or seconds)."""
    value = current_app.config.get("REMINDER_GRACE", DEFAULT_GRACE)
    return value if isinstance(value, timedelta) else timedelta(seconds=float(value))


# ---- scheduling ----


def reschedule(user: User, reminder: Reminder, now: datetime) -> None:
    """Set next_fire_at/fire_kind from the reminder's fields (None when paused or deleted)."""
    fire = None
    if reminder.deleted_at is None:
        after = now
        # A slot that is due but not yet handled stays due if the schedule still has it.
        if reminder.fire_kind == "slot" and reminder.next_fire_at and reminder.next_fire_at <= now:
            after = reminder.next_fire_at - TICK
        fire = next_fire(Schedule.of(reminder), user.timezone, after)
    reminder.next_fire_at, reminder.fire_kind = fire if fire else (None, None)


def reminder_changed(user: User, reminder: Reminder) -> None:
    """The sync hook: recompute next_fire_at after the person changed or deleted a reminder."""
    reschedule(user, reminder, utcnow())


def reschedule_all(user: User) -> None:
    """After a timezone change: every reminder of this person on their new wall clock."""
    now = utcnow()
    for reminder in db.session.scalars(
        select(Reminder).where(Reminder.user_id == user.id, Reminder.deleted_at.is_(None))
    ):
        reminder.fire_kind = None  # the old due slot belongs to the old timezone
        reschedule(user, reminder, now)


def snooze(user: User, reminder_id, minutes: int) -> Reminder:
    """Fire again in `minutes`; the change syncs back to the person's devices."""
    # The person's row first, then the reminder's, in the same order as the sync service,
    # so a snooze and a sync of the same reminder cannot deadlock on PostgreSQL.
    seq = db.session.scalar(
        update(User)
        .where(User.id == user.id)
        .values(sync_seq=User.sync_seq + 1)
        .returning(User.sync_seq)
        .execution_options(synchronize_session=False)
    )
    reminder = db.session.scalar(
        select(Reminder)
        .where(
            Reminder.user_id == user.id, Reminder.id == reminder_id, Reminder.deleted_at.is_(None)
        )
        .with_for_update()
    )
    if reminder is None:
        db.session.rollback()
        raise NotFound("No such reminder.")
    now = utcnow()
    reminder.snoozed_until = now + timedelta(minutes=minutes)
    reminder.updated_at = now
    reminder.seq = seq
    reschedule(user, reminder, now)
    db.session.commit()
    return reminder


# ---- deciding a due fire ----


@dataclass
class Decision:
    """What to do with a due fire, and when the reminder fires next."""

    slot_at: datetime
    kind: str  # slot | snooze | nag | once
    status: str | None  # pending (send it) | skipped | None (stale: record nothing)
    reason: str | None
    next_fire_at: datetime | None
    fire_kind: str | None
    last_slot_at: datetime | None
    water: tuple | None = None  # (drunk today, target) for hydration


def decide(
    reminder: Reminder,
    user: User,
    now: datetime,
    late_after: timedelta,
    session=None,
    last_magnesium: dict | None = None,
) -> Decision:
    """Apply the rules to the reminder's due fire (reminder.next_fire_at).

    last_magnesium: {user_id: latest magnesium taken_at}, fetched for a whole batch at once.
    """
    session = session or db.session
    at, kind = reminder.next_fire_at, reminder.fire_kind or "slot"
    schedule = Schedule.of(reminder)
    tz = user.timezone
    last_slot = at if kind in ("slot", "once") else (reminder.last_slot_at or at)
    status, reason, water = "pending", None, None
    if kind == "slot" and not is_slot(schedule, tz, at):
        status, reason = None, "stale"  # schedule or timezone changed without a reschedule
    elif now - at > late_after:
        status, reason = "skipped", "late"
    elif reminder.kind == "magnesium" and _taken(
        session, user, last_slot, schedule, last_magnesium
    ):
        status, reason = "skipped", "taken"
    elif reminder.kind == "hydration":
        water = (water_today(session, user, at, now), user.water_target_ml or 0)
        if kind == "nag" and _water_between(session, user, last_slot, now) > 0:
            status, reason = "skipped", "logged"
        elif kind != "nag" and _on_pace(reminder, user, at, water):
            status, reason = "skipped", "on_pace"
    # What comes next: slots missed by more than the grace are not queued one by one.
    after = now if status is None else max(at, now - late_after)
    fire = next_fire(schedule, tz, after)
    nxt, nxt_kind = fire if fire else (None, None)
    if status == "pending" and nxt is not None and nxt <= now:
        # Catching up (after downtime): a later slot is due too; only the latest is sent.
        status, reason = "skipped", "superseded"
    nag = reminder.nag_after_minutes
    if status == "pending" and kind in ("slot", "once") and nag:
        nag_at = at + timedelta(minutes=nag)
        if nag_at > now - late_after and (nxt is None or nag_at < nxt):
            nxt, nxt_kind = nag_at, "nag"
    return Decision(at, kind, status, reason, nxt, nxt_kind, last_slot, water)


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


def _as_utc(value) -> datetime:
    from api.models.types import UTCDateTime

    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return UTCDateTime().process_result_value(value, None)


def _taken(session, user: User, slot: datetime, schedule: Schedule, latest: dict | None) -> bool:
    """A magnesium intake logged for this slot: after halfway from the previous slot.

    "Since the previous slot" taken literally would count the intake logged in answer to the
    previous reminder; halfway splits the time between two slots fairly.
    """
    prev = previous_slot(schedule, user.timezone, slot) if schedule.times else None
    since = prev + (slot - prev) / 2 if prev else slot - timedelta(hours=12)
    if latest is not None:
        return user.id in latest and latest[user.id] > since
    return _intake_since(session, user, "magnesium", since) > 0


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


def water_today(session, user: User, at: datetime, now: datetime) -> float:
    """Water logged on the person's day of `at` (api.day.local_day), up to now."""
    day = local_day(at, user.timezone, user.day_start_hour)
    opens = time(user.day_start_hour)
    start = to_utc(datetime.combine(day, opens), user.timezone)
    end = to_utc(datetime.combine(day + timedelta(days=1), opens), user.timezone)
    return _water_between(session, user, start, min(end, now))


def _on_pace(reminder: Reminder, user: User, at: datetime, water: tuple) -> bool:
    """Already drunk what the target asks for by the next reminder of the window."""
    drunk, target = water
    if target <= 0:
        return False
    local = at.astimezone(zone(user.timezone)).replace(tzinfo=None)
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
