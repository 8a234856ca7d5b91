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
