"""Sending one push: encrypt with `webpush`, POST through a pooled urllib3 client, retry."""

import email.utils
import heapq
import json
import select
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import urllib3
from webpush import WebPush
from webpush.types import WebPushKeys, WebPushSubscription

from api.push.vapid import CachedVAPID, load_pems

MAX_PLAINTEXT = 3993  # a push body is at most 4,096 bytes once encrypted
URGENCIES = ("very-low", "low", "normal", "high")


@dataclass(frozen=True)
class Target:
    """One browser to push to."""

    id: int
    endpoint: str
    p256dh: str
    auth: str


@dataclass(frozen=True)
class Result:
    """What came of one push: sent, gone (404/410: forget the subscription) or failed."""

    outcome: str
    status: int | None
    attempts: int
    target: Target | None = None


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Retry-After as seconds: an integer, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        return max(0.0, email.utils.parsedate_to_datetime(value).timestamp() - now)
    except (TypeError, ValueError):
        return None


@dataclass(frozen=True)
class Prepared:
    """An encrypted push and its headers."""

    target: Target
    body: bytes
    headers: dict


def _path(endpoint: str) -> str:
    parts = urlsplit(endpoint)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


class PushSender:
    """Encrypts and POSTs pushes; one per dispatcher process (the pool and JWTs are reused)."""

    def __init__(
        self,
        private_pem: bytes,
        public_pem: bytes,
        subject: str,
        *,
        max_attempts: int = 4,
        max_wait: float = 60.0,
        timeout: float = 10.0,
        pool_size: int = 8,
        sleep=time.sleep,
    ):
        # `webpush` prefixes mailto: itself.
        self.webpush = WebPush(private_pem, public_pem, subscriber=subject.removeprefix("mailto:"))
        self.webpush.vapid = CachedVAPID(private_pem, public_pem)
        self.http = urllib3.PoolManager(
            num_pools=32,
            maxsize=pool_size,
            retries=False,
            timeout=urllib3.Timeout(connect=5.0, read=timeout),
        )
        self.read_timeout = timeout
        self.max_attempts = max_attempts
        self.max_wait = max_wait
        self.sleep = sleep
        self._routes: dict[str, tuple] = {}

    @classmethod
    def from_config(cls, config, **kw) -> "PushSender":
        """A sender with the app's VAPID keys and subject."""
        private_pem, public_pem = load_pems(config)
        kw.setdefault("max_attempts", config.get("PUSH_MAX_ATTEMPTS", 4))
        kw.setdefault("max_wait", config.get("PUSH_MAX_RETRY_WAIT", 60.0))
        return cls(private_pem, public_pem, config["VAPID_SUBJECT"], **kw)

    def encrypt(self, target: Target, payload: dict) -> tuple[bytes, str]:
        """The aes128gcm body and the VAPID Authorization header for one target."""
        data = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode()
        if len(data) > MAX_PLAINTEXT:
            raise ValueError(f"push payload of {len(data)} bytes is over {MAX_PLAINTEXT}")
        sub = WebPushSubscription.model_construct(
            endpoint=target.endpoint,
            keys=WebPushKeys.model_construct(p256dh=target.p256dh, auth=target.auth),
        )
        message = self.webpush.get(data, sub)
        return message.encrypted, message.headers["authorization"]

    def prepare(
        self, target: Target, payload: dict, *, ttl: int, urgency: str = "normal", topic=None
    ) -> "Prepared":
        """Encrypt and sign one push, ready to POST (done before the send is recorded)."""
        body, authorization = self.encrypt(target, payload)
        headers = {
            "TTL": str(max(0, int(ttl))),
            "Urgency": urgency if urgency in URGENCIES else "normal",
            "Content-Encoding": "aes128gcm",
            "Content-Type": "application/octet-stream",
            "Authorization": authorization,
        }
        if topic:
            headers["Topic"] = topic
        return Prepared(target, body, headers)

    def post(self, prepared: "Prepared", deadline: float | None = None) -> Result:
        """POST a prepared push; 429/5xx and network errors are retried until `deadline`."""
        return self._post_from(prepared, deadline, 1)

    def _post_from(self, prepared: "Prepared", deadline: float | None, first: int) -> Result:
        """Attempts `first`, `first` + 1, ... of one push, waiting between them."""
        pool, path = self._route(prepared.target.endpoint)
        attempt = first
        while True:
            try:
                response = pool.urlopen(
                    "POST",
                    path,
                    body=prepared.body,
                    headers=prepared.headers,
                    retries=False,
                    redirect=False,
                    assert_same_host=False,
                )
                status, retry_after = response.status, response.headers.get("Retry-After")
            except urllib3.exceptions.HTTPError:
                status, retry_after = None, None
            result, wait = self.judge(prepared, status, retry_after, attempt, deadline)
            if result is not None:
                return result
            self.sleep(wait)
            attempt += 1

    def judge(
        self, prepared, status, retry_after, attempt, deadline
    ) -> tuple[Result | None, float]:
        """The result of attempt `attempt`, or (None, seconds to wait) to try again."""
        target = prepared.target
        if status is not None and 200 <= status < 300:
            return Result("sent", status, attempt, target), 0.0
        if status in (404, 410):
            return Result("gone", status, attempt, target), 0.0
        if status is not None and status != 429 and status < 500:
            # 400/401/403/413: retrying cannot help
            return Result("failed", status, attempt, target), 0.0
        now = time.time()
        wait = retry_after_seconds(retry_after, now) if status is not None else None
        if wait is None:
            wait = 0.5 * 2 ** (attempt - 1)
        if attempt >= self.max_attempts or wait > self.max_wait:
            return Result("failed", status, attempt, target), 0.0
        if deadline is not None and now + wait > deadline:
            return Result("failed", status, attempt, target), 0.0
        return None, wait

    def _route(self, endpoint: str):
        """The connection pool and request path of an endpoint (cached: parsing costs)."""
        route = self._routes.get(endpoint)
        if route is None:
            if len(self._routes) > 100_000:
                self._routes.clear()
            route = self._routes[endpoint] = (
                self.http.connection_from_url(endpoint),
                _path(endpoint),
            )
        return route

    def send(self, target: Target, payload: dict, *, ttl: int, urgency="normal", topic=None,
             deadline: float | None = None) -> Result:  # fmt: skip
        """Encrypt and POST one push."""
        prepared = self.prepare(target, payload, ttl=ttl, urgency=urgency, topic=topic)
        return self.post(prepared, deadline)

    def close(self) -> None:
        self._routes.clear()
        self.http.clear()


class Pipeline:
    """Up to `window` pushes in flight at once from ONE thread, each on its own pooled
    keep-alive connection: the push service works on several while this thread encrypts the
    next, without the cost of sending threads fighting over the GIL. Answers are collected
    in the order they come (poll), so one slow push holds up only its own connection.

    send() returns the (tag, Result) of pushes that completed meanwhile; drain() the rest. A
    push answered 429/5xx (or lost to a network error) is tried again once its wait (backoff
    or Retry-After, as PushSender.post) is over, while the other pushes go on.
    """

    def __init__(self, sender: PushSender, window: int):
        self.sender = sender
        self.window = max(1, window)
        # (tag, prepared, deadline, attempt, pool, conn or None), oldest first
        self._flight: list = []
        self._later: list = []  # heap of (time.monotonic() to retry at, n, tag, prep, dl, attempt)
        self._n = 0

    def __len__(self) -> int:
        return len(self._flight) + len(self._later)

    def room(self, free: int = 1) -> list:
        """Collect answers (whichever comes first) until `free` more pushes may be sent."""
        done = self._retry_due()
        while self._flight and len(self._flight) > self.window - free:
            self._collect(self._first_answered(), done)
        return done

    def send(self, tag, prepared: Prepared, deadline: float | None = None) -> list:
        """Start one push (after making room); the pushes that completed meanwhile."""
        done = self.room(1)
        self._start(tag, prepared, deadline, 1)
        return done

    def drain(self) -> list:
        """Wait for every push in flight or waiting to be tried again."""
        done: list = []
        while self._flight or self._later:
            done += self._retry_due()
            if self._flight:
                self._collect(self._first_answered(), done)
            elif self._later:
                self.sender.sleep(max(0.0, self._later[0][0] - time.monotonic()))
        return done

    def _start(self, tag, prepared: Prepared, deadline, attempt: int) -> None:
        pool, path = self.sender._route(prepared.target.endpoint)
        conn = pool._get_conn()
        try:
            conn.request("POST", path, body=prepared.body, headers=prepared.headers)
            if conn.sock is not None:
                conn.sock.settimeout(self.sender.read_timeout)
        except (urllib3.exceptions.HTTPError, OSError):
            conn.close()
            pool._put_conn(None)
            conn = None
        self._flight.append((tag, prepared, deadline, attempt, pool, conn))

    def _retry_due(self) -> list:
        """Start the retries whose wait is over (making room for them); what completed."""
        done: list = []
        while self._later and self._later[0][0] <= time.monotonic():
            _, _, tag, prepared, deadline, attempt = heapq.heappop(self._later)
            while len(self._flight) >= self.window:
                self._collect(self._first_answered(), done)
            self._start(tag, prepared, deadline, attempt)
        return done

    def _first_answered(self) -> int:
        """The index of a push in flight whose answer has come (or failed), else the oldest's."""
        poller = select.poll()
        where = {}
        timeout = self.sender.read_timeout
        if self._later:  # wake up for a retry that comes due
            timeout = min(timeout, max(0.0, self._later[0][0] - time.monotonic()))
        for i, entry in enumerate(self._flight):
            conn = entry[-1]
            if conn is None or conn.sock is None:
                return i
            where[conn.sock.fileno()] = i
            poller.register(conn.sock, select.POLLIN)
        events = poller.poll(timeout * 1000)
        if not events and self._later and timeout < self.sender.read_timeout:
            return -1  # nothing answered yet, but a retry is due
        return min(where[fd] for fd, _ in events) if events else 0

    def _collect(self, index: int, done: list) -> None:
        if index < 0:
            done += self._retry_due()
            return
        tag, prepared, deadline, attempt, pool, conn = self._flight.pop(index)
        status = retry_after = None
        if conn is not None:
            try:
                response = conn.getresponse()
                status, retry_after = response.status, response.headers.get("Retry-After")
                pool._put_conn(conn)
            except (urllib3.exceptions.HTTPError, OSError):
                conn.close()
                pool._put_conn(None)
        result, wait = self.sender.judge(prepared, status, retry_after, attempt, deadline)
        if result is not None:
            done.append((tag, result))
            return
        self._n += 1
        heapq.heappush(
            self._later, (time.monotonic() + wait, self._n, tag, prepared, deadline, attempt + 1)
        )
