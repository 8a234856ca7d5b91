"""Sending recorded slots: take (pending -> sending, committed), POST, record how it went.

One thread sends: a Pipeline (api/push/delivery.py) keeps several pushes in flight on pooled
keep-alive connections, so the push service works on them while this thread encrypts the
next, without sending threads fighting over the GIL. Slots are taken `chunk` at a time (one
UPDATE and commit for several), each chunk only once there is room to send it whole at once:
a slot is taken before its first byte is sent, so a crash after that never sends it again;
at most window + chunk - 1 taken slots (5 with the default 4) are lost to a crash. The final
status (sent, failed) is written per batch; a crash before that leaves "sending" rows, which
were sent (or were about to be), never repeated.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, update
from sqlalchemy.orm import Session

from api.models import Delivery, PushSubscription
from api.models.types import utcnow
from api.push.delivery import Pipeline, PushSender, Target

MIN_TTL = 60
DELIVERIES = Delivery.__table__
# pending -> sending, committed before the first byte goes out: whoever wins sends it.
TAKE = (
    update(DELIVERIES)
    .where(DELIVERIES.c.id.in_(bindparam("ids", expanding=True)), DELIVERIES.c.status == "pending")
    .values(status="sending", attempts=DELIVERIES.c.attempts + 1)
    .returning(DELIVERIES.c.id)
)
FINISH = (
    update(DELIVERIES)
    .where(DELIVERIES.c.id == bindparam("did"))
    .values(status=bindparam("st"), reason=bindparam("why"), sent_at=bindparam("at"))
)


@dataclass
class Job:
    """One recorded slot to send to every device of its person."""

    delivery_id: int
    user_id: int
    slot_at: datetime
    payload: dict
    topic: str
    targets: list[Target]


class SlotSender:
    """Sends jobs through one Pipeline of `window` pushes in flight and records outcomes."""

    def __init__(self, engine, session: Session, sender: PushSender, grace: timedelta, window):
        self.engine = engine
        self.session = session
        self.sender = sender
        self.grace = grace
        # Slots are taken `chunk` at a time (one UPDATE and commit for several), each chunk once
        # there is room to send it whole: so `window` to `window + chunk - 1` are in flight.
        self.chunk = max(1, window // 2)
        self.window = max(1, window) + self.chunk - 1
        self._pipe = Pipeline(sender, self.window)
        self._conn = None  # taking has its own connection: commits apart from the session
        self._open: dict[int, tuple[Job, list, list]] = {}  # delivery id -> job, results, left
        self._done: list = []  # (job, results) complete, not recorded yet

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def send_all(self, jobs: list[Job]) -> list[str]:
        """Send recorded slots, wait for every answer, record how each went."""
        self.feed(jobs)
        return self.flush()

    def send(self, job: Job) -> str | None:
        """Send one recorded slot to every device of its person; the final status."""
        self.feed([job])
        self._collect(self._pipe.drain())
        return self.record().get(job.delivery_id)

    def feed(self, jobs: list[Job]) -> None:
        """Take and send the jobs; up to `window` pushes may still be in flight on return."""
        for i in range(0, len(jobs), self.chunk):
            chunk = jobs[i : i + self.chunk]
            prepared = [self._prepare(job) for job in chunk]
            pushes = sum(len(p) for p in prepared)
            # Room first: a slot is taken only when it can be sent right away.
            self._collect(self._pipe.room(min(self.window, max(1, pushes))))
            taken = self._take([job.delivery_id for job in chunk])
            for job, pushes_of_job in zip(chunk, prepared, strict=True):
                if job.delivery_id not in taken:
                    continue  # another dispatcher has it
                # From here on this slot is never sent again, whatever happens to this process.
                if not pushes_of_job:
                    self._done.append((job, []))
                    continue
                results: list = []
                self._open[job.delivery_id] = (job, results, [len(pushes_of_job)])
                deadline = (job.slot_at + self.grace).timestamp()
                for p in pushes_of_job:
                    self._collect(self._pipe.send(job.delivery_id, p, deadline))

    def record(self) -> dict[int, str]:
        """Record the jobs completed so far; {delivery id: final status}."""
        done, self._done = self._done, []
        return self._finish(done)

    def flush(self) -> list[str]:
        """Wait for every push in flight, record everything; the statuses."""
        self._collect(self._pipe.drain())
        return list(self.record().values())

    def _prepare(self, job: Job) -> list:
        expires = job.slot_at + self.grace
        ttl = max(MIN_TTL, int((expires - utcnow()).total_seconds()))
        return [
            self.sender.prepare(t, job.payload, ttl=ttl, urgency="high", topic=job.topic)
            for t in job.targets
        ]

    def _take(self, ids: list[int]) -> set[int]:
        """pending -> sending for these deliveries, committed; the ids this dispatcher got."""
        if self._conn is None:
            self._conn = self.engine.connect()
        conn = self._conn
        try:
            taken = set(conn.execute(TAKE, {"ids": sorted(ids)}).scalars())
            conn.commit()
        except Exception:
            conn.rollback()
            raise
        return taken

    def _collect(self, answers) -> None:
        for did, result in answers:
            job, results, left = self._open[did]
            results.append(result)
            left[0] -= 1
            if not left[0]:
                del self._open[did]
                self._done.append((job, results))

    def _finish(self, outcomes) -> dict[int, str]:
        """Record the outcomes (one transaction); forget subscriptions that are gone.

        A crash before this leaves the rows "sending": they were sent, and are not sent again.
        """
        rows, gone, statuses = [], [], {}
        now = utcnow()
        for job, results in outcomes:
            lost = [r.target.id for r in results if r.outcome == "gone"]
            gone += [(job.user_id, sid) for sid in lost]
            if any(r.outcome == "sent" for r in results):
                status, why = "sent", None
            elif not results:
                status, why = "skipped", "no_device"
            else:
                status = "failed"
                why = "gone" if len(lost) == len(results) else f"http_{results[-1].status}"
            rows.append({"did": job.delivery_id, "st": status, "why": why,
                         "at": now if status == "sent" else None})  # fmt: skip
            statuses[job.delivery_id] = status
        s = self.session
        try:
            if rows:
                s.execute(FINISH, rows)
            for uid, sid in gone:
                s.execute(
                    delete(PushSubscription).where(
                        PushSubscription.id == sid, PushSubscription.user_id == uid
                    )
                )
            s.commit()
        except Exception:
            s.rollback()
            raise
        return statuses
