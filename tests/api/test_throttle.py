"""Throttling slows guessers without locking the owner out, and tells no one who has an account."""

import json
import statistics
import threading
import time
import urllib.error
import urllib.request

import pytest
from sqlalchemy import select
from werkzeug.serving import make_server

from api.extensions import db
from tests.conftest import make_app

OWNER = "owner@example.org"
PASSWORD = "correct horse"
ATTACKER = "203.0.113.9"
OWNER_PHONE = "198.51.100.7"


def login(client, email, password, address, **headers):
    """Sign in from an address (the socket's, or, behind a proxy, what it forwards)."""
    return client.post(
        "/api/v1/auth/login",
        json={"email": email, "password": password},
        environ_base={"REMOTE_ADDR": address},
        headers=headers,
    )


def register(client, email, address):
    return client.post(
        "/api/v1/auth/register",
        json={"email": email, "password": PASSWORD},
        environ_base={"REMOTE_ADDR": address},
    )


@pytest.fixture
def owner(client, auth):
    """An account whose owner has signed out."""
    assert auth.register(email=OWNER, password=PASSWORD).status_code == 201
    auth.logout()
    return OWNER


@pytest.fixture
def proxied_app(app, database_url, instance_dir, monkeypatch):
    """The app as started with UNKNOT_PROXIES=1, on the same (cleaned) database."""
    monkeypatch.setenv("UNKNOT_PROXIES", "1")
    proxied = make_app(database_url, instance_dir)
    yield proxied
    with proxied.app_context():
        db.session.remove()
        db.engine.dispose()


def assert_too_many(res):
    assert res.status_code == 429
    assert res.json["code"] == 429
    assert res.json["status"] == "Too Many Requests"
    assert res.json["message"]
    assert int(res.headers["Retry-After"]) >= 1


def test_the_owner_gets_in_from_their_own_address_while_others_guess(client, owner):
    # Two addresses guess until refused: 10 failures, the account's soft limit.
    for address in (ATTACKER, "203.0.113.10"):
        codes = [login(client, owner, "wrong guess", address).status_code for _ in range(8)]
        assert codes == [401] * 5 + [429] * 3
    # A third address is slowed after its first failure...
    codes = [login(client, owner, "wrong guess", "203.0.113.11").status_code for _ in range(3)]
    assert codes == [401, 429, 429]
    # ...but the owner's phone, which has not failed, is not.
    assert login(client, owner, PASSWORD, OWNER_PHONE).status_code == 200


def test_an_address_that_failed_on_a_hammered_account_waits_a_growing_moment(client, owner):
    # The owner mistypes once on their phone; meanwhile ten addresses guess once each.
    assert login(client, owner, "typo typo", OWNER_PHONE).status_code == 401
    for n in range(10):
        assert login(client, owner, "wrong guess", f"203.0.113.{n}").status_code == 401
    # Each address that has failed now waits 1 s, then 2 s...
    first = login(client, "OWNER@example.org ", "wrong guess", "203.0.113.9")
    assert_too_many(first)
    assert first.headers["Retry-After"] == "1"
    time.sleep(1.1)
    assert login(client, owner, "wrong guess", "203.0.113.9").status_code == 401
    assert login(client, owner, "wrong guess", "203.0.113.9").headers["Retry-After"] == "2"
    # ...and the owner, after their short wait, gets in with the right password.
    time.sleep(1.1)
    assert login(client, owner, PASSWORD, OWNER_PHONE).status_code == 200


def test_thirty_failures_from_one_address_lock_no_one_out_elsewhere(client, owner):
    # Credential stuffing from one address: the owner's account among five others.
    for email in [owner] + [f"person{n}@example.org" for n in range(5)]:
        for _ in range(5):
            assert login(client, email, "wrong guess", ATTACKER).status_code == 401
    assert login(client, owner, PASSWORD, OWNER_PHONE).status_code == 200
    # The address that failed 30 times is refused for any account, until its window ends.
    refused = login(client, "someone.else@example.org", "any guess", ATTACKER)
    assert_too_many(refused)
    assert int(refused.headers["Retry-After"]) > 60


def test_an_ipv6_slash_64_counts_as_one_address(client, owner):
    # One home gets a whole /64: hopping within it must not buy more guesses.
    for n in range(5):
        assert login(client, owner, "wrong guess", f"2001:db8:0:7::{n + 1}").status_code == 401
    assert_too_many(login(client, owner, "wrong guess", "2001:db8:0:7:ffff::9"))
    assert login(client, owner, PASSWORD, "2001:db8:0:8::1").status_code == 200


def test_an_unknown_email_is_answered_like_a_known_one(client, owner):
    login(client, "warm.up@example.org", "wrong guess", "192.0.2.250")
    known, unknown = [], []
    for n in range(5):
        for email, times in ((owner, known), (f"nobody{n}@example.org", unknown)):
            start = time.perf_counter()
            res = login(client, email, "wrong guess", f"192.0.2.{len(known) + len(unknown)}")
            times.append(time.perf_counter() - start)
            assert res.status_code == 401
            assert res.json["message"] == "Email or password is not right."
    fast, slow = sorted([statistics.median(known), statistics.median(unknown)])
    assert fast >= slow * 0.5, (known, unknown)


def test_the_counters_name_no_one(app, client, owner):
    from api.models import Throttle

    login(client, owner, "wrong guess", ATTACKER)
    keys = db.session.scalars(select(Throttle.key)).all()
    assert len(keys) == 4  # the sign-up's address, and the pair, account and address
    assert not [key for key in keys if "owner" in key or "203.0" in key]


def test_sign_ups_from_one_address_are_limited(client):
    for n in range(5):
        assert register(client, f"new{n}@example.org", ATTACKER).status_code == 201
    assert_too_many(register(client, "new5@example.org", ATTACKER))
    assert register(client, "new5@example.org", OWNER_PHONE).status_code == 201


class Server:
    """The app served over real sockets by werkzeug, in a thread."""

    def __init__(self, app):
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def post(self, path, body) -> int:
        request = urllib.request.Request(
            self.url + path,
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as res:
                return res.status
        except urllib.error.HTTPError as err:
            return err.code

    def stop(self):
        self.server.shutdown()
        self.thread.join(5)


def test_concurrent_guesses_get_no_more_password_checks_than_the_limit(app, owner):
    server = Server(app)
    start = threading.Barrier(24)
    codes = []

    def guess():
        start.wait()
        codes.append(server.post("/api/v1/auth/login", {"email": owner, "password": "guess!"}))

    threads = [threading.Thread(target=guess) for _ in range(24)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    finally:
        server.stop()
    # Each 401 is one password checked; the limit per address and account is 5.
    assert sorted(codes) == [401] * 5 + [429] * 19


def test_behind_a_proxy_people_are_told_apart_by_x_forwarded_for(proxied_app, owner):
    client = proxied_app.test_client()  # every request arrives from the proxy, 127.0.0.1
    for email in [owner] + [f"person{n}@example.org" for n in range(5)]:
        for _ in range(5):
            res = login(client, email, "wrong guess", "127.0.0.1", **{"X-Forwarded-For": ATTACKER})
            assert res.status_code == 401
    res = login(client, owner, PASSWORD, "127.0.0.1", **{"X-Forwarded-For": OWNER_PHONE})
    assert res.status_code == 200
    res = login(client, "x@example.org", "guess", "127.0.0.1", **{"X-Forwarded-For": ATTACKER})
    assert_too_many(res)


def test_without_proxies_a_forged_x_forwarded_for_is_ignored(client, owner):
    for n in range(5):
        res = login(client, owner, "wrong guess", ATTACKER, **{"X-Forwarded-For": f"10.0.0.{n}"})
        assert res.status_code == 401
    res = login(client, owner, "wrong guess", ATTACKER, **{"X-Forwarded-For": "10.9.9.9"})
    assert_too_many(res)


TLS_PROXY = {"Origin": "https://unknot.example", "X-Forwarded-Proto": "https"}


def test_behind_a_tls_proxy_a_same_site_write_is_accepted(proxied_app):
    client = proxied_app.test_client()
    res = client.post(
        "/api/v1/auth/register",
        json={"email": OWNER, "password": PASSWORD},
        base_url="http://unknot.example",
        headers=TLS_PROXY,
    )
    assert res.status_code == 201


def test_without_proxies_x_forwarded_proto_is_not_believed(client):
    res = client.post(
        "/api/v1/auth/register",
        json={"email": OWNER, "password": PASSWORD},
        base_url="http://unknot.example",
        headers=TLS_PROXY,
    )
    assert res.status_code == 403


@pytest.mark.parametrize(
    ("method", "path", "field"),
    [("POST", "/api/v1/me/password", "current_password"), ("DELETE", "/api/v1/me", "password")],
)
def test_a_stolen_cookie_cannot_guess_the_password_unthrottled(client, auth, method, path, field):
    """Changing the password or deleting the account asks for the password: guesses there
    count as sign-in guesses, so a cookie taken from a phone is no way round the throttle."""
    assert auth.register(email=OWNER, password=PASSWORD).status_code == 201
    body = {field: "wrong guess"}
    if field == "current_password":
        body["new_password"] = "violet kettle drumming"
    answers = [
        client.open(path, method=method, json=body, environ_base={"REMOTE_ADDR": ATTACKER})
        for _ in range(7)
    ]
    assert [r.status_code for r in answers] == [401] * 5 + [429] * 2
    assert answers[0].json["errors"] == {field: ["Not right."]}
    # The owner, on their own phone, still signs in with the right password.
    assert login(client, OWNER, PASSWORD, OWNER_PHONE).status_code == 200
