"""The pull half of a sync: a person's changes after a cursor, in sequence order, paged."""

from collections.abc import Iterable
from datetime import UTC, date, datetime
from operator import itemgetter
from uuid import UUID

from sqlalchemy import Integer, bindparam, select

from api.extensions import db
from api.sync.registry import COLLECTIONS, Collection


def _after_cursor(coll: Collection):
    """One collection's rows of a person after a cursor, up to a bound, oldest first.

    Built once per collection: a sync asks each of them, and building the statement costs
    more than running it."""
    table = coll.model.__table__
    return (
        select(table)
        .where(
            table.c.user_id == bindparam("user_id"),
            table.c.seq > bindparam("cursor"),
            table.c.seq <= bindparam("bound"),
        )
        .order_by(table.c.seq)
        .limit(bindparam("n", type_=Integer))
    )


_AFTER_CURSOR = {name: _after_cursor(coll) for name, coll in COLLECTIONS.items()}


def pull(
    user_id: int,
    cursor: int,
    limit: int,
    seq: int,
    losers: dict,
    only: Iterable[str] | None = None,
    known: Iterable[tuple] = (),
) -> dict:
    """This person's changes after `cursor` (up to seq), oldest first, `limit` at most.

    only: the collections to read, when the caller knows which can hold such changes (None:
    all). known: the other changes after the cursor, as (seq, key, change) with key
    (collection, id): ones the caller built without reading them (the records its sync wrote)."""
    rows = _read(user_id, cursor, limit, seq, only)
    entries = [(s, (coll.name, row["id"]), to_change(coll, row)) for s, coll, row in rows]
    entries.extend(known)
    entries.sort(key=itemgetter(0))
    has_more = len(entries) > limit
    page = entries[:limit]
    out = [change for _, _, change in page]
    sent = {key for _, key, _ in page}
    for key, row in losers.items():
        if key not in sent:
            out.append(to_change(COLLECTIONS[key[0]], row))
    return {"cursor": page[-1][0] if has_more else seq, "has_more": has_more, "changes": out}


def _read(user_id: int, cursor: int, limit: int, seq: int, only: Iterable[str] | None) -> list:
    """The oldest limit+1 rows after the cursor (up to seq), as (seq, collection, row)."""
    rows = []
    bound = seq
    names = list(COLLECTIONS) if only is None else [n for n in COLLECTIONS if n in only]
    if cursor >= seq:
        names = []  # nothing was numbered after the cursor: no collection to ask
    for name in names:
        coll = COLLECTIONS[name]
        params = {"user_id": user_id, "cursor": cursor, "bound": bound, "n": limit + 1}
        conn = db.session.connection()
        found = conn.execute(_AFTER_CURSOR[name], params)
        rows.extend((row.seq, coll, row._mapping) for row in found)
        if len(rows) > limit:
            # Keep the oldest limit+1; later tables need not look past them.
            rows.sort(key=itemgetter(0))
            del rows[limit + 1 :]
            bound = rows[-1][0]
    return rows


def to_change(coll: Collection, row) -> dict:
    """A stored row in the shape devices push; a tombstone has op delete and no data."""
    data = None if row["deleted_at"] is not None else coll.schema.dump(row)
    return change_entry(coll, row["id"], row["updated_at"], data)


def change_entry(coll: Collection, rid, updated_at: datetime, data: dict | None) -> dict:
    """One change of an answer, in the shape devices push (data None: a tombstone)."""
    return {
        "collection": coll.name,
        "id": str(rid),
        "op": "delete" if data is None else "upsert",
        "updated_at": updated_at.astimezone(UTC).isoformat(),
        "data": data,
    }


_DATA_FIELDS: dict[str, tuple[str, ...]] = {}


def data_fields(coll: Collection) -> tuple[str, ...]:
    """The columns a device sends in `data` (worked out once per collection: every record of a
    batch asks)."""
    if coll.name not in _DATA_FIELDS:
        _DATA_FIELDS[coll.name] = tuple(coll.schema.load_fields)
    return _DATA_FIELDS[coll.name]


def _json_value(value):
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date | UUID):
        return str(value)
    return value


def json_data(coll: Collection, values) -> dict:
    """The data a device sends, in JSON's values with every time in UTC. For a stored row of a
    collection whose schema shows only what a device sends, it is what the schema's dump makes
    of it (tests/api/test_sync_echo.py), at a third of the cost."""
    return {name: _json_value(values.get(name)) for name in data_fields(coll)}
