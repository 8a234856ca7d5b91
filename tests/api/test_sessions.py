"""Sessions that end: ids never reused, sign-out on the server, devices, password change."""

import hashlib
from datetime import timedelta

import pytest
from sqlalchemy import event, func, select, update

from api.extensions import db
from api.models import AuthSession, User
from api.models.types import utcnow
from tests.factories import change, sync

PASSWORD = "correct horse"
PHONE = (
    "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0.0.0 Mobile Safari/537.36"
)
LAPTOP = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"
COOKIE = "unknot_session"


@pytest.fixture
def device(app):
    """A test client standing for one device, signed in (or signed up) as a person."""

    def make(email="ana@example.org", user_agent=PHONE, register=False):
        client = app.test_client()
        client.environ_base["HTTP_USER_AGENT"] = user_agent
        path = "/api/v1/auth/register" if register else "/api/v1/auth/login"
        res = client.post(path, json={"email": email, "password": PASSWORD})
        assert res.status_code == (201 if register else 200), res.json
        return client

    return make


def copy_of(app, client):
    """Another client holding a copy of this client's cookie, as a thief or a backup would."""
    thief = app.test_client()
    thief.set_cookie(COOKIE, client.get_cookie(COOKIE).value)
    return thief


def user_id(email: str) -> int:
    db.session.rollback()
    return db.session.scalar(select(User.id).where(User.email == email))


def session_rows(email: str) -> int:
    db.session.rollback()
    return db.session.scalar(
        select(func.count()).select_from(AuthSession).join(User).where(User.email == email)
    )


def signed_out(client) -> bool:
    """Refused everywhere a session opens: settings, export and sync."""
    answers = [
        client.get("/api/v1/me").status_code,
        client.get("/api/v1/export").status_code,
        client.post("/api/v1/sync", json={"cursor": None, "changes": [change()]}).status_code,
    ]
    return answers == [401, 401, 401]


def test_a_deleted_accounts_cookie_does_not_open_the_next_new_account(app, device):
    """A deletes their account, B signs up, and A's old cookie must not read B's records."""
    a = device("a@example.org", register=True)
    a_id = user_id("a@example.org")
    a_other_phone = copy_of(app, a)
    assert a.delete("/api/v1/me", json={"password": PASSWORD}).status_code == 204
    b = device("b@example.org", register=True)
    sync(b, [change("cramps", notes="B's own")])
    assert signed_out(a_other_phone)
    assert user_id("b@example.org") != a_id
    export = b.get("/api/v1/export").json
    assert [c["notes"] for c in export["cramps"]] == ["B's own"]  # nothing synced into B


def test_a_cookie_names_nothing_once_its_account_is_gone_even_if_the_id_returns(app, device):
    """A session names a row that dies with the account, not a user id that could come back."""
    a = device("a@example.org", register=True)
    a_id = user_id("a@example.org")
    stale = copy_of(app, a)
    assert a.delete("/api/v1/me", json={"password": PASSWORD}).status_code == 204
    # Whatever hands the id out again (a restore, an import), the old cookie stays dead.
    db.session.add(User(id=a_id, email="b@example.org", password_hash="x", timezone="UTC"))
    db.session.commit()
    assert signed_out(stale)


def test_user_ids_are_never_reused(device):
    for n in range(2):
        client = device(f"p{n}@example.org", register=True)
        first = user_id(f"p{n}@example.org")
        assert client.delete("/api/v1/me", json={"password": PASSWORD}).status_code == 204
        device(f"q{n}@example.org", register=True)
        assert user_id(f"q{n}@example.org") > first


def test_the_cookie_holds_a_token_the_database_keeps_only_hashed(app, device):
    phone = device(register=True)
    cookie = app.session_interface.get_signing_serializer(app).loads(phone.get_cookie(COOKIE).value)
    assert set(cookie) - {"_permanent"} == {"token"}  # no user id
    db.session.rollback()
    stored = db.session.scalar(select(AuthSession.token_hash))
    assert stored == hashlib.sha256(cookie["token"].encode()).hexdigest()
    assert cookie["token"] not in stored


def test_a_cookie_copied_before_logout_is_refused_after(app, device):
    phone = device(register=True)
    copy = copy_of(app, phone)
    assert copy.get("/api/v1/me").status_code == 200
    assert phone.post("/api/v1/auth/logout").status_code == 204
    assert signed_out(copy)
    assert session_rows("ana@example.org") == 0


def test_sign_out_everywhere_ends_every_session(device):
    phone = device(register=True)
    laptop = device(user_agent=LAPTOP)
    assert phone.delete("/api/v1/me/sessions").status_code == 204
    assert signed_out(phone)
    assert signed_out(laptop)
    assert session_rows("ana@example.org") == 0
    assert device().get("/api/v1/me").status_code == 200  # signing in again works


def test_signed_in_devices_are_listed_in_plain_words_this_one_marked(device):
    phone = device(register=True)
    device(user_agent=LAPTOP)
    listed = phone.get("/api/v1/me/sessions")
    assert listed.status_code == 200
    assert {(d["device"], d["current"]) for d in listed.json} == {
        ("Chrome on Android", True),
        ("Firefox on Windows", False),
    }
    assert all(d["last_seen_at"] and d["created_at"] for d in listed.json)
    assert "token" not in str(listed.json) and "hash" not in str(listed.json)


def test_ending_one_device_signs_only_that_device_out(device):
    phone = device(register=True)
    laptop = device(user_agent=LAPTOP)
    laptop_id = next(d["id"] for d in phone.get("/api/v1/me/sessions").json if not d["current"])
    assert phone.delete(f"/api/v1/me/sessions/{laptop_id}").status_code == 204
    assert signed_out(laptop)
    assert [d["device"] for d in phone.get("/api/v1/me/sessions").json] == ["Chrome on Android"]
    assert phone.delete(f"/api/v1/me/sessions/{laptop_id}").status_code == 404  # gone already


def test_devices_are_scoped_to_the_person(device):
    ana = device("ana@example.org", register=True)
    ben = device("ben@example.org", user_agent=LAPTOP, register=True)
    anas = ana.get("/api/v1/me/sessions").json
    assert [d["device"] for d in ben.get("/api/v1/me/sessions").json] == ["Firefox on Windows"]
    res = ben.delete(f"/api/v1/me/sessions/{anas[0]['id']}")
    assert res.status_code == 404
    assert res.json["code"] == 404 and res.json["message"]
    assert ana.get("/api/v1/me").status_code == 200


def test_changing_the_password_ends_every_other_session_but_this_one(device):
    phone = device(register=True)
    laptop = device(user_agent=LAPTOP)
    res = phone.post(
        "/api/v1/me/password",
        json={"current_password": PASSWORD, "new_password": "a brand new one"},
    )
    assert res.status_code == 204
    assert phone.get("/api/v1/me").status_code == 200
    assert sync(phone)["cursor"] == 0
    assert signed_out(laptop)
    assert session_rows("ana@example.org") == 1
    login = {"email": "ana@example.org", "password": PASSWORD}
    assert laptop.post("/api/v1/auth/login", json=login).status_code == 401
    login["password"] = "a brand new one"
    assert laptop.post("/api/v1/auth/login", json=login).status_code == 200


def test_a_wrong_current_password_changes_nothing(device):
    phone = device(register=True)
    laptop = device(user_agent=LAPTOP)
    res = phone.post(
        "/api/v1/me/password",
        json={"current_password": "not my password", "new_password": "a brand new one"},
    )
    assert res.status_code == 401
    assert res.json["errors"] == {"current_password": ["Not right."]}
    short = phone.post(
        "/api/v1/me/password", json={"current_password": PASSWORD, "new_password": "short"}
    )
    assert short.status_code == 422
    assert "new_password" in short.json["errors"]["json"]
    assert laptop.get("/api/v1/me").status_code == 200
    assert session_rows("ana@example.org") == 2
    assert device(user_agent=LAPTOP).get("/api/v1/me").status_code == 200  # old password works


def test_changing_the_password_needs_a_session(client):
    res = client.post(
        "/api/v1/me/password", json={"current_password": PASSWORD, "new_password": "whatever x"}
    )
    assert res.status_code == 401


def test_deleting_the_account_ends_every_session(device):
    phone = device(register=True)
    laptop = device(user_agent=LAPTOP)
    assert phone.delete("/api/v1/me", json={"password": PASSWORD}).status_code == 204
    assert signed_out(laptop)
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(AuthSession)) == 0


def test_a_session_unused_for_90_days_ends_on_the_server(device):
    phone = device(register=True)
    laptop = device(user_agent=LAPTOP)
    db.session.rollback()
    db.session.execute(
        update(AuthSession)
        .where(AuthSession.device == "Firefox on Windows")
        .values(last_seen_at=utcnow() - timedelta(days=91))
    )
    db.session.commit()
    assert laptop.get("/api/v1/me").status_code == 401
    assert phone.get("/api/v1/me").status_code == 200
    assert session_rows("ana@example.org") == 1


def test_last_seen_is_written_at_most_every_few_minutes(device):
    phone = device(register=True)

    def last_seen():
        db.session.rollback()
        return db.session.scalar(select(AuthSession.last_seen_at))

    signed_in_at = last_seen()
    for _ in range(3):
        assert phone.get("/api/v1/me").status_code == 200
    assert last_seen() == signed_in_at  # recent: reads wrote nothing
    old = utcnow() - timedelta(hours=2)
    db.session.execute(update(AuthSession).values(last_seen_at=old))
    db.session.commit()
    assert phone.get("/api/v1/me").status_code == 200
    assert last_seen() > old + timedelta(hours=1)


def test_signing_in_again_on_a_device_replaces_its_session(app, device):
    phone = device(register=True)
    before = copy_of(app, phone)
    login = {"email": "ana@example.org", "password": PASSWORD}
    assert phone.post("/api/v1/auth/login", json=login).status_code == 200
    assert session_rows("ana@example.org") == 1
    assert before.get("/api/v1/me").status_code == 401
    assert phone.get("/api/v1/me").status_code == 200


def test_a_signed_in_request_costs_one_query(device):
    """The session and its person come in one indexed lookup; a recent session writes nothing."""
    phone = device(register=True)
    statements = []

    def note(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", note)
    try:
        assert phone.get("/api/v1/me").status_code == 200
    finally:
        event.remove(db.engine, "before_cursor_execute", note)
    assert len(statements) == 1, statements
    assert "sessions" in statements[0] and "users" in statements[0]
