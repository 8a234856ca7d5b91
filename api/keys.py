"""Secrets kept under instance/: the session key and the VAPID key pair."""

import os
import secrets
from pathlib import Path

from webpush.vapid import VAPID


def _write_private(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)


def ensure_secret_key(instance: Path) -> bool:
    """Create instance/secret_key if there is none; True when created."""
    path = instance / "secret_key"
    if path.exists():
        return False
    _write_private(path, secrets.token_urlsafe(48).encode())
    return True


def ensure_vapid_keys(private_path: Path, public_path: Path) -> bool:
    """Create the VAPID key pair if there is none; True when created."""
    if private_path.exists() and public_path.exists():
        return False
    private_pem, public_pem, _ = VAPID.generate_keys()
    _write_private(private_path, private_pem)
    public_path.write_bytes(public_pem)
    return True
