"""Accounts: sign-up, sign-in, throttling, cross-site refusal, settings and deletion."""

from api.extensions import db
from api.models import User


def test_register_signs_in_and_me_reports_settings(client, auth):
    res = auth.register()
    assert res.status_code == 201
    assert res.json["email"] == "ana@example.org"
    assert "password" not in res.json
    me = client.get("/api/v1/me")
    assert me.status_code == 200
    assert me.json["timezone"] == "Europe/Berlin"
    assert me.json["day_start_hour"] == 4
    assert me.json["energy_budget"] == 12


def test_session_cookie_is_httponly_lax_and_lasts_90_days(auth):
    res = auth.register()
    cookie = res.headers["Set-Cookie"]
    assert "HttpOnly" in cookie
    assert "SameSite=Lax" in cookie
    assert "Expires=" in cookie


def test_password_is_hashed(app, auth):
    auth.register()
    user = db.session.scalar(db.select(User))
    assert "correct horse" not in user.password_hash
    assert user.password_hash.startswith(("scrypt:", "argon2"))


def test_me_needs_a_session(client):
    res = client.get("/api/v1/me")
    assert res.status_code == 401
    assert res.json["code"] == 401
    assert res.json["status"] == "Unauthorized"
    assert res.json["message"]


def test_duplicate_email_is_409(auth):
    auth.register()
    res = auth.register(email="ANA@example.org")
    assert res.status_code == 409
    assert "email" in res.json["errors"]


def test_register_validates_fields(auth):
    res = auth.register(email="not-an-email", password="short", timezone="Mars/Olympus")
    assert res.status_code == 422
    assert set(res.json["errors"]["json"]) == {"email", "password", "timezone"}


def test_login_logout(client, auth):
    auth.register()
    auth.logout()
    assert client.get("/api/v1/me").status_code == 401
    assert auth.login(password="wrong password").status_code == 401
    assert auth.login().status_code == 200
    assert client.get("/api/v1/me").status_code == 200


def test_login_is_throttled_after_repeated_failures(client, auth):
    auth.register()
    auth.logout()
    for _ in range(5):
        assert auth.login(password="wrong password").status_code == 401
    res = auth.login()  # from this address, even the right password waits now
    assert res.status_code == 429
    assert int(res.headers["Retry-After"]) > 0
    assert res.json["code"] == 429


def test_patch_me_changes_settings_and_refuses_bad_values(client, auth):
    auth.register()
    res = client.patch("/api/v1/me", json={"water_target_ml": 1800, "timezone": "America/New_York"})
    assert res.status_code == 200
    assert res.json["water_target_ml"] == 1800
    bad = client.patch("/api/v1/me", json={"day_start_hour": 30, "email": "x@example.org"})
    assert bad.status_code == 422
    assert client.get("/api/v1/me").json["timezone"] == "America/New_York"


def test_cross_site_writes_are_refused(client, auth):
    auth.register()
    res = client.patch(
        "/api/v1/me", json={"energy_budget": 3}, headers={"Origin": "https://evil.example"}
    )
    assert res.status_code == 403
    res = client.patch(
        "/api/v1/me", json={"energy_budget": 3}, headers={"Sec-Fetch-Site": "cross-site"}
    )
    assert res.status_code == 403
    # A form post (no JSON) is refused too: forms can be sent cross-site without CORS.
    res = client.post("/api/v1/auth/login", data={"email": "a", "password": "b"})
    assert res.status_code == 415
    assert client.get("/api/v1/me").json["energy_budget"] == 12
    same = client.patch(
        "/api/v1/me",
        json={"energy_budget": 9},
        headers={"Origin": "http://localhost", "Sec-Fetch-Site": "same-origin"},
    )
    assert same.status_code == 200


def test_malformed_json_is_a_clear_400(client, auth):
    auth.register()
    res = client.patch("/api/v1/me", data="{not json", content_type="application/json")
    assert res.status_code == 400
    assert res.json["code"] == 400


def test_security_headers_on_api(client):
    res = client.get("/api/v1/me")
    assert "script-src 'self'" in res.headers["Content-Security-Policy"]
    assert res.headers["X-Content-Type-Options"] == "nosniff"
    assert res.headers["Referrer-Policy"] == "no-referrer"


def test_openapi_document_is_published(client):
    res = client.get("/api/v1/openapi.json")
    assert res.status_code == 200
    assert "/api/v1/auth/register" in res.json["paths"]


def test_a_new_timezone_moves_reminders_to_the_new_wall_clock(client, auth):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    auth.register(timezone="Europe/Berlin")
    rid = "0b5f3c1e-8f0a-4c57-9a3e-1a2b3c4d5e6f"
    stamp = "2026-11-25T10:00:00+00:00"
    res = client.post(
        "/api/v1/sync",
        json={
            "cursor": None,
            "changes": [
                {
                    "collection": "reminders",
                    "id": rid,
                    "op": "upsert",
                    "updated_at": stamp,
                    "data": {"created_at": stamp, "kind": "magnesium", "times": ["21:00"]},
                }
            ],
        },
    )
    assert res.json["accepted"] == [rid]

    def local_fire(tz):
        from api.models import Reminder

        db.session.expire_all()
        reminder = db.session.scalar(db.select(Reminder))
        return reminder.next_fire_at.astimezone(ZoneInfo(tz))

    assert local_fire("Europe/Berlin").strftime("%H:%M") == "21:00"
    assert client.patch("/api/v1/me", json={"timezone": "America/New_York"}).status_code == 200
    fire = local_fire("America/New_York")
    assert fire.strftime("%H:%M") == "21:00"
    assert fire > datetime.now(ZoneInfo("UTC"))
