"""The HTTP side of a push: encrypt with `webpush`, route to a pooled connection, judge the answer.

api/push/pipeline.py does the POSTs, many at once; the Delivery rows are api/reminders/sending.py's.
"""

import email.utils
import http.client
import json
import logging
import time
from dataclasses import dataclass
from urllib.parse import urlsplit

import urllib3
from webpush import WebPush
from webpush.types import WebPushKeys, WebPushSubscription

from api.push.addresses import AddressRefused, checked_pool_classes, endpoint_problem
from api.push.vapid import CachedVAPID, load_pems

log = logging.getLogger("unknot.push")

MAX_PLAINTEXT = 3993  # a push body is at most 4,096 bytes once encrypted
URGENCIES = ("very-low", "low", "normal", "high")
# A lost connection or a timeout: worth trying again. Any other exception is this push's own
# fault (a malformed endpoint, a bad key) and fails it at once.
NETWORK_ERRORS = (urllib3.exceptions.HTTPError, OSError, http.client.HTTPException)


class EndpointRefused(ValueError):
    """An endpoint saved before today's rules that no push may be sent to."""


@dataclass(frozen=True)
class Target:
    """One browser to push to."""

    id: int
    endpoint: str
    p256dh: str
    auth: str
    failures: int = 0  # pushes to it that failed in a row (PushSubscription.failures)


@dataclass(frozen=True)
class Result:
    """What came of one push: sent, gone (404/410: forget the subscription) or failed."""

    outcome: str
    status: int | None
    attempts: int
    target: Target | None = None
    # Why it failed without an HTTP answer: network, timeout, refused, error.
    reason: str | None = None

    @property
    def why(self) -> str:
        """A word or two for the delivery row."""
        return self.reason or f"http_{self.status}"


def failure(exc: BaseException) -> str | None:
    """The reason recorded for a push that raised `exc`; None when it is worth a retry."""
    if isinstance(exc, urllib3.exceptions.MaxRetryError) and exc.reason is not None:
        exc = exc.reason
    if isinstance(exc, AddressRefused | EndpointRefused):
        return "refused"
    if isinstance(exc, NETWORK_ERRORS):
        return None
    log.warning("push failed: %s", type(exc).__name__)
    return "error"


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
        max_attempts: int,
        max_wait: float,
        timeout: float,
        connect_timeout: float,
        hosts: tuple[str, ...],
        allow_loopback: bool,
        pool_size: int = 8,
    ):
        """`hosts`: push-service host suffixes; `allow_loopback`: the tests' stand-in."""
        # `webpush` prefixes mailto: itself.
        self.webpush = WebPush(private_pem, public_pem, subscriber=subject.removeprefix("mailto:"))
        self.webpush.vapid = CachedVAPID(private_pem, public_pem)
        self.http = urllib3.PoolManager(
            num_pools=32,
            maxsize=pool_size,
            retries=False,
            timeout=urllib3.Timeout(connect=connect_timeout, read=timeout),
        )
        # Every connection resolves its host and connects only to a public address.
        self.http.pool_classes_by_scheme = checked_pool_classes(allow_loopback)
        self.hosts = hosts
        self.allow_loopback = allow_loopback
        self.read_timeout = timeout
        self.connect_timeout = connect_timeout
        self.max_attempts = max_attempts
        self.max_wait = max_wait
        self._routes: dict[str, tuple] = {}

    @classmethod
    def from_config(cls, config, **kw) -> "PushSender":
        """A sender with the app's VAPID keys, subject, push-service hosts and timeouts."""
        private_pem, public_pem = load_pems(config)
        kw.setdefault("max_attempts", config["PUSH_MAX_ATTEMPTS"])
        kw.setdefault("max_wait", config["PUSH_MAX_RETRY_WAIT"])
        kw.setdefault("timeout", config["PUSH_READ_TIMEOUT"])
        kw.setdefault("connect_timeout", config["PUSH_CONNECT_TIMEOUT"])
        kw.setdefault("hosts", config["PUSH_HOSTS"])
        kw.setdefault("allow_loopback", config["PUSH_ALLOW_LOOPBACK"])
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

    def judge(
        self, prepared, status, retry_after, attempt, deadline, lost="network"
    ) -> tuple[Result | None, float]:
        """The result of attempt `attempt`, or (None, seconds to wait) to try again.

        `status` None: no answer came (`lost`: network or timeout).
        """
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
        why = None if status is not None else lost
        if attempt >= self.max_attempts or wait > self.max_wait:
            return Result("failed", status, attempt, target, why), 0.0
        if deadline is not None and now + wait > deadline:
            return Result("failed", status, attempt, target, why), 0.0
        return None, wait

    def route(self, endpoint: str):
        """The connection pool and request path of an endpoint (cached: parsing costs).

        EndpointRefused when it is not on a push service (a row saved before the rules).
        """
        route = self._routes.get(endpoint)
        if route is None:
            problem = endpoint_problem(endpoint, self.hosts, self.allow_loopback)
            if problem:
                raise EndpointRefused(problem)
            if len(self._routes) > 100_000:
                self._routes.clear()
            route = self._routes[endpoint] = (
                self.http.connection_from_url(endpoint),
                _path(endpoint),
            )
        return route

    def close(self) -> None:
        self._routes.clear()
        self.http.clear()
