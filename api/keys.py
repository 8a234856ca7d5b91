"""Secrets kept under instance/: the session key and the VAPID key pair."""

import os
import secrets
import time
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from webpush.vapid import VAPID


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def ensure_secret_key(path: Path) -> bool:
    """Create the session key file if there is none; True when created."""
    if path.exists():
        return False
    _write_private(path, secrets.token_urlsafe(48).encode())
    return True


def ensure_vapid_keys(private_path: Path, public_path: Path) -> bool:
    """Create the VAPID key pair if there is none; True when created.

    Safe when several processes start at once: the private key is written once (O_EXCL),
    and the public key is derived from it whenever it is missing.
    """
    if private_path.exists() and public_path.exists():
        return False
    made = False
    if not private_path.exists():
        private_pem, _, _ = VAPID.generate_keys()
        try:
            _write_private(private_path, private_pem)
            made = True
        except FileExistsError:
            pass  # another process made it first: use theirs
    if not public_path.exists():
        public_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = public_path.with_name(f".{public_path.name}.{os.getpid()}")
        tmp.write_bytes(_public_pem(_read_when_written(private_path)))
        tmp.replace(public_path)
    return made


def _read_when_written(path: Path) -> bytes:
    """The private PEM, waiting a moment if another process is still writing it."""
    for _ in range(50):
        data = path.read_bytes()
        if b"END PRIVATE KEY" in data:
            return data
        time.sleep(0.02)
    raise RuntimeError(f"{path} is not a PEM private key")


def _public_pem(private_pem: bytes) -> bytes:
    key = serialization.load_pem_private_key(private_pem, password=None)
    return key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
