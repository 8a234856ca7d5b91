"""A strict stand-in push service on 127.0.0.1, playing the browser's part for decryption.

It checks what a real push service checks (VAPID ES256 JWT, aud/exp/sub, TTL, Urgency, Topic,
size, content encoding), decrypts the RFC 8291 aes128gcm body with the subscription's private
key, stores the plaintext, and can be told to fail (404/410/429/5xx, Retry-After) N times or to
hold a request open. `python -m tests.push.standin` runs it in its own process, driven over
HTTP under /_control/ (used by the benchmark).
"""

import argparse
import json
import os
import secrets
import struct
import threading
import time
from base64 import urlsafe_b64decode, urlsafe_b64encode
from collections import defaultdict, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography.exceptions import InvalidSignature, InvalidTag
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

URGENCIES = {"very-low", "low", "normal", "high"}
B64URL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def b64e(data: bytes) -> str:
    return urlsafe_b64encode(data).rstrip(b"=").decode()


def b64d(text: str) -> bytes:
    return urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Refused(Exception):
    def __init__(self, status: int, why: str):
        super().__init__(why)
        self.status, self.why = status, why


@dataclass
class Message:
    """One accepted push: the decrypted payload and what came with it."""

    sub_id: str
    plaintext: bytes
    claims: dict
    headers: dict
    at: float = field(default_factory=time.time)

    @property
    def payload(self) -> dict:
        return json.loads(self.plaintext)


def _hkdf(length: int, salt: bytes, info: bytes, ikm: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=length, salt=salt, info=info).derive(ikm)


def decrypt(body: bytes, ua_private: ec.EllipticCurvePrivateKey, auth: bytes) -> bytes:
    """RFC 8291 aes128gcm, one record, as a browser decrypts it."""
    if len(body) < 16 + 4 + 1 + 65 + 17:
        raise Refused(400, "body too short")
    salt, rs, idlen = body[:16], struct.unpack("!L", body[16:20])[0], body[20]
    if idlen != 65 or rs < 18:
        raise Refused(400, "bad aes128gcm header")
    sender = body[21:86]
    ciphertext = body[86:]
    ua_pub = ua_private.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    try:
        sender_key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), sender)
        shared = ua_private.exchange(ec.ECDH(), sender_key)
    except ValueError:
        raise Refused(400, "bad sender key") from None
    ikm = _hkdf(32, auth, b"WebPush: info\0" + ua_pub + sender, shared)
    cek = _hkdf(16, salt, b"Content-Encoding: aes128gcm\0", ikm)
    nonce = _hkdf(12, salt, b"Content-Encoding: nonce\0", ikm)
    try:
        padded = AESGCM(cek).decrypt(nonce, ciphertext, None)
    except InvalidTag:
        raise Refused(400, "cannot decrypt") from None
    padded = padded.rstrip(b"\0")
    if not padded.endswith(b"\x02"):
        raise Refused(400, "bad padding delimiter")
    return padded[:-1]


class PushService:
    """The stand-in: start(), new_subscription(), fail(), hold(), messages."""

    def __init__(self, server_key: str | None = None, host: str = "127.0.0.1", port: int = 0):
        self.server_key = server_key  # the expected applicationServerKey (k=), if known
        self.keys: dict[str, tuple[ec.EllipticCurvePrivateKey, bytes]] = {}
        self.messages: list[Message] = []
        self.refusals: list[tuple[str, int, str]] = []
        self.requests = 0
        self._failures: dict[str, deque] = defaultdict(deque)
        self._holds: dict[str, threading.Event] = {}
        self._hold_nth: tuple[int, threading.Event] | None = None
        self._verified: dict[tuple, dict] = {}  # (token, k) -> claims, signature checked
        self._lock = threading.Lock()
        self.httpd = _Server((host, port), _handler(self))
        self.httpd.daemon_threads = True
        self.httpd.request_queue_size = 128
        self.base_url = f"http://{host}:{self.httpd.server_address[1]}"
        self._thread = None

    # -- driving it ------------------------------------------------------------------
    def start(self) -> "PushService":
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        for event in self._holds.values():
            event.set()
        self.httpd.shutdown()
        self.httpd.server_close()

    def reset(self) -> None:
        with self._lock:
            self.messages.clear()
            self.refusals.clear()
            self._failures.clear()
            for event in self._holds.values():
                event.set()
            self._holds.clear()
            if self._hold_nth:
                self._hold_nth[1].set()
            self._hold_nth = None
            self.requests = 0

    def new_subscription(self) -> dict:
        """A subscription as a browser would hand it to the page: endpoint and keys."""
        private = ec.generate_private_key(ec.SECP256R1())
        auth = secrets.token_bytes(16)
        sub_id = secrets.token_urlsafe(12)
        with self._lock:
            self.keys[sub_id] = (private, auth)
        public = private.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
        )
        return {
            "endpoint": f"{self.base_url}/push/{sub_id}",
            "keys": {"p256dh": b64e(public), "auth": b64e(auth)},
        }

    def fail(self, endpoint: str, status: int, times: int = 1, retry_after: str | None = None):
        """Answer the next `times` pushes to this endpoint with `status`."""
        with self._lock:
            for _ in range(times):
                self._failures[self._sub_id(endpoint)].append((status, retry_after))

    def hold(self, endpoint: str) -> threading.Event:
        """Store the next push to this endpoint, then keep the request open until set()."""
        event = threading.Event()
        with self._lock:
            self._holds[self._sub_id(endpoint)] = event
        return event

    def hold_from(self, n: int) -> threading.Event:
        """Store the n-th accepted push (counting from now) and every later one, but answer
        none of them until the returned event is set."""
        event = threading.Event()
        with self._lock:
            self._hold_nth = (len(self.messages) + n, event)
        return event

    def received(self, endpoint: str | None = None) -> list[Message]:
        with self._lock:
            if endpoint is None:
                return list(self.messages)
            sub_id = self._sub_id(endpoint)
            return [m for m in self.messages if m.sub_id == sub_id]

    @staticmethod
    def _sub_id(endpoint: str) -> str:
        return endpoint.rsplit("/", 1)[-1]

    # -- the checks --------------------------------------------------------------------
    def handle_push(self, sub_id: str, headers, body: bytes) -> tuple[int, dict]:
        """Check, decrypt and store one push; the status and headers to answer with."""
        with self._lock:
            self.requests += 1
            failure = self._failures[sub_id].popleft() if self._failures.get(sub_id) else None
            known = sub_id in self.keys
        if failure:
            status, retry_after = failure
            return status, ({"Retry-After": retry_after} if retry_after else {})
        if not known:
            return 404, {}
        try:
            claims = self._check_headers(headers, body)
            private, auth = self.keys[sub_id]
            plaintext = decrypt(body, private, auth)
        except Refused as refused:
            with self._lock:
                self.refusals.append((sub_id, refused.status, refused.why))
            return refused.status, {}
        message = Message(sub_id, plaintext, claims, {k.lower(): v for k, v in headers.items()})
        with self._lock:
            self.messages.append(message)
            hold = self._holds.pop(sub_id, None)
            if self._hold_nth and self._hold_nth[0] <= len(self.messages):
                hold = self._hold_nth[1]
        if hold is not None:
            hold.wait(120)
        return 201, {"Location": f"{self.base_url}/message/{secrets.token_hex(8)}"}

    def _check_headers(self, headers, body: bytes) -> dict:
        claims = self._check_vapid(headers.get("Authorization", ""))
        ttl = headers.get("TTL")
        if ttl is None or not ttl.isdigit():
            raise Refused(400, "TTL missing or not a non-negative integer")
        urgency = headers.get("Urgency")
        if urgency is not None and urgency not in URGENCIES:
            raise Refused(400, "bad Urgency")
        topic = headers.get("Topic")
        if topic is not None and (len(topic) > 32 or not topic or set(topic) - B64URL):
            raise Refused(400, "bad Topic")
        if len(body) > 4096:
            raise Refused(413, "payload too large")
        if (headers.get("Content-Encoding") or "").lower() != "aes128gcm":
            raise Refused(415, "content encoding must be aes128gcm")
        return claims

    def _check_vapid(self, value: str) -> dict:
        if not value.lower().startswith("vapid "):
            raise Refused(401, "no VAPID authorization")
        params = {}
        for part in value[6:].split(","):
            name, _, val = part.strip().partition("=")
            params[name.strip()] = val.strip()
        token, k = params.get("t", ""), params.get("k", "")
        if not token or not k:
            raise Refused(401, "VAPID t and k required")
        if self.server_key is not None and k != self.server_key:
            raise Refused(403, "k is not the application server key")
        claims = self._verified.get((token, k)) or self._verify_jwt(token, k)
        now = time.time()
        if not (now < claims.get("exp", 0) <= now + 24 * 3600):
            raise Refused(403, "exp missing, past, or more than 24 h ahead")
        return claims

    def _verify_jwt(self, token: str, k: str) -> dict:
        try:
            head_b64, claims_b64, sig_b64 = token.split(".")
            head = json.loads(b64d(head_b64))
            claims = json.loads(b64d(claims_b64))
            sig = b64d(sig_b64)
            key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), b64d(k))
        except (ValueError, TypeError):
            raise Refused(403, "malformed JWT") from None
        if head.get("alg") != "ES256" or len(sig) != 64:
            raise Refused(403, "JWT must be ES256 with a 64-byte signature")
        der = encode_dss_signature(int.from_bytes(sig[:32], "big"), int.from_bytes(sig[32:], "big"))
        try:
            key.verify(der, f"{head_b64}.{claims_b64}".encode(), ec.ECDSA(hashes.SHA256()))
        except InvalidSignature:
            raise Refused(403, "bad JWT signature") from None
        if claims.get("aud") != self.base_url:
            raise Refused(403, f"aud {claims.get('aud')!r} is not {self.base_url}")
        sub = str(claims.get("sub", ""))
        if not (sub.startswith("mailto:") or sub.startswith("https:")):
            raise Refused(403, "sub must be a mailto: or https: URL")
        self._verified[(token, k)] = claims
        return claims

    # -- control over HTTP (for a stand-in in another process) -------------------------------
    def handle_control(self, path: str, body: bytes) -> tuple[int, dict]:
        args = json.loads(body or b"{}")
        if path == "/_control/subscriptions":
            return 200, {"subscriptions": [self.new_subscription() for _ in range(args["count"])]}
        if path == "/_control/stats":
            with self._lock:
                ids = [m.sub_id for m in self.messages]
                return 200, {
                    "received": len(ids),
                    "distinct": len(set(ids)),
                    "requests": self.requests,
                    "refusals": self.refusals[:5],
                    "refused": len(self.refusals),
                }
        if path == "/_control/reset":
            self.reset()
            return 200, {}
        if path == "/_control/key":
            self.server_key = args["key"]
            self._verified.clear()
            return 200, {}
        return 404, {}


class _Server(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        """A client that went away (a killed dispatcher) is no error here."""
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def _handler(service: PushService):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as a pooled client expects

        def do_POST(self):  # noqa: N802
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(min(length, 1 << 20)) if length else b""
            if self.path.startswith("/_control/"):
                status, answer = service.handle_control(self.path, body)
                data = json.dumps(answer).encode()
                self._answer(status, {"Content-Type": "application/json"}, data)
            elif self.path.startswith("/push/"):
                status, headers = service.handle_push(self.path[6:], self.headers, body)
                self._answer(status, headers)
            else:
                self._answer(404, {})

        def _answer(self, status: int, headers: dict, data: bytes = b""):
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            if data:
                self.wfile.write(data)

        def log_message(self, *args):
            pass

    return Handler


def main() -> None:
    """Run the stand-in alone; print its base URL on the first line."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--key", default=None)
    args = parser.parse_args()
    service = PushService(args.key, port=args.port)
    print(service.base_url, flush=True)
    try:
        service.httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    os._exit(0)


if __name__ == "__main__":
    main()
