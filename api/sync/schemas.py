"""The `data` of each synced collection, and the sync request and answer."""

import marshmallow as ma
from marshmallow import validate

V = validate
TEXT = V.Length(max=2000)
WORD = V.Length(min=1, max=60)
NAME = V.Length(min=1, max=40)  # body places stored in a 40-character column
INTENSITY = V.Range(0, 10)
HHMM = V.Regexp(r"^([01]\d|2[0-3]):[0-5]\d$", error="Use HH:MM, 24-hour.")


def words(**kw):
    return ma.fields.List(
        ma.fields.String(validate=WORD), validate=V.Length(max=20), load_default=list, **kw
    )


def bad_text(value: str) -> str | None:
    """Why a string cannot be stored (a NUL or a lone surrogate), or None."""
    if "\x00" in value:
        return "Text cannot contain a NUL character."
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "Text is not valid Unicode."
    return None


def _text_problem(value) -> str | None:
    if isinstance(value, str):
        return bad_text(value)
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, list):
        return next((p for p in map(_text_problem, value) if p), None)
    return None


def sane_time(value) -> None:
    """Refuse times no real log has (and that would overflow when turned into UTC)."""
    if not 1900 <= value.year <= 2200:
        raise ma.ValidationError("Use a date between the years 1900 and 2200.")


class RecordData(ma.Schema):
    """Fields every record has in `data`; unknown fields are refused."""

    created_at = ma.fields.AwareDateTime(required=True)

    class Meta:
        unknown = ma.RAISE

    @ma.validates_schema
    def _storable(self, data, **kw):
        """Every time in a sane range, no text the databases cannot store."""
        errors = {}
        for name, value in data.items():
            if isinstance(self.fields[name], ma.fields.DateTime) and value is not None:
                try:
                    sane_time(value)
                except ma.ValidationError as err:
                    errors[name] = err.messages
            problem = _text_problem(value)
            if problem:
                errors[name] = [problem]
        if errors:
            raise ma.ValidationError(errors)


class CrampData(RecordData):
    started_at = ma.fields.AwareDateTime(required=True)
    ended_at = ma.fields.AwareDateTime(allow_none=True, load_default=None)
    muscle = ma.fields.String(allow_none=True, load_default=None, validate=NAME)
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
    location = ma.fields.String(required=True, validate=NAME)
    side = ma.fields.String(
        allow_none=True, load_default=None, validate=V.OneOf(["left", "right", "both"])
    )
    intensity = ma.fields.Integer(allow_none=True, load_default=None, validate=INTENSITY)
    helped = words()
    notes = ma.fields.String(allow_none=True, load_default=None, validate=TEXT)


class WeaknessData(RecordData):
    noted_at = ma.fields.AwareDateTime(required=True)
    body_area = ma.fields.String(required=True, validate=NAME)
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


# ---- The sync request and answer, and the export query ----

MAX_CHANGES = 1000


def _known_collection(name: str) -> None:
    from api.sync.registry import COLLECTIONS  # the registry imports this module

    if name not in COLLECTIONS:
        raise ma.ValidationError(f"Unknown collection. Use one of: {', '.join(COLLECTIONS)}.")


class ChangeSchema(ma.Schema):
    """One change as a device sends it; `data` is checked by its collection's schema."""

    collection = ma.fields.String(required=True, validate=_known_collection)
    id = ma.fields.UUID(required=True)
    op = ma.fields.String(required=True, validate=V.OneOf(["upsert", "delete"]))
    updated_at = ma.fields.AwareDateTime(required=True, validate=sane_time)
    data = ma.fields.Dict(allow_none=True, load_default=None)

    class Meta:
        unknown = ma.RAISE


class SyncRequestSchema(ma.Schema):
    cursor = ma.fields.Integer(
        allow_none=True, load_default=None, validate=V.Range(0, 2**63 - 1), strict=True
    )
    # Each change is checked on its own by the service, so one bad record is rejected
    # alone; here only the shape: a list of objects.
    changes = ma.fields.List(ma.fields.Dict(), load_default=list)
    limit = ma.fields.Integer(load_default=500, validate=V.Range(1, MAX_CHANGES), strict=True)

    @ma.pre_load
    def _not_too_many(self, data, **kw):
        """More than MAX_CHANGES is refused whole, before any record is checked."""
        from api.errors import PayloadTooLarge

        changes = data.get("changes") if isinstance(data, dict) else None
        if isinstance(changes, list) and len(changes) > MAX_CHANGES:
            raise PayloadTooLarge(
                f"Too many changes in one request: {len(changes)}. "
                f"Send at most {MAX_CHANGES} at a time.",
                {"changes": [f"At most {MAX_CHANGES} changes per request."]},
            )
        return data


class ChangeOutSchema(ma.Schema):
    collection = ma.fields.String()
    id = ma.fields.String()
    op = ma.fields.String()
    updated_at = ma.fields.String()
    data = ma.fields.Raw(allow_none=True)


class RejectionSchema(ma.Schema):
    id = ma.fields.Raw(allow_none=True)
    collection = ma.fields.Raw(allow_none=True)
    errors = ma.fields.Raw()


class SyncAnswerSchema(ma.Schema):
    accepted = ma.fields.List(ma.fields.Raw())
    rejected = ma.fields.List(ma.fields.Nested(RejectionSchema))
    cursor = ma.fields.Integer()
    has_more = ma.fields.Boolean()
    changes = ma.fields.List(ma.fields.Nested(ChangeOutSchema))


class ExportQuerySchema(ma.Schema):
    format = ma.fields.String(load_default="json", validate=V.OneOf(["json", "csv"]))
    collection = ma.fields.String(load_default=None, validate=_known_collection)

    @ma.validates_schema
    def _csv_needs_collection(self, data, **kw):
        if data["format"] == "csv" and not data.get("collection"):
            raise ma.ValidationError("Choose a collection for a CSV file.", "collection")
