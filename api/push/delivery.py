"""Sending one push: encrypt with `webpush`, POST through a pooled urllib3 client, retry."""

import email.utils
import json
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
        pool_size: int = 4,
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
        self.max_attempts = max_attempts
        self.max_wait = max_wait
        self.sleep = sleep

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
        pool = self.http.connection_from_url(prepared.target.endpoint)
        path = _path(prepared.target.endpoint)
        status, attempt = None, 0
        for attempt in range(1, self.max_attempts + 1):  # noqa: B007
            wait = None
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
                status = response.status
            except urllib3.exceptions.HTTPError:
                status = None
            target = prepared.target
            if status is not None and 200 <= status < 300:
                return Result("sent", status, attempt, target)
            if status in (404, 410):
                return Result("gone", status, attempt, target)
            if status is not None and status != 429 and status < 500:
                # 400/401/403/413: retrying cannot help
                return Result("failed", status, attempt, target)
            now = time.time()
            if status is not None:
                wait = retry_after_seconds(response.headers.get("Retry-After"), now)
            if wait is None:
                wait = 0.5 * 2 ** (attempt - 1)
            if attempt == self.max_attempts or wait > self.max_wait:
                break
            if deadline is not None and now + wait > deadline:
                break
            self.sleep(wait)
        return Result("failed", status, attempt, prepared.target)

    def send(self, target: Target, payload: dict, *, ttl: int, urgency="normal", topic=None,
             deadline: float | None = None) -> Result:  # fmt: skip
        """Encrypt and POST one push."""
        prepared = self.prepare(target, payload, ttl=ttl, urgency=urgency, topic=topic)
        return self.post(prepared, deadline)

    def close(self) -> None:
        self.http.clear()
