"""Push subscription schemas: what a browser's PushSubscription.toJSON() sends."""

import binascii
from base64 import urlsafe_b64decode

import marshmallow as ma
from cryptography.hazmat.primitives.asymmetric import ec
from flask import current_app
from marshmallow import validate

from api.push.addresses import endpoint_problem, url_problem


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


def _url_text(url: str) -> None:
    """URL characters only (no space, control, NUL or surrogate), and a URL's shape."""
    problem = url_problem(url)
    if problem:
        raise ma.ValidationError(problem)


def _push_service(url: str) -> None:
    """An https URL on a known push service (plain http to loopback only in tests)."""
    config = current_app.config
    problem = endpoint_problem(url, config["PUSH_HOSTS"], config["PUSH_ALLOW_LOOPBACK"])
    if problem:
        raise ma.ValidationError(problem)


class KeysSchema(ma.Schema):
    p256dh = ma.fields.String(required=True, validate=[validate.Length(max=120), _p256dh])
    auth = ma.fields.String(required=True, validate=[validate.Length(max=40), _auth])

    class Meta:
        unknown = ma.EXCLUDE


class EndpointSchema(ma.Schema):
    """An endpoint to forget: any URL (one saved before today's rules can still be removed)."""

    endpoint = ma.fields.String(required=True, validate=[validate.Length(max=1000), _url_text])

    class Meta:
        unknown = ma.EXCLUDE


class SubscriptionSchema(EndpointSchema):
    """PushSubscription.toJSON(): endpoint, expirationTime (ignored) and keys."""

    endpoint = ma.fields.String(
        required=True,
        validate=[validate.Length(max=1000), _push_service],
        metadata={
            "description": "An https:// URL on a browser's push service (fcm.googleapis.com, "
            "*.push.services.mozilla.com, *.notify.windows.com, *.push.apple.com, or a host "
            "the server adds with UNKNOT_PUSH_HOSTS), in URL characters only.",
            "example": "https://fcm.googleapis.com/fcm/send/dR3x:APA91bE-xyz",
        },
    )
    keys = ma.fields.Nested(KeysSchema, required=True)
    expirationTime = ma.fields.Float(allow_none=True, load_default=None)  # noqa: N815


class SubscriptionOut(ma.Schema):
    endpoint = ma.fields.String()
    created_at = ma.fields.AwareDateTime()


class KnownSchema(ma.Schema):
    known = ma.fields.Boolean()


class VapidKeySchema(ma.Schema):
    key = ma.fields.String()
