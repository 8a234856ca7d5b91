"""What a sync costs the database, and the answer it sends without the schema's copy.

A phone syncs every minute while the app is open: a sync that carries nothing and whose cursor
is current answers from the person's row, and a sync whose numbers are all its own reads back
only the collections it wrote to (api/sync/service.py). The answer is sent as the service built
it (api/sync/routes.py), so it must already be exactly what SyncAnswerSchema would make of it.
"""

import re
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import event, select, update

from api.extensions import db
from api.models import AuthSession, User
from api.models.types import utcnow
from api.sync.registry import COLLECTIONS
from api.sync.schemas import SyncAnswerSchema
from tests.factories import at, change, one_of_each, sync

TABLES = {c.model.__tablename__ for c in COLLECTIONS.values()}


@dataclass
class Ran:
    """A statement the app ran, and whether it ran outside any transaction."""

    sql: str
    outside: bool


@contextmanager
def statements():
    """The SQL statements the app runs meanwhile, in order.

    On SQLite, SQLAlchemy's before_cursor_execute; outside a transaction when the driver has
    none open before it (the driver begins one only at a write). On PostgreSQL, a psycopg
    cursor class set on the pool's connections while they are lent, which also sees the read
    that connections.first_row runs on the driver itself (a sync uses no server-side cursor,
    which it would not see); outside a transaction in autocommit.
    There, the test's session lets its connection go first, as a request's session does at its
    end (the test client's requests share it), so the requests meanwhile take theirs from the
    pool, with the noting cursor class."""
    seen: list[Ran] = []
    if db.engine.dialect.name == "sqlite":

        def note(conn, cursor, statement, *args):
            seen.append(Ran(statement, not cursor.connection.in_transaction))

        event.listen(db.engine, "before_cursor_execute", note)
        try:
            yield seen
        finally:
            event.remove(db.engine, "before_cursor_execute", note)
        return

    import psycopg

    db.session.close()

    class Noting(psycopg.Cursor):
        def execute(self, query, params=None, **kwargs):
            seen.append(Ran(str(query), self.connection.autocommit))
            return super().execute(query, params, **kwargs)

        def executemany(self, query, params_seq, **kwargs):
            seen.append(Ran(str(query), self.connection.autocommit))
            return super().executemany(query, params_seq, **kwargs)

    def lend(dbapi_connection, *args):
        dbapi_connection.cursor_factory = Noting

    def take_back(dbapi_connection, *args):
        dbapi_connection.cursor_factory = psycopg.Cursor

    event.listen(db.engine, "checkout", lend)
    event.listen(db.engine, "checkin", take_back)
    try:
        yield seen
    finally:
        db.session.close()  # its connection goes back, and loses the noting cursor class
        event.remove(db.engine, "checkout", lend)
        event.remove(db.engine, "checkin", take_back)


def tables_read(seen: list[Ran]) -> set[str]:
    """The collections' tables that SELECT statements read."""
    read = set()
    for ran in seen:
        if ran.sql.lstrip().upper().startswith("SELECT"):
            read |= {t for t in re.findall(r"FROM (\w+)", ran.sql) if t in TABLES}
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
    assert not any(ran.sql.lstrip().upper().startswith(("INSERT", "UPDATE")) for ran in seen)


def test_an_empty_sync_with_a_current_cursor_is_one_statement_outside_a_transaction(device):
    """The session and the person's row in one read, with no BEGIN and ROLLBACK around it."""
    first = sync(device, one_of_each())
    with statements() as seen:
        sync(device, cursor=first["cursor"])
    assert len(seen) == 1, seen
    assert "sessions" in seen[0].sql and "users" in seen[0].sql
    assert seen[0].outside


def test_a_sync_that_stores_reads_the_session_once_outside_its_transaction(device):
    first = sync(device, one_of_each())
    with statements() as seen:
        answer = sync(device, [change("cramps"), change("reminders")], cursor=first["cursor"])
    assert len(answer["accepted"]) == 2
    session_reads = [ran for ran in seen if "FROM sessions" in ran.sql]
    assert len(session_reads) == 1, session_reads
    assert session_reads[0].outside


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
