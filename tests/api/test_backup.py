"""`flask backup create` while people sync, then `flask backup restore` into a new instance and a
new database: every record, session, key and reminder is back, on SQLite and PostgreSQL."""

import threading
import time
from datetime import timedelta

from sqlalchemy import select

from api.extensions import db
from api.models import Reminder
from api.push.sender import PushSender
from api.reminders.dispatcher import from_app
from tests.api.backup_support import databases, flask, instance_app, mode, set_up
from tests.conftest import AuthActions
from tests.factories import change, pull_all, sample_data, sync
from tests.push.standin import PushService

__all__ = ["databases", "instance_app"]  # fixtures

COOKIE = "unknot_session"
BATCH = 3  # records per sync of a writer: a torn copy would hold a part of one


def signed_up(app, email):
    client = app.test_client()
    assert AuthActions(client).register(email).status_code == 201
    return client


def fill(client):
    """Several records in every collection, a few changed or deleted, and a push subscription."""
    from tests.factories import COLLECTION_NAMES

    for n in range(3):
        sync(client, [change(name, data=sample_data(name, n)) for name in COLLECTION_NAMES])
    ids = [c["id"] for c in pull_all(client)[0] if c["collection"] == "cramps"]
    sync(client, [change("cramps", id=ids[0], notes="changed"), change(id=ids[1], op="delete")])
    browser = PushService()
    try:
        sub = browser.new_subscription()
    finally:
        browser.httpd.server_close()
    assert client.post("/api/v1/push/subscriptions", json=sub).status_code == 201
    return sub["endpoint"]


class Writers:
    """People syncing new records in threads, as fast as they can, until stopped."""

    def __init__(self, app, n=2):
        self.clients = [signed_up(app, f"writer{i}@example.org") for i in range(n)]
        self.done: list[float] = []  # when each sync was answered
        self.errors: list[BaseException] = []
        self.stop = threading.Event()
        self.threads = [threading.Thread(target=self._run, args=(c,)) for c in self.clients]

    def _run(self, client):
        try:
            while not self.stop.is_set():
                sync(client, [change("cramps") for _ in range(BATCH)])
                self.done.append(time.monotonic())
        except BaseException as err:  # seen by the test, not lost in the thread
            self.errors.append(err)

    def __enter__(self):
        for t in self.threads:
            t.start()
        while len(self.done) < 4 and not self.errors:
            time.sleep(0.01)
        return self

    def __exit__(self, *_):
        self.stop.set()
        for t in self.threads:
            t.join(30)

    def between(self, start, end) -> int:
        return sum(start <= moment <= end for moment in self.done)


def next_times(app) -> dict:
    with app.app_context():
        rows = db.session.execute(select(Reminder.id, Reminder.next_fire_at)).all()
        db.session.remove()
        return dict(rows)


def test_a_backup_taken_while_people_sync_restores_records_sessions_keys_and_reminders(
    databases, instance_app, tmp_path
):
    source_url, target_url = databases(), databases()
    source_dir, target_dir = tmp_path / "source", tmp_path / "target"
    set_up(source_url, source_dir)
    source = instance_app(source_url, source_dir)
    ana = signed_up(source, "ana@example.org")
    endpoint = fill(ana)
    archive = tmp_path / "off-site" / "unknot.tar.gz"

    with Writers(source) as writers:
        start = time.monotonic()
        made = flask(source_url, source_dir, "backup", "create", str(archive))
        end = time.monotonic()
        time.sleep(0.2)  # and some more writes after the copy
    assert made.returncode == 0, made.stderr
    assert not writers.errors
    assert writers.between(start, end) > 0  # the copy was made while people were syncing
    assert mode(archive) == 0o600 and mode(archive.parent) == 0o700

    restored = flask(target_url, target_dir, "backup", "restore", str(archive))
    assert restored.returncode == 0, restored.stderr
    assert "Restored the backup" in restored.stdout
    target = instance_app(target_url, target_dir)
    for name in ("secret_key", "vapid_private.pem", "vapid_public.pem"):
        assert (target_dir / name).read_bytes() == (source_dir / name).read_bytes()
        assert mode(target_dir / name) == 0o600

    # The phone's old cookie still signs it in, and it pulls exactly the same records.
    phone = target.test_client()
    phone.set_cookie(COOKIE, ana.get_cookie(COOKIE).value)
    me = phone.get("/api/v1/me")
    assert me.status_code == 200 and me.json["email"] == "ana@example.org"
    assert pull_all(phone) == pull_all(ana)
    key = "/api/v1/push/vapid-public-key"
    assert phone.get(key).json == ana.get(key).json

    # Each writer's records are the database of one moment: whole syncs, a prefix of the later.
    for client in writers.clients:
        copy = target.test_client()
        copy.set_cookie(COOKIE, client.get_cookie(COOKIE).value)
        then, now = pull_all(copy)[0], pull_all(client)[0]
        assert len(then) % BATCH == 0 and then == now[: len(then)]
    assert sum(len(pull_all(c)[0]) for c in writers.clients) > 0

    # The reminders are there with their next times, and the dispatcher claims a due one.
    times = next_times(source)
    assert times and next_times(target) == times
    with target.app_context():
        dispatcher = from_app(target, sender=PushSender.from_config(target.config))
        try:
            jobs, seen = dispatcher.claim(min(times.values()) + timedelta(minutes=1))
        finally:
            dispatcher.close()
    assert seen == len(jobs) == len(times)  # every reminder was due then, and each one is sent
    assert {t.endpoint for job in jobs for t in job.targets} == {endpoint}
