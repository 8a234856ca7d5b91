"""A person's data to take away: JSON keyed by collection, or one collection as CSV.

Both are streamed record by record, so memory stays flat however long the history.
"""

import csv
import io
import json
import tempfile
import unicodedata
from collections.abc import Iterator

from sqlalchemy import select

from api.auth.schemas import UserSchema
from api.extensions import db
from api.models import User
from api.models.types import utcnow
from api.sync.registry import COLLECTIONS, Collection

BATCH = 500
# An export up to this size is held in memory on its way out; a longer one in a temporary file.
SPOOL_IN_MEMORY = 1024 * 1024
PIECE = 64 * 1024
ACCOUNT = UserSchema()
# A spreadsheet may run a cell as a formula when it starts with one of these, after any
# whitespace, in ASCII or in a compatibility form (fullwidth ＝, small ﹦: NFKC maps them here).
FORMULA_START = ("=", "+", "-", "@")
# Line breaks and tabs at the start of a cell are escaped whatever follows them.
CONTROL_START = ("\t", "\r", "\n")


def _rows(user: User, coll: Collection):
    """The person's live records of one collection, oldest first, fetched in batches."""
    table = coll.model.__table__
    query = (
        select(table)
        .where(table.c.user_id == user.id, table.c.deleted_at.is_(None))
        .order_by(table.c.created_at, table.c.id)
        .execution_options(yield_per=BATCH)
    )
    for row in db.session.execute(query):
        yield row._mapping


def flat(coll: Collection, row) -> dict:
    """One record as the app keeps it: id, times and fields side by side."""
    return {
        "id": str(row["id"]),
        "updated_at": row["updated_at"].isoformat(),
        **coll.schema.dump(row),
    }


def as_json(user: User) -> tuple[str, Iterator[str]]:
    """(file name, chunks of one JSON object: account settings and every collection)."""

    def chunks():
        head = {"exported_at": utcnow().isoformat(), "account": ACCOUNT.dump(user)}
        yield json.dumps(head)[:-1]
        for name, coll in COLLECTIONS.items():
            yield f', "{name}": ['
            sep = ""
            for row in _rows(user, coll):
                yield sep + json.dumps(flat(coll, row))
                sep = ", "
            yield "]"
        yield "}\n"

    return f"unknot-{utcnow():%Y-%m-%d}.json", chunks()


def _cell(value) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, list):
        value = ";".join(
            json.dumps(v, sort_keys=True) if isinstance(v, dict) else str(v) for v in value
        )
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str) and _may_be_formula(value):
        return "'" + value
    return value


def _may_be_formula(text: str) -> bool:
    """Whether a spreadsheet opening the file could evaluate this cell."""
    first = unicodedata.normalize("NFKC", text.lstrip()[:1])
    return text.startswith(CONTROL_START) or first.startswith(FORMULA_START)


def as_csv(user: User, name: str) -> tuple[str, Iterator[str]]:
    """(file name, chunks of a CSV file of one collection, lists joined with ';')."""
    coll = COLLECTIONS[name]
    columns = ["id", *coll.schema.dump_fields, "updated_at"]

    def chunks():
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(columns)
        for n, row in enumerate(_rows(user, coll), start=1):
            record = flat(coll, row)
            writer.writerow([_cell(record.get(c)) for c in columns])
            if n % 100 == 0:
                yield buf.getvalue()
                buf.seek(0)
                buf.truncate()
        yield buf.getvalue()

    return f"unknot-{name}-{utcnow():%Y-%m-%d}.csv", chunks()


def spooled(chunks: Iterator[str]) -> tuple[int, Iterator[bytes]]:
    """(size in bytes, pieces) of a whole export, read from the database now.

    The download then goes at whatever pace the phone reads it without holding a database
    connection: a few slow downloads would otherwise take the pool from everyone else."""
    buf = tempfile.SpooledTemporaryFile(SPOOL_IN_MEMORY)
    for chunk in chunks:
        buf.write(chunk.encode())
    size = buf.tell()
    buf.seek(0)

    def pieces():
        with buf:
            while piece := buf.read(PIECE):
                yield piece

    return size, pieces()
