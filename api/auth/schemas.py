"""Account schemas."""

import marshmallow as ma
from marshmallow import validate

from api import fields
from api.auth.passwords import RULE


def new_password() -> fields.String:
    """A password being chosen: the length here, the guessability check in the service."""
    return fields.String(
        required=True,
        load_only=True,
        validate=validate.Length(min=8, max=200),
        metadata={"description": RULE},
    )


class CredentialsSchema(ma.Schema):
    email = fields.Email(required=True, validate=validate.Length(max=254))
    password = new_password()


class RegisterSchema(CredentialsSchema):
    timezone = fields.Timezone(load_default="UTC")
    invite = fields.String(
        load_default=None,
        load_only=True,
        validate=validate.Length(max=100),
        metadata={"description": "The invite code, when sign-ups are by invite (signup-mode)."},
    )


class SignupModeSchema(ma.Schema):
    mode = ma.fields.String(
        metadata={
            "description": "open: anyone may sign up; invite: with an invite code (ask the "
            "person who runs this server); closed: no new accounts.",
            "enum": ["open", "invite", "closed"],
        }
    )


class LoginSchema(ma.Schema):
    email = fields.String(required=True, validate=validate.Length(max=254))
    password = fields.String(required=True, load_only=True, validate=validate.Length(max=200))


class UserSchema(ma.Schema):
    email = fields.Email(dump_only=True)
    timezone = fields.Timezone()
    day_start_hour = fields.Integer(validate=validate.Range(0, 12))
    water_target_ml = fields.Integer(validate=validate.Range(0, 10000))
    energy_budget = fields.Integer(validate=validate.Range(1, 100))
    chunk_minutes = fields.Integer(validate=validate.Range(5, 240))
    created_at = ma.fields.AwareDateTime(dump_only=True)


class PasswordSchema(ma.Schema):
    password = fields.String(required=True, load_only=True, validate=validate.Length(max=200))


class SettingsSchema(UserSchema):
    """The settings a person can change (every field optional)."""


class ForgotSchema(ma.Schema):
    email = fields.Email(required=True, validate=validate.Length(max=254))


class MailSchema(ma.Schema):
    mail = ma.fields.Boolean(
        metadata={"description": "Whether this server can mail reset links (SMTP_URL is set)."}
    )


class MessageSchema(ma.Schema):
    message = ma.fields.String()


class ResetSchema(ma.Schema):
    token = fields.String(
        required=True,
        validate=validate.Length(min=1, max=100),
        metadata={"description": "The token of the link in the reset mail."},
    )
    password = new_password()


class ChangePasswordSchema(ma.Schema):
    current_password = fields.String(
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
