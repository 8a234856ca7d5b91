"""Who may sign up (UNKNOT_SIGNUPS): open, invite with single-use codes, or closed."""

import threading
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from api.auth import invites
from api.extensions import db
from api.models import Invite
from api.models.types import utcnow
from tests.api.test_throttle import Server
from tests.conftest import make_app

PASSWORD = "correct horse"


@pytest.fixture
def mode_app(app, database_url, instance_dir):
    """An app with UNKNOT_SIGNUPS set to a mode, on the same (cleaned) database."""
    made = []

    def make(mode):
        made.append(make_app(database_url, instance_dir, SIGNUPS=mode))
        return made[-1]

    yield make
    for other in made:
        with other.app_context():
            db.session.remove()
            db.engine.dispose()


def sign_up(client, email="ana@example.org", invite=None):
    body = {"email": email, "password": PASSWORD, "timezone": "Europe/Berlin"}
    if invite is not None:
        body["invite"] = invite
    return client.post("/api/v1/auth/register", json=body)


def new_code(app, days=7, email=None):
    with app.app_context():
        return invites.create(days, email)


def assert_refused(res, status, message):
    assert res.status_code == status, res.json
    assert res.json["code"] == status
    assert res.json["message"] == message


def test_open_mode_anyone_signs_up_and_the_mode_is_public(mode_app):
    client = mode_app("open").test_client()
    assert client.get("/api/v1/auth/signup-mode").json == {"mode": "open"}
    assert sign_up(client).status_code == 201


def test_closed_mode_refuses_every_sign_up_with_403_but_sign_in_works(app, mode_app, auth):
    assert auth.register().status_code == 201  # an account made while sign-ups were open
    client = mode_app("closed").test_client()
    assert client.get("/api/v1/auth/signup-mode").json == {"mode": "closed"}
    assert_refused(sign_up(client, "ben@example.org"), 403, invites.CLOSED)
    code = new_code(app)
    assert_refused(sign_up(client, "ben@example.org", code), 403, invites.CLOSED)
    res = client.post("/api/v1/auth/login", json={"email": "ana@example.org", "password": PASSWORD})
    assert res.status_code == 200


def test_invite_mode_needs_a_code(mode_app):
    client = mode_app("invite").test_client()
    assert client.get("/api/v1/auth/signup-mode").json == {"mode": "invite"}
    res = sign_up(client)
    assert_refused(res, 403, invites.NEEDED)
    assert res.json["errors"] == {"invite": [invites.NEEDED]}


def test_an_invite_code_signs_up_once(mode_app):
    app = mode_app("invite")
    code = new_code(app)
    assert sign_up(app.test_client(), "ana@example.org", f" {code} ").status_code == 201
    res = sign_up(app.test_client(), "ben@example.org", code)
    assert_refused(res, 422, invites.USED)
    assert res.json["errors"] == {"invite": [invites.USED]}


def test_a_wrong_code_is_422_and_the_database_keeps_only_a_digest(mode_app):
    app = mode_app("invite")
    code = new_code(app)
    assert_refused(sign_up(app.test_client(), invite="not-a-code"), 422, invites.UNKNOWN)
    with app.app_context():
        stored = db.session.scalars(select(Invite.code_hash)).all()
    assert len(stored) == 1 and code not in stored[0] and len(stored[0]) == 64


def test_an_expired_code_is_refused(mode_app):
    app = mode_app("invite")
    code = new_code(app, days=1)
    with app.app_context():
        db.session.execute(update(Invite).values(expires_at=utcnow() - timedelta(seconds=1)))
        db.session.commit()
    assert_refused(sign_up(app.test_client(), invite=code), 422, invites.EXPIRED)


def test_a_code_for_one_address_refuses_another(mode_app):
    app = mode_app("invite")
    code = new_code(app, email="Ana@Example.org")
    assert_refused(sign_up(app.test_client(), "ben@example.org", code), 422, invites.OTHER_EMAIL)
    assert sign_up(app.test_client(), "ana@example.org", code).status_code == 201


def test_a_sign_up_that_fails_keeps_the_code(mode_app, auth):
    app = mode_app("invite")
    code = new_code(app)
    client = app.test_client()
    body = {"email": "ana@example.org", "password": "password", "invite": code}
    assert client.post("/api/v1/auth/register", json=body).status_code == 422  # weak password
    assert sign_up(client, invite=code).status_code == 201
    code = new_code(app)
    res = sign_up(app.test_client(), "ana@example.org", code)  # the email is taken
    assert res.status_code == 409
    assert sign_up(app.test_client(), "ben@example.org", code).status_code == 201


def test_two_sign_ups_racing_with_one_code_one_wins(mode_app):
    app = mode_app("invite")
    app.config["REGISTER_LIMIT"] = 100
    code = new_code(app)
    server = Server(app)
    start = threading.Barrier(8)
    codes = []

    def race(n):
        start.wait()
        body = {"email": f"p{n}@example.org", "password": PASSWORD, "invite": code}
        codes.append(server.post("/api/v1/auth/register", body))

    threads = [threading.Thread(target=race, args=(n,)) for n in range(8)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(120)
    finally:
        server.stop()
    assert sorted(codes) == [201] + [422] * 7
    with app.app_context():
        from api.models import User

        assert len(db.session.scalars(select(User)).all()) == 1
