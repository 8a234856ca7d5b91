"""Values a sync would otherwise store wrongly, or differently on each database."""

import math
import uuid

import pytest
from sqlalchemy import select

from api.extensions import db
from api.models import Checkin, Intake, Plan
from tests.factories import change, pull_all, sample_data, sync


def rejection_of(device, record) -> dict:
    """Sync one record that must be refused; its errors under `data`."""
    answer = sync(device, [record])
    assert answer["accepted"] == []
    (rejection,) = answer["rejected"]
    return rejection["errors"]["data"]


FRACTIONS = [
    ("cramps", {"intensity": 5.5}, "intensity"),
    ("checkins", {"fatigue": 0.1}, "fatigue"),
    ("plans", {"energy_budget": 10.5}, "energy_budget"),
    ("activities", {"steps": [{"title": "wash", "minutes": 2.5}]}, "steps"),
    ("reminders", {"days": [1, 2.5]}, "days"),
]


@pytest.mark.parametrize(("collection", "fields", "field"), FRACTIONS)
def test_a_fraction_is_refused_where_a_whole_number_belongs(device, collection, fields, field):
    errors = rejection_of(device, change(collection, **fields))
    assert list(errors) == [field]
    assert "Use a whole number." in str(errors[field])


def test_a_whole_number_written_as_a_float_is_stored_as_it_is(device):
    cramp = change("cramps", intensity=6.0)
    assert sync(device, [cramp])["accepted"] == [cramp["id"]]
    (pulled,), _ = pull_all(device)
    assert pulled["data"]["intensity"] == 6


def test_a_fraction_in_the_settings_is_a_422(device):
    res = device.patch("/api/v1/me", json={"energy_budget": 7.5})
    assert res.status_code == 422
    assert res.json["errors"]["json"] == {"energy_budget": ["Use a whole number."]}
    assert device.get("/api/v1/me").json["energy_budget"] != 7


@pytest.mark.parametrize("collection", ["plans", "checkins"])
@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "1899-12-31", "2201-01-01"])
def test_a_day_far_outside_the_window_is_refused(device, collection, day):
    errors = rejection_of(device, change(collection, day=day))
    assert errors == {"day": ["Use a day between the years 1900 and 2200."]}


@pytest.mark.parametrize("day", ["1900-01-01", "2200-12-31"])
def test_the_ends_of_the_window_are_accepted(device, day):
    plan = change("plans", day=day)
    assert sync(device, [plan])["accepted"] == [plan["id"]]
    db.session.rollback()
    stored = db.session.scalar(select(Plan.day).where(Plan.id == uuid.UUID(plan["id"])))
    assert stored.isoformat() == day


@pytest.mark.parametrize("collection", ["intakes", "reminders"])
def test_minus_zero_is_stored_as_zero(device, collection):
    record = change(collection, data={**sample_data(collection), "amount": -0.0})
    assert sync(device, [record])["accepted"] == [record["id"]]
    (pulled,), _ = pull_all(device)
    assert pulled["data"]["amount"] == 0.0
    assert math.copysign(1.0, pulled["data"]["amount"]) == 1.0


def test_minus_zero_is_zero_in_the_database(device):
    intake = change("intakes", amount=-0.0)
    sync(device, [intake])
    db.session.rollback()
    amount = db.session.scalar(select(Intake.amount).where(Intake.id == uuid.UUID(intake["id"])))
    assert math.copysign(1.0, amount) == 1.0


@pytest.mark.parametrize("sent", [{}, {"crash": None}])
def test_a_skipped_crash_answer_stays_unknown(device, sent):
    data = {key: value for key, value in sample_data("checkins").items() if key != "crash"}
    checkin = change("checkins", data={**data, **sent})
    assert sync(device, [checkin])["accepted"] == [checkin["id"]]
    (pulled,), _ = pull_all(device)
    assert pulled["data"]["crash"] is None
    db.session.rollback()
    assert db.session.scalar(select(Checkin.crash)) is None


@pytest.mark.parametrize("answer", [True, False])
def test_a_crash_answer_is_kept_as_given(device, answer):
    checkin = change("checkins", crash=answer)
    assert sync(device, [checkin])["accepted"] == [checkin["id"]]
    (pulled,), _ = pull_all(device)
    assert pulled["data"]["crash"] is answer


@pytest.mark.parametrize("kind", ["stretch", "epsom_bath", "heat"])
def test_a_fix_between_episodes_is_an_intake_without_an_amount(device, kind):
    fix = change("intakes", kind=kind, amount=None, unit=None, form=None)
    assert sync(device, [fix])["accepted"] == [fix["id"]]
    (pulled,), _ = pull_all(device)
    assert (pulled["data"]["kind"], pulled["data"]["amount"]) == (kind, None)


def test_an_intake_kind_the_app_does_not_know_is_refused(device):
    errors = rejection_of(device, change("intakes", kind="yoga"))
    assert list(errors) == ["kind"]
