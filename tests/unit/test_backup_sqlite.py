"""Restoring a SQLite backup never lets an old journal beside the target replay onto it."""

import sqlite3

import pytest

from api.backup import BackupError
from api.backup.sqlite import load


def test_a_journal_left_beside_the_target_is_refused_and_nothing_is_written(tmp_path):
    copy = tmp_path / "backup.sqlite3"
    with sqlite3.connect(copy) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    target = tmp_path / "instance" / "unknot.sqlite3"
    target.parent.mkdir()
    (target.parent / "unknot.sqlite3-wal").write_bytes(b"an earlier database's journal")
    with pytest.raises(BackupError, match="unknot.sqlite3-wal"):
        load(copy, f"sqlite:///{target}")
    assert not target.exists()

    (target.parent / "unknot.sqlite3-wal").unlink()
    load(copy, f"sqlite:///{target}")
    assert sqlite3.connect(target).execute("SELECT name FROM sqlite_master").fetchall() == [("t",)]
