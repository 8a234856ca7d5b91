"""The real server (`python -m api.serve`) with requests that are too big or too slow."""

import http.client
import json
from contextlib import closing

import pytest

from bench.slow_clients import Crowd, SlowReader, Trickler, fill, served, sign_up, timed
from tests.api.test_serve import wait_until


@pytest.fixture
def port(app, database_url, tmp_path):
    """The server on the test database (emptied around each test by `app`)."""
    with served(database_url, tmp_path) as (port, _):
        yield port


def test_after_a_413_the_same_connection_answers_the_next_request(port):
    with closing(http.client.HTTPConnection("127.0.0.1", port, timeout=30)) as conn:
        conn.auto_open = 0  # a dropped connection must fail the test, not be opened again unseen
        conn.connect()
        too_big = json.dumps({"cursor": None, "changes": [], "pad": "x" * (5 * 1024 * 1024)})
        conn.request("POST", "/api/v1/sync", too_big, {"Content-Type": "application/json"})
        res = conn.getresponse()
        answer = json.loads(res.read())
        assert res.status == 413
        assert answer["code"] == 413 and "4,194,304 bytes" in answer["message"]
        assert res.headers["Connection"] != "close"

        conn.request("GET", "/api/v1/me")
        again = conn.getresponse()
        assert again.status == 401
        assert json.loads(again.read())["message"] == "Please sign in."


def test_slow_clients_do_not_hold_up_a_normal_request(port):
    cookie = sign_up(port)
    fill(port, cookie)  # an export far larger than the sockets' buffers
    tricklers = [Trickler(port) for _ in range(12)]
    readers = [SlowReader(port, cookie) for _ in range(8)]
    crowd = Crowd(tricklers + readers)
    try:
        # every export has started: each slow reader holds its request open on the server
        wait_until(lambda: all(r.received.startswith(b"HTTP/1.1 200") for r in readers))
        for path in ["/api/v1/me", "/", "/api/v1/me", "/", "/api/v1/me"]:
            status, seconds = timed(port, path, cookie)
            assert status == 200 and seconds < 1.0, (path, status, seconds)
    finally:
        crowd.close()


def test_many_slow_downloads_leave_the_database_to_others(port):
    cookie = sign_up(port)
    fill(port, cookie)
    # more than the two workers' connection pools hold (15 each)
    readers = [SlowReader(port, cookie) for _ in range(40)]
    crowd = Crowd(readers)
    try:
        wait_until(lambda: all(r.received.startswith(b"HTTP/1.1 200") for r in readers))
        for _ in range(3):
            status, seconds = timed(port, "/api/v1/me", cookie)
            assert status == 200 and seconds < 1.0, (status, seconds)
    finally:
        crowd.close()
