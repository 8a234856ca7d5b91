"""Sending recorded slots: take (pending -> sending, committed), POST, record how it went.

One thread sends: a Pipeline (api/push/pipeline.py) keeps several pushes in flight on pooled
keep-alive connections, so the push service works on them while this thread encrypts the
next, without sending threads fighting over the GIL. Slots are taken `chunk` at a time (one
UPDATE and commit for several), each chunk only once there is room to send it whole at once:
a slot is taken before its first byte is sent, so a crash after that never sends it again;
about window + chunk - 1 taken slots (5 with the default 4) are lost to a crash, more while
slow pushes are set aside (api/push/pipeline.py). The final
status (sent, failed) is written as jobs complete; a crash before that leaves "sending" rows,
which were sent (or were about to be), never repeated: the dispatcher marks them "unknown"
once they are older than the grace and JOB_SECONDS (api/reminders/dispatcher.py).

Each push fails on its own: an endpoint that cannot be encrypted for or sent to fails that
push, never the pass. An endpoint whose pushes fail BACKOFF_AFTER times in a row is skipped
for a while (PushSubscription.retry_at), longer each time, until a push to it succeeds.
"""

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import bindparam, delete, update
from sqlalchemy.orm import Session

from api.models import Delivery, PushSubscription
from api.models.types import utcnow
from api.push.pipeline import Pipeline
from api.push.sender import PushSender, Result, Target

log = logging.getLogger("unknot.dispatcher")
MIN_TTL = 60
# The most time one person's pushes for one slot may take, retries included.
JOB_SECONDS = 120
BACKOFF_AFTER = 3  # failed pushes in a row before an endpoint is skipped
BACKOFF_FIRST = timedelta(minutes=10)  # doubled for each further failure
BACKOFF_MOST = timedelta(days=1)
SUBSCRIPTIONS = PushSubscription.__table__
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
FAILED = (
    update(SUBSCRIPTIONS)
    .where(SUBSCRIPTIONS.c.id == bindparam("sid"), SUBSCRIPTIONS.c.user_id == bindparam("uid"))
    .values(failures=SUBSCRIPTIONS.c.failures + 1, retry_at=bindparam("retry"))
)
WORKED = (
    update(SUBSCRIPTIONS)
    .where(SUBSCRIPTIONS.c.id == bindparam("sid"), SUBSCRIPTIONS.c.user_id == bindparam("uid"))
    .values(failures=0, retry_at=None)
)


def retry_at(failures: int, now: datetime) -> datetime | None:
    """When an endpoint with `failures` failed pushes in a row is tried again (None: now)."""
    if failures < BACKOFF_AFTER:
        return None
    wait = BACKOFF_FIRST * 2 ** min(failures - BACKOFF_AFTER, 10)
    return now + min(wait, BACKOFF_MOST)


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
        self._pipe.close()
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def send_all(self, jobs: list[Job]) -> list[str]:
        """Send recorded slots, wait for every answer, record how each went."""
        self.feed(jobs)
        return self.flush()

    def feed(self, jobs: list[Job]) -> None:
        """Take and send the jobs; up to `window` pushes may still be in flight on return."""
        for i in range(0, len(jobs), self.chunk):
            chunk = jobs[i : i + self.chunk]
            prepared = [self._prepare(job) for job in chunk]
            # Room first: a slot is taken only when it can be sent right away (as much of it
            # as one person may have in flight at once).
            share = self._pipe.per_owner
            pushes = sum(min(len(p), share) for p, _ in prepared)
            self._collect(self._pipe.room(min(self.window, max(1, pushes))))
            taken = self._take([job.delivery_id for job in chunk])
            for job, (pushes_of_job, failed) in zip(chunk, prepared, strict=True):
                if job.delivery_id not in taken:
                    continue  # another dispatcher has it
                # From here on this slot is never sent again, whatever happens to this process.
                if not pushes_of_job:
                    self._done.append((job, failed))
                    continue
                self._open[job.delivery_id] = (job, failed, [len(pushes_of_job)])
                # However long its pushes wait or are retried, a slot is done within JOB_SECONDS.
                deadline = min((job.slot_at + self.grace).timestamp(),
                               utcnow().timestamp() + JOB_SECONDS)  # fmt: skip
                for p in pushes_of_job:
                    self._collect(self._pipe.send(job.delivery_id, p, deadline, job.user_id))

    def record(self) -> dict[int, str]:
        """Record the jobs completed so far; {delivery id: final status}."""
        done, self._done = self._done, []
        return self._finish(done)

    def flush(self) -> list[str]:
        """Wait for every push in flight, record everything; the statuses."""
        return list(self._settle().values())

    def _settle(self) -> dict[int, str]:
        """Wait for every push, recording jobs as they complete; {delivery id: status}."""
        statuses = self.record()
        while len(self._pipe):
            self._collect(self._pipe.step())
            statuses.update(self.record())
        return statuses

    def _prepare(self, job: Job) -> tuple[list, list[Result]]:
        """The job's encrypted pushes, and a failed Result for each target that could not be."""
        expires = job.slot_at + self.grace
        ttl = max(MIN_TTL, int((expires - utcnow()).total_seconds()))
        pushes, failed = [], []
        for t in job.targets:
            try:
                pushes.append(
                    self.sender.prepare(t, job.payload, ttl=ttl, urgency="high", topic=job.topic)
                )
            except Exception as exc:  # noqa: BLE001  (a bad key fails this push only)
                log.warning("cannot encrypt for subscription %s: %s", t.id, type(exc).__name__)
                failed.append(Result("failed", None, 0, t, "encryption"))
        return pushes, failed

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
        """Record the outcomes (one transaction); forget subscriptions that are gone, and
        count the failures of those that failed.

        A crash before this leaves the rows "sending": they were sent, and are not sent again.
        """
        rows, statuses = [], {}
        gone, failed, worked = [], [], []
        now = utcnow()
        for job, results in outcomes:
            status, why = _outcome(results)
            rows.append({"did": job.delivery_id, "st": status, "why": why,
                         "at": now if status == "sent" else None})  # fmt: skip
            statuses[job.delivery_id] = status
            for r in results:
                key = {"sid": r.target.id, "uid": job.user_id}
                if r.outcome == "gone":
                    gone.append(key)
                elif r.outcome == "failed":
                    failed.append({**key, "retry": retry_at(r.target.failures + 1, now)})
                elif r.target.failures:  # sent: a failing endpoint works again
                    worked.append(key)
        s = self.session
        try:
            for statement, params in ((FINISH, rows), (FAILED, failed), (WORKED, worked)):
                if params:
                    s.execute(statement, params)
            for key in gone:
                s.execute(
                    delete(PushSubscription).where(
                        PushSubscription.id == key["sid"], PushSubscription.user_id == key["uid"]
                    )
                )
            s.commit()
        except Exception:
            s.rollback()
            raise
        return statuses


def _outcome(results: list[Result]) -> tuple[str, str | None]:
    """A slot's status and reason from the results of its pushes."""
    if any(r.outcome == "sent" for r in results):
        return "sent", None
    if not results:
        return "skipped", "no_device"
    failed = [r for r in results if r.outcome != "gone"]
    return "failed", failed[-1].why if failed else "gone"
