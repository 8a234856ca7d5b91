"""A cramp the server stores is one that can be: bounded length, not in the future."""

from datetime import UTC, datetime, timedelta

import pytest

from api.sync.data import CLOCK_SKEW_MINUTES, CRAMP_MAX_MINUTES
from tests.factories import T0, change, iso, sync


def cramp(start: datetime, minutes: float | None):
    """A cramp starting at `start` and lasting `minutes` (None: still running)."""
    end = None if minutes is None else iso(start + timedelta(minutes=minutes))
    return change("cramps", started_at=iso(start), ended_at=end)


def soon(minutes: float) -> datetime:
    return datetime.now(UTC) + timedelta(minutes=minutes)


REFUSED = [
    (cramp(T0, 99_999), "ended_at", "at most 3 hours"),  # "1666 h 39 min"
    (cramp(T0, CRAMP_MAX_MINUTES + 1), "ended_at", "at most 3 hours"),
    (cramp(datetime(2030, 1, 1, tzinfo=UTC), 2), "started_at", "in the future"),
    (cramp(soon(CLOCK_SKEW_MINUTES + 5), None), "started_at", "in the future"),
    (cramp(soon(-5), 60), "ended_at", "end in the future"),
    (cramp(T0, -1), "ended_at", "before it starts"),
]


@pytest.mark.parametrize(("sent", "field", "words"), REFUSED)
def test_a_cramp_that_cannot_be_is_refused_with_a_reason(device, sent, field, words):
    answer = sync(device, [sent])
    assert answer["accepted"] == []
    (rejection,) = answer["rejected"]
    (message,) = rejection["errors"]["data"][field]
    assert words in message


ACCEPTED = [
    cramp(T0, CRAMP_MAX_MINUTES),  # the longest there is
    cramp(T0, 0),
    cramp(soon(CLOCK_SKEW_MINUTES - 5), None),  # a phone clock a little ahead
    cramp(soon(-3), 3),  # just stopped
]


@pytest.mark.parametrize("sent", ACCEPTED)
def test_cramps_within_the_bounds_are_stored(device, sent):
    assert sync(device, [sent])["accepted"] == [sent["id"]]
