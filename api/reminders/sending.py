"""Sending recorded slots on a few threads: take (pending -> sending, committed), POST, record.

A slot is taken before its first byte is sent: a crash after that never sends it again. The
final status (sent, failed) is written per batch; a crash before that leaves "sending" rows,
which were sent (or were about to be: at most one per thread is lost, never one repeated).
"""

import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, update
from sqlalchemy.orm import Session

from api.models import Delivery, PushSubscription
from api.models.types import utcnow
from api.push.delivery import PushSender, Target

MIN_TTL = 60
DELIVERIES = Delivery.__table__
# pending -> sending, committed before the first byte goes out: whoever wins sends it.
TAKE = (
    update(DELIVERIES)
    .where(DELIVERIES.c.id == bindparam("did"), DELIVERIES.c.status == "pending")
    .values(status="sending", attempts=DELIVERIES.c.attempts + 1)
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
    """Sends jobs on `threads` threads (each with its own connection) and records outcomes."""

    def __init__(self, engine, session: Session, sender: PushSender, grace: timedelta, threads):
        self.engine = engine
        self.session = session
        self.sender = sender
        self.grace = grace
        # Sending threads overlap the waits (push service, database).
        self._pool = ThreadPoolExecutor(threads) if threads > 1 else None
        self._local = threading.local()
        self._conns = []

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown()
        for conn in self._conns:
            conn.close()

    def send_all(self, jobs: list[Job]) -> None:
        """Send recorded slots (on the sending threads), then record how each went."""
        self.finish(self.start(jobs))

    def start(self, jobs: list[Job]) -> list:
        """Begin sending; returns handles for finish()."""
        if self._pool is None:
            return [self._send(job) for job in jobs]
        return [self._pool.submit(self._send, job) for job in jobs]

    def finish(self, started: list) -> list[str]:
        """Wait for started sends and record how they went."""
        done = [f.result() if hasattr(f, "result") else f for f in started]
        return self._finish([o for o in done if o is not None])

    def send(self, job: Job) -> str | None:
        """Send one recorded slot to every device of its person; the final status."""
        outcome = self._send(job)
        return self._finish([outcome])[0] if outcome is not None else None

    def _conn(self):
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._local.conn = self.engine.connect()
            self._conns.append(conn)
        return conn

    def _send(self, job: Job):
        expires = job.slot_at + self.grace
        ttl = max(MIN_TTL, int((expires - utcnow()).total_seconds()))
        prepared = [
            self.sender.prepare(t, job.payload, ttl=ttl, urgency="high", topic=job.topic)
            for t in job.targets
        ]
        conn = self._conn()
        try:
            claimed = conn.execute(TAKE, {"did": job.delivery_id}).rowcount
            conn.commit()
        except Exception:
            conn.rollback()
            raise
        if not claimed:
            return None  # another dispatcher has it
        # From here on this slot is never sent again, whatever happens to this process.
        return job, [self.sender.post(p, expires.timestamp()) for p in prepared]

    def _finish(self, outcomes) -> list[str]:
        """Record the outcomes (one transaction); forget subscriptions that are gone.

        A crash before this leaves the rows "sending": they were sent, and are not sent again.
        """
        rows, gone, statuses = [], [], []
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
            statuses.append(status)
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
