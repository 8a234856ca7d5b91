"""Several dispatchers at once, and a dispatcher killed in the middle of a fan-out."""

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from api.extensions import db
from api.models import Delivery, Reminder
from api.models.types import utcnow
from api.push.sender import PushSender
from api.reminders.dispatcher import from_app
from tests.push.conftest import hhmm, minute

ROOT = Path(__file__).resolve().parents[2]


def many_due(make, n, minutes_ago=2):
    """n people, one device and one magnesium reminder each, all due now."""
    slot = minute(utcnow() - timedelta(minutes=minutes_ago))
    ids = []
    for _ in range(n):
        person = make.user("Europe/Berlin")
        make.device(person)
        r = make.reminder(
            person, now=slot - timedelta(minutes=1), times=[hhmm(slot, "Europe/Berlin")]
        )
        ids.append(str(r.id))
    return ids


def statuses():
    db.session.expire_all()
    rows = db.session.execute(select(Delivery.status, func.count()).group_by(Delivery.status))
    return dict(rows.all())


def test_four_dispatchers_send_each_slot_exactly_once(app, make, push):
    if db.engine.dialect.name != "postgresql":
        pytest.skip("several dispatchers need PostgreSQL (SKIP LOCKED); SQLite runs one")
    ids = many_due(make, 220)
    dispatchers = [
        from_app(
            app,
            sender=PushSender.from_config(app.config),
            batch=7,
            lease=timedelta(0),  # each also recovers the others' pending rows: a harder race
        )
        for _ in range(4)
    ]
    start = threading.Barrier(4)
    errors = []

    def work(d):
        try:
            start.wait()
            for _ in range(3):
                d.run_once()
        except Exception as err:  # surfaced below
            errors.append(err)
        finally:
            d.close()

    threads = [threading.Thread(target=work, args=(d,)) for d in dispatchers]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors
    counts = Counter(m.payload["reminder_id"] for m in push.received())
    assert set(counts) == set(ids)
    assert set(counts.values()) == {1}
    assert statuses() == {"sent": 220}


def _dispatcher_process(database_url, instance_dir, log: Path, *args):
    env = dict(
        os.environ,
        DATABASE_URL=database_url,
        SECRET_KEY="test-secret",
        UNKNOT_INSTANCE=str(instance_dir),
        FLASK_APP="api",
        UNKNOT_TEST_PUSH_LOOPBACK="1",  # the stand-in listens on 127.0.0.1
    )
    with log.open("ab") as err:
        return subprocess.Popen(
            [sys.executable, "-m", "flask", "reminders", "run", "--lease", "0", *args],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )


def _wait(predicate, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def test_dispatcher_killed_mid_fan_out_restarts_without_repeats_or_gaps(
    app, make, push, database_url, instance_dir, tmp_path
):
    log = tmp_path / "dispatcher.log"
    ids = many_due(make, 60)
    # From the 20th push on, the stand-in takes each push but never answers: the dispatcher's
    # four sending threads each end up waiting on one, with the rest of its batch claimed.
    held = push.hold_from(20)
    proc = _dispatcher_process(
        database_url, instance_dir, log, "--batch", "50", "--threads", "4", "--poll", "0.2"
    )
    try:
        assert _wait(lambda: len(push.received()) >= 23), log.read_text()
        assert _wait(lambda: statuses().get("sending") == len(push.received()))
        time.sleep(0.3)
        proc.send_signal(signal.SIGKILL)  # mid fan-out
        proc.wait(10)
    finally:
        held.set()
        if proc.poll() is None:
            proc.kill()
    received = len(push.received())
    got = statuses()
    # Every slot taken for sending reached the push service; the rest claimed is pending,
    # and what was not claimed yet is still due.
    due_left = db.session.scalar(
        select(func.count()).select_from(Reminder).where(Reminder.next_fire_at <= utcnow())
    )
    assert got["sending"] == received and set(got) <= {"sending", "pending"}, got
    assert got["sending"] + got.get("pending", 0) + due_left == 60
    # Restart: pending slots (within their grace) are sent, the unclaimed ones too, and none
    # taken before the kill is sent again.
    again = _dispatcher_process(database_url, instance_dir, log, "--once")
    assert again.wait(60) == 0, log.read_text()
    counts = Counter(m.payload["reminder_id"] for m in push.received())
    assert set(counts) == set(ids)
    assert set(counts.values()) == {1}
    assert statuses() == {"sent": 60 - received, "sending": received}
