"""VAPID (RFC 8292): the server's key pair and the signed Authorization header."""

import threading
import time
from base64 import urlsafe_b64encode
from pathlib import Path
from urllib.parse import urlsplit

import jwt
from cryptography.hazmat.primitives import serialization
from webpush.vapid import VAPID

from api import keys

# A token is signed for 12 h (the limit is 24 h) and reused until 1 h before it expires.
TOKEN_LIFETIME = 12 * 3600
TOKEN_RENEW_BEFORE = 3600


def b64url(data: bytes) -> str:
    """Unpadded base64url, as Web Push writes keys."""
    return urlsafe_b64encode(data).rstrip(b"=").decode()


def application_server_key(public_pem: bytes) -> str:
    """The browser's applicationServerKey: the 65-byte public point, unpadded base64url."""
    key = serialization.load_pem_public_key(public_pem)
    return b64url(
        key.public_bytes(serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
    )


def origin(endpoint: str) -> str:
    """scheme://host[:port] of an endpoint: the JWT's audience (the port only when given)."""
    parts = urlsplit(endpoint)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    return f"{parts.scheme}://{host}" + (f":{parts.port}" if parts.port else "")


class CachedVAPID(VAPID):
    """webpush's VAPID, with the port kept in `aud` and one signed token per origin reused."""

    def __init__(self, private_key: bytes, public_key: bytes, clock=time.time):
        super().__init__(private_key=private_key, public_key=public_key)
        self._signing_key = serialization.load_pem_private_key(private_key, password=None)
        self._k = self.get_application_server_key(self.public_key)
        self._clock = clock
        self._tokens: dict[tuple[str, str], tuple[str, float]] = {}
        self._lock = threading.Lock()

    def get_authorization_header(self, endpoint, subscriber, expiration=TOKEN_LIFETIME) -> str:
        """`vapid t=<jwt>, k=<key>` for this endpoint's origin, signed at most once an hour."""
        aud = origin(str(endpoint))
        now = self._clock()
        with self._lock:
            cached = self._tokens.get((aud, subscriber))
            if cached and cached[1] - TOKEN_RENEW_BEFORE > now:
                return cached[0]
        exp = int(now) + min(int(expiration), TOKEN_LIFETIME)
        token = jwt.encode(
            {"aud": aud, "exp": exp, "sub": f"mailto:{subscriber}"},
            key=self._signing_key,
            algorithm="ES256",
        )
        header = f"vapid t={token}, k={self._k}"
        with self._lock:
            self._tokens[(aud, subscriber)] = (header, exp)
        return header


def key_paths(config) -> tuple[Path, Path]:
    """The private and public PEM paths from the app config."""
    return Path(config["VAPID_PRIVATE_KEY_PATH"]), Path(config["VAPID_PUBLIC_KEY_PATH"])


def load_pems(config) -> tuple[bytes, bytes]:
    """The VAPID PEMs, created on first use if `flask keys init` was never run."""
    private_path, public_path = key_paths(config)
    keys.ensure_vapid_keys(private_path, public_path)
    return private_path.read_bytes(), public_path.read_bytes()


def public_key(config) -> str:
    """The applicationServerKey of this server."""
    return application_server_key(load_pems(config)[1])
