"""Reminders through sync get their next fire time; snooze is per person and syncs back."""

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from api.extensions import db
from api.models import Reminder


def push_reminder(client, rid=None, op="upsert", **data):
    rid = rid or str(uuid.uuid4())
    now = datetime.now(UTC).isoformat()
    body = {"created_at": now, "kind": "magnesium", "times": ["21:00"], **data}
    change = {"collection": "reminders", "id": rid, "op": op, "updated_at": now, "data": body}
    if op == "delete":
        change["data"] = None
    res = client.post("/api/v1/sync", json={"cursor": None, "changes": [change]})
    assert res.status_code == 200, res.get_json()
    assert res.get_json()["accepted"] == [rid], res.get_json()
    return rid, res.get_json()["cursor"]


def row(rid):
    db.session.expire_all()
    return db.session.scalar(db.select(Reminder).where(Reminder.id == uuid.UUID(rid)))


def test_sync_hook_schedules_pauses_and_clears(client, auth):
    auth.register(timezone="Europe/Berlin")
    rid, _ = push_reminder(client)
    r = row(rid)
    assert r.next_fire_at > datetime.now(UTC)
    assert r.next_fire_at.astimezone(ZoneInfo("Europe/Berlin")).strftime("%H:%M") == "21:00"
    push_reminder(client, rid, enabled=False)
    assert row(rid).next_fire_at is None
    push_reminder(client, rid, enabled=True)
    assert row(rid).next_fire_at is not None
    push_reminder(client, rid, op="delete")
    assert row(rid).next_fire_at is None


def test_snooze_sets_the_next_fire_and_syncs_back(client, auth):
    auth.register()
    rid, cursor = push_reminder(client)
    before = datetime.now(UTC)
    res = client.post(f"/api/v1/reminders/{rid}/snooze", json={"minutes": 15})
    assert res.status_code == 200
    body = res.get_json()
    until = datetime.fromisoformat(body["snoozed_until"])
    assert before + timedelta(minutes=15) <= until <= datetime.now(UTC) + timedelta(minutes=15)
    assert datetime.fromisoformat(body["next_fire_at"]) == until
    r = row(rid)
    assert (r.next_fire_at, r.fire_kind) == (until, "snooze")
    # The other devices get the snooze on their next pull.
    pulled = client.post("/api/v1/sync", json={"cursor": cursor, "changes": []}).get_json()
    [change] = [c for c in pulled["changes"] if c["id"] == rid]
    assert datetime.fromisoformat(change["data"]["snoozed_until"]) == until


@pytest.mark.parametrize("minutes", [5, 60, 720])
def test_snooze_custom_minutes(client, auth, minutes):
    auth.register()
    rid, _ = push_reminder(client)
    assert (
        client.post(f"/api/v1/reminders/{rid}/snooze", json={"minutes": minutes}).status_code == 200
    )


@pytest.mark.parametrize(
    "body",
    [{}, {"minutes": 4}, {"minutes": 721}, {"minutes": "15"}, {"minutes": 1.5}, {"minutes": None}],
)
def test_bad_snooze_is_422(client, auth, body):
    auth.register()
    rid, _ = push_reminder(client)
    res = client.post(f"/api/v1/reminders/{rid}/snooze", json=body)
    assert res.status_code == 422 and "minutes" in res.get_json()["errors"]["json"]


def test_nobody_snoozes_another_persons_reminder(client, auth, make_client):
    auth.register()
    rid, _ = push_reminder(client)
    ben = make_client("ben@example.org")
    assert ben.post(f"/api/v1/reminders/{rid}/snooze", json={"minutes": 15}).status_code == 404
    assert row(rid).snoozed_until is None


def test_unknown_deleted_and_malformed_ids(client, auth):
    auth.register()
    assert (
        client.post(f"/api/v1/reminders/{uuid.uuid4()}/snooze", json={"minutes": 15}).status_code
        == 404
    )
    rid, _ = push_reminder(client)
    push_reminder(client, rid, op="delete")
    assert client.post(f"/api/v1/reminders/{rid}/snooze", json={"minutes": 15}).status_code == 404
    # No route matches a malformed id (the shell's catch-all answers 405 to a POST).
    bad = client.post("/api/v1/reminders/not-a-uuid/snooze", json={"minutes": 15})
    assert (bad.status_code, bad.json["code"]) == (405, 405)


def test_snooze_signed_out_is_401(client):
    assert (
        client.post(f"/api/v1/reminders/{uuid.uuid4()}/snooze", json={"minutes": 15}).status_code
        == 401
    )
