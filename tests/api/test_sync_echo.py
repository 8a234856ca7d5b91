"""The answer echoes the records a sync stored without reading them back (api/sync/echo.py):
it must be exactly what a later pull reads for those records, byte for byte once in JSON."""

import json
from datetime import UTC, datetime, timedelta, timezone

from tests.api.test_sync_cost import statements, tables_read
from tests.factories import COLLECTION_NAMES, at, change, one_of_each, pull_all, sync

KOLKATA = timezone(timedelta(hours=5, minutes=30))


def elsewhere(value):
    """A time written as a device east of UTC writes it (other times and values unchanged)."""
    if isinstance(value, str) and value.endswith("+00:00"):
        return datetime.fromisoformat(value).astimezone(KOLKATA).isoformat()
    return value


def sent_from_kolkata(ch: dict) -> dict:
    data = ch["data"] and {k: elsewhere(v) for k, v in ch["data"].items()}
    return {**ch, "updated_at": elsewhere(ch["updated_at"]), "data": data}


def as_json(changes: list[dict]) -> str:
    """JSON tells 250 from 250.0 where == does not."""
    return json.dumps(changes, sort_keys=True)


def test_the_echo_is_what_a_later_pull_reads(device):
    stored = one_of_each()
    first = sync(device, stored)
    cramp, knot, weak = (
        next(c["id"] for c in stored if c["collection"] == name)
        for name in ("cramps", "knots", "weakness")
    )
    future = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    batch = [
        # New records of every collection (a reminder's hook then sets its next_fire_at).
        *(sent_from_kolkata(change(name, updated_at=at(3))) for name in COLLECTION_NAMES),
        # An update of a stored record, with a time that has microseconds.
        sent_from_kolkata(change("cramps", id=cramp, updated_at=at(4.000123), notes="later")),
        # A tombstone of a stored record, and one of a record the server never had.
        change("knots", id=knot, op="delete", updated_at=at(5)),
        change("plans", op="delete", updated_at=at(5)),
        # A device clock days ahead: its updated_at is clamped to the server's.
        change("weakness", id=weak, updated_at=future),
    ]
    answer = sync(device, batch, cursor=first["cursor"])
    assert answer["accepted"] == [c["id"] for c in batch]
    later, _ = pull_all(device, cursor=first["cursor"])
    assert as_json(answer["changes"]) == as_json(later)
    by_id = {c["id"]: c for c in answer["changes"]}
    assert by_id[weak]["updated_at"] < future
    assert by_id[knot]["op"] == "delete" and by_id[knot]["data"] is None
    reminder = next(c for c in answer["changes"] if c["collection"] == "reminders")
    assert reminder["data"]["next_fire_at"] is not None  # the hook's change, read back


def test_a_page_of_the_echo_is_a_page_of_the_pull(device):
    first = sync(device, [change("knots")])
    batch = [change(name, updated_at=at(1)) for name in COLLECTION_NAMES]
    answer = sync(device, batch, cursor=first["cursor"], limit=4)
    assert answer["has_more"] and answer["cursor"] == first["cursor"] + 4
    later = sync(device, cursor=first["cursor"], limit=4)
    assert as_json(answer["changes"]) == as_json(later["changes"])
    rest, cursor = pull_all(device, cursor=answer["cursor"], limit=4)
    assert len(rest) == len(batch) - 4 and cursor == first["cursor"] + len(batch)


def test_only_a_hooked_collection_is_read_back(device):
    """The records a sync stored are not read back, except those a hook changed after."""
    first = sync(device, [change("knots")])
    batch = [change("cramps", updated_at=at(1)), change("reminders", updated_at=at(1))]
    with statements() as seen:
        answer = sync(device, batch, cursor=first["cursor"])
    assert [c["id"] for c in answer["changes"]] == [c["id"] for c in batch]
    pulls = [ran for ran in seen if ran.sql.lstrip().upper().startswith("SELECT")]
    pulls = [ran for ran in pulls if ".seq >" in ran.sql]
    assert tables_read(pulls) == {"reminders"}
