"""Error messages a person reads are plain sentences, never marshmallow's or werkzeug's defaults."""

import pytest

from tests.factories import change, sample_data, sync

RAW = ("well-formed", "semantic", "Length must", "Longer than", "greater than", "Not a valid")


def raw_words(payload) -> list[str]:
    """Every message in an error payload that still reads like a developer's."""
    text = str(payload)
    return [w for w in RAW if w in text]


def test_a_refused_sign_up_says_what_to_change_in_plain_words(auth):
    res = auth.register(email="ana@example.org", password="short")
    assert res.status_code == 422
    assert res.json["message"] == "Some of this needs a change: see each field."
    assert res.json["errors"]["json"] == {"password": ["Use at least 8 characters."]}
    assert raw_words(res.json) == []


def test_a_missing_email_and_a_wrong_one_are_plain(client):
    res = client.post("/api/v1/auth/register", json={"password": "correct horse"})
    assert res.json["errors"]["json"] == {"email": ["Fill this in."]}
    res = client.post("/api/v1/auth/register", json={"email": "ana", "password": "correct horse"})
    assert res.json["errors"]["json"] == {"email": ["This does not look like an email address."]}


def test_an_existing_email_says_so_once_per_place(auth):
    auth.register()
    res = auth.register()
    assert res.status_code == 409
    assert res.json["errors"] == {"email": ["An account with this email exists already."]}


def test_a_too_long_step_title_is_refused_with_its_length(device):
    steps = [{"title": "x" * 201, "minutes": 5}]
    answer = sync(device, [change("activities", steps=steps)])
    (refused,) = answer["rejected"]
    assert refused["errors"] == {
        "data": {"steps": {"0": {"title": ["Too long: at most 200 characters (this has 201)."]}}}
    }


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (-5, "This cannot be negative: use a number from 0 to 100,000."),
        (100001, "Too high: use a number from 0 to 100,000."),
        ("lots", "Use a number."),
    ],
)
def test_a_wrong_magnesium_amount_is_refused_in_plain_words(device, amount, message):
    answer = sync(device, [change("intakes", amount=amount)])
    assert answer["rejected"][0]["errors"] == {"data": {"amount": [message]}}


def test_a_number_below_a_minimum_above_zero_says_too_low(device):
    res = device.patch("/api/v1/me", json={"energy_budget": 0})
    assert res.status_code == 422
    assert res.json["errors"]["json"] == {"energy_budget": ["Too low: use a number from 1 to 100."]}


def test_every_refused_record_reads_plainly(device):
    bad = {
        "cramps": {"notes": "n" * 2001, "intensity": 11},
        "knots": {"location": ""},
        "plans": {"energy_budget": "x"},
        "checkins": {"fatigue": -1},
        "reminders": {"title": "t" * 121},
    }
    answer = sync(device, [change(name, **fields) for name, fields in bad.items()])
    assert len(answer["rejected"]) == len(bad)
    assert raw_words(answer["rejected"]) == []


def test_a_valid_record_is_still_accepted(device):
    answer = sync(device, [change("intakes", data=sample_data("intakes"))])
    assert len(answer["accepted"]) == 1
