"""Secret tokens for links and cookies: made at random, kept in the database only as a digest."""

import hashlib
import secrets


def new_token() -> str:
    """A random token of 32 bytes, URL-safe, for a cookie or a link."""
    return secrets.token_urlsafe(32)


def digest(text: str) -> str:
    """SHA-256 of a token (or a password hash), hex: what the database keeps instead of it."""
    return hashlib.sha256(text.encode()).hexdigest()
