"""The push subscription API: the VAPID key, subscribe, unsubscribe, validation, isolation."""

from base64 import urlsafe_b64decode

import pytest
from sqlalchemy import select

from api.extensions import db
from api.models import PushSubscription, User
from tests.push.standin import PushService

URL = "/api/v1/push/subscriptions"


@pytest.fixture
def browser():
    """Subscriptions as a browser makes them (keys from the stand-in, never contacted here)."""
    service = PushService()
    yield service
    service.httpd.server_close()


def rows():
    db.session.expire_all()
    return db.session.execute(
        select(User.email, PushSubscription.endpoint, PushSubscription.p256dh)
        .join(User, User.id == PushSubscription.user_id)
        .order_by(PushSubscription.id)
    ).all()


def test_vapid_public_key_is_a_p256_point_and_matches_the_cli(client, runner):
    res = client.get("/api/v1/push/vapid-public-key")
    assert res.status_code == 200
    key = res.get_json()["key"]
    assert "=" not in key
    raw = urlsafe_b64decode(key + "=" * (-len(key) % 4))
    assert len(raw) == 65 and raw[0] == 4
    out = runner.invoke(args=["vapid", "show"])
    assert out.exit_code == 0 and out.output.strip() == key
    assert client.get("/api/v1/push/vapid-public-key").get_json()["key"] == key


def test_subscribe_upserts_by_endpoint(client, auth, browser):
    auth.register()
    sub = browser.new_subscription()
    res = client.post(URL, json={**sub, "expirationTime": None})
    assert res.status_code == 201 and res.get_json()["endpoint"] == sub["endpoint"]
    fresh = browser.new_subscription()["keys"]
    assert client.post(URL, json={"endpoint": sub["endpoint"], "keys": fresh}).status_code == 201
    assert rows() == [("ana@example.org", sub["endpoint"], fresh["p256dh"])]


def test_an_endpoint_moves_to_whoever_subscribes_on_that_browser(
    client, auth, make_client, browser
):
    auth.register()
    sub = browser.new_subscription()
    client.post(URL, json=sub)
    ben = make_client("ben@example.org")
    assert ben.post(URL, json=sub).status_code == 201
    assert [r[0] for r in rows()] == ["ben@example.org"]


def test_unsubscribe_own_only(client, auth, make_client, browser):
    auth.register()
    mine, other = browser.new_subscription(), browser.new_subscription()
    client.post(URL, json=mine)
    ben = make_client("ben@example.org")
    ben.post(URL, json=other)
    # Ben cannot remove Ana's endpoint; the answer does not say whether it exists.
    assert ben.delete(URL, json={"endpoint": mine["endpoint"]}).status_code == 204
    assert len(rows()) == 2
    assert client.delete(URL, json={"endpoint": mine["endpoint"]}).status_code == 204
    assert [r[0] for r in rows()] == ["ben@example.org"]
    # Twice is fine (sign-out may run again).
    assert client.delete(URL, json={"endpoint": mine["endpoint"]}).status_code == 204


def test_signed_out_is_401(client, browser):
    assert client.post(URL, json=browser.new_subscription()).status_code == 401
    assert client.delete(URL, json={"endpoint": "https://push.example.org/x"}).status_code == 401


def _bad(sub, **change):
    out = {"endpoint": sub["endpoint"], "keys": dict(sub["keys"])}
    for key, value in change.items():
        if key in ("p256dh", "auth"):
            out["keys"][key] = value
        elif value is None:
            out.pop(key)
        else:
            out[key] = value
    return out


@pytest.mark.parametrize(
    "change, field",
    [
        ({"endpoint": None}, "endpoint"),
        ({"keys": None}, "keys"),
        ({"endpoint": "ftp://push.example.org/x"}, "endpoint"),
        ({"endpoint": "http://push.example.org/x"}, "endpoint"),
        ({"endpoint": "https://10.0.0.1/push/x"}, "endpoint"),
        ({"endpoint": "https://user:pw@push.example.org/x"}, "endpoint"),
        ({"endpoint": "https://push.example.org/" + "x" * 1000}, "endpoint"),
        ({"endpoint": "not a url"}, "endpoint"),
        ({"endpoint": 5}, "endpoint"),
        ({"p256dh": "not base64url!"}, "keys"),
        ({"p256dh": "AAAA"}, "keys"),
        ({"p256dh": "BA" + "A" * 85}, "keys"),  # 65 bytes, but not a point on the curve
        ({"auth": "AAAAAAAAAAAAAAAAAAAA"}, "keys"),  # 15 bytes
        ({"auth": ""}, "keys"),
    ],
)
def test_bad_subscriptions_are_422(client, auth, browser, change, field):
    auth.register()
    res = client.post(URL, json=_bad(browser.new_subscription(), **change))
    assert res.status_code == 422
    assert field in res.get_json()["errors"]["json"]
    assert rows() == []


def test_real_push_service_endpoint_is_accepted(client, auth, browser):
    auth.register()
    sub = browser.new_subscription()
    sub["endpoint"] = "https://fcm.googleapis.com/fcm/send/abc:APA91b-xyz"
    assert client.post(URL, json=sub).status_code == 201


def test_loopback_endpoints_refused_outside_tests(app, client, auth, browser):
    auth.register()
    app.config["PUSH_ALLOW_LOOPBACK"] = False
    res = client.post(URL, json=browser.new_subscription())
    assert res.status_code == 422


def test_not_json_is_415(client, auth):
    auth.register()
    res = client.post(URL, data="endpoint=x", content_type="application/x-www-form-urlencoded")
    assert res.status_code == 415


# What an attacker tried in a security review: other spellings of loopback and link-local addresses,
# internal names, multicast, hosts that merely look like a push service's, and characters that
# crashed the sender or the database.
REFUSED_ENDPOINTS = [
    "https://2130706433/push/x",
    "https://127.1/push/x",
    "https://0x7f000001/push/x",
    "https://0177.0.0.1/push/x",
    "https://2852039166/latest/meta-data",  # 169.254.169.254
    "https://169.254.169.254/latest/meta-data",
    "https://%31%32%37.0.0.1/push/x",
    "https://localhost./push/x",
    "https://db/push/x",
    "https://postgres:5432/push/x",
    "https://224.0.0.1/push/x",
    "https://[ff02::1]/push/x",
    "https://[::ffff:127.0.0.1]/push/x",
    "https://push.example.org/push/x",  # a host no browser subscribes through
    "https://fcm.googleapis.com.example.org/fcm/send/x",
    "https://evilfcm.googleapis.com/fcm/send/x",
    "https://fcm.googleapis.com:8443/fcm/send/x",
    "http://fcm.googleapis.com/fcm/send/x",
    "https://fcm.googleapis.com/fcm/send/a b",
    "https://fcm.googleapis.com/fcm/send/a\r\nX-Injected: 1",
    "https://fcm.googleapis.com/fcm/send/a\nb",
    "https://fcm.googleapis.com/fcm/send/a\x00b",
    "https://fcm.googleapis.com/fcm/send/a\tb",
    "https://fcm.googleapis.com/fcm/send/a\x7fb",
    "https://fcm.googleapis.com/fcm/send/a\ud800b",  # a lone surrogate
    "https://fcm.googleapis.com/fcm/send/\u00e4",
]


@pytest.mark.parametrize("endpoint", REFUSED_ENDPOINTS)
def test_endpoints_off_the_push_services_or_with_bad_characters_are_422(
    client, auth, browser, endpoint
):
    auth.register()
    res = client.post(URL, json={**browser.new_subscription(), "endpoint": endpoint})
    assert res.status_code == 422
    body = res.get_json()
    assert body["code"] == 422 and "endpoint" in body["errors"]["json"]
    assert rows() == []


@pytest.mark.parametrize(
    "endpoint",
    [
        "https://fcm.googleapis.com/fcm/send/dR3x:APA91bE-xyz_0",
        "https://fcm.googleapis.com/wp/dR3x:APA91bE-xyz_0",
        "https://updates.push.services.mozilla.com/wpush/v2/gAAAAABk-xyz_0",
        "https://wns2-par02p.notify.windows.com/w/?token=BQYAAAB%2bXyz%3d",
        "https://web.push.apple.com/QGuQyavXutnMH_0",
    ],
)
def test_the_push_services_browsers_use_are_accepted(client, auth, browser, endpoint):
    auth.register()
    res = client.post(URL, json={**browser.new_subscription(), "endpoint": endpoint})
    assert res.status_code == 201
    assert [r[1] for r in rows()] == [endpoint]


@pytest.fixture
def app_with(database_url, instance_dir, _schema, browser):
    """A signed-in client of an app made with this config (and a clean database after)."""
    from api import create_app
    from tests.conftest import clean_tables

    made = []

    def make(**config):
        app = create_app(
            {
                "TESTING": True,
                "SECRET_KEY": "test-secret",
                "SQLALCHEMY_DATABASE_URI": database_url,
                "VAPID_PRIVATE_KEY_PATH": str(instance_dir / "vapid_private.pem"),
                "VAPID_PUBLIC_KEY_PATH": str(instance_dir / "vapid_public.pem"),
                **config,
            }
        )
        made.append(app)
        client = app.test_client()
        body = {"email": f"p{len(made)}@example.org", "password": "plum kettle orbit 42"}
        with app.app_context():
            assert client.post("/api/v1/auth/register", json=body).status_code == 201
        return app, client

    yield make
    for app in made:
        with app.app_context():
            clean_tables()
            db.engine.dispose()


def test_a_self_hoster_adds_a_push_service_with_unknot_push_hosts(monkeypatch, app_with, browser):
    endpoint = "https://push.example.org/push/x"
    monkeypatch.setenv("UNKNOT_PUSH_HOSTS", " Push.Example.org , other.example.net")
    app, client = app_with()
    assert {"push.example.org", "other.example.net"} <= set(app.config["PUSH_HOSTS"])
    assert "fcm.googleapis.com" in app.config["PUSH_HOSTS"]
    with app.app_context():
        res = client.post(URL, json={**browser.new_subscription(), "endpoint": endpoint})
        assert res.status_code == 201
        assert [r[1] for r in rows()] == [endpoint]


def test_loopback_is_allowed_only_when_a_test_says_so(monkeypatch, app_with, browser):
    """TESTING alone does not let endpoints on 127.0.0.1 in: PUSH_ALLOW_LOOPBACK must be set."""
    monkeypatch.delenv("UNKNOT_TEST_PUSH_LOOPBACK", raising=False)
    app, client = app_with()
    assert app.testing and app.config["PUSH_ALLOW_LOOPBACK"] is False
    with app.app_context():
        assert client.post(URL, json=browser.new_subscription()).status_code == 422
    monkeypatch.setenv("UNKNOT_TEST_PUSH_LOOPBACK", "1")
    app, client = app_with()
    with app.app_context():
        assert client.post(URL, json=browser.new_subscription()).status_code == 201


@pytest.mark.parametrize("endpoint", ["https://a.example/\x00", "https://a.example/\ud800", 7])
def test_unsubscribing_a_malformed_endpoint_is_422(client, auth, endpoint):
    auth.register()
    res = client.delete(URL, json={"endpoint": endpoint})
    assert res.status_code == 422
    assert "endpoint" in res.get_json()["errors"]["json"]


def endpoints_of(email):
    return [row.endpoint for row in rows() if row.email == email]


@pytest.mark.parametrize("ended_by", ["sign out", "another device", "everywhere", "new password"])
def test_a_signed_out_phone_gets_no_more_reminders(client, auth, make_client, browser, ended_by):
    """Notifications belong to the sign-in that turned them on, and stop when it ends."""
    auth.register()
    phone_sub = browser.new_subscription()
    assert client.post(URL, json=phone_sub).status_code == 201
    laptop = make_client("ana@example.org", register=False)
    laptop_sub = browser.new_subscription()
    assert laptop.post(URL, json=laptop_sub).status_code == 201
    if ended_by == "sign out":
        assert client.post("/api/v1/auth/logout").status_code == 204
    elif ended_by == "another device":
        phone = next(d for d in laptop.get("/api/v1/me/sessions").json if not d["current"])
        assert laptop.delete(f"/api/v1/me/sessions/{phone['id']}").status_code == 204
    elif ended_by == "everywhere":
        assert laptop.delete("/api/v1/me/sessions").status_code == 204
    else:
        change = {"current_password": "correct horse", "new_password": "violet kettle drumming"}
        assert laptop.post("/api/v1/me/password", json=change).status_code == 204
    left = [] if ended_by == "everywhere" else [laptop_sub["endpoint"]]
    assert endpoints_of("ana@example.org") == left


def test_signing_in_again_ties_the_subscription_to_the_new_sign_in(
    client, auth, make_client, browser
):
    auth.register()
    sub = browser.new_subscription()
    assert client.post(URL, json=sub).status_code == 201
    laptop = make_client("ana@example.org", register=False)
    assert laptop.delete("/api/v1/me/sessions").status_code == 204  # the phone is signed out
    assert endpoints_of("ana@example.org") == []
    assert auth.login().status_code == 200
    assert client.post(URL, json=sub).status_code == 201  # what the app does after signing in
    assert endpoints_of("ana@example.org") == [sub["endpoint"]]
    assert laptop.get("/api/v1/me").status_code == 401
    assert (
        make_client("ana@example.org", register=False).delete("/api/v1/me/sessions").status_code
        == 204
    )
    assert endpoints_of("ana@example.org") == []  # tied to the new sign-in, so it ended with it


def test_a_phone_asks_whether_the_server_still_pushes_to_it(client, auth, make_client, browser):
    """The Reminders screen says "Won't ring" when the server no longer holds this phone."""
    auth.register()
    sub = browser.new_subscription()
    check = URL + "/check"
    assert client.post(check, json={"endpoint": sub["endpoint"]}).get_json() == {"known": False}
    assert client.post(URL, json=sub).status_code == 201
    assert client.post(check, json={"endpoint": sub["endpoint"]}).get_json() == {"known": True}
    other = make_client("bo@example.org")
    assert other.post(check, json={"endpoint": sub["endpoint"]}).get_json() == {"known": False}
    assert client.post(check, json={"endpoint": "not a url"}).status_code == 422
    auth.logout()
    assert client.post(check, json={"endpoint": sub["endpoint"]}).status_code == 401
