"""Syncs that store, many at once, through the real server (two gevent workers).

On SQLite the server's writers take turns (api/sync/writes.py): a gevent lock within a worker, a
file lock between workers, the commit in a thread that lets the file lock go (only its own
turn's: tests/unit/test_writers_lock.py). Whatever the order they land in, every record is
stored once, numbered once, and every device of the person ends up having been sent every
record: no cursor skips one that committed late.
"""

import http.client
import json
import threading
import uuid
from contextlib import closing

import pytest

from bench.slow_clients import PASSWORD, request, served, sign_up

SYNCS = 12  # per device
PER_SYNC = 5
WHEN = "2026-11-20T10:00:00+00:00"


@pytest.fixture
def port(app, database_url, tmp_path):
    with served(database_url, tmp_path) as (port, _):
        yield port


def second_device(port: int, first: str) -> str:
    """Another session cookie of the person whose cookie is `first`."""
    status, _, body = request(port, "GET", "/api/v1/me", cookie=first)
    assert status == 200
    login = {"email": json.loads(body)["email"], "password": PASSWORD}
    status, headers, _ = request(port, "POST", "/api/v1/auth/login", login)
    assert status == 200
    return headers["Set-Cookie"].split(";")[0]


class Device(threading.Thread):
    """Sends SYNCS syncs of PER_SYNC new knots, keeping the answers' cursors as the app does."""

    def __init__(self, port: int, cookie: str):
        super().__init__()
        self.port, self.cookie = port, cookie
        self.cursor = None
        self.sent: set[str] = set()
        self.seen: set[str] = set()  # ids the answers carried (this device's own and others')
        self.failures: list = []

    def sync(self, conn, changes: list[dict]) -> None:
        body = json.dumps({"cursor": self.cursor, "changes": changes})
        headers = {"Content-Type": "application/json", "Cookie": self.cookie}
        conn.request("POST", "/api/v1/sync", body, headers)
        res = conn.getresponse()
        answer = json.loads(res.read())
        if res.status != 200 or answer["rejected"] or answer["has_more"]:
            self.failures.append((res.status, answer))
            return
        self.seen |= {c["id"] for c in answer["changes"]}
        self.cursor = answer["cursor"]

    def run(self) -> None:
        with closing(http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)) as conn:
            for _ in range(SYNCS):
                knots = [knot() for _ in range(PER_SYNC)]
                self.sent |= {k["id"] for k in knots}
                self.sync(conn, knots)

    def catch_up(self) -> None:
        """One empty sync, once every device is done: what the others stored since."""
        with closing(http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)) as conn:
            self.sync(conn, [])


def knot() -> dict:
    data = {"created_at": WHEN, "noted_at": WHEN, "location": "shoulder", "intensity": 4}
    id = str(uuid.uuid4())
    return {"collection": "knots", "id": id, "op": "upsert", "updated_at": WHEN, "data": data}


def test_concurrent_syncs_store_every_record_once_and_skip_none(port):
    people = []
    for _ in range(2):
        first = sign_up(port)
        people.append([first, second_device(port, first), second_device(port, first)])
    devices = {cookie: Device(port, cookie) for cookies in people for cookie in cookies}
    for device in devices.values():
        device.start()
    for device in devices.values():
        device.join(120)
    for device in devices.values():
        device.catch_up()
    assert all(not d.failures for d in devices.values()), [d.failures[:1] for d in devices.values()]
    for cookies in people:
        mine = [devices[cookie] for cookie in cookies]
        everything = set().union(*(d.sent for d in mine))
        assert len(everything) == len(mine) * SYNCS * PER_SYNC
        for device in mine:
            assert device.seen == everything  # nothing skipped, whatever the order of commits
            assert device.cursor == len(everything)  # one number per record, none twice
