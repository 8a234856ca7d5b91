"""The `data` of each synced collection: one schema per collection of the registry."""

import functools
from datetime import UTC, datetime, timedelta

import marshmallow as ma
from marshmallow import validate

from api import fields
from api.reminders.kinds import KINDS

V = validate
TEXT = V.Length(max=2000)
WORD = V.Length(min=1, max=60)
NAME = V.Length(min=1, max=40)  # body places stored in a 40-character column
INTENSITY = V.Range(0, 10)
HHMM = V.Regexp(r"^([01]\d|2[0-3]):[0-5]\d$", error="Use HH:MM, 24-hour.")
# What a cramp can be (pwa/lib/limits.js CRAMP holds the same): a muscle cramp lasts seconds to
# minutes; the timer calls one running over 3 hours forgotten, so no length is longer. A phone's
# clock may run a little ahead of the server's, hence the allowance for times "in the future".
CRAMP_MAX_MINUTES = 180
CLOCK_SKEW_MINUTES = 15


def words(**kw):
    return ma.fields.List(
        fields.String(validate=WORD), validate=V.Length(max=20), load_default=list, **kw
    )


def sane_time(value) -> None:
    """Refuse times no real log has (and that would overflow when turned into UTC)."""
    if not fields.FIRST_YEAR <= value.year <= fields.LAST_YEAR:
        raise ma.ValidationError(
            f"Use a date between the years {fields.FIRST_YEAR} and {fields.LAST_YEAR}."
        )


class RecordData(ma.Schema):
    """Fields every record has in `data`; unknown fields are refused."""

    created_at = ma.fields.AwareDateTime(required=True)

    class Meta:
        unknown = ma.RAISE

    @functools.cached_property
    def _time_fields(self) -> tuple[str, ...]:
        """The names of the time fields (worked out once: every record of a batch asks)."""
        return tuple(n for n, f in self.fields.items() if isinstance(f, ma.fields.DateTime))

    @ma.validates_schema
    def _storable(self, data, **kw):
        """Every time in a sane range (text is checked by fields.String)."""
        errors = {}
        for name in self._time_fields:
            value = data.get(name)
            if value is not None:
                try:
                    sane_time(value)
                except ma.ValidationError as err:
                    errors[name] = err.messages
        if errors:
            raise ma.ValidationError(errors)


class CrampData(RecordData):
    started_at = ma.fields.AwareDateTime(
        required=True,
        metadata={"description": f"Not later than now + {CLOCK_SKEW_MINUTES} minutes."},
    )
    ended_at = ma.fields.AwareDateTime(
        allow_none=True,
        load_default=None,
        metadata={
            "description": "Null while it runs; else from started_at to at most "
            f"{CRAMP_MAX_MINUTES} minutes after it, and not later than now + "
            f"{CLOCK_SKEW_MINUTES} minutes."
        },
    )
    muscle = fields.String(allow_none=True, load_default=None, validate=NAME)
    side = fields.String(
        allow_none=True, load_default=None, validate=V.OneOf(["left", "right", "both"])
    )
    intensity = fields.Integer(allow_none=True, load_default=None, validate=INTENSITY)
    triggers = words()
    reliefs_tried = words()
    reliefs_helped = words()
    notes = fields.String(allow_none=True, load_default=None, validate=TEXT)

    @ma.validates_schema
    def _a_cramp_that_can_be(self, data, **kw):
        """Not in the future, not ending before it starts, no longer than CRAMP_MAX_MINUTES."""
        latest = datetime.now(UTC) + timedelta(minutes=CLOCK_SKEW_MINUTES)
        start, end = data.get("started_at"), data.get("ended_at")
        if start and start > latest:
            raise ma.ValidationError("A cramp cannot start in the future.", "started_at")
        if not (start and end):
            return
        if end < start:
            raise ma.ValidationError("A cramp cannot end before it starts.", "ended_at")
        if end - start > timedelta(minutes=CRAMP_MAX_MINUTES):
            raise ma.ValidationError(
                f"A cramp lasts at most {CRAMP_MAX_MINUTES // 60} hours.", "ended_at"
            )
        if end > latest:
            raise ma.ValidationError("A cramp cannot end in the future.", "ended_at")


class KnotData(RecordData):
    noted_at = ma.fields.AwareDateTime(required=True)
    location = fields.String(required=True, validate=NAME)
    side = fields.String(
        allow_none=True, load_default=None, validate=V.OneOf(["left", "right", "both"])
    )
    intensity = fields.Integer(allow_none=True, load_default=None, validate=INTENSITY)
    helped = words()
    notes = fields.String(allow_none=True, load_default=None, validate=TEXT)


class WeaknessData(RecordData):
    noted_at = ma.fields.AwareDateTime(required=True)
    body_area = fields.String(required=True, validate=NAME)
    severity = fields.Integer(allow_none=True, load_default=None, validate=INTENSITY)
    after_activity = fields.String(allow_none=True, load_default=None, validate=V.Length(max=200))
    duration_minutes = fields.Integer(
        allow_none=True, load_default=None, validate=V.Range(0, 60 * 24 * 14)
    )
    jelly_legs = ma.fields.Boolean(load_default=False)
    notes = fields.String(allow_none=True, load_default=None, validate=TEXT)


INTAKE_KINDS = ["water", "magnesium", "potassium", "other", "stretch", "epsom_bath", "heat"]


class IntakeData(RecordData):
    # stretch, epsom_bath, heat: fixes between episodes, logged in one tap (features/quick/fixes.js)
    kind = fields.String(required=True, validate=V.OneOf(INTAKE_KINDS))
    amount = fields.Float(allow_none=True, load_default=None, validate=V.Range(0, 100000))
    unit = fields.String(allow_none=True, load_default=None, validate=V.OneOf(["ml", "mg"]))
    form = fields.String(allow_none=True, load_default=None, validate=V.Length(max=60))
    taken_at = ma.fields.AwareDateTime(required=True)


class PlanData(RecordData):
    day = fields.Day(required=True)
    energy_budget = fields.Integer(required=True, validate=V.Range(1, 100))
    notes = fields.String(allow_none=True, load_default=None, validate=TEXT)


class StepSchema(ma.Schema):
    title = fields.String(required=True, validate=V.Length(min=1, max=200))
    minutes = fields.Integer(required=True, validate=V.Range(1, 24 * 60))
    done = ma.fields.Boolean(load_default=False)


class ActivityData(RecordData):
    plan_id = ma.fields.UUID(allow_none=True, load_default=None)
    title = fields.String(required=True, validate=V.Length(min=1, max=200))
    energy_cost = fields.Integer(required=True, validate=V.Range(0, 20))
    minutes = fields.Integer(allow_none=True, load_default=None, validate=V.Range(1, 24 * 60))
    steps = ma.fields.List(
        ma.fields.Nested(StepSchema), load_default=list, validate=V.Length(max=50)
    )
    rest_minutes = fields.Integer(load_default=0, validate=V.Range(0, 240))
    status = fields.String(
        load_default="planned", validate=V.OneOf(["planned", "doing", "done", "stopped", "skipped"])
    )
    spent_cost = fields.Integer(allow_none=True, load_default=None, validate=V.Range(0, 20))
    position = fields.Integer(load_default=0, validate=V.Range(0, 10000))
    started_at = ma.fields.AwareDateTime(allow_none=True, load_default=None)
    ended_at = ma.fields.AwareDateTime(allow_none=True, load_default=None)


class TemplateData(RecordData):
    title = fields.String(required=True, validate=V.Length(min=1, max=200))
    energy_cost = fields.Integer(required=True, validate=V.Range(0, 20))
    minutes = fields.Integer(allow_none=True, load_default=None, validate=V.Range(1, 24 * 60))


class CheckinData(RecordData):
    day = fields.Day(required=True)
    weakness = fields.Integer(allow_none=True, load_default=None, validate=INTENSITY)
    cramps = fields.Integer(allow_none=True, load_default=None, validate=INTENSITY)
    knots = fields.Integer(allow_none=True, load_default=None, validate=INTENSITY)
    fatigue = fields.Integer(allow_none=True, load_default=None, validate=INTENSITY)
    crash = ma.fields.Boolean(allow_none=True, load_default=None)  # None: skipped, not "no"
    # The night before the check-in: how it went (0 very badly, 10 very well), a cramp on waking
    # (None: not sure or skipped) and morning stiffness (0 none, 10 worst). None: not answered.
    sleep = fields.Integer(allow_none=True, load_default=None, validate=INTENSITY)
    woke_with_cramp = ma.fields.Boolean(allow_none=True, load_default=None)
    stiffness = fields.Integer(allow_none=True, load_default=None, validate=INTENSITY)
    notes = fields.String(allow_none=True, load_default=None, validate=TEXT)


class ReminderData(RecordData):
    kind = fields.String(required=True, validate=V.OneOf(list(KINDS)))
    title = fields.String(allow_none=True, load_default=None, validate=V.Length(max=120))
    enabled = ma.fields.Boolean(load_default=True)
    times = ma.fields.List(
        fields.String(validate=HHMM), load_default=list, validate=V.Length(max=24)
    )
    days = ma.fields.List(
        fields.Integer(validate=V.Range(1, 7)), load_default=list, validate=V.Length(max=7)
    )
    interval_minutes = fields.Integer(
        allow_none=True, load_default=None, validate=V.Range(15, 24 * 60)
    )
    window_start = fields.String(allow_none=True, load_default=None, validate=HHMM)
    window_end = fields.String(allow_none=True, load_default=None, validate=HHMM)
    fire_at = ma.fields.AwareDateTime(allow_none=True, load_default=None)
    form = fields.String(allow_none=True, load_default=None, validate=V.Length(max=60))
    amount = fields.Float(allow_none=True, load_default=None, validate=V.Range(0, 100000))
    unit = fields.String(allow_none=True, load_default=None, validate=V.OneOf(["ml", "mg"]))
    nag_after_minutes = fields.Integer(allow_none=True, load_default=None, validate=V.Range(5, 240))
    snoozed_until = ma.fields.AwareDateTime(allow_none=True, load_default=None)
    next_fire_at = ma.fields.AwareDateTime(dump_only=True)


# The fixes between episodes a person can try (pwa/features/experiments/fixes.js lists the same).
FIXES = ["magnesium", "stretch", "epsom_bath", "heat", "water", "own"]
ARMS = ["with", "without"]


class ExperimentData(RecordData):
    fix = fields.String(required=True, validate=V.OneOf(FIXES))
    title = fields.String(allow_none=True, load_default=None, validate=V.Length(max=120))
    start_day = fields.Day(required=True)
    block_days = fields.Integer(required=True, validate=V.Range(2, 14))
    blocks = ma.fields.List(
        fields.String(validate=V.OneOf(ARMS)), required=True, validate=V.Length(min=2, max=16)
    )
    status = fields.String(
        load_default="running", validate=V.OneOf(["running", "stopped", "finished"])
    )
    stopped_at = ma.fields.AwareDateTime(allow_none=True, load_default=None)

    @ma.validates_schema
    def _both_arms(self, data, **kw):
        """A trial compares: at least one block with the fix and one without."""
        blocks = data.get("blocks") or []
        if blocks and set(blocks) != set(ARMS):
            raise ma.ValidationError("Plan blocks both with and without the fix.", "blocks")
        if data.get("fix") == "own" and not data.get("title"):
            raise ma.ValidationError("Say what your fix is.", "title")


class ExperimentDayData(RecordData):
    experiment_id = ma.fields.UUID(required=True)
    day = fields.Day(required=True)
    done = ma.fields.Boolean(required=True)
