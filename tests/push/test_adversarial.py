"""The dispatcher against hostile or broken subscriptions: it cannot be aimed, broken or stalled.

Subscriptions are written straight to the database here, as rows saved before today's rules
(or by a browser that misbehaves) would be: the dispatcher must not trust the API's checks.
"""

import socket
import threading
import time
from datetime import timedelta

import pytest
from sqlalchemy import select

from api.extensions import db
from api.models import Delivery, PushSubscription
from api.models.types import utcnow
from tests.push.conftest import minute
from tests.push.test_dispatch import BERLIN, deliveries, due


def device_at(user, endpoint: str, keys: dict, **fields) -> PushSubscription:
    """A subscription row with any endpoint (keys from a stand-in subscription)."""
    sub = PushSubscription(
        user_id=user.id, endpoint=endpoint, p256dh=keys["p256dh"], auth=keys["auth"], **fields
    )
    db.session.add(sub)
    db.session.commit()
    return sub


# ---- aimed: server-side request forgery ----


@pytest.mark.parametrize(
    "spelling",
    ["https://2130706433:{port}/push/x", "https://127.1:{port}/push/x",
     "https://0x7f000001:{port}/push/x", "https://0177.0.0.1:{port}/push/x",
     "https://%31%32%37.0.0.1:{port}/push/x", "https://localhost.:{port}/push/x",
     "https://[::ffff:127.0.0.1]:{port}/push/x"],
)  # fmt: skip
def test_stored_endpoints_aimed_at_the_server_itself_are_never_contacted(
    make, push, dispatcher, listener, spelling
):
    port, accepted = listener
    ana = make.user(BERLIN)
    device_at(ana, spelling.format(port=port), push.new_subscription()["keys"])
    r = due(make, ana)
    dispatcher.run_once()
    assert accepted == []
    [d] = deliveries(r)
    assert (d.status, d.reason) == ("failed", "refused")


# ---- broken: one push's failure is its own ----


def _bad_rows(push, port):
    """A subscription the API would refuse today, or one that fails only when sent."""
    good = push.new_subscription()
    keys = good["keys"]
    return {
        "space in path": (f"{push.base_url}/push/a b", keys),
        "CR LF in path": (f"{push.base_url}/push/a\r\nX-Injected: 1", keys),
        "not a curve point": (good["endpoint"], {**keys, "p256dh": "BA" + "A" * 85}),
        "p256dh not base64": (good["endpoint"], {**keys, "p256dh": "!!"}),
        "closed port": (f"http://127.0.0.1:{port}/push/x", keys),
        "bad port": (f"{push.base_url}:99999/push/x", keys),
    }


@pytest.mark.parametrize(
    "kind",
    ["space in path", "CR LF in path", "not a curve point", "p256dh not base64",
     "closed port", "bad port"],
)  # fmt: skip
def test_a_push_that_fails_to_send_fails_alone(make, push, sender, dispatcher, kind):
    closed = socket.create_server(("127.0.0.1", 0))
    port = closed.getsockname()[1]
    closed.close()  # nothing listens here now: connection refused
    sender.max_attempts = 2
    endpoint, keys = _bad_rows(push, port)[kind]
    ana, ben = make.user(BERLIN), make.user(BERLIN)
    device_at(ana, endpoint, keys)
    ben_phone = make.device(ben)
    # Ana's slot comes first, so her broken push is handled before Ben's.
    ra, rb = due(make, ana, minutes_ago=6), due(make, ben, minutes_ago=5)
    assert dispatcher.run_once() == 2
    assert len(push.received(ben_phone["endpoint"])) == 1
    assert [(d.status, d.reason) for d in deliveries(rb)] == [("sent", None)]
    [d] = deliveries(ra)
    assert d.status == "failed"
    assert d.reason in {"refused", "encryption", "network"}
    # Another pass has nothing left over: no slot stays "sending".
    assert dispatcher.run_once() == 0
    db.session.expire_all()
    assert db.session.scalar(select(Delivery).where(Delivery.status == "sending")) is None


def test_a_broken_device_does_not_cost_the_same_person_their_other_device(make, push, dispatcher):
    ana = make.user(BERLIN)
    device_at(ana, f"{push.base_url}/push/a b", push.new_subscription()["keys"])
    phone = make.device(ana)
    r = due(make, ana)
    dispatcher.run_once()
    assert len(push.received(phone["endpoint"])) == 1
    assert deliveries(r)[0].status == "sent"


# ---- stalled: no one's endpoints hold up anyone else's reminder ----


def test_twenty_dead_endpoints_do_not_delay_another_persons_reminder(
    make, push, sender, dispatcher, black_hole
):
    sender.max_attempts = 2  # Ana's pushes fail sooner; Ben's delay does not depend on it
    ana, ben = make.user(BERLIN), make.user(BERLIN)
    for i in range(20):
        device_at(ana, f"http://127.0.0.1:{black_hole}/push/{i}", push.new_subscription()["keys"])
    ben_phone = make.device(ben)
    ra, rb = due(make, ana, minutes_ago=6), due(make, ben, minutes_ago=5)
    started = time.time()
    passed = threading.Thread(target=dispatcher.run_once)
    passed.start()
    passed.join(90)
    assert not passed.is_alive()
    [message] = push.received(ben_phone["endpoint"])
    assert message.at - started < 2.0
    assert [d.status for d in deliveries(rb)] == ["sent"]
    [d] = deliveries(ra)
    assert (d.status, d.reason) in {("failed", "timeout"), ("failed", "network")}


def test_several_people_with_dead_endpoints_do_not_delay_another(
    make, push, sender, dispatcher, black_hole
):
    """Four people with dead endpoints fill more than the window: slow pushes step aside."""
    sender.max_attempts = 1
    for _ in range(4):
        person = make.user(BERLIN)
        for i in range(3):
            keys = push.new_subscription()["keys"]
            device_at(person, f"http://127.0.0.1:{black_hole}/push/{person.id}-{i}", keys)
        due(make, person, minutes_ago=6)
    ben = make.user(BERLIN)
    ben_phone = make.device(ben)
    due(make, ben, minutes_ago=5)
    started = time.time()
    dispatcher.run_once()
    [message] = push.received(ben_phone["endpoint"])
    assert message.at - started < 2.0


def test_an_endpoint_failing_again_and_again_is_skipped_for_a_while(
    make, push, sender, dispatcher, listener
):
    port, accepted = listener  # accepts, then drops the connection: every push fails
    sender.max_attempts = 1
    ana = make.user(BERLIN)
    sub = device_at(ana, f"http://127.0.0.1:{port}/push/x", push.new_subscription()["keys"])
    sub.failures = 2  # two reminders failed before this one
    db.session.commit()
    first = due(make, ana, minutes_ago=2, nag_after_minutes=20)
    dispatcher.run_once()
    assert len(accepted) == 1
    db.session.expire_all()
    sub = db.session.get(PushSubscription, sub.id)
    assert sub.failures == 3
    assert utcnow() + timedelta(minutes=9) < sub.retry_at < utcnow() + timedelta(minutes=11)
    # The nag 20 minutes later finds the endpoint backed off: nothing is sent to it.
    dispatcher.run_once(now=first.slot + timedelta(minutes=21))
    assert len(accepted) == 1
    assert [(d.kind, d.status, d.reason) for d in deliveries(first)][-1] == (
        "nag",
        "skipped",
        "backing_off",
    )


def test_an_endpoint_that_works_again_is_forgiven(make, push, dispatcher):
    ana = make.user(BERLIN)
    phone = make.device(ana)
    sub = db.session.scalar(select(PushSubscription).where(PushSubscription.user_id == ana.id))
    sub.failures, sub.retry_at = 5, utcnow() - timedelta(minutes=1)  # its back-off is over
    db.session.commit()
    due(make, ana)
    dispatcher.run_once()
    assert len(push.received(phone["endpoint"])) == 1
    db.session.expire_all()
    sub = db.session.get(PushSubscription, sub.id)
    assert (sub.failures, sub.retry_at) == (0, None)


# ---- crashed mid-send ----


def test_a_slot_left_sending_by_a_crash_becomes_unknown_and_is_not_sent_again(
    make, push, dispatcher
):
    ana = make.user(BERLIN)
    make.device(ana)
    r = make.reminder(ana, times=["09:00"])
    now = utcnow()
    for ago in (50, 3):  # long past any send that could still be running; still in flight
        db.session.add(
            Delivery(
                user_id=ana.id,
                reminder_id=r.id,
                slot_at=minute(now - timedelta(minutes=ago)),
                status="sending",
                kind="slot",
                attempts=1,
                created_at=now - timedelta(minutes=ago),
            )
        )
    db.session.commit()
    dispatcher.run_once()
    assert [(d.status, d.reason) for d in deliveries(r)] == [
        ("unknown", "interrupted"),
        ("sending", None),
    ]
    assert push.received() == []
