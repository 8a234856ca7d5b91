"""The morning check-in's night answers: sleep and stiffness 0 to 10, a cramp on waking yes/no,
each stored as said and left unknown (NULL) when not answered."""

import pytest
from sqlalchemy import select

from api.extensions import db
from api.models import Checkin
from tests.factories import change, pull_all, sample_data, sync

NIGHT = ("sleep", "woke_with_cramp", "stiffness")


def refused(device, record) -> dict:
    answer = sync(device, [record])
    assert answer["accepted"] == []
    (rejection,) = answer["rejected"]
    return rejection["errors"]["data"]


@pytest.mark.parametrize("name", ["sleep", "stiffness"])
@pytest.mark.parametrize(
    ("value", "message"),
    [
        (-1, "This cannot be negative: use a number from 0 to 10."),
        (11, "Too high: use a number from 0 to 10."),
        (6.5, "Use a whole number."),
    ],
)
def test_a_night_scale_outside_0_to_10_is_refused_in_words(device, name, value, message):
    assert refused(device, change("checkins", **{name: value})) == {name: [message]}
    assert db.session.scalar(select(Checkin.id)) is None


def test_a_cramp_on_waking_must_be_yes_or_no(device):
    errors = refused(device, change("checkins", woke_with_cramp="often"))
    assert list(errors) == ["woke_with_cramp"]


@pytest.mark.parametrize("value", [0, 10])
def test_the_ends_of_the_scales_are_kept(device, value):
    checkin = change("checkins", sleep=value, stiffness=value)
    assert sync(device, [checkin])["accepted"] == [checkin["id"]]
    (pulled,), _ = pull_all(device)
    assert (pulled["data"]["sleep"], pulled["data"]["stiffness"]) == (value, value)


@pytest.mark.parametrize("woke", [True, False])
def test_night_answers_are_stored_as_given(device, woke):
    checkin = change("checkins", sleep=3, woke_with_cramp=woke, stiffness=8)
    assert sync(device, [checkin])["accepted"] == [checkin["id"]]
    (pulled,), _ = pull_all(device)
    assert [pulled["data"][k] for k in NIGHT] == [3, woke, 8]
    db.session.rollback()
    stored = db.session.execute(select(Checkin.sleep, Checkin.woke_with_cramp, Checkin.stiffness))
    assert list(stored.one()) == [3, woke, 8]


@pytest.mark.parametrize("sent", [{}, dict.fromkeys(NIGHT)])
def test_night_questions_not_answered_stay_unknown(device, sent):
    checkin = change("checkins", data={**sample_data("checkins"), **sent})
    assert sync(device, [checkin])["accepted"] == [checkin["id"]]
    (pulled,), _ = pull_all(device)
    assert [pulled["data"][k] for k in NIGHT] == [None, None, None]
    db.session.rollback()
    stored = db.session.execute(select(Checkin.sleep, Checkin.woke_with_cramp, Checkin.stiffness))
    assert list(stored.one()) == [None, None, None]
