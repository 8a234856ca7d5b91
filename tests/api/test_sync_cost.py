"""What a sync costs the database, and the answer it sends without the schema's copy.

A phone syncs every minute while the app is open: a sync that carries nothing and whose cursor
is current answers from the person's row, and a sync whose numbers are all its own reads back
only the collections it wrote to (api/sync/service.py). The answer is sent as the service built
it (api/sync/routes.py), so it must already be exactly what SyncAnswerSchema would make of it.
"""

import re
from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import event, select, update

from api.extensions import db
from api.models import AuthSession, User
from api.models.types import utcnow
from api.sync.registry import COLLECTIONS
from api.sync.schemas import SyncAnswerSchema
from tests.factories import at, change, one_of_each, sync

TABLES = {c.model.__tablename__ for c in COLLECTIONS.values()}


@contextmanager
def statements():
    """The SQL statements the app runs meanwhile."""
    seen = []

    def note(conn, cursor, statement, *args):
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", note)


def tables_read(seen: list[str]) -> set[str]:
    """The collections' tables that SELECT statements read."""
    read = set()
    for sql in seen:
        if sql.lstrip().upper().startswith("SELECT"):
            read |= {t for t in re.findall(r"FROM (\w+)", sql) if t in TABLES}
    return read


def test_an_empty_sync_with_a_current_cursor_reads_no_collection(device):
    first = sync(device, one_of_each())
    with statements() as seen:
        answer = sync(device, cursor=first["cursor"])
    assert answer == {
        "accepted": [],
        "rejected": [],
        "cursor": first["cursor"],
        "has_more": False,
        "changes": [],
    }
    assert tables_read(seen) == set()
    assert not any(s.lstrip().upper().startswith(("INSERT", "UPDATE")) for s in seen)


def test_an_empty_sync_with_a_current_cursor_is_one_statement_outside_a_transaction(device):
    """The session and the person's row in one read, in autocommit on PostgreSQL (no BEGIN and
    ROLLBACK around it); SQLite's driver begins no transaction for a read."""
    first = sync(device, one_of_each())
    modes = []

    def note(conn, cursor, statement, *args):
        modes.append(conn.get_execution_options().get("isolation_level"))

    with statements() as seen:
        event.listen(db.engine, "before_cursor_execute", note)
        try:
            sync(device, cursor=first["cursor"])
        finally:
            event.remove(db.engine, "before_cursor_execute", note)
    assert len(seen) == 1, seen
    assert "sessions" in seen[0] and "users" in seen[0]
    assert modes == [None if db.engine.dialect.name == "sqlite" else "AUTOCOMMIT"]


def test_a_sync_that_stores_reads_the_session_once_outside_its_transaction(device):
    first = sync(device, one_of_each())
    modes = []

    def note(conn, cursor, statement, *args):
        if "sessions" in statement:
            modes.append(conn.get_execution_options().get("isolation_level"))

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        answer = sync(device, [change("cramps"), change("reminders")], cursor=first["cursor"])
    finally:
        event.remove(db.engine, "before_cursor_execute", note)
    assert len(answer["accepted"]) == 2
    assert modes == [None if db.engine.dialect.name == "sqlite" else "AUTOCOMMIT"]


def _age_sessions(by: timedelta) -> None:
    db.session.rollback()
    db.session.execute(update(AuthSession).values(last_seen_at=utcnow() - by))
    db.session.commit()


def _last_seen():
    db.session.rollback()
    return db.session.scalar(select(AuthSession.last_seen_at))


def test_an_empty_current_sync_still_notes_the_device_seen(device):
    first = sync(device, [change("knots")])
    _age_sessions(timedelta(minutes=10))
    before = _last_seen()
    assert sync(device, cursor=first["cursor"])["cursor"] == first["cursor"]
    assert _last_seen() > before + timedelta(minutes=9)


def test_an_empty_current_sync_of_a_session_idle_too_long_is_refused(device):
    first = sync(device, [change("knots")])
    _age_sessions(timedelta(days=91))
    sync(device, cursor=first["cursor"], status=401)
    assert _last_seen() is None  # the session ended on the server


def test_an_empty_current_sync_of_an_account_switched_off_is_refused(device):
    """Switched off while this session was being opened: the session ends at its next sync."""
    first = sync(device, [change("knots")])
    db.session.execute(update(User).values(disabled_at=utcnow()))
    db.session.commit()
    sync(device, cursor=first["cursor"], status=401)
    assert _last_seen() is None


def test_an_empty_current_sync_after_sign_out_is_refused(device):
    first = sync(device, [change("knots")])
    assert device.post("/api/v1/auth/logout").status_code == 204
    sync(device, cursor=first["cursor"], status=401)


def test_an_empty_sync_behind_pulls_what_it_lacks(device, second_device):
    first = sync(device, [change("knots")])
    late = sync(second_device, [change("intakes")], cursor=first["cursor"])
    answer = sync(device, cursor=first["cursor"])
    assert [c["collection"] for c in answer["changes"]] == ["intakes"]
    assert answer["cursor"] == late["cursor"]


def test_a_sync_with_a_current_cursor_reads_back_only_what_it_wrote(device):
    first = sync(device, one_of_each())
    sent = [change("cramps", updated_at=at(5)) for _ in range(5)]
    with statements() as seen:
        answer = sync(device, sent, cursor=first["cursor"])
    assert [c["id"] for c in answer["changes"]] == [c["id"] for c in sent]
    assert answer["cursor"] == first["cursor"] + 5
    assert tables_read(seen) == {"cramps"}


def test_a_sync_behind_also_gets_what_another_device_stored(device, second_device):
    first = sync(device, [change("knots")])
    other = sync(second_device, [change("intakes")], cursor=first["cursor"])
    mine = change("cramps")
    answer = sync(device, [mine], cursor=first["cursor"])
    assert [c["id"] for c in answer["changes"]] == [other["accepted"][0], mine["id"]]


def test_the_answer_is_what_the_schema_makes_of_it(device, second_device):
    """Accepted, rejected, a loser sent back, a tombstone, data of every collection."""
    sent = one_of_each()
    first = sync(device, sent)
    gone = change(sent[0]["collection"], id=sent[0]["id"], op="delete", updated_at=at(10))
    sync(second_device, [gone], cursor=first["cursor"])
    older = change(sent[1]["collection"], id=sent[1]["id"], updated_at=at(-10))
    bad = change("cramps", intensity=99)
    res = device.post("/api/v1/sync", json={"cursor": None, "changes": [older, bad]})
    assert res.status_code == 200
    answer = res.json
    assert answer["accepted"] == [older["id"]]
    assert [r["id"] for r in answer["rejected"]] == [bad["id"]]
    assert any(c["op"] == "delete" for c in answer["changes"])
    assert {c["collection"] for c in answer["changes"]} == set(COLLECTIONS)
    schema = SyncAnswerSchema()
    assert set(answer) == set(schema.fields)
    change_fields = set(schema.fields["changes"].inner.schema.fields)
    assert all(set(c) == change_fields for c in answer["changes"])
    assert schema.dump(answer) == answer
