"""The dispatcher against the stand-in push service: what is sent, skipped, retried, removed."""

import time
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from api.extensions import db
from api.models import Delivery, PushSubscription, Reminder
from api.models.types import utcnow
from tests.push.conftest import hhmm, minute

BERLIN = "Europe/Berlin"


def due(make, user, minutes_ago=5, **fields):
    """A reminder whose slot was `minutes_ago` minutes ago."""
    slot = minute(utcnow() - timedelta(minutes=minutes_ago))
    fields.setdefault("times", [hhmm(slot, user.timezone)])
    r = make.reminder(user, now=slot - timedelta(minutes=1), **fields)
    assert r.next_fire_at == slot
    r.slot = slot  # kept: next_fire_at moves on once the dispatcher ran
    return r


def deliveries(reminder):
    db.session.expire_all()
    return db.session.scalars(
        select(Delivery).where(Delivery.reminder_id == reminder.id).order_by(Delivery.slot_at)
    ).all()


def fresh(reminder):
    db.session.expire_all()
    return db.session.get(Reminder, (reminder.user_id, reminder.id))


def test_magnesium_payload_is_encrypted_signed_and_readable(make, push, dispatcher):
    ana = make.user(BERLIN)
    phone, laptop = make.device(ana), make.device(ana)
    r = due(make, ana, amount=300, unit="mg", form="glycinate")
    assert dispatcher.run_once() == 1
    for device in (phone, laptop):
        [msg] = push.received(device["endpoint"])
        slot = r.slot
        part = "morning" if 5 <= int(hhmm(slot, BERLIN)[:2]) < 12 else None
        p = msg.payload
        assert p["kind"] == "magnesium" and p["title"] == "Magnesium time"
        assert p["body"].startswith("Your ") and p["body"].endswith(
            f"{hhmm(slot, BERLIN)}: 300 mg glycinate"
        )
        if part:
            assert p["body"].startswith(f"Your {part} magnesium")
        assert p["tag"] == "unknot-magnesium" and p["reminder_id"] == str(r.id)
        assert datetime.fromisoformat(p["slot"]) == slot
        assert p["actions"] == [
            {"action": "took", "title": "Took it"},
            {"action": "snooze", "title": "Snooze 15 min"},
        ]
        assert p["url"] == f"/quick?kind=magnesium&reminder={r.id}"
        assert (p["form"], p["amount"], p["unit"]) == ("glycinate", 300, "mg")
        assert msg.claims["aud"] == push.base_url and msg.claims["sub"].startswith("mailto:")
        assert msg.headers["urgency"] == "high" and msg.headers["topic"] == "magnesium"
        assert 0 < int(msg.headers["ttl"]) <= 30 * 60
    [d] = deliveries(r)
    assert (d.status, d.kind, d.attempts) == ("sent", "slot", 1)
    after = fresh(r)
    assert after.next_fire_at == r.slot + timedelta(days=1)
    assert after.last_slot_at == r.slot
    # Nothing is due any more: a second pass sends nothing.
    assert dispatcher.run_once() == 0
    assert len(push.received()) == 2
    assert not push.refusals


def test_hydration_payload_and_actions(make, push, dispatcher):
    ana = make.user(BERLIN, water_target_ml=2000)
    dev = make.device(ana)
    slot = minute(utcnow() - timedelta(minutes=3))
    make.reminder(
        ana,
        now=slot - timedelta(minutes=1),
        kind="hydration",
        interval_minutes=120,
        window_start=hhmm(slot, BERLIN),
        window_end=hhmm(slot + timedelta(hours=12), BERLIN),
    )
    dispatcher.run_once()
    [msg] = push.received(dev["endpoint"])
    assert msg.payload["body"] == "0 of 2000 ml so far today"
    assert msg.payload["actions"] == [
        {"action": "drank", "title": "Drank 250 ml"},
        {"action": "snooze", "title": "Snooze"},
    ]
    assert msg.payload["tag"] == "unknot-hydration" and msg.headers["topic"] == "hydration"


def test_gone_subscription_is_deleted(make, push, dispatcher):
    ana = make.user(BERLIN)
    dev = make.device(ana)
    r = due(make, ana)
    push.fail(dev["endpoint"], 410)
    dispatcher.run_once()
    assert (
        db.session.scalar(select(PushSubscription).where(PushSubscription.user_id == ana.id))
        is None
    )
    [d] = deliveries(r)
    assert (d.status, d.reason) == ("failed", "gone")
    assert push.received() == []


def test_404_also_deletes_but_other_devices_still_get_it(make, push, dispatcher):
    ana = make.user(BERLIN)
    old, new = make.device(ana), make.device(ana)
    r = due(make, ana)
    push.fail(old["endpoint"], 404)
    dispatcher.run_once()
    left = db.session.scalars(
        select(PushSubscription.endpoint).where(PushSubscription.user_id == ana.id)
    ).all()
    assert left == [new["endpoint"]]
    assert len(push.received(new["endpoint"])) == 1
    assert deliveries(r)[0].status == "sent"


def test_429_is_retried_after_retry_after(make, push, dispatcher):
    ana = make.user(BERLIN)
    dev = make.device(ana)
    r = due(make, ana)
    push.fail(dev["endpoint"], 429, times=2, retry_after="1")
    started = time.monotonic()
    dispatcher.run_once()
    assert time.monotonic() - started >= 2.0
    assert len(push.received(dev["endpoint"])) == 1
    assert push.requests == 3
    assert deliveries(r)[0].status == "sent"


def test_5xx_retried_with_backoff_then_failed(make, push, app, sender, dispatcher):
    ana = make.user(BERLIN)
    dev = make.device(ana)
    r = due(make, ana)
    sender.max_attempts = 3
    push.fail(dev["endpoint"], 503, times=5)
    dispatcher.run_once()
    assert push.requests == 3 and push.received() == []
    [d] = deliveries(r)
    assert (d.status, d.reason) == ("failed", "http_503")
    # The subscription stays: a busy push service is not a gone browser.
    assert db.session.scalar(select(PushSubscription).where(PushSubscription.user_id == ana.id))


def test_slot_missed_by_more_than_grace_is_skipped_not_sent_late(make, push, dispatcher):
    ana = make.user(BERLIN)
    make.device(ana)
    r = due(make, ana, minutes_ago=45)
    dispatcher.run_once()
    assert push.received() == []
    [d] = deliveries(r)
    assert (d.status, d.reason) == ("skipped", "late")
    assert fresh(r).next_fire_at > utcnow()


def test_slot_within_grace_is_still_sent(make, push, dispatcher):
    ana = make.user(BERLIN)
    make.device(ana)
    due(make, ana, minutes_ago=25)
    dispatcher.run_once()
    assert len(push.received()) == 1


def test_magnesium_skipped_when_already_taken(make, push, dispatcher):
    ana = make.user(BERLIN)
    make.device(ana)
    r = due(make, ana)
    make.intake(ana, "magnesium", r.slot - timedelta(minutes=40), 300, "mg")
    dispatcher.run_once()
    assert push.received() == []
    assert (deliveries(r)[0].status, deliveries(r)[0].reason) == ("skipped", "taken")


def test_magnesium_taken_for_the_previous_slot_does_not_silence_this_one(make, push, dispatcher):
    ana = make.user(BERLIN)
    make.device(ana)
    r = due(make, ana)
    # Logged five minutes after yesterday's reminder: that answered yesterday's slot.
    make.intake(ana, "magnesium", r.slot - timedelta(days=1) + timedelta(minutes=5))
    dispatcher.run_once()
    assert len(push.received()) == 1


def test_bedtime_stretch_sent_with_done_opening_the_routine_and_skipped_once_stretched(
    make, push, dispatcher
):
    ana, ben = make.user(BERLIN), make.user(BERLIN)
    dev, _ = make.device(ana), make.device(ben)
    ra, rb = due(make, ana, kind="stretch"), due(make, ben, kind="stretch")
    # Ben stretched this evening already; yesterday's stretch of Ana's answered yesterday's slot.
    make.intake(ben, "stretch", rb.slot - timedelta(minutes=30))
    make.intake(ana, "stretch", ra.slot - timedelta(days=1) + timedelta(minutes=5))
    make.intake(ana, "epsom_bath", ra.slot - timedelta(minutes=10))
    dispatcher.run_once()
    [msg] = push.received(dev["endpoint"])
    p = msg.payload
    assert (p["kind"], p["title"], p["tag"]) == ("stretch", "Bedtime stretch", "unknot-stretch")
    assert p["body"] == "A few gentle stretches for calves, hamstrings and feet"
    assert p["actions"] == [
        {"action": "stretched", "title": "Done"},
        {"action": "snooze", "title": "Snooze 15 min"},
    ]
    assert p["url"] == f"/stretch?reminder={ra.id}"
    assert not {"form", "amount", "unit"} & set(p)
    assert len(push.received()) == 1
    assert (deliveries(rb)[0].status, deliveries(rb)[0].reason) == ("skipped", "done")


def test_hydration_skipped_when_on_pace(make, push, dispatcher):
    ana = make.user(BERLIN, water_target_ml=2000)
    make.device(ana)
    slot = minute(utcnow() - timedelta(minutes=3))
    r = make.reminder(
        ana,
        now=slot - timedelta(minutes=1),
        kind="hydration",
        interval_minutes=120,
        window_start=hhmm(slot, BERLIN),
        window_end=hhmm(slot + timedelta(hours=12), BERLIN),
    )
    # By the next reminder (2 h into a 12 h window) the pace is 2000 * 2/12 = 333 ml.
    make.intake(ana, "water", utcnow() - timedelta(minutes=1), 400, "ml")
    dispatcher.run_once()
    assert push.received() == []
    assert deliveries(r)[0].reason == "on_pace"
    assert fresh(r).next_fire_at == slot + timedelta(hours=2)


def test_nag_once_when_nothing_logged_and_not_when_logged(make, push, dispatcher):
    ana, ben = make.user(BERLIN), make.user(BERLIN)
    make.device(ana), make.device(ben)
    ra = due(make, ana, nag_after_minutes=20)
    rb = due(make, ben, nag_after_minutes=20)
    dispatcher.run_once()
    assert len(push.received()) == 2
    assert fresh(ra).fire_kind == "nag"
    assert fresh(ra).next_fire_at == ra.slot + timedelta(minutes=20)
    make.intake(ben, "magnesium", utcnow())
    dispatcher.run_once(now=ra.slot + timedelta(minutes=21))
    nags = [m for m in push.received() if m.payload["body"].startswith("Still to do")]
    assert [m.payload["reminder_id"] for m in nags] == [str(ra.id)]
    assert [d.kind for d in deliveries(ra)] == ["slot", "nag"]
    assert deliveries(rb)[1].reason == "taken"
    assert fresh(ra).fire_kind == "slot"  # one nag only; then the next day's slot
    assert fresh(ra).next_fire_at == ra.slot + timedelta(days=1)


def test_rest_one_off_fires_once(make, push, dispatcher):
    ana = make.user(BERLIN)
    make.device(ana)
    at = minute(utcnow() - timedelta(minutes=1))
    r = make.reminder(ana, now=at - timedelta(minutes=5), kind="rest", fire_at=at)
    dispatcher.run_once()
    [msg] = push.received()
    assert msg.payload["kind"] == "rest" and msg.payload["tag"] == "unknot-rest"
    assert fresh(r).next_fire_at is None


def test_no_device_is_recorded_as_skipped(make, push, dispatcher):
    ana = make.user(BERLIN)
    r = due(make, ana)
    dispatcher.run_once()
    assert (deliveries(r)[0].status, deliveries(r)[0].reason) == ("skipped", "no_device")


def test_spring_forward_slot_is_sent_once_at_03_00(make, push, dispatcher):
    ana = make.user(BERLIN)
    make.device(ana)
    r = make.reminder(ana, now=datetime(2027, 3, 27, 12, tzinfo=UTC), times=["02:30"])
    assert r.next_fire_at == datetime(2027, 3, 28, 1, tzinfo=UTC)  # 03:00 CEST
    dispatcher.run_once(now=datetime(2027, 3, 28, 1, 0, 30, tzinfo=UTC))
    dispatcher.run_once(now=datetime(2027, 3, 28, 1, 20, tzinfo=UTC))
    [msg] = push.received()
    assert msg.payload["body"] == "Your night magnesium, 03:00"
    assert fresh(r).next_fire_at == datetime(2027, 3, 29, 0, 30, tzinfo=UTC)  # 02:30 CEST


def test_fall_back_slot_is_sent_once(make, push, dispatcher):
    ana = make.user("America/New_York")
    make.device(ana)
    r = make.reminder(ana, now=datetime(2026, 10, 31, 12, tzinfo=UTC), times=["01:30"])
    first = datetime(2026, 11, 1, 5, 30, tzinfo=UTC)  # 01:30 EDT
    assert r.next_fire_at == first
    for minutes in (1, 30, 61, 90):  # through the repeated hour
        dispatcher.run_once(now=first + timedelta(minutes=minutes))
    assert len(push.received()) == 1
    assert fresh(r).next_fire_at == datetime(2026, 11, 2, 6, 30, tzinfo=UTC)  # 01:30 EST


def test_pending_rows_left_by_a_crash_late_skipped_recent_sent(make, push, dispatcher):
    ana = make.user(BERLIN)
    make.device(ana)
    r = make.reminder(ana, times=["09:00"])
    now = utcnow()
    for ago in (40, 5):
        db.session.add(
            Delivery(
                user_id=ana.id,
                reminder_id=r.id,
                slot_at=minute(now - timedelta(minutes=ago)),
                status="pending",
                kind="slot",
                created_at=now - timedelta(minutes=ago),
            )
        )
    # And one that was being sent when the dispatcher died: never sent again.
    db.session.add(
        Delivery(
            user_id=ana.id,
            reminder_id=r.id,
            slot_at=minute(now - timedelta(minutes=3)),
            status="sending",
            kind="slot",
            created_at=now - timedelta(minutes=3),
        )
    )
    db.session.commit()
    dispatcher.run_once()
    got = [(d.status, d.reason) for d in deliveries(r)]
    assert got == [("skipped", "late"), ("sent", None), ("sending", None)]
    assert len(push.received()) == 1


def test_snoozed_reminder_fires_again_then_returns_to_its_schedule(make, push, dispatcher, app):
    from api.reminders.service import snooze

    ana = make.user(BERLIN)
    make.device(ana)
    r = due(make, ana)
    dispatcher.run_once()
    snoozed = snooze(ana, r.id, 15)
    until = snoozed.snoozed_until
    assert (fresh(r).next_fire_at, fresh(r).fire_kind) == (until, "snooze")
    dispatcher.run_once()  # not yet
    assert len(push.received()) == 1
    dispatcher.run_once(now=until + timedelta(seconds=5))
    first, again = push.received()
    assert again.payload["reminder_id"] == str(r.id) and again.payload["slot"] == until.isoformat()
    assert [d.kind for d in deliveries(r)] == ["slot", "snooze"]
    assert (fresh(r).next_fire_at, fresh(r).fire_kind) == (r.slot + timedelta(days=1), "slot")


def test_catching_up_sends_only_the_latest_due_slot(make, push, dispatcher):
    ana = make.user(BERLIN)
    make.device(ana)
    first = minute(utcnow() - timedelta(minutes=40))
    r = make.reminder(
        ana,
        now=first - timedelta(minutes=1),
        kind="hydration",
        interval_minutes=15,
        window_start=hhmm(first, BERLIN),
        window_end=hhmm(first + timedelta(hours=3), BERLIN),
    )
    dispatcher.run_once()
    [msg] = push.received()
    assert datetime.fromisoformat(msg.payload["slot"]) == first + timedelta(minutes=30)
    assert [(d.status, d.reason) for d in deliveries(r)] == [
        ("skipped", "late"),
        ("skipped", "superseded"),
        ("sent", None),
    ]


def test_a_switched_off_account_gets_no_reminder(make, push, dispatcher):
    ana, ben = make.user(BERLIN), make.user(BERLIN)
    ana_phone, ben_phone = make.device(ana), make.device(ben)
    due(make, ana)
    due(make, ben)
    ana.disabled_at = utcnow()  # `flask users disable`
    db.session.commit()
    assert dispatcher.run_once() == 1
    assert push.received(ana_phone["endpoint"]) == []
    assert len(push.received(ben_phone["endpoint"])) == 1
