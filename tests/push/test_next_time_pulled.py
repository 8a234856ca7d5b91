"""A reminder's next time, moved by the server (a fire, a snooze, a new timezone), reaches
phones through the pull: the record gets a new sequence number, and a late commit is not
skipped by a pull that ran meanwhile."""

import threading
import time
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from api.extensions import db
from api.models import Reminder
from tests.factories import change, pull_all, sync


def add_reminder(client, times=("21:00",)) -> tuple[str, datetime, int]:
    """A magnesium reminder pushed by a phone: (id, its next fire time, the phone's cursor)."""
    now = datetime.now(UTC).isoformat()
    rid = str(uuid.uuid4())
    data = {"created_at": now, "kind": "magnesium", "times": list(times)}
    answer = sync(client, [change("reminders", id=rid, updated_at=now, data=data)])
    assert answer["accepted"] == [rid]
    [pushed] = [c for c in answer["changes"] if c["id"] == rid]
    return rid, datetime.fromisoformat(pushed["data"]["next_fire_at"]), answer["cursor"]


def pulled_next(client, rid: str, cursor: int) -> datetime | None:
    """The reminder's next_fire_at as a phone pulls it from `cursor` (None: not pulled)."""
    changes, _ = pull_all(client, cursor)
    mine = [c for c in changes if c["id"] == rid]
    if not mine:
        return None
    return datetime.fromisoformat(mine[-1]["data"]["next_fire_at"])


def stored(rid: str) -> Reminder:
    db.session.expire_all()
    return db.session.scalar(db.select(Reminder).where(Reminder.id == uuid.UUID(rid)))


def test_a_fire_moves_the_next_time_and_phones_pull_it(client, auth, dispatcher):
    auth.register(timezone="Europe/Berlin")
    rid, first, cursor = add_reminder(client)
    dispatcher.run_once(now=first)
    moved = stored(rid).next_fire_at
    assert moved == first + timedelta(days=1)
    assert pulled_next(client, rid, cursor) == moved


def test_a_snooze_and_its_fire_reach_phones(client, auth, dispatcher):
    auth.register(timezone="Europe/Berlin")
    rid, first, cursor = add_reminder(client)
    res = client.post(f"/api/v1/reminders/{rid}/snooze", json={"minutes": 15})
    until = datetime.fromisoformat(res.get_json()["snoozed_until"])
    assert pulled_next(client, rid, cursor) == until
    _, cursor = pull_all(client, cursor)
    dispatcher.run_once(now=until + timedelta(seconds=5))  # the snooze fires: back to 21:00
    assert pulled_next(client, rid, cursor) == first


def test_a_new_timezone_moves_the_next_time_and_phones_pull_it(client, auth):
    auth.register(timezone="Europe/Berlin")
    rid, first, cursor = add_reminder(client)
    res = client.patch("/api/v1/me", json={"timezone": "America/New_York"})
    assert res.status_code == 200, res.get_json()
    moved = pulled_next(client, rid, cursor)
    assert moved is not None and moved != first
    assert moved.astimezone(ZoneInfo("America/New_York")).strftime("%H:%M") == "21:00"
    assert moved == stored(rid).next_fire_at


def test_a_sync_during_a_fire_waits_for_it_and_pulls_the_moved_reminder(client, auth, dispatcher):
    """The dispatcher holds the person's row from numbering the reminder to committing: a
    phone's sync meanwhile waits, numbers its own record after it and pulls it (a pull that
    ran first and moved its cursor past an uncommitted number would skip it for good)."""
    auth.register(timezone="Europe/Berlin")
    rid, first, cursor = add_reminder(client)
    reached, go = threading.Event(), threading.Event()
    move_on = dispatcher._move_on

    def held_move_on(decided):
        move_on(decided)
        reached.set()  # numbers taken, not committed yet
        go.wait(10)

    dispatcher._move_on = held_move_on
    fire = threading.Thread(target=dispatcher.run_once, kwargs={"now": first})
    fire.start()
    assert reached.wait(10)
    answers = []
    phone = threading.Thread(target=lambda: answers.append(sync(client, [change()], cursor)))
    phone.start()
    time.sleep(0.5)
    assert phone.is_alive()  # waiting for the person's row
    go.set()
    fire.join(10)
    phone.join(10)
    [answer] = answers
    [moved] = [c for c in answer["changes"] if c["id"] == rid]
    assert datetime.fromisoformat(moved["data"]["next_fire_at"]) == first + timedelta(days=1)
