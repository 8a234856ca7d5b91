"""The sync protocol: push a batch of changes, pull what changed after a cursor.

Rules:
- a record is identified by (owner, collection, id); another person's record with the
  same id is another row, so nobody can reach anyone else's data by guessing an id;
- last writer wins by updated_at; on a tie a delete beats an upsert, then the larger
  canonical JSON of `data` wins, so devices converge whatever order the server sees;
  an identical resend changes nothing and writes nothing;
- an updated_at more than a minute ahead of the server clock is clamped to it;
- every stored change gets the person's next sequence number, handed out under the
  lock of the person's row (api/sync/seqs.py, also used by the server's own changes),
  so sequence order is commit order and a pull cursor never skips a record committed late.
"""

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from uuid import UUID

import marshmallow as ma
from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    Integer,
    String,
    Uuid,
    bindparam,
    insert,
    select,
    update,
)

from api.auth.sessions import Glance
from api.errors import Unauthorized
from api.extensions import db
from api.models import User
from api.models.types import utcnow
from api.sync import echo, seqs, writes
from api.sync.pull import json_data, pull
from api.sync.registry import COLLECTIONS, Collection
from api.sync.schemas import ChangeSchema

FUTURE_SLACK = timedelta(minutes=1)
CHANGE = ChangeSchema()
UPSERT, DELETE = 0, 1  # rank on an updated_at tie: a delete wins


@dataclass
class Version:
    """One version of a record: stored, or sent in this batch."""

    updated_at: datetime
    rank: int
    values: dict | None  # the data columns (None for a tombstone)
    _canon: str | None = field(default=None, repr=False)

    def canon(self, coll: Collection) -> str:
        """The data as canonical JSON: the last tie-breaker."""
        if self._canon is None:
            self._canon = canonical(coll, self.values) if self.values is not None else ""
        return self._canon

    def beats(self, other: "Version", coll: Collection) -> bool:
        """True when this version must replace `other` (never when they are equal)."""
        if self.updated_at != other.updated_at:
            return self.updated_at > other.updated_at
        if self.rank != other.rank:
            return self.rank > other.rank
        return self.canon(coll) > other.canon(coll)


@dataclass
class Change:
    """A valid change from the batch, in the order it was sent."""

    sent_id: object
    coll: Collection
    id: UUID
    version: Version


def sync(user: User | Glance, cursor: int | None, changes: list[dict], limit: int) -> dict:
    """Store a batch of changes, then answer with this person's changes after `cursor`.

    user: the person's id and sync_seq as read with their session in this request."""
    if not changes and cursor is not None and cursor == user.sync_seq:
        # Nothing sent, and the person's row, read with their session in this request, says
        # nothing committed after the cursor: the collections need not be asked. (Numbers
        # taken by a transaction not yet committed are not in that row yet, so this skips
        # nothing that commits late: the next sync pulls it.)
        return {"accepted": [], "rejected": [], "cursor": cursor, "has_more": False, "changes": []}
    now = utcnow()
    accepted, rejected, valid = [], [], []
    for raw in changes:
        change = parse_change(raw, now)
        if isinstance(change, Change):
            valid.append(change)
            accepted.append(change.sent_id)
        else:
            rejected.append(change)
    user_id = user.id
    with writes.writing() as writing:
        done = store(user, valid, writing)
    # The answer is read after the commit, so the write lock (SQLite) and the person's row
    # (PostgreSQL) are held only while storing. Every number up to done.seq is committed by
    # now (numbers are handed out under that lock), and a record changed since has a number
    # after it: the pull skips nothing. When every number after the cursor is one this sync
    # handed out, the answer is what it wrote, mostly known without reading (api/sync/echo.py).
    if (cursor or 0) >= done.before:
        answer = echo.answer(user_id, cursor or 0, limit, done.seq, done.losers, done.written)
    else:
        answer = pull(user_id, cursor or 0, limit, done.seq, done.losers)
    return {"accepted": accepted, "rejected": rejected, **answer}


# ---- checking ----


def parse_change(raw: dict, now: datetime) -> Change | dict:
    """A valid Change, or a rejection {id, collection, errors} in flask-smorest's shape."""
    try:
        env = CHANGE.load(raw)
    except ma.ValidationError as err:
        return _rejection(raw, err.messages)
    coll = COLLECTIONS[env["collection"]]
    updated_at = env["updated_at"]
    if updated_at > now + FUTURE_SLACK:
        updated_at = now  # a device clock far ahead must not win every future edit
    if env["op"] == "delete":
        return Change(raw["id"], coll, env["id"], Version(updated_at, DELETE, None))
    data = env["data"]
    if data is None:
        return _rejection(raw, {"data": ["An upsert needs its data."]})
    server = _server_fields(coll)
    if not server.isdisjoint(data):
        # Server-managed fields (e.g. a reminder's next_fire_at) come back from a pull;
        # a device may send them back unchanged, and they are ignored.
        data = {k: v for k, v in data.items() if k not in server}
    try:
        values = coll.schema.load(data)
    except ma.ValidationError as err:
        return _rejection(raw, {"data": err.messages})
    return Change(raw["id"], coll, env["id"], Version(updated_at, UPSERT, values))


def _rejection(raw: dict, errors: dict) -> dict:
    return {
        "id": _plain(raw.get("id")),
        "collection": _plain(raw.get("collection")),
        "errors": errors,
    }


def _plain(value):
    """Echo an id or collection name back only when it is a short string."""
    return value if isinstance(value, str) and len(value) <= 100 else None


_SERVER_FIELDS: dict[str, frozenset] = {}


def _server_fields(coll: Collection) -> frozenset:
    if coll.name not in _SERVER_FIELDS:
        schema = coll.schema
        _SERVER_FIELDS[coll.name] = frozenset(schema.dump_fields) - frozenset(schema.load_fields)
    return _SERVER_FIELDS[coll.name]


def canonical(coll: Collection, values) -> str:
    """The data as one canonical JSON text (times in UTC, keys sorted)."""
    return json.dumps(json_data(coll, values), sort_keys=True, separators=(",", ":"), default=str)


# ---- storing ----

SYNC_COLUMNS = frozenset({"user_id", "id", "created_at", "updated_at", "seq", "deleted_at"})
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def _blank(column):
    """A stand-in for a required column of a tombstone (the data itself is gone)."""
    if column.nullable:
        return None
    kinds = [(JSON, list), (Boolean, bool), (String, str), (Integer, int), (Float, float)]
    for kind, make in kinds:
        if isinstance(column.type, kind):
            return make()
    if isinstance(column.type, Date):
        return EPOCH.date()
    if isinstance(column.type, Uuid):
        return UUID(int=0)
    if getattr(column.type, "impl", None) is not None:  # UTCDateTime
        return EPOCH
    raise TypeError(f"No blank value for {column} ({column.type}): add one here.")


_BLANKS: dict[str, dict] = {}


def blank_values(model) -> dict:
    """Values for every data column of a tombstone: None, or a neutral stand-in."""
    table = model.__table__
    if table.name not in _BLANKS:
        _BLANKS[table.name] = {
            c.name: _blank(c) for c in table.columns if c.name not in SYNC_COLUMNS
        }
    return {k: (list(v) if isinstance(v, list) else v) for k, v in _BLANKS[table.name].items()}


@dataclass
class Stored:
    """What store() did."""

    # {(collection, id): stored row} for changes that lost to the stored version (the device
    # gets the winner back).
    losers: dict
    # The person's last sequence number as this transaction sees it (the pull's bound).
    seq: int
    # Every number after `before` (up to seq) is one this sync handed out...
    before: int
    # ...to these records: {(collection, id): (number, the Version written)}.
    written: dict = field(default_factory=dict)


def store(user: User | Glance, changes: list[Change], writing: writes.Writing) -> Stored:
    """Apply the winning changes."""
    # The person's row as read with their session, earlier in this request: if another sync
    # committed since, the check under the lock below sees it.
    seq_before = user.sync_seq
    stored = _load_stored(user, changes)
    winners, losers = _decide(changes, stored)
    if not winners:
        return Stored(losers, seq_before, seq_before)
    # Lock the person's row and take the numbers: concurrent syncs of one person
    # queue here, so sequence order is commit order.
    writing.take_turn()
    last = seqs.take(db.session, user.id, len(winners))
    if last is None:  # the account was deleted meanwhile
        raise Unauthorized("Please sign in.")
    if last - len(winners) != seq_before:
        # Someone else's sync committed after we read: decide again on fresh rows.
        stored = _load_stored(user, changes)
        winners, losers = _decide(changes, stored)
    written = _write(user, winners, stored, last - len(winners))
    _call_hooks(user, written)
    return Stored(losers, last, last - len(winners), written)


def _by_ids(coll: Collection):
    """A person's rows of one collection with the given ids (built once per collection)."""
    table = coll.model.__table__
    return select(table).where(
        table.c.user_id == bindparam("user_id"), table.c.id.in_(bindparam("ids", expanding=True))
    )


_BY_IDS = {name: _by_ids(coll) for name, coll in COLLECTIONS.items()}


def _load_stored(user: User | Glance, changes: list[Change]) -> dict:
    """The stored rows the batch touches: one query per collection."""
    ids: dict[str, set] = {}
    for ch in changes:
        ids.setdefault(ch.coll.name, set()).add(ch.id)
    stored = {}
    for name, wanted in ids.items():
        rows = db.session.execute(_BY_IDS[name], {"user_id": user.id, "ids": list(wanted)})
        for row in rows:
            stored[(name, row.id)] = row._mapping
    return stored


def _stored_version(row) -> Version:
    if row["deleted_at"] is not None:
        return Version(row["updated_at"], DELETE, None)
    return Version(row["updated_at"], UPSERT, row)


def _decide(changes: list[Change], stored: dict) -> tuple[dict, dict]:
    """The final version of each record the batch changes, and the records it lost on."""
    current: dict = {}  # key -> (Version, from_batch)
    losers = {}
    for ch in changes:
        key = (ch.coll.name, ch.id)
        if key not in current:
            row = stored.get(key)
            current[key] = (_stored_version(row), False) if row is not None else None
        held = current[key]
        if held is None or ch.version.beats(held[0], ch.coll):
            current[key] = (ch.version, True)
        elif held[0].beats(ch.version, ch.coll) and not held[1]:
            losers[key] = stored[key]
    winners = {k: (COLLECTIONS[k[0]], v[0]) for k, v in current.items() if v and v[1]}
    for key in winners:
        losers.pop(key, None)
    return winners, losers


def _write(user: User | Glance, winners: dict, stored: dict, first: int) -> dict:
    """Bulk insert the new records and bulk update the changed ones, per collection:
    {(collection, id): (its number, the Version written)}."""
    inserts: dict[str, list] = {}
    updates: dict[str, list] = {}
    written = {}
    for n, (key, (coll, version)) in enumerate(winners.items(), start=first + 1):
        name, rid = key
        row = stored.get(key)
        if version.values is not None:
            values = dict(version.values)  # a schema's load gives only the fields it loads
            deleted_at = None
        else:
            # A tombstone keeps no health data: only what ordering needs.
            values = blank_values(coll.model)
            values["created_at"] = row["created_at"] if row is not None else version.updated_at
            deleted_at = version.updated_at
        values.update(
            user_id=user.id, id=rid, updated_at=version.updated_at, seq=n, deleted_at=deleted_at
        )
        (updates if row is not None else inserts).setdefault(name, []).append(values)
        written[key] = (n, version)
    for name, rows in inserts.items():
        # On the table (Core): the rows are plain column values, no ORM object is made.
        db.session.execute(insert(COLLECTIONS[name].model.__table__), rows)
    for name, rows in updates.items():
        db.session.execute(update(COLLECTIONS[name].model), rows)
    return written


def _call_hooks(user: User | Glance, written: dict) -> None:
    """Let a collection react to its changed records (reminders reschedule)."""
    by_coll: dict[str, list] = {}
    for name, rid in written:
        if COLLECTIONS[name].on_change is not None:
            by_coll.setdefault(name, []).append(rid)
    if by_coll and not isinstance(user, User):
        user = db.session.get(User, user.id)  # a hook needs the whole person (their timezone)
    for name, ids in by_coll.items():
        coll = COLLECTIONS[name]
        records = db.session.scalars(
            select(coll.model)
            .where(coll.model.user_id == user.id, coll.model.id.in_(ids))
            .execution_options(populate_existing=True)
        )
        for record in records:
            coll.on_change(user, record)
    if by_coll:
        db.session.flush()
