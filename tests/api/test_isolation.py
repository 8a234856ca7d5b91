"""Person B can neither read, change nor delete person A's records, through any endpoint."""

import csv
import io

import pytest
from sqlalchemy import select
from werkzeug.routing import IntegerConverter

from api.extensions import db
from api.sync.registry import COLLECTIONS
from tests.factories import COLLECTION_NAMES, at, change, one_of_each, pull_all, sync


def rows_of(email: str) -> dict:
    """Every synced row of a person, straight from the database: {(collection, id): row}."""
    from api.models import User

    db.session.rollback()
    uid = db.session.scalar(select(User.id).where(User.email == email))
    out = {}
    for name, coll in COLLECTIONS.items():
        table = coll.model.__table__
        for row in db.session.execute(select(table).where(table.c.user_id == uid)):
            out[(name, str(row.id))] = tuple(row)
    return out


def exported(client) -> dict:
    res = client.get("/api/v1/export")
    assert res.status_code == 200
    body = res.json
    body.pop("exported_at")
    return body


@pytest.fixture
def people(make_client):
    """A with one record in every collection; B with an empty account."""
    a = make_client("a@example.org")
    b = make_client("b@example.org")
    records = one_of_each()
    sync(a, records)
    return a, b, records


def test_b_cannot_read_a_records(people):
    a, b, records = people
    assert pull_all(b)[0] == []
    assert pull_all(b, cursor=0, limit=1)[0] == []
    export = exported(b)
    assert export["account"]["email"] == "b@example.org"
    assert all(export[name] == [] for name in COLLECTION_NAMES)
    for name in COLLECTION_NAMES:
        res = b.get(f"/api/v1/export?format=csv&collection={name}")
        assert res.status_code == 200
        assert len(list(csv.reader(io.StringIO(res.text)))) == 1  # the header only
    # A sees her own.
    assert {c["id"] for c in pull_all(a)[0]} == {r["id"] for r in records}


def test_b_sending_a_ids_changes_and_deletes_only_b_rows(people):
    a, b, records = people
    a_before, a_export = rows_of("a@example.org"), exported(a)
    newer = [
        change(r["collection"], id=r["id"], updated_at=at(60), data=r["data"]) for r in records
    ]
    for c in newer:
        if c["collection"] == "cramps":
            c["data"] = {**c["data"], "notes": "written by B"}
    answer = sync(b, newer)
    assert sorted(answer["accepted"]) == sorted(r["id"] for r in records)
    deletes = [
        change(r["collection"], id=r["id"], op="delete", updated_at=at(120)) for r in records
    ]
    answer = sync(b, deletes)
    assert len(answer["accepted"]) == len(records)
    # A's rows are untouched, byte for byte, and A sees nothing of B's.
    assert rows_of("a@example.org") == a_before
    assert exported(a) == a_export
    a_sees = pull_all(a)[0]
    assert {c["op"] for c in a_sees} == {"upsert"}
    assert "written by B" not in str(a_sees)
    # B's own rows with the same ids exist, as B's tombstones.
    b_rows = rows_of("b@example.org")
    assert set(b_rows) == set(a_before)
    assert {c["op"] for c in pull_all(b)[0]} == {"delete"}


def test_a_never_sees_b_record_with_her_id(people):
    a, b, records = people
    cursor = pull_all(a)[1]
    sync(b, [change("cramps", id=records[0]["id"], updated_at=at(30), notes="B's")])
    answer = sync(a, cursor=cursor)
    assert answer["changes"] == []
    assert answer["cursor"] == cursor  # B's sequence numbers are B's own


def _api_rules_with_ids(app):
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/") and rule.arguments:
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                yield rule, method


def a_ids(rule, records) -> list:
    """A's ids of the kind a route takes: a record's uuid, or a number (her sessions' ids)."""
    from api.models import AuthSession, User

    if not all(isinstance(c, IntegerConverter) for c in rule._converters.values()):
        return [r["id"] for r in records]
    db.session.rollback()
    ids = db.session.scalars(
        select(AuthSession.id).join(User).where(User.email == "a@example.org")
    ).all()
    assert ids, "A is signed in: she has a session"
    return ids


def test_no_endpoint_with_an_id_gives_b_access_to_a_record(app, people):
    """Every /api/ route taking an id (a reminder's snooze, a device's sign-out) refuses B."""
    a, b, records = people
    a_before = rows_of("a@example.org")
    urls = app.url_map.bind("localhost")
    for rule, method in _api_rules_with_ids(app):
        for a_id in a_ids(rule, records):
            url = urls.build(rule.endpoint, dict.fromkeys(rule.arguments, a_id), method)
            res = b.open(url, method=method, json={"minutes": 15})
            assert not 200 <= res.status_code < 300, (method, url, res.status_code)
    assert rows_of("a@example.org") == a_before
    assert a.get("/api/v1/me").status_code == 200  # and A is still signed in


def test_b_settings_and_account_are_b_own(people):
    a, b, _ = people
    assert b.patch("/api/v1/me", json={"energy_budget": 3}).status_code == 200
    assert a.get("/api/v1/me").json["energy_budget"] == 12
    a_before = rows_of("a@example.org")
    assert b.delete("/api/v1/me", json={"password": "correct horse"}).status_code == 204
    assert rows_of("a@example.org") == a_before
    assert a.get("/api/v1/me").status_code == 200


def test_signed_out_gets_nothing(client, people):
    for res in (
        client.post("/api/v1/sync", json={"cursor": None, "changes": []}),
        client.get("/api/v1/export"),
        client.get("/api/v1/export?format=csv&collection=cramps"),
        client.delete("/api/v1/me", json={"password": "correct horse"}),
    ):
        assert res.status_code == 401
    res = client.post("/api/v1/sync", json={"cursor": None, "changes": [change()]})
    assert res.status_code == 401
