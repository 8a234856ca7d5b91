"""The experiment reminders: "a day with it" only on "with" days of a running experiment, and
"Did you do it yesterday?" only after a "with" day not yet answered."""

import uuid
from datetime import timedelta

from api.day import local_day
from api.extensions import db
from api.models import Experiment, ExperimentDay
from api.models.types import utcnow
from tests.push.test_dispatch import deliveries, due

BERLIN = "Europe/Berlin"
ORDER = ["with", "without", "without", "with", "with", "without", "with", "without"]


def experiment(user, start_day, status="running", blocks=ORDER):
    now = utcnow()
    user.sync_seq += 1
    e = Experiment(
        user_id=user.id,
        id=uuid.uuid4(),
        created_at=now,
        updated_at=now,
        seq=user.sync_seq,
        fix="stretch",
        start_day=start_day,
        block_days=4,
        blocks=blocks,
        status=status,
    )
    db.session.add(e)
    db.session.commit()
    return e


def answered(user, e, day, done=True):
    now = utcnow()
    user.sync_seq += 1
    db.session.add(
        ExperimentDay(
            user_id=user.id,
            id=uuid.uuid4(),
            created_at=now,
            updated_at=now,
            seq=user.sync_seq,
            experiment_id=e.id,
            day=day,
            done=done,
        )
    )
    db.session.commit()


def slot_day(user, r):
    return local_day(r.slot, user.timezone, user.day_start_hour)


def test_the_with_day_reminder_is_sent_on_with_days_only(make, push, dispatcher):
    ana, bo = make.user(BERLIN), make.user(BERLIN)
    make.device(ana), make.device(bo)
    ra = due(make, ana, kind="experiment")
    rb = due(make, bo, kind="experiment")
    experiment(ana, slot_day(ana, ra))  # day 1: with
    experiment(bo, slot_day(bo, rb) - timedelta(days=4))  # day 5: without
    dispatcher.run_once()
    assert deliveries(ra)[0].status == "sent"
    assert (deliveries(rb)[0].status, deliveries(rb)[0].reason) == ("skipped", "without_day")
    [msg] = push.received()
    assert msg.payload["kind"] == "experiment" and msg.payload["url"] == "/experiments"


def test_no_running_experiment_no_reminder(make, push, dispatcher):
    ana = make.user(BERLIN)
    make.device(ana)
    r = due(make, ana, kind="experiment")
    experiment(ana, slot_day(ana, r), status="stopped")
    dispatcher.run_once()
    assert (deliveries(r)[0].status, deliveries(r)[0].reason) == ("skipped", "no_experiment")


def test_the_morning_check_asks_after_a_with_day_until_answered(make, push, dispatcher):
    ana, bo, cy = make.user(BERLIN), make.user(BERLIN), make.user(BERLIN)
    for p in (ana, bo, cy):
        make.device(p)
    ra, rb, rc = (due(make, p, kind="experiment_check") for p in (ana, bo, cy))
    experiment(ana, slot_day(ana, ra) - timedelta(days=1))  # yesterday: with, not answered
    e = experiment(bo, slot_day(bo, rb) - timedelta(days=1))
    answered(bo, e, slot_day(bo, rb) - timedelta(days=1))  # answered from the app already
    experiment(cy, slot_day(cy, rc) - timedelta(days=5))  # yesterday: without
    dispatcher.run_once()
    assert deliveries(ra)[0].status == "sent"
    assert deliveries(rb)[0].reason == "answered"
    assert deliveries(rc)[0].reason == "nothing_to_ask"
    [msg] = push.received()
    assert msg.payload["actions"] == [
        {"action": "did", "title": "Yes"},
        {"action": "did_not", "title": "No"},
    ]
