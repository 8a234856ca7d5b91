"""A normal request's latency while slow or busy clients hold the real server.

Against `python -m api.serve` (2 workers) on a fresh SQLite file: GET /api/v1/me, ten times,
when the server is quiet; beside 12 sign-ins trickling their body and 8 slow readers of one 7 MB
export; beside 40 slow export readers; and beside 12 clients signing in back to back (password
hashing: CPU). Printed, never asserted: tests/api/test_serve_limits.py holds the 1 s promise.
"""

import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.slow_clients import (
    PASSWORD,
    Crowd,
    SlowReader,
    Trickler,
    fill,
    request,
    served,
    sign_up,
    timed,
)

PATIENCE = 10.0  # seconds: a request not answered by then counts as stalled


def measure(port: int, cookie: str) -> str:
    seconds = []
    for _ in range(10):
        status, took = timed(port, "/api/v1/me", cookie, timeout=PATIENCE)
        seconds.append(took if status == 200 else float("inf"))
        if status != 200:
            break
        time.sleep(0.1)
    if seconds[-1] == float("inf"):
        return f"no answer within {PATIENCE:.0f} s"
    return f"median {statistics.median(seconds) * 1000:.0f} ms, max {max(seconds) * 1000:.0f} ms"


def beside(port: int, cookie: str, clients: list) -> str:
    crowd = Crowd(clients)
    readers = [c for c in clients if isinstance(c, SlowReader)]
    try:
        # until every export has started (each reader then holds its request open), or 30 s
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not all(r.received for r in readers):
            time.sleep(0.2)
        time.sleep(1)
        return measure(port, cookie)
    finally:
        crowd.close()


def beside_sign_ins(port: int, cookie: str) -> str:
    emails = []
    for n in range(12):
        email = f"bench-{n}-{time.monotonic_ns()}@example.org"
        body = {"email": email, "password": PASSWORD, "timezone": "UTC"}
        assert request(port, "POST", "/api/v1/auth/register", body)[0] == 201
        emails.append(email)
    stop = threading.Event()

    def sign_in(email):
        while not stop.is_set():
            request(port, "POST", "/api/v1/auth/login", {"email": email, "password": PASSWORD})

    threads = [threading.Thread(target=sign_in, args=(e,)) for e in emails]
    for t in threads:
        t.start()
    try:
        time.sleep(1)
        return measure(port, cookie)
    finally:
        stop.set()
        for t in threads:
            t.join()


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{tmp}/bench.sqlite3"
        env = {**os.environ, "DATABASE_URL": url, "UNKNOT_INSTANCE": tmp, "SECRET_KEY": "bench"}
        flask = Path(sys.executable).with_name("flask")
        upgrade = [str(flask), "--app", "api", "db", "upgrade"]
        subprocess.run(upgrade, env=env, check=True, capture_output=True)
        with served(url, Path(tmp)) as (port, _):
            cookie = sign_up(port)
            fill(port, cookie)
            print(f"GET /api/v1/me, quiet: {measure(port, cookie)}", flush=True)
            crowd = [Trickler(port) for _ in range(12)] + [
                SlowReader(port, cookie) for _ in range(8)
            ]
            print(
                f"  beside 12 trickling sign-ins + 8 slow export readers: "
                f"{beside(port, cookie, crowd)}",
                flush=True,
            )
            readers = [SlowReader(port, cookie) for _ in range(40)]
            print(f"  beside 40 slow export readers: {beside(port, cookie, readers)}", flush=True)
            print(f"  beside 12 clients signing in back to back: {beside_sign_ins(port, cookie)}")


if __name__ == "__main__":
    main()
