"""The stand-in is strict: what it refuses, a real push service would refuse too."""

import urllib3
from webpush import WebPush
from webpush.types import WebPushSubscription
from webpush.vapid import VAPID

from api.push.sender import Target
from api.push.vapid import load_pems

HTTP = urllib3.PoolManager()


def target(sub):
    return Target(1, sub["endpoint"], sub["keys"]["p256dh"], sub["keys"]["auth"])


def post(endpoint, body, headers):
    return HTTP.request("POST", endpoint, body=body, headers=headers, retries=False).status


def test_a_good_push_is_decrypted(push, sender):
    sub = push.new_subscription()
    p = sender.prepare(target(sub), {"hello": "world"}, ttl=60, urgency="low", topic="t1")
    assert post(sub["endpoint"], p.body, p.headers) == 201
    [msg] = push.received(sub["endpoint"])
    assert msg.payload == {"hello": "world"}
    assert msg.headers["urgency"] == "low" and msg.headers["topic"] == "t1"


def test_refusals(push, sender, app):
    sub = push.new_subscription()
    p = sender.prepare(target(sub), {"a": 1}, ttl=60)
    h = dict(p.headers)
    cases = [
        ({**h, "Authorization": ""}, p.body, 401),
        ({**h, "TTL": "-1"}, p.body, 400),
        ({k: v for k, v in h.items() if k != "TTL"}, p.body, 400),
        ({**h, "Urgency": "urgent"}, p.body, 400),
        ({**h, "Topic": "has.dots"}, p.body, 400),
        ({**h, "Topic": "x" * 33}, p.body, 400),
        ({**h, "Content-Encoding": "aesgcm"}, p.body, 415),
        (h, p.body + b"\0" * 4096, 413),
        (h, p.body[:-1] + bytes([p.body[-1] ^ 1]), 400),  # tampered ciphertext
    ]
    for headers, body, status in cases:
        assert post(sub["endpoint"], body, headers) == status, headers
    # A key that is not the server's, or a signature that is not by the server's key.
    k = h["Authorization"].split("k=")[1]
    other = VAPID.generate_keys()[2]
    assert (
        post(sub["endpoint"], p.body, {**h, "Authorization": h["Authorization"].replace(k, other)})
        == 403
    )
    push.server_key = None  # now only the signature is checked against k
    assert (
        post(sub["endpoint"], p.body, {**h, "Authorization": h["Authorization"].replace(k, other)})
        == 403
    )
    push.server_key = k
    assert push.received() == []
    # Unknown endpoint: 404, as for an expired subscription.
    assert post(push.base_url + "/push/nobody", p.body, h) == 404


def test_stock_webpush_aud_without_port_is_refused(push, app):
    """Why api/push/vapid.py builds `aud` itself: the port belongs in the origin."""
    private_pem, public_pem = load_pems(app.config)
    stock = WebPush(private_pem, public_pem, subscriber="ops@example.org")
    sub = push.new_subscription()
    msg = stock.get(b"{}", WebPushSubscription.model_validate(sub))
    headers = {**msg.headers, "TTL": "60"}
    assert post(sub["endpoint"], msg.encrypted, headers) == 403
    assert "aud" in push.refusals[-1][2]
