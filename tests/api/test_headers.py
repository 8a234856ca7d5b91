"""Headers the server owes every answer: HSTS over HTTPS, Allow on a 405."""

import pytest

from tests.conftest import make_app


def test_https_answers_carry_strict_transport_security(database_url, instance_dir, monkeypatch):
    monkeypatch.setenv("UNKNOT_HTTPS", "1")
    client = make_app(database_url, instance_dir).test_client()
    for path in ("/api/v1/openapi.json", "/"):
        assert client.get(path).headers["Strict-Transport-Security"] == "max-age=31536000"


def test_plain_http_answers_do_not(database_url, instance_dir, monkeypatch):
    """HSTS over plain HTTP would lock a self-hoster without TLS out of their own server."""
    monkeypatch.delenv("UNKNOT_HTTPS", raising=False)
    client = make_app(database_url, instance_dir).test_client()
    assert "Strict-Transport-Security" not in client.get("/api/v1/openapi.json").headers


@pytest.mark.parametrize(
    ("method", "path", "allowed"),
    [
        ("put", "/api/v1/auth/login", {"POST"}),
        ("post", "/api/v1/me", {"GET", "PATCH", "DELETE"}),
        ("delete", "/api/v1/export", {"GET"}),
    ],
)
def test_a_405_says_which_methods_are_allowed(client, method, path, allowed):
    res = getattr(client, method)(path)
    assert res.status_code == 405
    listed = {m.strip() for m in res.headers["Allow"].split(",")}
    # The shell's catch-all GET route matches every path, so GET may be listed as well.
    assert allowed <= listed and method.upper() not in listed
    assert res.json["code"] == 405
    assert res.json["status"] == "Method Not Allowed" and res.json["message"]
