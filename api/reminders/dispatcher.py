"""The dispatcher: claim due reminders, record each slot, then send it, at most once.

Per due reminder, in one transaction: lock its person's row, then it (FOR UPDATE SKIP LOCKED
on PostgreSQL, so any number of dispatchers can run; the person first, as every writer of
synced records does), decide (send, or skip: done already, on pace, too late), insert its
Delivery row (unique on user, reminder, slot: a slot is recorded once whoever claims it) and
move next_fire_at on with a new sequence number, so that phones pull the new time. Sending
(api/reminders/sending.py) takes each delivery (pending -> sending) before its first byte goes
out, so a crash never sends a slot twice; a delivery still "pending" after a crash is sent by
whichever dispatcher takes it first, or skipped when it is older than the grace. A delivery
still "sending" when no send can still be running (its slot older than the grace, the
JOB_SECONDS a send may take, and a margin) was interrupted by a crash: it becomes "unknown" and
is not sent again (see the README).
"""

import logging
import threading
from collections import Counter
from datetime import datetime, timedelta

from sqlalchemy import bindparam, create_engine, event, func, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from api.models import Delivery, PushSubscription, Reminder, User
from api.models.types import utcnow
from api.push.sender import PushSender, Target
from api.reminders import payload as payloads
from api.reminders.kinds import KINDS
from api.reminders.rules import latest_magnesium
from api.reminders.sending import JOB_SECONDS, Job, SlotSender
from api.reminders.service import Decision, decide
from api.sync import seqs

log = logging.getLogger("unknot.dispatcher")
REMINDERS = Reminder.__table__
# Past the grace and JOB_SECONDS, a delivery still "sending" was cut off by a crash.
INTERRUPTED_MARGIN = timedelta(minutes=5)
MOVE_ON = (
    update(REMINDERS)
    .where(REMINDERS.c.user_id == bindparam("uid"), REMINDERS.c.id == bindparam("rid"))
    .values(
        next_fire_at=bindparam("nxt"),
        fire_kind=bindparam("fk"),
        last_slot_at=bindparam("last"),
        seq=bindparam("seq"),
    )
)


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
        threads: int = 4,
    ):
        """`threads`: how many pushes may be in flight at once (all sent from this thread)."""
        self.engine = make_engine(url)
        self.session = Session(self.engine, expire_on_commit=False)
        self.sender = sender
        self.grace = grace
        self.batch = batch
        self.lease = lease
        self.postgres = self.engine.dialect.name == "postgresql"
        self.slots = SlotSender(self.engine, self.session, sender, grace, max(1, threads))

    # ---- the loop ----
    def run_once(self, now: datetime | None = None) -> int:
        """Handle every due reminder and orphaned delivery; returns how many slots were seen."""
        fixed = now
        handled = self.recover(fixed or utcnow())
        while True:
            jobs, seen = self.claim(fixed or utcnow())
            # The last few pushes stay in flight while the next batch is claimed.
            self.slots.feed(jobs)
            self.slots.record()
            handled += seen
            if not seen:  # a claimed reminder moves on, but may still be due (catching up)
                self.slots.flush()
                return handled

    def run_forever(self, stop: threading.Event | None = None, poll: float = 1.0) -> None:
        """Poll until `stop` is set; an error is logged and retried after a pause."""
        stop = stop or threading.Event()
        while not stop.is_set():
            try:
                busy = self.run_once()
                if busy:
                    log.info("%d reminder slots handled", busy)
            except Exception:
                log.exception("dispatcher pass failed")
                self.session.rollback()
                busy = 0
            if not busy:
                stop.wait(poll)

    def close(self) -> None:
        self.slots.close()
        self.session.close()
        self.engine.dispose()

    # ---- claiming ----
    def claim(self, now: datetime) -> tuple[list[Job], int]:
        """Lock a batch of due reminders, record their slots and move them on; commit."""
        s = self.session
        try:
            people = self._lock_people(now)
            rows = s.execute(self._due(now, people)).all() if people else []
            if not rows:
                s.rollback()
                return [], 0
            user_ids = {u.id for _, u in rows}
            targets = self._targets(user_ids, utcnow())
            taken = latest_magnesium(s, user_ids)
            decided = []
            for reminder, user in rows:
                d = decide(reminder, user, now, self.grace, session=s, last_magnesium=taken)
                if d.status == "pending" and not targets.get(user.id):
                    # Every device of theirs is skipped for now after failing again and again.
                    why = "backing_off" if user.id in targets else "no_device"
                    d.status, d.reason = "skipped", why
                decided.append((reminder, user, d))
            ids = self._record(decided)
            jobs = []
            for reminder, user, d in decided:
                key = (user.id, reminder.id)
                if d.status == "pending" and key in ids:
                    jobs.append(self._job(ids[key], reminder, user, d, targets[user.id]))
            self._move_on(decided)
            s.commit()
            s.expunge_all()  # the rows were written with Core: forget the stale objects
        except Exception:
            s.rollback()
            raise
        # People whose devices failed lately go last: a dead push service costs the others less.
        return sorted(jobs, key=_has_failed_lately), len(rows)

    def _lock_people(self, now: datetime) -> list[int]:
        """People with a due reminder, earliest first; on PostgreSQL their rows are locked.

        The person's row first, then the reminders, as the sync service and snooze do: no
        deadlock. A person whose row another dispatcher (or a sync) holds is skipped for now.
        """
        first_due = (
            select(func.min(Reminder.next_fire_at))
            .where(Reminder.user_id == User.id)
            .scalar_subquery()
        )
        query = (
            select(User.id)
            .where(User.id.in_(select(Reminder.user_id).where(Reminder.next_fire_at <= now)))
            .where(User.disabled_at.is_(None))  # switched off by the operator: nothing sent
            .order_by(first_due)
            .limit(self.batch)
        )
        if self.postgres:
            query = query.with_for_update(skip_locked=True)
        return list(self.session.scalars(query))

    def _due(self, now: datetime, people: list[int]):
        """The due reminders of these people, with their person."""
        query = (
            select(Reminder, User)
            .join(User, User.id == Reminder.user_id)
            .where(Reminder.user_id.in_(people), Reminder.next_fire_at <= now)
            .order_by(Reminder.next_fire_at)
            .limit(self.batch)
            .execution_options(populate_existing=True)
        )
        if self.postgres:
            query = query.with_for_update(skip_locked=True, of=Reminder)
        return query

    def _move_on(self, decided) -> None:
        """Move each reminder to its next fire, with a new sequence number: phones pull the
        new "next at" (api/sync/seqs.py)."""
        counts = Counter(user.id for _, user, _ in decided)
        last = seqs.take_many(self.session, counts)
        params = []
        for reminder, user, d in decided:
            seq = last[user.id] - counts[user.id] + 1
            counts[user.id] -= 1
            params.append({"uid": user.id, "rid": reminder.id, "nxt": d.next_fire_at,
                           "fk": d.fire_kind, "last": d.last_slot_at, "seq": seq})  # fmt: skip
        self.session.connection().execute(MOVE_ON, params)

    def _targets(self, user_ids, now: datetime) -> dict[int, list[Target]]:
        """Each person's devices to push to now (an empty list: all backed off for a while)."""
        out: dict[int, list[Target]] = {}
        rows = self.session.execute(
            select(
                PushSubscription.id,
                PushSubscription.user_id,
                PushSubscription.endpoint,
                PushSubscription.p256dh,
                PushSubscription.auth,
                PushSubscription.failures,
                PushSubscription.retry_at,
            ).where(PushSubscription.user_id.in_(user_ids))
        )
        for sid, uid, endpoint, p256dh, auth, failures, retry_at in rows:
            targets = out.setdefault(uid, [])
            if retry_at is None or retry_at <= now:
                targets.append(Target(sid, endpoint, p256dh, auth, failures))
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
        # executemany with RETURNING: one cached statement, however many rows.
        stmt = (
            dialect.insert(Delivery)
            .on_conflict_do_nothing(index_elements=["user_id", "reminder_id", "slot_at"])
            .returning(Delivery.id, Delivery.user_id, Delivery.reminder_id)
        )
        rows = self.session.connection().execute(stmt, values)
        return {(uid, rid): did for did, uid, rid in rows}

    def _job(self, delivery_id, reminder, user, d: Decision, targets) -> Job:
        body = payloads.build(reminder, user.timezone, d.slot_at, d.kind, d.progress)
        return Job(delivery_id, user.id, d.slot_at, body, payloads.topic(reminder), targets)

    # ---- after a crash ----
    def recover(self, now: datetime) -> int:
        """Deliveries left by a dispatcher that stopped: "sending" long ago -> unknown;
        pending: too late -> skipped, else sent."""
        s = self.session
        self._mark_interrupted()
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
            targets = self._targets({user.id}, utcnow()).get(user.id, [])
            progress = KINDS[reminder.kind].progress(s, user, delivery.slot_at, now)
            body = payloads.build(
                reminder, user.timezone, delivery.slot_at, delivery.kind, progress
            )
            jobs.append(
                Job(delivery.id, user.id, delivery.slot_at, body, payloads.topic(reminder), targets)
            )
        s.commit()
        s.expunge_all()
        self.slots.send_all(jobs)
        return len(rows)

    def _mark_interrupted(self) -> None:
        """Slots still sending past any send that could still be running: cut off by a crash."""
        cut_off = utcnow() - self.grace - timedelta(seconds=JOB_SECONDS) - INTERRUPTED_MARGIN
        self.session.execute(
            update(Delivery)
            .where(Delivery.status == "sending", Delivery.slot_at < cut_off)
            .values(status="unknown", reason="interrupted")
        )


def _has_failed_lately(job: Job) -> bool:
    return any(t.failures for t in job.targets)


def from_app(app, **kw) -> Dispatcher:
    """A dispatcher on the app's database, keys and grace."""
    kw.setdefault("grace", app.config["REMINDER_GRACE"])
    kw.setdefault("threads", app.config["PUSH_THREADS"])
    # Up to window + chunk - 1 pushes in flight (api/reminders/sending.py), each on its own.
    pool = 2 * kw["threads"]
    sender = kw.pop("sender", None) or PushSender.from_config(app.config, pool_size=pool)
    return Dispatcher(app.config["SQLALCHEMY_DATABASE_URI"], sender, **kw)
