"""The synced collections: one table each, sharing the sync columns of SyncRecord."""

import uuid
from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    Uuid,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column

from api.extensions import db
from api.models.types import UTCDateTime


class SyncRecord:
    """Columns every synced record has: a client-made id, its owner, times and a sequence number."""

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # The client's clock at the last change; last writer wins by it.
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Server-assigned, per person, increasing in commit order: the pull cursor.
    seq: Mapped[int] = mapped_column(BigInteger)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime)

    @declared_attr.directive
    def __table_args__(cls):
        return (Index(f"ix_{cls.__tablename__}_user_seq", "user_id", "seq", unique=True),)


class Cramp(SyncRecord, db.Model):
    __tablename__ = "cramps"

    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # empty while the timer runs
    muscle: Mapped[str | None] = mapped_column(String(40))
    side: Mapped[str | None] = mapped_column(String(10))
    intensity: Mapped[int | None] = mapped_column(Integer)
    triggers: Mapped[list] = mapped_column(JSON, default=list)
    reliefs_tried: Mapped[list] = mapped_column(JSON, default=list)
    reliefs_helped: Mapped[list] = mapped_column(JSON, default=list)
    notes: Mapped[str | None] = mapped_column(Text)


class Knot(SyncRecord, db.Model):
    __tablename__ = "knots"

    noted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    location: Mapped[str] = mapped_column(String(40))
    side: Mapped[str | None] = mapped_column(String(10))
    intensity: Mapped[int | None] = mapped_column(Integer)
    helped: Mapped[list] = mapped_column(JSON, default=list)
    notes: Mapped[str | None] = mapped_column(Text)


class Weakness(SyncRecord, db.Model):
    __tablename__ = "weakness"

    noted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    body_area: Mapped[str] = mapped_column(String(40))
    severity: Mapped[int | None] = mapped_column(Integer)
    after_activity: Mapped[str | None] = mapped_column(String(200))
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    jelly_legs: Mapped[bool] = mapped_column(Boolean, default=False)
    notes: Mapped[str | None] = mapped_column(Text)


class Intake(SyncRecord, db.Model):
    __tablename__ = "intakes"

    # water | magnesium | potassium | other | stretch | epsom_bath | heat (api/sync/data.py)
    kind: Mapped[str] = mapped_column(String(20))
    amount: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(10))  # ml | mg
    form: Mapped[str | None] = mapped_column(String(60))
    taken_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Plan(SyncRecord, db.Model):
    __tablename__ = "plans"

    day: Mapped[date] = mapped_column(Date)
    energy_budget: Mapped[int] = mapped_column(Integer)
    notes: Mapped[str | None] = mapped_column(Text)


class Activity(SyncRecord, db.Model):
    __tablename__ = "activities"

    plan_id: Mapped[uuid.UUID | None] = mapped_column(Uuid)
    title: Mapped[str] = mapped_column(String(200))
    energy_cost: Mapped[int] = mapped_column(Integer)
    minutes: Mapped[int | None] = mapped_column(Integer)
    steps: Mapped[list] = mapped_column(JSON, default=list)  # [{title, minutes, done}]
    rest_minutes: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default="planned")
    spent_cost: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Template(SyncRecord, db.Model):
    __tablename__ = "templates"

    title: Mapped[str] = mapped_column(String(200))
    energy_cost: Mapped[int] = mapped_column(Integer)
    minutes: Mapped[int | None] = mapped_column(Integer)


class Checkin(SyncRecord, db.Model):
    __tablename__ = "checkins"

    day: Mapped[date] = mapped_column(Date)  # the day being rated (the day before the check-in)
    weakness: Mapped[int | None] = mapped_column(Integer)
    cramps: Mapped[int | None] = mapped_column(Integer)
    knots: Mapped[int | None] = mapped_column(Integer)
    fatigue: Mapped[int | None] = mapped_column(Integer)
    crash: Mapped[bool | None] = mapped_column(Boolean)  # None: not answered
    sleep: Mapped[int | None] = mapped_column(Integer)  # 0 very badly .. 10 very well
    woke_with_cramp: Mapped[bool | None] = mapped_column(Boolean)  # None: not sure or skipped
    stiffness: Mapped[int | None] = mapped_column(Integer)  # morning stiffness, 0 none .. 10 worst
    notes: Mapped[str | None] = mapped_column(Text)


class Experiment(SyncRecord, db.Model):
    """A personal trial of a fix between episodes: blocks of days with and without it.

    Where it stands (which block, whether it is over) follows from start_day, block_days and
    blocks with the day, so any phone that syncs it knows as much as the one that started it.
    """

    __tablename__ = "experiments"

    fix: Mapped[str] = mapped_column(String(20))  # magnesium | stretch | epsom_bath | heat | ...
    title: Mapped[str | None] = mapped_column(String(120))  # the person's own fix, in their words
    start_day: Mapped[date] = mapped_column(Date)
    block_days: Mapped[int] = mapped_column(Integer)
    blocks: Mapped[list] = mapped_column(JSON, default=list)  # ["with", "without", ...]
    status: Mapped[str] = mapped_column(String(10), default="running")  # running|stopped|finished
    stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ExperimentDay(SyncRecord, db.Model):
    """One answer to "Did you do it yesterday?": its id is made from the experiment and the day,
    so two phones (or a phone and a notification) answering the same day write one record."""

    __tablename__ = "experiment_days"

    experiment_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    day: Mapped[date] = mapped_column(Date)
    done: Mapped[bool] = mapped_column(Boolean)


class Reminder(SyncRecord, db.Model):
    __tablename__ = "reminders"

    kind: Mapped[str] = mapped_column(String(20))  # api/reminders/kinds.py
    title: Mapped[str | None] = mapped_column(String(120))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    times: Mapped[list] = mapped_column(JSON, default=list)  # ["21:00"], local wall-clock
    days: Mapped[list] = mapped_column(JSON, default=list)  # ISO weekdays 1-7; empty = every day
    interval_minutes: Mapped[int | None] = mapped_column(Integer)
    window_start: Mapped[str | None] = mapped_column(String(5))
    window_end: Mapped[str | None] = mapped_column(String(5))
    fire_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # one-off (rest breaks)
    form: Mapped[str | None] = mapped_column(String(60))
    amount: Mapped[float | None] = mapped_column(Float)
    unit: Mapped[str | None] = mapped_column(String(10))
    nag_after_minutes: Mapped[int | None] = mapped_column(Integer)
    snoozed_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Server-managed: the next slot to send, in UTC, and what it is (slot | snooze | nag | once).
    next_fire_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    fire_kind: Mapped[str | None] = mapped_column(String(10))
    # Server-managed: the last regular slot handled (a nag or snooze belongs to it).
    last_slot_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
