"""The experiment's fixes and plan read the same on the server and on the phone."""

from datetime import date, timedelta

from api.models import Experiment
from api.reminders.experiment_rules import arm_on
from api.sync.data import FIXES, ExperimentData
from tests.unit.client_module import exported

client = exported("features/experiments/fixes.js", "FIXES")
plan = exported("features/experiments/plan.js", "BLOCK_DAYS", "BLOCK_COUNT")


def test_both_sides_know_the_same_fixes():
    assert [f["key"] for f in client["FIXES"]] == FIXES


def test_the_plan_the_phone_proposes_is_one_the_server_accepts():
    blocks = ExperimentData().fields["blocks"]
    (length,) = [v for v in blocks.validators if hasattr(v, "max")]
    assert length.min <= plan["BLOCK_COUNT"] <= length.max
    days = ExperimentData().fields["block_days"]
    (bounds,) = days.validators
    assert bounds.min <= plan["BLOCK_DAYS"] <= bounds.max


def test_the_server_finds_the_block_of_a_day_as_the_phone_does():
    e = Experiment(start_day=date(2026, 3, 2), block_days=4, blocks=["with", "without"] * 4)
    start = e.start_day
    assert arm_on(e, start - timedelta(days=1)) is None
    assert [arm_on(e, start + timedelta(days=n)) for n in (0, 3, 4, 7, 8, 31)] == [
        "with",
        "with",
        "without",
        "without",
        "with",
        "without",
    ]
    assert arm_on(e, start + timedelta(days=32)) is None
