"""SQLite: a consistent copy through the online backup API, while the app keeps writing.

The copy is taken in one step (pages=-1) inside one read transaction: it is the database as
of one moment. In WAL mode (api/__init__.py) writers are not held up while it runs.
"""

import os
import sqlite3
from pathlib import Path

from sqlalchemy.engine import make_url

from api.backup import BackupError

FILE = "database.sqlite3"


def path_of(url: str) -> Path:
    """The database file of a sqlite:/// URL."""
    database = make_url(url).database
    if not database or database == ":memory:":
        raise BackupError("This SQLite database has no file to back up or restore into.")
    return Path(database)


def _copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(source, timeout=30)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst, pages=-1)
        # The copy keeps the source's WAL flag; back to one self-contained file.
        dst.execute("PRAGMA journal_mode=DELETE")
    finally:
        dst.close()
        src.close()


def dump(url: str, dest: Path) -> None:
    """Copy the live database to dest (a new file)."""
    source = path_of(url)
    if not source.exists():
        raise BackupError(f"There is no database at {source}.")
    os.close(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    try:
        _copy(source, dest)
    except sqlite3.Error as err:
        raise BackupError(f"SQLite could not copy {source}: {err}") from None


def load(copy: Path, url: str) -> None:
    """Copy a backed-up database into the (empty) database of url, owner-only."""
    target = path_of(url)
    check = sqlite3.connect(copy)
    try:
        ok = check.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    except sqlite3.Error:
        ok = False
    finally:
        check.close()
    if not ok:
        raise BackupError("The database in this backup is damaged; nothing was restored.")
    leftovers = [p for p in (Path(f"{target}-wal"), Path(f"{target}-shm")) if p.exists()]
    if leftovers:  # SQLite would replay an old journal onto the restored file
        raise BackupError(
            f"Move {', '.join(p.name for p in leftovers)} away from {target.parent} first "
            "(left by an earlier database); nothing was restored."
        )
    target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not target.exists():
        os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    _copy(copy, target)
    os.chmod(target, 0o600)
