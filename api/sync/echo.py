"""A sync's answer when it holds only what the sync itself wrote: built from memory.

When every sequence number after the device's cursor is one this sync handed out, the answer is
the records it just stored (and the stored versions its changes lost to). Reading them back and
dumping each row cost about a quarter of storing a large batch; the values are known already.
A record is answered from memory only where that is exactly what a read would give: its
collection has no hook that changes it after (a reminder's next_fire_at), shows no field the
server manages, and leaves no field to a column default. The others are read back.
"""

from uuid import UUID

import marshmallow as ma

from api.sync.pull import change_entry, json_data, pull
from api.sync.registry import COLLECTIONS, Collection


def _echoable(coll: Collection) -> bool:
    """True when a record of this collection is stored exactly as the device sent it."""
    schema = coll.schema
    if coll.on_change is not None or set(schema.dump_fields) != set(schema.load_fields):
        return False
    return all(f.required or f.load_default is not ma.missing for f in schema.load_fields.values())


ECHOED = frozenset(name for name, coll in COLLECTIONS.items() if _echoable(coll))


def answer(user_id: int, cursor: int, limit: int, seq: int, losers: dict, written: dict) -> dict:
    """pull()'s answer, given that every number after `cursor` (up to seq) is in `written`:
    {(collection, id): (number, the Version written)}."""
    ours = sorted((n, key, version) for key, (n, version) in written.items() if n > cursor)
    del ours[limit + 1 :]  # the page holds the oldest `limit` of them (one more says has_more)
    known, reread = [], set()
    for n, (name, rid), version in ours:
        if name in ECHOED:
            known.append((n, (name, rid), _as_stored(COLLECTIONS[name], rid, version)))
        else:
            reread.add(name)
    return pull(user_id, cursor, limit, seq, losers, only=reread, known=known)


def _as_stored(coll: Collection, rid: UUID, version) -> dict:
    """What pull.to_change makes of the row a read would return for this record, with
    json_data in place of the schema's dump (the same values, at a third of the cost)."""
    data = None if version.values is None else json_data(coll, version.values)
    return change_entry(coll, rid, version.updated_at, data)
