"""Sending one push: encrypt with `webpush`, POST through a pooled urllib3 client, retry."""

import email.utils
import json
import time
from dataclasses import dataclass

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

    def send(
        self,
        target: Target,
        payload: dict,
        *,
        ttl: int,
        urgency: str = "normal",
        topic: str | None = None,
        deadline: float | None = None,
    ) -> Result:
        """Push one payload; 429/5xx and network errors are retried until `deadline`."""
        body, authorization = self.encrypt(target, payload)
        headers = {
            "TTL": str(max(0, int(ttl))),
            "Urgency": urgency,
            "Content-Encoding": "aes128gcm",
            "Content-Type": "application/octet-stream",
            "Authorization": authorization,
        }
        if topic:
            headers["Topic"] = topic
        status, attempt = None, 0
        for attempt in range(1, self.max_attempts + 1):  # noqa: B007
            wait = None
            try:
                response = self.http.request(
                    "POST", target.endpoint, body=body, headers=headers, redirect=False
                )
                status = response.status
            except urllib3.exceptions.HTTPError:
                status = None
            if status is not None and 200 <= status < 300:
                return Result("sent", status, attempt)
            if status in (404, 410):
                return Result("gone", status, attempt)
            if status is not None and status != 429 and status < 500:
                return Result("failed", status, attempt)  # 400/401/403/413: retrying cannot help
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
        return Result("failed", status, attempt)

    def close(self) -> None:
        self.http.clear()
