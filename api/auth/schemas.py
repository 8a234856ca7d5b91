"""Account schemas."""

import marshmallow as ma
from marshmallow import validate

from api.auth.passwords import RULE
from api.day import timezone_names


def _known_timezone(name: str) -> None:
    if name not in timezone_names():
        raise ma.ValidationError("Unknown timezone: use an IANA name such as Europe/Berlin.")


def new_password() -> ma.fields.String:
    """A password being chosen: the length here, the guessability check in the service."""
    return ma.fields.String(
        required=True,
        load_only=True,
        validate=validate.Length(min=8, max=200),
        metadata={"description": RULE},
    )


class CredentialsSchema(ma.Schema):
    email = ma.fields.Email(required=True, validate=validate.Length(max=254))
    password = new_password()


class RegisterSchema(CredentialsSchema):
    timezone = ma.fields.String(load_default="UTC", validate=_known_timezone)


class LoginSchema(ma.Schema):
    email = ma.fields.String(required=True, validate=validate.Length(max=254))
    password = ma.fields.String(required=True, load_only=True, validate=validate.Length(max=200))


class UserSchema(ma.Schema):
    email = ma.fields.Email(dump_only=True)
    timezone = ma.fields.String(validate=_known_timezone)
    day_start_hour = ma.fields.Integer(validate=validate.Range(0, 12))
    water_target_ml = ma.fields.Integer(validate=validate.Range(0, 10000))
    energy_budget = ma.fields.Integer(validate=validate.Range(1, 100))
    chunk_minutes = ma.fields.Integer(validate=validate.Range(5, 240))
    created_at = ma.fields.AwareDateTime(dump_only=True)


class PasswordSchema(ma.Schema):
    password = ma.fields.String(required=True, load_only=True, validate=validate.Length(max=200))


class SettingsSchema(UserSchema):
    """The settings a person can change (every field optional)."""


class ForgotSchema(ma.Schema):
    email = ma.fields.Email(required=True, validate=validate.Length(max=254))


class MailSchema(ma.Schema):
    mail = ma.fields.Boolean(
        metadata={"description": "Whether this server can mail reset links (SMTP_URL is set)."}
    )


class MessageSchema(ma.Schema):
    message = ma.fields.String()


class ResetSchema(ma.Schema):
    token = ma.fields.String(
        required=True,
        validate=validate.Length(min=1, max=100),
        metadata={"description": "The token of the link in the reset mail."},
    )
    password = new_password()


class ChangePasswordSchema(ma.Schema):
    current_password = ma.fields.String(
        required=True, load_only=True, validate=validate.Length(max=200)
    )
    new_password = new_password()


class DeviceSchema(ma.Schema):
    """One signed-in device."""

    id = ma.fields.Integer(dump_only=True)
    device = ma.fields.String(dump_only=True, metadata={"example": "Chrome on Android"})
    created_at = ma.fields.AwareDateTime(dump_only=True)
    last_seen_at = ma.fields.AwareDateTime(dump_only=True)
    current = ma.fields.Boolean(dump_only=True, metadata={"description": "This device"})
