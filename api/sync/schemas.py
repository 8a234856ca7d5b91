"""The `data` of each synced collection, and the sync request and answer."""

import marshmallow as ma
from marshmallow import validate

V = validate
TEXT = V.Length(max=2000)
WORD = V.Length(min=1, max=60)
INTENSITY = V.Range(0, 10)
HHMM = V.Regexp(r"^([01]\d|2[0-3]):[0-5]\d$", error="Use HH:MM, 24-hour.")


def words(**kw):
    return ma.fields.List(
        ma.fields.String(validate=WORD), validate=V.Length(max=20), load_default=list, **kw
    )


class RecordData(ma.Schema):
    """Fields every record has in `data`; unknown fields are refused."""

    created_at = ma.fields.AwareDateTime(required=True)

    class Meta:
        unknown = ma.RAISE


class CrampData(RecordData):
    started_at = ma.fields.AwareDateTime(required=True)
    ended_at = ma.fields.AwareDateTime(allow_none=True, load_default=None)
    muscle = ma.fields.String(allow_none=True, load_default=None, validate=WORD)
    side = ma.fields.String(
        allow_none=True, load_default=None, validate=V.OneOf(["left", "right", "both"])
    )
    intensity = ma.fields.Integer(allow_none=True, load_default=None, validate=INTENSITY)
    triggers = words()
    reliefs_tried = words()
    reliefs_helped = words()
    notes = ma.fields.String(allow_none=True, load_default=None, validate=TEXT)

    @ma.validates_schema
    def _ends_after_start(self, data, **kw):
        if data.get("ended_at") and data["ended_at"] < data["started_at"]:
            raise ma.ValidationError("A cramp cannot end before it starts.", "ended_at")


class KnotData(RecordData):
    noted_at = ma.fields.AwareDateTime(required=True)
    location = ma.fields.String(required=True, validate=WORD)
    side = ma.fields.String(
        allow_none=True, load_default=None, validate=V.OneOf(["left", "right", "both"])
    )
    intensity = ma.fields.Integer(allow_none=True, load_default=None, validate=INTENSITY)
    helped = words()
    notes = ma.fields.String(allow_none=True, load_default=None, validate=TEXT)


class WeaknessData(RecordData):
    noted_at = ma.fields.AwareDateTime(required=True)
    body_area = ma.fields.String(required=True, validate=WORD)
    severity = ma.fields.Integer(allow_none=True, load_default=None, validate=INTENSITY)
    after_activity = ma.fields.String(
        allow_none=True, load_default=None, validate=V.Length(max=200)
    )
    duration_minutes = ma.fields.Integer(
        allow_none=True, load_default=None, validate=V.Range(0, 60 * 24 * 14)
    )
    jelly_legs = ma.fields.Boolean(load_default=False)
    notes = ma.fields.String(allow_none=True, load_default=None, validate=TEXT)


class IntakeData(RecordData):
    kind = ma.fields.String(
        required=True, validate=V.OneOf(["water", "magnesium", "potassium", "other"])
    )
    amount = ma.fields.Float(allow_none=True, load_default=None, validate=V.Range(0, 100000))
    unit = ma.fields.String(allow_none=True, load_default=None, validate=V.OneOf(["ml", "mg"]))
    form = ma.fields.String(allow_none=True, load_default=None, validate=V.Length(max=60))
    taken_at = ma.fields.AwareDateTime(required=True)


class PlanData(RecordData):
    day = ma.fields.Date(required=True)
    energy_budget = ma.fields.Integer(required=True, validate=V.Range(1, 100))
    notes = ma.fields.String(allow_none=True, load_default=None, validate=TEXT)


class StepSchema(ma.Schema):
    title = ma.fields.String(required=True, validate=V.Length(min=1, max=200))
    minutes = ma.fields.Integer(required=True, validate=V.Range(1, 24 * 60))
    done = ma.fields.Boolean(load_default=False)


class ActivityData(RecordData):
    plan_id = ma.fields.UUID(allow_none=True, load_default=None)
    title = ma.fields.String(required=True, validate=V.Length(min=1, max=200))
    energy_cost = ma.fields.Integer(required=True, validate=V.Range(0, 20))
    minutes = ma.fields.Integer(allow_none=True, load_default=None, validate=V.Range(1, 24 * 60))
    steps = ma.fields.List(
        ma.fields.Nested(StepSchema), load_default=list, validate=V.Length(max=50)
    )
    rest_minutes = ma.fields.Integer(load_default=0, validate=V.Range(0, 240))
    status = ma.fields.String(
        load_default="planned", validate=V.OneOf(["planned", "doing", "done", "stopped", "skipped"])
    )
    spent_cost = ma.fields.Integer(allow_none=True, load_default=None, validate=V.Range(0, 20))
    position = ma.fields.Integer(load_default=0, validate=V.Range(0, 10000))
    started_at = ma.fields.AwareDateTime(allow_none=True, load_default=None)
    ended_at = ma.fields.AwareDateTime(allow_none=True, load_default=None)


class TemplateData(RecordData):
    title = ma.fields.String(required=True, validate=V.Length(min=1, max=200))
    energy_cost = ma.fields.Integer(required=True, validate=V.Range(0, 20))
    minutes = ma.fields.Integer(allow_none=True, load_default=None, validate=V.Range(1, 24 * 60))


class CheckinData(RecordData):
    day = ma.fields.Date(required=True)
    weakness = ma.fields.Integer(allow_none=True, load_default=None, validate=INTENSITY)
    cramps = ma.fields.Integer(allow_none=True, load_default=None, validate=INTENSITY)
    knots = ma.fields.Integer(allow_none=True, load_default=None, validate=INTENSITY)
    fatigue = ma.fields.Integer(allow_none=True, load_default=None, validate=INTENSITY)
    crash = ma.fields.Boolean(load_default=False)
    notes = ma.fields.String(allow_none=True, load_default=None, validate=TEXT)


class ReminderData(RecordData):
    kind = ma.fields.String(
        required=True, validate=V.OneOf(["magnesium", "hydration", "rest", "custom"])
    )
    title = ma.fields.String(allow_none=True, load_default=None, validate=V.Length(max=120))
    enabled = ma.fields.Boolean(load_default=True)
    times = ma.fields.List(
        ma.fields.String(validate=HHMM), load_default=list, validate=V.Length(max=24)
    )
    days = ma.fields.List(
        ma.fields.Integer(validate=V.Range(1, 7)), load_default=list, validate=V.Length(max=7)
    )
    interval_minutes = ma.fields.Integer(
        allow_none=True, load_default=None, validate=V.Range(15, 24 * 60)
    )
    window_start = ma.fields.String(allow_none=True, load_default=None, validate=HHMM)
    window_end = ma.fields.String(allow_none=True, load_default=None, validate=HHMM)
    fire_at = ma.fields.AwareDateTime(allow_none=True, load_default=None)
    form = ma.fields.String(allow_none=True, load_default=None, validate=V.Length(max=60))
    amount = ma.fields.Float(allow_none=True, load_default=None, validate=V.Range(0, 100000))
    unit = ma.fields.String(allow_none=True, load_default=None, validate=V.OneOf(["ml", "mg"]))
    nag_after_minutes = ma.fields.Integer(
        allow_none=True, load_default=None, validate=V.Range(5, 240)
    )
    snoozed_until = ma.fields.AwareDateTime(allow_none=True, load_default=None)
    next_fire_at = ma.fields.AwareDateTime(dump_only=True)
