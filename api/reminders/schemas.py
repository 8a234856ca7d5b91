"""Reminder action schemas."""

import marshmallow as ma
from marshmallow import validate


class SnoozeSchema(ma.Schema):
    minutes = ma.fields.Integer(required=True, strict=True, validate=validate.Range(5, 720))


class SnoozedSchema(ma.Schema):
    id = ma.fields.UUID()
    snoozed_until = ma.fields.AwareDateTime()
    next_fire_at = ma.fields.AwareDateTime(allow_none=True)
    updated_at = ma.fields.AwareDateTime()
