"""The client's limits (pwa/lib/limits.js) are the server's: each entry matches its schema field."""

import pytest
from marshmallow import fields as mf
from marshmallow import validate

from api.auth.schemas import UserSchema
from api.reminders.schemas import SnoozeSchema
from api.sync import data
from api.sync.registry import COLLECTIONS
from tests.unit.client_module import exported

CLIENT = exported("lib/limits.js", "LIMITS", "DECIMALS", "RECORD_LIMITS")
LIMITS, DECIMALS, RECORD_LIMITS = CLIENT["LIMITS"], CLIENT["DECIMALS"], CLIENT["RECORD_LIMITS"]

# Each client limit -> the schema fields it stands for (schema class, field name).
STANDS_FOR = {
    "water_target_ml": [(UserSchema, "water_target_ml")],
    "energy_budget": [(UserSchema, "energy_budget"), (data.PlanData, "energy_budget")],
    "chunk_minutes": [(UserSchema, "chunk_minutes")],
    "snooze_minutes": [(SnoozeSchema, "minutes")],
    "reminder_title": [(data.ReminderData, "title")],
    "dose_form": [(data.ReminderData, "form"), (data.IntakeData, "form")],
    "dose_amount": [(data.ReminderData, "amount"), (data.IntakeData, "amount")],
    "task_title": [
        (data.ActivityData, "title"),
        (data.StepSchema, "title"),
        (data.TemplateData, "title"),
    ],  # fmt: skip
    "task_minutes": [
        (data.ActivityData, "minutes"),
        (data.StepSchema, "minutes"),
        (data.TemplateData, "minutes"),
    ],  # fmt: skip
    "energy_cost": [(data.ActivityData, "energy_cost"), (data.TemplateData, "energy_cost")],
    "rest_minutes": [(data.ActivityData, "rest_minutes")],
    "steps": [(data.ActivityData, "steps")],
    "notes": [
        (data.CrampData, "notes"),
        (data.KnotData, "notes"),
        (data.WeaknessData, "notes"),
        (data.CheckinData, "notes"),
        (data.PlanData, "notes"),
    ],  # fmt: skip
    "after_activity": [(data.WeaknessData, "after_activity")],
    "intensity": [
        (data.CrampData, "intensity"),
        (data.CheckinData, "fatigue"),
        (data.CheckinData, "sleep"),
        (data.CheckinData, "stiffness"),
    ],
    "place": [(data.KnotData, "location"), (data.WeaknessData, "body_area")],
    "fix_title": [(data.ExperimentData, "title")],
    "block_days": [(data.ExperimentData, "block_days")],
    "blocks": [(data.ExperimentData, "blocks")],
}


def bounds(schema, name) -> dict:
    """{min, max} of a field's Range, or of its Length for a string or list (min 0 when unset)."""
    fld = schema().fields[name]
    kind = validate.Length if isinstance(fld, mf.String | mf.List) else validate.Range
    (v,) = [v for v in fld.validators if isinstance(v, kind)]
    return {"min": v.min or 0, "max": v.max}


def test_every_client_limit_says_which_schema_field_it_stands_for():
    assert set(LIMITS) == set(STANDS_FOR)


@pytest.mark.parametrize("name", sorted(STANDS_FOR))
def test_a_client_limit_is_the_schema_s(name):
    for schema, field_name in STANDS_FOR[name]:
        assert LIMITS[name] == bounds(schema, field_name), f"{schema.__name__}.{field_name}"


@pytest.mark.parametrize("name", sorted(STANDS_FOR))
def test_a_number_field_takes_fractions_only_where_the_schema_does(name):
    for schema, field_name in STANDS_FOR[name]:
        fld = schema().fields[field_name]
        if isinstance(fld, mf.Number):
            where = f"{schema.__name__}.{field_name}"
            assert (name in DECIMALS) == isinstance(fld, mf.Float), where
    assert set(DECIMALS) <= set(LIMITS)


def test_the_client_s_cramp_bounds_are_the_server_s():
    cramp = exported("lib/limits.js", "CRAMP")["CRAMP"]
    assert cramp == {
        "max_minutes": data.CRAMP_MAX_MINUTES,
        "future_minutes": data.CLOCK_SKEW_MINUTES,
    }


def schema_field(collection: str, path: str) -> tuple[type, str]:
    """The schema and field a RECORD_LIMITS path names: "steps.title" is a step's title."""
    schema = type(COLLECTIONS[collection].schema)
    outer, _, inner = path.partition(".")
    if not inner:
        return schema, outer
    return type(schema().fields[outer].inner.schema), inner


RECORD_PATHS = [(c, p) for c, fields in RECORD_LIMITS.items() for p in fields]


@pytest.mark.parametrize(("collection", "path"), RECORD_PATHS)
def test_what_the_save_check_holds_a_record_to_is_the_schema_s(collection, path):
    schema, name = schema_field(collection, path)
    limit = RECORD_LIMITS[collection][path]
    assert LIMITS[limit] == bounds(schema, name), f"{collection}.{path}"


def test_the_save_check_covers_every_collection():
    assert set(RECORD_LIMITS) == set(COLLECTIONS)
