"""Account schemas."""

import marshmallow as ma
from marshmallow import validate

from api import fields


class CredentialsSchema(ma.Schema):
    email = fields.Email(required=True, validate=validate.Length(max=254))
    password = fields.String(
        required=True, load_only=True, validate=validate.Length(min=8, max=200)
    )


class RegisterSchema(CredentialsSchema):
    timezone = fields.Timezone(load_default="UTC")


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
