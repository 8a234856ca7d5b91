"""Account schemas."""

import marshmallow as ma
from marshmallow import validate

from api.day import timezone_names


def _known_timezone(name: str) -> None:
    if name not in timezone_names():
        raise ma.ValidationError("Unknown timezone: use an IANA name such as Europe/Berlin.")


# Sign-up and a password change hold a new password to the same rule.
NEW_PASSWORD_LENGTH = validate.Length(min=8, max=200)


class CredentialsSchema(ma.Schema):
    email = ma.fields.Email(required=True, validate=validate.Length(max=254))
    password = ma.fields.String(required=True, load_only=True, validate=NEW_PASSWORD_LENGTH)


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


class ChangePasswordSchema(ma.Schema):
    current_password = ma.fields.String(
        required=True, load_only=True, validate=validate.Length(max=200)
    )
    # The same length rule as at sign-up.
    new_password = ma.fields.String(required=True, load_only=True, validate=NEW_PASSWORD_LENGTH)


class DeviceSchema(ma.Schema):
    """One signed-in device."""

    id = ma.fields.Integer(dump_only=True)
    device = ma.fields.String(dump_only=True, metadata={"example": "Chrome on Android"})
    created_at = ma.fields.AwareDateTime(dump_only=True)
    last_seen_at = ma.fields.AwareDateTime(dump_only=True)
    current = ma.fields.Boolean(dump_only=True, metadata={"description": "This device"})
