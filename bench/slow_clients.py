"""Clients that send or read slowly, against the real server (`python -m api.serve`).

Shared by bench_slow_clients.py (figures) and tests/api/test_serve_limits.py (the 1 s promise).
"""

import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PASSWORD = "correct horse battery"
# Every tick a trickling client sends one more byte and a slow reader takes a few.
TICK = 0.5


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def served(database_url: str, instance: Path, **env):
    """`python -m api.serve` on a free port, without the dispatcher; yields (port, process)."""
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "UNKNOT_INSTANCE": str(instance),
        "SECRET_KEY": "serve-test",
        "UNKNOT_DISPATCHER": "0",
        **env,
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "api.serve", "--port", str(port)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 60
        while request(port, "GET", "/", timeout=2)[0] != 200:
            assert proc.poll() is None and time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)
        yield port, proc
    finally:
        proc.terminate()
        proc.wait(30)


def request(port: int, method: str, path: str, body=None, cookie=None, timeout=30.0):
    """(status, headers, body) of one request on a new connection; status 0 when none came."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    headers = {"Content-Type": "application/json"} if body is not None else {}
    if cookie:
        headers["Cookie"] = cookie
    try:
        conn.request(method, path, json.dumps(body) if body is not None else None, headers)
        res = conn.getresponse()
        return res.status, res.headers, res.read()
    except OSError:
        return 0, {}, b""
    finally:
        conn.close()


def timed(port: int, path: str, cookie=None, timeout=30.0) -> tuple[int, float]:
    """(status, seconds) of one GET; status 0 when no answer came in time."""
    start = time.monotonic()
    status = request(port, "GET", path, cookie=cookie, timeout=timeout)[0]
    return status, time.monotonic() - start


def sign_up(port: int) -> str:
    """A new person's session cookie ("name=value")."""
    email = f"slow-{uuid.uuid4().hex[:12]}@example.org"
    body = {"email": email, "password": PASSWORD, "timezone": "UTC"}
    status, headers, _ = request(port, "POST", "/api/v1/auth/register", body)
    assert status == 201, status
    return headers["Set-Cookie"].split(";")[0]


def fill(port: int, cookie: str, records: int = 3000, batch: int = 400) -> None:
    """Cramps with 2,000 characters of notes each: an export of about 7 MB for 3,000."""
    when = "2026-11-20T10:00:00+00:00"
    data = {"created_at": when, "started_at": when, "notes": "x" * 2000}
    for start in range(0, records, batch):
        changes = [
            {"collection": "cramps", "id": str(uuid.uuid4()), "op": "upsert", "updated_at": when}
            | {"data": data}
            for _ in range(min(batch, records - start))
        ]
        body = {"cursor": None, "changes": changes}
        assert request(port, "POST", "/api/v1/sync", body, cookie)[0] == 200


class Trickler:
    """A sign-in whose body comes one byte per tick (it never finishes)."""

    def __init__(self, port: int):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(
            b"POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"
        )

    def tick(self) -> None:
        self.sock.sendall(b" ")


class SlowReader:
    """A download of the export, read a few bytes per tick through a small receive buffer."""

    def __init__(self, port: int, cookie: str):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        self.sock.connect(("127.0.0.1", port))
        self.sock.sendall(
            f"GET /api/v1/export HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: {cookie}\r\n\r\n".encode()
        )
        self.sock.setblocking(False)
        self.received = b""

    def tick(self) -> None:
        try:
            self.received += self.sock.recv(64)
        except BlockingIOError:
            pass


class Crowd:
    """Slow clients kept going by one thread until closed."""

    def __init__(self, clients: list):
        self.clients = clients
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.wait(TICK):
            for client in self.clients:
                try:
                    client.tick()
                except OSError:
                    pass

    def close(self) -> None:
        self.stop.set()
        self.thread.join()
        for client in self.clients:
            client.sock.close()
