"""Push subscription schemas: what a browser's PushSubscription.toJSON() sends."""

import binascii
import ipaddress
from base64 import urlsafe_b64decode
from urllib.parse import urlsplit

import marshmallow as ma
from cryptography.hazmat.primitives.asymmetric import ec
from flask import current_app
from marshmallow import validate

LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


def b64url_decode(text: str) -> bytes:
    """Decode base64url with or without padding; ValueError when it is not base64url."""
    text = text.rstrip("=")
    if not text or any(c not in _ALPHABET for c in text):
        raise ValueError("not base64url")
    try:
        return urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError) as err:
        raise ValueError("not base64url") from err


_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def _p256dh(text: str) -> None:
    try:
        raw = b64url_decode(text)
        if len(raw) != 65 or raw[0] != 4:
            raise ValueError
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), raw)
    except ValueError:
        raise ma.ValidationError("Not a P-256 public key (65 bytes, base64url).") from None


def _auth(text: str) -> None:
    try:
        if len(b64url_decode(text)) != 16:
            raise ValueError
    except ValueError:
        raise ma.ValidationError("Not an auth secret (16 bytes, base64url).") from None


def _private_host(host: str) -> bool:
    if host in LOOPBACK_NAMES or host.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return not ip.is_global


def _endpoint(url: str) -> None:
    """A push service URL: https to a public host (plain http to loopback only in tests)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError:
        raise ma.ValidationError("Not a URL.") from None
    host = (parts.hostname or "").lower()
    if not host or parts.username or parts.password or parts.fragment:
        raise ma.ValidationError("Not a push service URL.")
    if parts.scheme == "https" and not _private_host(host):
        return
    allow_loopback = current_app.config.get("PUSH_ALLOW_LOOPBACK", current_app.testing)
    if allow_loopback and parts.scheme in ("http", "https") and host in LOOPBACK_NAMES:
        return
    raise ma.ValidationError("A push endpoint must be an https:// URL of a push service.")


class KeysSchema(ma.Schema):
    p256dh = ma.fields.String(required=True, validate=[validate.Length(max=120), _p256dh])
    auth = ma.fields.String(required=True, validate=[validate.Length(max=40), _auth])

    class Meta:
        unknown = ma.EXCLUDE


class EndpointSchema(ma.Schema):
    endpoint = ma.fields.String(required=True, validate=[validate.Length(max=1000), _endpoint])

    class Meta:
        unknown = ma.EXCLUDE


class SubscriptionSchema(EndpointSchema):
    """PushSubscription.toJSON(): endpoint, expirationTime (ignored) and keys."""

    keys = ma.fields.Nested(KeysSchema, required=True)
    expirationTime = ma.fields.Float(allow_none=True, load_default=None)  # noqa: N815


class SubscriptionOut(ma.Schema):
    endpoint = ma.fields.String()
    created_at = ma.fields.AwareDateTime()


class VapidKeySchema(ma.Schema):
    key = ma.fields.String()
