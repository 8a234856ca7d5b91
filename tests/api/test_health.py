"""/healthz, /readyz and the access log: for balancers and operators, with no personal data."""

import logging

import pytest
from sqlalchemy.engine import make_url

from api.extensions import db
from tests.api.backup_support import databases, flask_ok, instance_app, is_postgres, set_up

__all__ = ["databases", "instance_app"]  # fixtures


def check(client, path):
    res = client.get(path)
    assert res.headers["Cache-Control"] == "no-store" and "Set-Cookie" not in res.headers
    return res.status_code, res.json


def test_healthz_answers_without_a_sign_in(client):
    assert check(client, "/healthz") == (200, {"status": "ok"})
    assert client.head("/healthz").status_code == 200


def test_readyz_is_ready_only_at_the_migration_head(databases, instance_app, tmp_path):
    url, home = databases(), tmp_path / "home"
    empty = instance_app(url, home).test_client()
    status, body = check(empty, "/readyz")
    assert status == 503 and "no migrations applied" in body["reason"]

    set_up(url, home)
    assert check(empty, "/readyz") == (200, {"status": "ok"})
    flask_ok(url, home, "db", "downgrade", "--", "-1")
    status, body = check(empty, "/readyz")
    assert status == 503 and body["status"] == "unavailable"
    assert "this code needs" in body["reason"] and "db upgrade" in body["reason"]
    flask_ok(url, home, "db", "upgrade")
    assert check(empty, "/readyz") == (200, {"status": "ok"})
    assert check(empty, "/healthz") == (200, {"status": "ok"})


def test_readyz_says_so_when_the_database_does_not_answer(database_url, instance_app, tmp_path):
    if is_postgres(database_url):
        gone = make_url(database_url).set(port=1).render_as_string(hide_password=False)
    else:
        gone = f"sqlite:///{tmp_path / 'no-such-folder' / 'unknot.sqlite3'}"
    client = instance_app(gone, tmp_path / "home").test_client()
    assert check(client, "/readyz") == (
        503,
        {"status": "unavailable", "reason": "The database does not answer."},
    )
    assert check(client, "/healthz") == (200, {"status": "ok"})


class Lines(logging.Handler):
    def __init__(self):
        super().__init__()
        self.lines = []

    def emit(self, record):
        self.lines.append(record.getMessage())


@pytest.fixture
def access_lines():
    handler = Lines()
    logger = logging.getLogger("unknot.access")
    logger.addHandler(handler)
    yield handler.lines
    logger.removeHandler(handler)


def test_one_json_line_per_request_without_personal_data(
    access_lines, database_url, instance_dir, _schema
):
    import json

    from tests.conftest import AuthActions, clean_tables, make_app

    app = make_app(database_url, instance_dir, ACCESS_LOG=True)
    with app.app_context():
        client = app.test_client()
        assert AuthActions(client).register("ana@example.org").status_code == 201
        cookie = client.get_cookie("unknot_session").value
        assert client.get("/api/v1/me?email=ana@example.org&token=abc").status_code == 200
        assert client.get("/healthz").status_code == 200  # a balancer's poll: not logged
        assert client.post("/api/v1/sync", data="x", content_type="text/plain").status_code == 415
        clean_tables()
        db.session.remove()
        db.engine.dispose()
    entries = [json.loads(line) for line in access_lines]
    assert [(e["method"], e["path"], e["status"]) for e in entries] == [
        ("POST", "/api/v1/auth/register", 201),
        ("GET", "/api/v1/me", 200),
        ("POST", "/api/v1/sync", 415),
    ]
    for e in entries:
        assert set(e) == {"time", "method", "path", "status", "duration_ms"}
        assert isinstance(e["duration_ms"], float) and e["duration_ms"] >= 0
        assert e["time"].endswith("+00:00")
    text = "\n".join(access_lines)
    for secret in ("ana", "example.org", "token", "abc", cookie, "127.0.0.1", "correct horse"):
        assert secret not in text


def test_the_access_log_is_off_in_tests_unless_asked(access_lines, client):
    assert client.get("/api/v1/me").status_code == 401
    assert access_lines == []
