"""The SQLite writers' lock between server workers (api/sync/writes.py WritersLock).

Run in a process of its own, patched by gevent as a server worker is (patching the test
process would change every other test). Another process tells whether the lock is held.
"""

import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = textwrap.dedent(
    """
    from gevent import monkey

    monkey.patch_all()
    import subprocess, sys, tempfile, time

    import gevent
    from gevent.lock import Semaphore

    from api.sync import writes

    guard = monkey.get_original("_thread", "allocate_lock")()
    writes.use_gevent(Semaphore(), gevent.get_hub().threadpool, guard)
    path = tempfile.mkdtemp() + "/db-writers"
    lock = writes.WritersLock(path)
    PROBE = (
        "import fcntl, sys\\n"
        "f = open(sys.argv[1], 'a')\\n"
        "try:\\n"
        "    fcntl.flock(f, fcntl.LOCK_EX | fcntl.LOCK_NB)\\n"
        "    print('free')\\n"
        "except BlockingIOError:\\n"
        "    print('held')\\n"
    )

    def seen_from_another_process():
        probe = subprocess.run([sys.executable, "-c", PROBE, path], capture_output=True, text=True)
        return probe.stdout.strip()

    class SlowCommit:
        def commit(self):
            time.sleep(0.5)

    first = lock.take()
    committing = gevent.spawn(
        writes._pool.apply, writes._commit_and_let_go, (SlowCommit(), lock, first)
    )
    gevent.sleep(0.05)
    committing.kill()  # the first writer's greenlet stops waiting for its commit's thread
    lock.let_go(first)  # and its turn ends
    second = lock.take()  # the next writer's turn
    print(seen_from_another_process())
    gevent.sleep(0.7)  # the first writer's thread finishes its commit meanwhile
    print(seen_from_another_process())
    lock.let_go(second)
    print(seen_from_another_process())

    third = lock.take()
    writes._commit_and_let_go(SlowCommit(), lock, third)  # the commit's thread lets it go
    print(seen_from_another_process())
    lock.let_go(third)  # the end of the turn then does nothing more
    print(seen_from_another_process())
    """
)


def test_a_commit_thread_lets_go_of_its_own_turn_only():
    run = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.split() == [
        "held",  # the second turn holds the lock
        "held",  # the first turn's late thread did not let it go
        "free",  # the second turn let it go
        "free",  # a commit's thread let its own turn's lock go at once
        "free",
    ]
