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
runs in that pool too (SQLite lets go of the GIL while it writes), and that thread lets the
file lock go the moment the commit is done: the other worker's writer does not wait until this
greenlet's turn on the CPU comes round again (measured: a 5-record sync 5 to 10% faster).
Others that write (the dispatcher, the CLI, a session's last-seen time) still meet SQLite's own
lock and busy_timeout, as before. Elsewhere (tests, the CLI, PostgreSQL) nothing changes: a
plain commit.
"""

import fcntl
from contextlib import ExitStack, contextmanager

from api.extensions import db

_turns = None  # a gevent lock, one per worker process
_pool = None  # gevent's thread pool
_guard = None  # an OS lock (not gevent's): the event loop and pool threads both take it
_writers_locks: dict[str, "WritersLock"] = {}  # database path -> the lock file beside it


def use_gevent(turns, pool, guard) -> None:
    """Called by the server's gevent worker once it has patched the process."""
    global _turns, _pool, _guard
    _turns, _pool, _guard = turns, pool, guard


def _sqlite() -> bool:
    return _turns is not None and db.engine.dialect.name == "sqlite"


class WritersLock:
    """The flock beside the database that a worker's writer holds while other workers wait.

    Taken by the greenlet whose turn it is; let go by whichever comes first, the thread that
    commits or the end of the turn. Each taking has a number, and only the taking still current
    is let go: a thread whose greenlet stopped waiting for it (a timeout, a kill) never frees
    the lock for the turn after, which every greenlet of the worker shares (one open file)."""

    def __init__(self, path: str):
        self._file = open(path, "a")  # noqa: SIM115 (open for the worker's life)
        self._taken = 0  # how many times taken: the current taking's number
        self._held = False

    def take(self) -> int:
        """The lock, at once when no other worker holds it, else waited for in a thread."""
        fd = self._file.fileno()
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self._wait(fd)
        with _guard:
            self._taken += 1
            self._held = True
            return self._taken

    def let_go(self, number: int) -> None:
        """Let go of taking `number`, unless it was let go already (from the loop or a thread)."""
        with _guard:
            if self._held and self._taken == number:
                fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)
                self._held = False

    def _wait(self, fd: int) -> None:
        """Wait in a pool thread. If this greenlet stops waiting, the thread may still take the
        lock later: it is let go then, unless a turn has begun since (which holds it now)."""
        task = _pool.spawn(fcntl.flock, fd, fcntl.LOCK_EX)
        try:
            task.get()
        except BaseException:
            task.rawlink(lambda done: done.successful() and self._let_go_stray())
            raise

    def _let_go_stray(self) -> None:
        with _guard:
            if not self._held:
                fcntl.flock(self._file.fileno(), fcntl.LOCK_UN)


def _writers_lock() -> WritersLock:
    path = f"{db.engine.url.database}-writers"
    if path not in _writers_locks:
        _writers_locks[path] = WritersLock(path)
    return _writers_locks[path]


@contextmanager
def turn():
    """Hold the server's writing turn (SQLite in the server): yields the writers' lock and the
    number of its taking (None elsewhere: nothing is held)."""
    if not _sqlite():
        yield None
        return
    with _turns:
        lock = _writers_lock()
        number = lock.take()
        try:
            yield lock, number
        finally:
            lock.let_go(number)


class Writing:
    """One transaction that stores: `take_turn()` before its first write holds the turn until
    the commit is done (reads before it, the optimistic ones, run while others write)."""

    def __init__(self, held: ExitStack):
        self._held = held
        self._taken = False
        self.lock = None  # (the writers' lock, the number of its taking) while the turn is held

    def take_turn(self) -> None:
        if not self._taken:
            self.lock = self._held.enter_context(turn())
            self._taken = True


@contextmanager
def writing():
    """A Writing, committed at the end (its turn released after); rolled back on an error."""
    with ExitStack() as held:
        try:
            this = Writing(held)
            yield this
            commit(this.lock)
        except Exception:
            db.session.rollback()
            raise


def commit(lock=None) -> None:
    """Commit the request's session; on SQLite in the server, in a thread of gevent's pool,
    which lets the writers' lock go (`lock`: the lock and its taking) once the commit is done."""
    if not _sqlite():
        db.session.commit()
    elif lock is None:
        _pool.apply(db.session().commit)
    else:
        _pool.apply(_commit_and_let_go, (db.session(), *lock))


def _commit_and_let_go(session, lock: WritersLock, number: int) -> None:
    """In a pool thread: the commit, then the writers' lock let go (if still this taking's)."""
    try:
        session.commit()
    finally:
        lock.let_go(number)
