"""`python -m api.serve` (what `make run` starts): the web server and its reminder dispatcher."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.api.test_migrations import FLASK, ROOT, flask_db_upgrade


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def children(pid: int) -> list[int]:
    """Pids of a process's children (from every one of its threads)."""
    tasks = Path(f"/proc/{pid}/task")
    if not tasks.exists():
        return []
    return [int(c) for task in tasks.iterdir() for c in (task / "children").read_text().split()]


def running(pid: int, *words: bytes) -> bool:
    """Whether pid is alive (not a zombie) and its command line holds every word."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
    except OSError:
        return False
    return state != "Z" and all(word in cmdline for word in words)


def dispatchers(server: int) -> list[int]:
    """The `flask reminders run` processes under the server's keeper process."""
    keepers = [p for p in children(server) if running(p, b"api.serve", b"--dispatcher")]
    return [p for k in keepers for p in children(k) if running(p, b"reminders", b"run")]


def wait_until(check, seconds=30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_a_dispatcher_that_dies_is_started_again_and_stops_with_the_server(tmp_path):
    url = f"sqlite:///{tmp_path / 'serve.sqlite3'}"
    flask_db_upgrade(url, tmp_path)
    env = {**os.environ, "DATABASE_URL": url, "UNKNOT_INSTANCE": str(tmp_path)}
    env.update(SECRET_KEY="serve-test", WEB_CONCURRENCY="1")
    subprocess.run([str(FLASK), "--app", "api", "keys", "init"], cwd=ROOT, env=env, check=True)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "api.serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        page = wait_until(lambda: _get(f"http://127.0.0.1:{port}/"))
        assert b"Unknot" in page
        (first,) = wait_until(lambda: dispatchers(server.pid))
        os.kill(first, signal.SIGKILL)
        (second,) = wait_until(lambda: [p for p in dispatchers(server.pid) if p != first])
        (keeper,) = [p for p in children(server.pid) if running(p, b"--dispatcher")]
    finally:
        server.terminate()
        server.wait(30)
    wait_until(lambda: not running(second) and not running(keeper), 15)


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read()
    except OSError:
        return None
