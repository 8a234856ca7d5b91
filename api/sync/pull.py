"""The pull half of a sync: a person's changes after a cursor, in sequence order, paged."""

from sqlalchemy import select

from api.extensions import db
from api.models import User
from api.sync.registry import COLLECTIONS, Collection


def pull(user: User, cursor: int, limit: int, seq: int, losers: dict) -> dict:
    """This person's changes after `cursor` (up to seq), oldest first, `limit` at most."""
    rows = []
    bound = seq
    for coll in COLLECTIONS.values():
        table = coll.model.__table__
        found = db.session.execute(
            select(table)
            .where(table.c.user_id == user.id, table.c.seq > cursor, table.c.seq <= bound)
            .order_by(table.c.seq)
            .limit(limit + 1)
        )
        rows.extend((row.seq, coll, row._mapping) for row in found)
        if len(rows) > limit:
            # Keep the oldest limit+1; later tables need not look past them.
            rows.sort(key=lambda r: r[0])
            del rows[limit + 1 :]
            bound = rows[-1][0]
    rows.sort(key=lambda r: r[0])
    has_more = len(rows) > limit
    page = rows[:limit]
    out = [to_change(coll, row) for _, coll, row in page]
    sent = {(coll.name, row["id"]) for _, coll, row in page}
    for key, row in losers.items():
        if key not in sent:
            out.append(to_change(COLLECTIONS[key[0]], row))
    return {"cursor": page[-1][0] if has_more else seq, "has_more": has_more, "changes": out}


def to_change(coll: Collection, row) -> dict:
    """A stored row in the shape devices push; a tombstone has op delete and no data."""
    deleted = row["deleted_at"] is not None
    return {
        "collection": coll.name,
        "id": str(row["id"]),
        "op": "delete" if deleted else "upsert",
        "updated_at": row["updated_at"].isoformat(),
        "data": None if deleted else coll.schema.dump(row),
    }
