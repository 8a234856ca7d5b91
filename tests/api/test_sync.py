"""POST /api/v1/sync: each rule of api/sync/service.py's docstring, on the real database."""

import threading
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import marshmallow as ma
import pytest
from sqlalchemy import String, func, select

from api.extensions import db
from api.models import Cramp, Reminder, User
from api.sync.registry import COLLECTIONS
from tests.factories import COLLECTION_NAMES, at, change, one_of_each, pull_all, sync


def stored(model, id):
    """The stored row(s) of a record id, read fresh from the database."""
    db.session.rollback()
    return db.session.execute(select(model.__table__).where(model.id == uuid.UUID(id))).all()


def total_rows() -> int:
    db.session.rollback()
    return sum(
        db.session.scalar(select(func.count()).select_from(c.model)) for c in COLLECTIONS.values()
    )


def person_seq(email="ana@example.org") -> int:
    db.session.rollback()
    return db.session.scalar(select(User.sync_seq).where(User.email == email))


def test_needs_a_session(client):
    res = client.post("/api/v1/sync", json={"cursor": None, "changes": []})
    assert res.status_code == 401
    assert res.json["code"] == 401


def test_every_collection_round_trips(device, second_device):
    sent = one_of_each()
    answer = sync(device, sent)
    assert answer["accepted"] == [c["id"] for c in sent]
    assert answer["rejected"] == []
    got, _ = pull_all(second_device)
    assert {(c["collection"], c["id"]) for c in got} == {(c["collection"], c["id"]) for c in sent}
    by_id = {c["id"]: c for c in got}
    (cramp,) = [by_id[c["id"]] for c in sent if c["collection"] == "cramps"]
    assert cramp["op"] == "upsert"
    assert cramp["data"]["triggers"] == ["night", "cold"]
    assert datetime.fromisoformat(cramp["updated_at"]) == datetime.fromisoformat(at())
    assert datetime.fromisoformat(cramp["data"]["started_at"]) == datetime.fromisoformat(at())


def test_same_batch_twice_stores_once_and_writes_nothing(device):
    batch = one_of_each()
    first = sync(device, batch)
    seq = person_seq()
    assert total_rows() == len(batch)
    again = sync(device, batch, cursor=first["cursor"])
    assert again["accepted"] == first["accepted"]
    assert total_rows() == len(batch)
    assert person_seq() == seq  # an identical resend gets no new sequence number
    assert again["changes"] == []
    assert again["cursor"] == first["cursor"]


def test_lost_answer_is_resent_with_the_same_result(device):
    sync(device, one_of_each())
    before = sync(device)["cursor"]
    batch = [change("cramps", updated_at=at(5)), change("intakes", updated_at=at(5))]
    batch.append({**change("knots"), "id": "not-a-uuid"})
    heard = sync(device, batch, cursor=before)  # the server committed ...
    resent = sync(device, batch, cursor=before)  # ... the device never heard, so resends
    assert resent == heard
    assert total_rows() == len(COLLECTIONS) + 2


def test_an_older_write_never_overwrites_a_newer_one(device, second_device):
    newer = change("cramps", updated_at=at(10), notes="newer")
    answer = sync(device, [newer])
    older = {**newer, "updated_at": at(5), "data": {**newer["data"], "notes": "older"}}
    late = sync(second_device, [older], cursor=answer["cursor"])
    assert late["accepted"] == [newer["id"]]  # the device may drop it from its outbox ...
    assert [c["data"]["notes"] for c in late["changes"]] == ["newer"]  # ... and gets the winner
    (row,) = stored(Cramp, newer["id"])
    assert row.notes == "newer"
    # An older delete loses as well.
    stale_delete = change("cramps", id=newer["id"], op="delete", updated_at=at(6))
    sync(second_device, [stale_delete], cursor=late["cursor"])
    (row,) = stored(Cramp, newer["id"])
    assert row.deleted_at is None and row.notes == "newer"


def test_offsets_are_compared_as_utc(device):
    first = change("cramps", updated_at="2026-11-20T04:30:00+01:00", notes="03:30 UTC")
    sync(device, [first])
    # 05:00+02:00 is 03:00 UTC: earlier, although its wall clock reads later.
    sync(
        device,
        [
            {
                **first,
                "updated_at": "2026-11-20T05:00:00+02:00",
                "data": {**first["data"], "notes": "03:00 UTC"},
            }
        ],
    )
    (row,) = stored(Cramp, first["id"])
    assert row.notes == "03:30 UTC"


@pytest.mark.parametrize("order", ["ab", "ba"])
def test_ties_are_broken_the_same_way_whatever_the_order(make_client, order):
    client = make_client(f"{order}@example.org")
    rid = str(uuid.uuid4())
    a = change("cramps", id=rid, updated_at=at(1), notes="aaa")
    b = change("cramps", id=rid, updated_at=at(1), notes="bbb")
    for c in (a, b) if order == "ab" else (b, a):
        sync(client, [c])
    (row,) = stored(Cramp, rid)
    assert row.notes == "bbb"  # the larger canonical JSON wins, in both orders
    # A delete with the same updated_at beats an upsert, in both orders.
    rid2 = str(uuid.uuid4())
    up = change("knots", id=rid2, updated_at=at(2))
    down = change("knots", id=rid2, op="delete", updated_at=at(2))
    for c in (up, down) if order == "ab" else (down, up):
        sync(client, [c])
    got, _ = pull_all(client)
    assert [c["op"] for c in got if c["id"] == rid2] == ["delete"]


def test_a_future_updated_at_is_clamped_to_the_server_clock(device):
    future = datetime.now(UTC) + timedelta(days=365)
    ahead = change("cramps", updated_at=future.isoformat(), notes="clock ahead")
    before = datetime.now(UTC)
    answer = sync(device, [ahead])
    (row,) = stored(Cramp, ahead["id"])
    assert before - timedelta(seconds=1) <= row.updated_at <= datetime.now(UTC)
    assert datetime.fromisoformat(answer["changes"][0]["updated_at"]) == row.updated_at
    # So a later edit from a device with a right clock still wins.
    fix = {**ahead, "updated_at": (datetime.now(UTC) + timedelta(seconds=5)).isoformat()}
    fix["data"] = {**ahead["data"], "notes": "right clock"}
    sync(device, [fix])
    (row,) = stored(Cramp, ahead["id"])
    assert row.notes == "right clock"
    # Half a minute ahead is within the slack and kept as sent.
    near = datetime.now(UTC) + timedelta(seconds=30)
    sync(device, [change("knots", id=ahead["id"], updated_at=near.isoformat())])
    got, _ = pull_all(device)
    knot = next(c for c in got if c["collection"] == "knots")
    assert datetime.fromisoformat(knot["updated_at"]) == near


def test_deletes_reach_the_other_device_as_tombstones(device, second_device):
    rec = change("cramps", updated_at=at(1), notes="private")
    sync(device, [rec])
    seen, cursor = pull_all(second_device)
    assert [c["op"] for c in seen] == ["upsert"]
    sync(device, [change("cramps", id=rec["id"], op="delete", updated_at=at(2))])
    news, _ = pull_all(second_device, cursor)
    assert news == [
        {
            "collection": "cramps",
            "id": rec["id"],
            "op": "delete",
            "updated_at": news[0]["updated_at"],
            "data": None,
        }
    ]
    (row,) = stored(Cramp, rec["id"])
    assert row.deleted_at is not None
    assert row.notes is None  # a tombstone keeps no health data
    assert device.get("/api/v1/export").json["cramps"] == []


def test_delete_of_an_unknown_record_is_kept_and_a_newer_upsert_resurrects(device, second_device):
    rid = str(uuid.uuid4())
    sync(device, [change("knots", id=rid, op="delete", updated_at=at(5))])
    got, cursor = pull_all(second_device)
    assert [(c["id"], c["op"]) for c in got] == [(rid, "delete")]
    sync(device, [change("knots", id=rid, updated_at=at(4))])  # older: stays deleted
    assert pull_all(second_device, cursor)[0] == []
    sync(device, [change("knots", id=rid, updated_at=at(6), location="neck")])  # newer
    got, _ = pull_all(second_device, cursor)
    assert [(c["op"], c["data"]["location"]) for c in got] == [("upsert", "neck")]


def test_changes_of_one_record_in_one_batch_apply_in_order(device):
    rid = str(uuid.uuid4())
    batch = [
        change("cramps", id=rid, updated_at=at(1), notes="one"),
        change("cramps", id=rid, updated_at=at(2), notes="two"),
        change("cramps", id=rid, op="delete", updated_at=at(3)),
    ]
    answer = sync(device, batch)
    assert answer["accepted"] == [rid] * 3
    assert [(c["id"], c["op"]) for c in answer["changes"]] == [(rid, "delete")]
    assert len(stored(Cramp, rid)) == 1


BAD = [
    ({"collection": "moods"}, "collection"),
    ({"id": "1234"}, "id"),
    ({"id": 42}, "id"),
    ({"op": "merge"}, "op"),
    ({"updated_at": "2026-11-20T03:00:00"}, "updated_at"),  # naive
    ({"updated_at": "2026-02-30T03:00:00+00:00"}, "updated_at"),  # impossible
    ({"updated_at": "0001-01-01T00:00:00+01:00"}, "updated_at"),  # overflows in UTC
    ({"updated_at": 12}, "updated_at"),
    ({"data": None}, "data"),
    ({"data": "text"}, "data"),
    ({"extra": 1}, "extra"),
]


@pytest.mark.parametrize(("override", "field"), BAD)
def test_a_bad_change_is_rejected_alone_with_its_reason(device, override, field):
    good = [change("cramps"), change("intakes")]
    bad = {**change("knots"), **override}
    answer = sync(device, [good[0], bad, good[1]])
    assert answer["accepted"] == [good[0]["id"], good[1]["id"]]
    (rejection,) = answer["rejected"]
    assert list(rejection["errors"]) == [field]
    assert all(isinstance(m, str) for m in rejection["errors"][field])
    assert total_rows() == 2


BAD_DATA = [
    ({"intensity": 11}, "intensity"),
    ({"intensity": "high"}, "intensity"),
    ({"started_at": "2026-11-20T03:00:00"}, "started_at"),  # naive
    ({"started_at": None}, "started_at"),
    ({"created_at": "9999-12-31T23:59:59-12:00"}, "created_at"),
    ({"ended_at": "2026-11-19T00:00:00+00:00"}, "ended_at"),  # before the start
    ({"muscle": "x" * 41}, "muscle"),
    ({"notes": "bad\x00byte"}, "notes"),
    ({"notes": "\ud800"}, "notes"),
    ({"triggers": ["ok", "\x00"]}, "triggers"),
    ({"triggers": "night"}, "triggers"),
    ({"colour": "red"}, "colour"),
]


@pytest.mark.parametrize(("fields", "field"), BAD_DATA)
def test_invalid_data_is_rejected_with_the_field_and_harms_nothing(device, fields, field):
    original = change("cramps", updated_at=at(1), notes="keep me")
    sync(device, [original])
    bad = change("cramps", id=original["id"], updated_at=at(2), **fields)
    answer = sync(device, [bad, change("intakes")])
    assert len(answer["accepted"]) == 1
    (rejection,) = answer["rejected"]
    assert rejection["id"] == original["id"]
    assert rejection["collection"] == "cramps"
    assert list(rejection["errors"]["data"]) == [field]
    (row,) = stored(Cramp, original["id"])
    assert row.notes == "keep me" and row.intensity == 7


def test_string_limits_fit_the_columns():
    """A string the schema accepts always fits its column (PostgreSQL would refuse it)."""
    for coll in COLLECTIONS.values():
        for name, fld in coll.schema.load_fields.items():
            column = coll.model.__table__.c[name]
            if isinstance(column.type, String) and column.type.length:
                lengths = [v.max for v in fld.validators if hasattr(v, "max") and v.max]
                oneof = [max(map(len, v.choices)) for v in fld.validators if hasattr(v, "choices")]
                regex = [5 for v in fld.validators if hasattr(v, "regex")]  # HH:MM
                assert lengths + oneof + regex, f"{coll.name}.{name} has no length limit"
                assert min(lengths + oneof + regex) <= column.type.length, f"{coll.name}.{name}"


def test_every_data_field_is_required_or_has_a_default():
    """An upsert replaces the whole record, so a field left out must load as its default."""
    for coll in COLLECTIONS.values():
        for name, fld in coll.schema.load_fields.items():
            assert fld.required or fld.load_default is not ma.missing, f"{coll.name}.{name}"


def test_server_managed_fields_sent_back_are_ignored(device):
    rem = change("reminders")
    sync(device, [rem])
    got, _ = pull_all(device)
    assert "next_fire_at" in got[0]["data"]
    edited = {**got[0], "updated_at": at(3)}
    edited["data"] = {**got[0]["data"], "next_fire_at": "2030-01-01T00:00:00+00:00"}
    answer = sync(device, [edited])
    assert answer["rejected"] == []


def test_the_collection_hook_runs_for_stored_and_deleted_records(device, monkeypatch):
    seen = []
    hook = replace(
        COLLECTIONS["reminders"],
        on_change=lambda user, r: seen.append(
            (user.email, str(r.id), r.deleted_at is not None, r.kind)
        ),
    )
    monkeypatch.setitem(COLLECTIONS, "reminders", hook)
    rem = change("reminders", updated_at=at(1))
    sync(device, [rem, change("cramps")])
    sync(device, [rem])  # identical: nothing changes, no call
    sync(device, [change("reminders", id=rem["id"], op="delete", updated_at=at(2))])
    assert seen == [
        ("ana@example.org", rem["id"], False, "magnesium"),
        ("ana@example.org", rem["id"], True, ""),
    ]


def test_a_hook_can_change_the_record_in_the_same_transaction(device, monkeypatch):
    moment = datetime(2026, 11, 21, 20, tzinfo=UTC)

    def schedule(user, reminder):
        reminder.next_fire_at = None if reminder.deleted_at else moment

    monkeypatch.setitem(
        COLLECTIONS, "reminders", replace(COLLECTIONS["reminders"], on_change=schedule)
    )
    rem = change("reminders")
    sync(device, [rem])
    (row,) = stored(Reminder, rem["id"])
    assert row.next_fire_at == moment


def test_a_thousand_changes_pass_and_one_more_is_413(device):
    batch = [change("intakes", updated_at=at(n / 100)) for n in range(1000)]
    answer = sync(device, batch, limit=1000)
    assert len(answer["accepted"]) == 1000 and len(answer["changes"]) == 1000
    res = device.post("/api/v1/sync", json={"cursor": None, "changes": batch + [change()]})
    assert res.status_code == 413
    assert res.json["code"] == 413 and res.json["status"] == "Request Entity Too Large"
    assert "at most 1000" in res.json["message"].lower()
    assert total_rows() == 1000


def test_a_huge_body_is_413_in_the_json_shape(device):
    notes = "x" * 2000
    batch = [change("cramps", notes=notes) for _ in range(1000)]
    batch[0]["data"]["padding"] = "y" * (5 * 1024 * 1024)
    res = device.post("/api/v1/sync", json={"cursor": None, "changes": batch})
    assert res.status_code == 413
    assert res.json["code"] == 413 and res.json["message"]
    assert total_rows() == 0


def test_malformed_json_is_400(device):
    res = device.post("/api/v1/sync", data='{"changes": [', content_type="application/json")
    assert res.status_code == 400
    assert res.json["code"] == 400 and res.json["message"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"changes": {"a": 1}}, "changes"),
        ({"changes": ["not an object"]}, "changes"),
        ({"cursor": "abc", "changes": []}, "cursor"),
        ({"cursor": -1, "changes": []}, "cursor"),
        ({"cursor": 2**70, "changes": []}, "cursor"),
        ({"cursor": 1.5, "changes": []}, "cursor"),
        ({"limit": 0, "changes": []}, "limit"),
        ({"limit": 1001, "changes": []}, "limit"),
        ({"changes": [], "more": True}, "more"),
    ],
)
def test_wrong_types_are_422_for_the_whole_request(device, body, field):
    res = device.post("/api/v1/sync", json=body)
    assert res.status_code == 422
    assert res.json["status"] == "Unprocessable Entity"
    assert field in res.json["errors"]["json"]


def test_a_json_array_body_is_422(device):
    res = device.post("/api/v1/sync", json=[change()])
    assert res.status_code == 422
    assert total_rows() == 0


def test_paging_returns_every_change_exactly_once(device, second_device):
    sent = [change(name, updated_at=at(n)) for n in range(4) for name in COLLECTION_NAMES]
    sync(device, sent)
    got, cursors, cursor = [], [], None
    while True:
        page = sync(second_device, cursor=cursor, limit=7)
        assert len(page["changes"]) <= 7
        got.extend(page["changes"])
        cursors.append(page["cursor"])
        cursor = page["cursor"]
        if not page["has_more"]:
            break
        # A change made by another device while paging comes later, once.
        if len(cursors) == 2:
            late = change("cramps", updated_at=at(100))
            sent.append(late)
            sync(device, [late])
    assert cursors == sorted(cursors)
    assert sorted(c["id"] for c in got) == sorted(c["id"] for c in sent)
    assert sync(second_device, cursor=cursor)["changes"] == []


def test_records_come_back_in_sequence_order(device):
    sent = [change(name, updated_at=at(n)) for n, name in enumerate(reversed(COLLECTION_NAMES))]
    sync(device, sent)
    got, _ = pull_all(device, limit=4)
    assert [c["id"] for c in got] == [c["id"] for c in sent]


def test_concurrent_syncs_of_one_person_lose_nothing(app, device, make_client):
    clients = [device] + [make_client("ana@example.org", register=False) for _ in range(3)]
    batches = [[change("intakes") for _ in range(40)] for _ in range(8)]
    errors = []

    def send(client, mine):
        try:
            for batch in mine:
                with app.app_context():
                    res = client.post("/api/v1/sync", json={"cursor": None, "changes": batch})
                    assert res.status_code == 200, res.json
        except Exception as exc:  # reported below, in the test's thread
            errors.append(exc)

    threads = [
        threading.Thread(target=send, args=(c, batches[i::4])) for i, c in enumerate(clients)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    got, cursor = pull_all(make_client("ana@example.org", register=False), limit=100)
    assert sorted(c["id"] for c in got) == sorted(c["id"] for b in batches for c in b)
    assert cursor == person_seq() == 320


def test_a_sync_committed_between_read_and_lock_is_seen(device, second_device, monkeypatch):
    """The optimistic read is checked under the lock: a record another device stored in
    between is decided against, not inserted twice (which would be a 500)."""
    from api.sync import service

    rid = str(uuid.uuid4())
    real_load, calls = service._load_stored, []

    def load_then_race(user, changes):
        found = real_load(user, changes)
        if not calls:  # the other device commits right after our first read
            calls.append(user.email)
            newer = change("cramps", id=rid, updated_at=at(9), notes="other device, newer")
            sync(second_device, [newer])
        return found

    monkeypatch.setattr(service, "_load_stored", load_then_race)
    answer = sync(device, [change("cramps", id=rid, updated_at=at(1), notes="older")])
    assert answer["accepted"] == [rid]
    (row,) = stored(Cramp, rid)
    assert row.notes == "other device, newer"
    assert [c["data"]["notes"] for c in answer["changes"]] == ["other device, newer"]
