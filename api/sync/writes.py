"""A sync's write on SQLite in the gevent server: writers take turns, the commit off the loop.

SQLite lets one connection write at a time. A connection waiting for the write lock sleeps in
C (busy_timeout: 1, 2, 5... up to 100 ms between tries), and the commit waits for the disk
(fsync); in a gevent worker either stops every other connection that worker serves. Measured
(bench/bench_capacity.py), one worker's writers kept the lock among themselves while the
other worker's slept ever longer: p99 over a second for a 5-record sync.

So in the server (api/serve.py calls `use_gevent`) a sync takes a turn before it writes: the
syncs of one worker queue on a gevent lock (the worker's other greenlets run meanwhile), then
the workers queue on an flock of a file beside the database: taken at once when it is free,
else waited for in gevent's thread pool (woken the moment it is free, no polling). The commit
runs in that pool too (SQLite lets go of the GIL while it writes). Others that write (the
dispatcher, the CLI, a session's last-seen time) still meet SQLite's own lock and busy_timeout,
as before. Elsewhere (tests, the CLI, PostgreSQL) nothing changes: a plain commit.
"""

import fcntl
from contextlib import ExitStack, contextmanager

from api.extensions import db

_turns = None  # a gevent lock, one per worker process
_pool = None  # gevent's thread pool
_lock_files: dict[str, object] = {}  # database path -> the open lock file beside it


def use_gevent(turns, pool) -> None:
    """Called by the server's gevent worker once it has patched the process."""
    global _turns, _pool
    _turns, _pool = turns, pool


def _sqlite() -> bool:
    return _turns is not None and db.engine.dialect.name == "sqlite"


@contextmanager
def turn():
    """Hold the server's writing turn (SQLite in the server), else nothing."""
    if not _sqlite():
        yield
        return
    with _turns:
        fd = _lock_file().fileno()
        _take_flock(fd)
        try:
            yield
        finally:
            fcntl.flock(fd, fcntl.LOCK_UN)


def _take_flock(fd: int) -> None:
    """The file lock: at once when no other worker holds it, else waited for in a thread."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        _wait_for_flock(fd)


def _wait_for_flock(fd: int) -> None:
    """Take the file lock in a pool thread. If this greenlet stops waiting (a timeout, a kill),
    the thread may still take the lock later: it is let go as soon as it is taken."""
    task = _pool.spawn(fcntl.flock, fd, fcntl.LOCK_EX)
    try:
        task.get()
    except BaseException:
        task.rawlink(lambda done: done.successful() and fcntl.flock(fd, fcntl.LOCK_UN))
        raise


def _lock_file():
    path = f"{db.engine.url.database}-writers"
    if path not in _lock_files:
        _lock_files[path] = open(path, "a")  # noqa: SIM115 (open for the worker's life)
    return _lock_files[path]


class Writing:
    """One transaction that stores: `take_turn()` before its first write holds the turn until
    the commit is done (reads before it, the optimistic ones, run while others write)."""

    def __init__(self, held: ExitStack):
        self._held = held
        self._taken = False

    def take_turn(self) -> None:
        if not self._taken:
            self._held.enter_context(turn())
            self._taken = True


@contextmanager
def writing():
    """A Writing, committed at the end (its turn released after); rolled back on an error."""
    with ExitStack() as held:
        try:
            yield Writing(held)
            commit()
        except Exception:
            db.session.rollback()
            raise


def commit() -> None:
    """Commit the request's session; on SQLite in the server, in a thread of gevent's pool."""
    if _sqlite():
        _pool.apply(db.session().commit)
    else:
        db.session.commit()
