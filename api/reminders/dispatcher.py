"""The dispatcher: claim due reminders, record each slot, then send it, at most once.

Per due reminder, in one transaction: lock it (FOR UPDATE SKIP LOCKED on PostgreSQL, so any
number of dispatchers can run), decide (send, or skip: done already, on pace, too late),
insert its Delivery row (unique on user, reminder, slot: a slot is recorded once whoever
claims it) and move next_fire_at on. Then, per delivery, pending -> sending is committed
before the first byte is sent: a delivery found "sending" after a crash is never sent again,
and one still "pending" is sent by whichever dispatcher takes it first (or skipped when it is
older than the grace).
"""

import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import create_engine, delete, event, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from api.models import Delivery, PushSubscription, Reminder, User
from api.models.types import utcnow
from api.push.delivery import PushSender, Target
from api.reminders import payload as payloads
from api.reminders.service import Decision, decide, water_today

log = logging.getLogger("unknot.dispatcher")
MIN_TTL = 60


@dataclass
class Job:
    """One recorded slot to send to every device of its person."""

    delivery_id: int
    user_id: int
    slot_at: datetime
    payload: dict
    topic: str
    targets: list[Target]


def make_engine(url: str):
    """The dispatcher's own connection pool: commits need not wait for the disk.

    A dispatcher killed between two statements loses nothing committed: only a crash of the
    database machine itself could lose the last few status updates.
    """
    if url.startswith("postgresql"):
        return create_engine(
            url, pool_pre_ping=True, connect_args={"options": "-c synchronous_commit=off"}
        )
    engine = create_engine(url, pool_pre_ping=True)

    @event.listens_for(engine, "connect")
    def _normal_sync(dbapi_connection, _record):
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA synchronous=NORMAL")  # WAL: durable against a process crash
        cur.close()

    return engine


class Dispatcher:
    """Claims and sends due reminders; one per thread or process, each with its own connection."""

    def __init__(
        self,
        url: str,
        sender: PushSender,
        *,
        grace: timedelta,
        batch: int = 50,
        lease: timedelta = timedelta(seconds=30),
    ):
        self.engine = make_engine(url)
        self.session = Session(self.engine, expire_on_commit=False)
        self.sender = sender
        self.grace = grace
        self.batch = batch
        self.lease = lease
        self.postgres = self.engine.dialect.name == "postgresql"

    # ---- the loop ----
    def run_once(self, now: datetime | None = None) -> int:
        """Handle every due reminder and orphaned delivery; returns how many slots were seen."""
        fixed = now
        handled = self.recover(fixed or utcnow())
        while True:
            jobs, seen = self.claim(fixed or utcnow())
            for job in jobs:
                self.send(job)
            handled += seen
            if seen < self.batch:
                return handled

    def run_forever(self, stop: threading.Event | None = None, poll: float = 1.0) -> None:
        """Poll until `stop` is set; an error is logged and retried after a pause."""
        stop = stop or threading.Event()
        while not stop.is_set():
            try:
                busy = self.run_once()
            except Exception:
                log.exception("dispatcher pass failed")
                self.session.rollback()
                busy = 0
            if not busy:
                stop.wait(poll)

    def close(self) -> None:
        self.session.close()
        self.engine.dispose()

    # ---- claiming ----
    def claim(self, now: datetime) -> tuple[list[Job], int]:
        """Lock a batch of due reminders, record their slots and move them on; commit."""
        s = self.session
        query = (
            select(Reminder, User)
            .join(User, User.id == Reminder.user_id)
            .where(Reminder.next_fire_at <= now)
            .order_by(Reminder.next_fire_at)
            .limit(self.batch)
            .execution_options(populate_existing=True)
        )
        if self.postgres:
            query = query.with_for_update(skip_locked=True, of=Reminder)
        try:
            rows = s.execute(query).all()
            if not rows:
                s.rollback()
                return [], 0
            targets = self._targets({u.id for _, u in rows})
            decided = []
            for reminder, user in rows:
                d = decide(reminder, user, now, self.grace, session=s)
                if d.status == "pending" and not targets.get(user.id):
                    d.status, d.reason = "skipped", "no_device"
                decided.append((reminder, user, d))
            ids = self._record(decided)
            jobs = []
            for reminder, user, d in decided:
                key = (user.id, reminder.id)
                if d.status == "pending" and key in ids:
                    jobs.append(self._job(ids[key], reminder, user, d, targets[user.id]))
                reminder.next_fire_at, reminder.fire_kind = d.next_fire_at, d.fire_kind
                reminder.last_slot_at = d.last_slot_at
            s.commit()
        except Exception:
            s.rollback()
            raise
        return jobs, len(rows)

    def _targets(self, user_ids) -> dict[int, list[Target]]:
        out: dict[int, list[Target]] = {}
        rows = self.session.execute(
            select(
                PushSubscription.id,
                PushSubscription.user_id,
                PushSubscription.endpoint,
                PushSubscription.p256dh,
                PushSubscription.auth,
            ).where(PushSubscription.user_id.in_(user_ids))
        )
        for sid, uid, endpoint, p256dh, auth in rows:
            out.setdefault(uid, []).append(Target(sid, endpoint, p256dh, auth))
        return out

    def _record(self, decided) -> dict:
        """Insert the delivery rows; a slot recorded before (by anyone) is left alone."""
        values = [
            {
                "user_id": user.id,
                "reminder_id": reminder.id,
                "slot_at": d.slot_at,
                "status": d.status,
                "kind": d.kind,
                "reason": d.reason,
                "attempts": 0,
                "created_at": utcnow(),
            }
            for reminder, user, d in decided
            if d.status is not None
        ]
        if not values:
            return {}
        dialect = postgresql if self.postgres else sqlite
        stmt = (
            dialect.insert(Delivery)
            .values(values)
            .on_conflict_do_nothing(index_elements=["user_id", "reminder_id", "slot_at"])
            .returning(Delivery.id, Delivery.user_id, Delivery.reminder_id)
        )
        return {(uid, rid): did for did, uid, rid in self.session.execute(stmt)}

    def _job(self, delivery_id, reminder, user, d: Decision, targets) -> Job:
        body = payloads.build(reminder, user.timezone, d.slot_at, d.kind, d.water)
        return Job(delivery_id, user.id, d.slot_at, body, payloads.topic(reminder), targets)

    # ---- sending ----
    def send(self, job: Job) -> str | None:
        """Send one recorded slot to every device of its person; the final status."""
        s = self.session
        claimed = s.execute(
            update(Delivery)
            .where(Delivery.id == job.delivery_id, Delivery.status == "pending")
            .values(status="sending", attempts=Delivery.attempts + 1)
        ).rowcount
        s.commit()
        if not claimed:
            return None  # another dispatcher has it
        expires = job.slot_at + self.grace
        ttl = max(MIN_TTL, int((expires - utcnow()).total_seconds()))
        results = [
            (t, self.sender.send(t, job.payload, ttl=ttl, urgency="high", topic=job.topic,
                                 deadline=expires.timestamp()))
            for t in job.targets
        ]  # fmt: skip
        gone = [t.id for t, r in results if r.outcome == "gone"]
        if gone:
            s.execute(
                delete(PushSubscription).where(
                    PushSubscription.id.in_(gone), PushSubscription.user_id == job.user_id
                )
            )
        sent = any(r.outcome == "sent" for _, r in results)
        if sent:
            status, reason = "sent", None
        elif not results:
            status, reason = "skipped", "no_device"
        else:
            status = "failed"
            reason = "gone" if len(gone) == len(results) else f"http_{results[-1][1].status}"
        s.execute(
            update(Delivery)
            .where(Delivery.id == job.delivery_id)
            .values(status=status, reason=reason, sent_at=utcnow() if sent else None)
        )
        s.commit()
        return status

    # ---- after a crash ----
    def recover(self, now: datetime) -> int:
        """Pending deliveries left by a dispatcher that stopped: too late -> skipped, else sent."""
        s = self.session
        stale_before = utcnow() - self.lease
        rows = s.execute(
            select(Delivery, Reminder, User)
            .join(
                Reminder,
                (Reminder.user_id == Delivery.user_id) & (Reminder.id == Delivery.reminder_id),
                isouter=True,
            )
            .join(User, User.id == Delivery.user_id)
            .where(Delivery.status == "pending", Delivery.created_at < stale_before)
            .order_by(Delivery.slot_at)
            .limit(500)
        ).all()
        jobs = []
        for delivery, reminder, user in rows:
            if now - delivery.slot_at > self.grace or reminder is None or reminder.deleted_at:
                why = "late" if reminder is not None and not reminder.deleted_at else "deleted"
                s.execute(
                    update(Delivery)
                    .where(Delivery.id == delivery.id, Delivery.status == "pending")
                    .values(status="skipped", reason=why)
                )
                continue
            targets = self._targets({user.id}).get(user.id, [])
            water = None
            if reminder.kind == "hydration":
                water = (water_today(s, user, delivery.slot_at, now), user.water_target_ml or 0)
            body = payloads.build(reminder, user.timezone, delivery.slot_at, delivery.kind, water)
            jobs.append(
                Job(delivery.id, user.id, delivery.slot_at, body, payloads.topic(reminder), targets)
            )
        s.commit()
        for job in jobs:
            self.send(job)
        return len(rows)


def from_app(app, **kw) -> Dispatcher:
    """A dispatcher on the app's database, keys and grace."""
    from api.reminders.service import DEFAULT_GRACE

    grace = app.config.get("REMINDER_GRACE", DEFAULT_GRACE)
    if not isinstance(grace, timedelta):
        grace = timedelta(seconds=float(grace))
    kw.setdefault("grace", grace)
    sender = kw.pop("sender", None) or PushSender.from_config(app.config)
    return Dispatcher(app.config["SQLALCHEMY_DATABASE_URI"], sender, **kw)
