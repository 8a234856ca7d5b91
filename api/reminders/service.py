"""Reminder rules: rescheduling after a change, snooze, and whether a due slot is sent."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from api.errors import NotFound
from api.extensions import db
from api.models import Reminder, User
from api.models.types import utcnow
from api.reminders.kinds import KINDS
from api.reminders.rules import Due
from api.reminders.schedule import Schedule, is_slot, next_fire
from api.sync import seqs

TICK = timedelta(microseconds=1)


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
    """After a timezone change: every reminder of this person on their new wall clock.

    A reminder whose next time moved gets a new sequence number, so phones pull it.
    """
    now = utcnow()
    seqs.lock_person(db.session, user.id)
    moved = []
    for reminder in db.session.scalars(
        select(Reminder).where(Reminder.user_id == user.id, Reminder.deleted_at.is_(None))
    ):
        before = reminder.next_fire_at
        reminder.fire_kind = None  # the old due slot belongs to the old timezone
        reschedule(user, reminder, now)
        if reminder.next_fire_at != before:
            moved.append(reminder)
    seqs.renumber(db.session, user.id, moved)


def snooze(user: User, reminder_id, minutes: int) -> Reminder:
    """Fire again in `minutes`; the change syncs back to the person's devices."""
    # The person's row first, then the reminder's, in the same order as the sync service,
    # so a snooze and a sync of the same reminder cannot deadlock on PostgreSQL.
    seq = seqs.take(db.session, user.id)
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
    progress: tuple | None = None  # what the kind's progress() found, e.g. (water, target)


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
    at, fire = reminder.next_fire_at, reminder.fire_kind or "slot"
    schedule = Schedule.of(reminder)
    tz = user.timezone
    last_slot = at if fire in ("slot", "once") else (reminder.last_slot_at or at)
    kind = KINDS[reminder.kind]
    status, reason, progress = "pending", None, None
    if fire == "slot" and not is_slot(schedule, tz, at):
        status, reason = None, "stale"  # schedule or timezone changed without a reschedule
    elif now - at > late_after:
        status, reason = "skipped", "late"
    else:
        progress = kind.progress(session, user, at, now)
        due = Due(session, reminder, user, at, fire, last_slot, now, schedule, progress,
                  last_magnesium)  # fmt: skip
        reason = kind.skip(due)
        status = "skipped" if reason else "pending"
    # What comes next: slots missed by more than the grace are not queued one by one.
    after = now if status is None else max(at, now - late_after)
    following = next_fire(schedule, tz, after)
    nxt, nxt_kind = following if following else (None, None)
    if status == "pending" and nxt is not None and nxt <= now:
        # Catching up (after downtime): a later slot is due too; only the latest is sent.
        status, reason = "skipped", "superseded"
    nag = reminder.nag_after_minutes
    if status == "pending" and fire in ("slot", "once") and nag:
        nag_at = at + timedelta(minutes=nag)
        if nag_at > now - late_after and (nxt is None or nag_at < nxt):
            nxt, nxt_kind = nag_at, "nag"
    return Decision(at, fire, status, reason, nxt, nxt_kind, last_slot, progress)
