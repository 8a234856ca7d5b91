"""Many pushes in flight from one thread, none able to hold up another person's.

A Pipeline keeps up to `window` pushes in flight, each on its own pooled keep-alive
connection: the push service works on several while this thread encrypts the next, without
sending threads fighting over the GIL. A push whose connection is already open is written
from this thread; a new connection (DNS, TCP, TLS) is opened on a connector thread, so a
push service that never answers a SYN costs this thread nothing. Answers are collected in
the order they come (poll).

What keeps one person (or one dead push service) from stalling everyone else:
- at most `per_owner` pushes of one person count against the window at once; the rest of
  theirs wait, and other people's pushes pass them;
- a push unanswered after SLOW_AFTER seconds stops counting against the window (it is still
  awaited, up to its timeout), so the window never fills with pushes that will never answer;
- connect and read timeouts end every attempt, and a push answered 429/5xx or lost to the
  network is tried again only after a wait (backoff or Retry-After) and before its deadline.

send() returns the (tag, Result) of pushes that completed meanwhile; step() waits for the
next; drain() for all. A push's failure of any kind is its own Result, never an exception.
"""

import heapq
import os
import select
import time
from collections import Counter, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from api.push.sender import Prepared, PushSender, Result, failure

SLOW_AFTER = 0.5  # seconds unanswered before a push stops counting against the window
MAX_PARKED = 256  # slow pushes awaited at once beyond the window (each holds a socket)
PER_OWNER = 2  # one person's pushes counting against the window at once
ANSWER_READ = 2.0  # seconds for an answer that has begun to arrive to arrive whole


@dataclass(eq=False)
class _Push:
    tag: object
    owner: object
    prepared: Prepared
    deadline: float | None  # time.time() after which it is not tried again
    attempt: int = 1
    pool: object = None
    conn: object = None
    future: object = None  # set while a connector thread opens the connection and sends
    started: float = 0.0  # time.monotonic() this attempt began
    expires: float = 0.0  # given up unanswered at this time.monotonic()
    parked: bool = False  # slow: no longer counted against the window


class Pipeline:
    """Up to `window` pushes in flight at once (plus slow ones set aside), from one thread."""

    def __init__(self, sender: PushSender, window: int, *, per_owner: int = PER_OWNER,
                 slow_after: float = SLOW_AFTER):  # fmt: skip
        self.sender = sender
        self.window = max(1, window)
        self.per_owner = max(1, min(per_owner, self.window))
        self.slow_after = slow_after
        self._waiting: deque[_Push] = deque()  # not started: window full or owner at its share
        self._flight: list[_Push] = []
        self._later: list = []  # heap of (time.monotonic() to retry at, n, push)
        self._n = 0
        self._active = 0  # in flight and not parked
        self._parked = 0
        self._owners: Counter = Counter()  # owner -> active pushes
        self._connector = ThreadPoolExecutor(
            max_workers=max(16, 4 * self.window), thread_name_prefix="push-connect"
        )
        self._wake_r, self._wake_w = os.pipe()  # a connector thread finished: wake poll()
        os.set_blocking(self._wake_r, False)
        os.set_blocking(self._wake_w, False)

    def __len__(self) -> int:
        return len(self._waiting) + len(self._flight) + len(self._later)

    def send(self, tag, prepared: Prepared, deadline: float | None = None, owner=None) -> list:
        """Start one push (after making room); the pushes that completed meanwhile."""
        done = self.room(1)
        self._waiting.append(_Push(tag, tag if owner is None else owner, prepared, deadline))
        self._pump(done)
        return done

    def room(self, free: int = 1) -> list:
        """Collect answers until `free` more pushes may start at once; what completed."""
        done: list = []
        free = min(free, self.window)
        self._pump(done)
        while self._active + free > self.window:
            self.step(done)
        return done

    def drain(self) -> list:
        """Wait for every push in flight, waiting to start, or waiting to be tried again."""
        done: list = []
        while len(self):
            self.step(done)
        return done

    def step(self, done: list | None = None) -> list:
        """Wait until something happens (an answer, a connection, a timeout, a retry due)."""
        done = [] if done is None else done
        ready = self._poll(self._next_event() - time.monotonic())
        now = time.monotonic()
        for push in list(self._flight):
            if push.future is not None:
                if push.future.done():
                    self._connected(push, done, now)
            elif push.conn.sock is not None and push.conn.sock.fileno() in ready:
                self._answer(push, done)
            elif now >= push.expires:
                self._end(push, done, lost="timeout")
        self._park(now)
        self._pump(done)
        return done

    def close(self) -> None:
        """Stop the connector threads and close what is still open."""
        self._connector.shutdown(wait=False, cancel_futures=True)
        for push in self._flight:
            if push.future is None and push.conn is not None:
                push.conn.close()
        for fd in (self._wake_r, self._wake_w):
            os.close(fd)

    # ---- starting ----
    def _pump(self, done: list) -> None:
        """Start the retries that are due and the waiting pushes that may start."""
        now = time.monotonic()
        while self._later and self._later[0][0] <= now:
            self._waiting.append(heapq.heappop(self._later)[2])
        if not self._waiting:
            return
        kept: deque[_Push] = deque()
        while self._waiting and self._active < self.window:
            push = self._waiting.popleft()
            if self._owners[push.owner] >= self.per_owner:
                kept.append(push)
            else:
                self._start(push, done)
        kept.extend(self._waiting)
        self._waiting = kept

    def _start(self, push: _Push, done: list) -> None:
        push.started = time.monotonic()
        push.parked = False
        try:
            push.pool, path = self.sender.route(push.prepared.target.endpoint)
            # Private urllib3 (pinned below 3 in pyproject.toml): a pooled keep-alive connection,
            # held while its answer is awaited with poll(), then put back.
            push.conn = push.pool._get_conn()
        except Exception as exc:  # noqa: BLE001  (this push's own failure, whatever it is)
            self._finish(push, done, None, None, failure(exc) or "error")
            return
        self._flight.append(push)
        self._count(push, +1)
        conn = push.conn
        if conn.sock is not None and conn.is_connected:  # kept alive: no connect to wait for
            try:
                self._request(conn, path, push.prepared)
            except Exception as exc:  # noqa: BLE001
                self._end(push, done, exc=exc)
                return
            push.expires = push.started + self.sender.read_timeout
            return
        if conn.sock is not None:
            conn.close()  # closed by the push service while it sat in the pool
        push.future = self._connector.submit(self._request, conn, path, push.prepared)
        push.future.add_done_callback(self._wake)

    @staticmethod
    def _request(conn, path: str, prepared: Prepared) -> None:
        conn.request("POST", path, body=prepared.body, headers=prepared.headers)

    def _wake(self, _future) -> None:
        try:
            os.write(self._wake_w, b".")
        except OSError:
            pass  # the pipe is full (poll() wakes anyway) or closed (shut down)

    # ---- waiting ----
    def _next_event(self) -> float:
        """When step() must look again even if no socket becomes readable."""
        soon = time.monotonic() + self.sender.read_timeout
        if self._later:
            soon = min(soon, self._later[0][0])
        for push in self._flight:
            if push.future is None:
                soon = min(soon, push.expires)
            if not push.parked:
                soon = min(soon, push.started + self.slow_after)
        return soon

    def _poll(self, timeout: float) -> set[int]:
        poller = select.poll()
        poller.register(self._wake_r, select.POLLIN)
        for push in self._flight:
            if push.future is None and push.conn.sock is not None:
                poller.register(push.conn.sock, select.POLLIN)
        ready = {fd for fd, _ in poller.poll(max(0.0, timeout) * 1000)}
        if self._wake_r in ready:
            try:
                while os.read(self._wake_r, 4096):
                    pass
            except BlockingIOError:
                pass
        return ready

    def _park(self, now: float) -> None:
        for push in self._flight:
            if self._parked >= MAX_PARKED:
                return
            if not push.parked and now - push.started >= self.slow_after:
                push.parked = True
                self._parked += 1
                self._count(push, -1)

    # ---- answers ----
    def _connected(self, push: _Push, done: list, now: float) -> None:
        exc = push.future.exception()
        push.future = None
        if exc is not None:
            self._end(push, done, exc=exc)
        else:
            push.expires = now + self.sender.read_timeout

    def _answer(self, push: _Push, done: list) -> None:
        conn = push.conn
        try:
            conn.sock.settimeout(ANSWER_READ)
            response = conn.getresponse()
            status, retry_after = response.status, response.headers.get("Retry-After")
        except Exception as exc:  # noqa: BLE001
            self._end(push, done, exc=exc)
            return
        push.pool._put_conn(conn)
        push.conn = None
        self._end(push, done, status=status, retry_after=retry_after)

    def _end(self, push: _Push, done: list, status=None, retry_after=None, exc=None, lost=None):
        """Take a push out of flight (closing its connection unless it went back to the pool)."""
        self._flight.remove(push)
        if push.parked:
            self._parked -= 1
        else:
            self._count(push, -1)
        if push.conn is not None:
            push.conn.close()
            push.pool._put_conn(None)
            push.conn = None
        reason = failure(exc) if exc is not None else None
        self._finish(push, done, status, retry_after, reason, lost or "network")

    def _finish(self, push: _Push, done: list, status, retry_after, reason, lost="network"):
        """A final Result, or a retry after its wait."""
        if reason is not None:  # not worth a retry
            target = push.prepared.target
            done.append((push.tag, Result("failed", None, push.attempt, target, reason)))
            return
        result, wait = self.sender.judge(
            push.prepared, status, retry_after, push.attempt, push.deadline, lost=lost
        )
        if result is not None:
            done.append((push.tag, result))
            return
        push.attempt += 1
        self._n += 1
        heapq.heappush(self._later, (time.monotonic() + wait, self._n, push))

    def _count(self, push: _Push, delta: int) -> None:
        self._active += delta
        self._owners[push.owner] += delta
        if not self._owners[push.owner]:
            del self._owners[push.owner]
