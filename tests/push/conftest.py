"""The push-service stand-in (one per session) and factories for people, devices and reminders."""

import socket
import threading
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from werkzeug.security import generate_password_hash

from api import keys
from api.extensions import db
from api.models import Intake, PushSubscription, Reminder, User
from api.models.types import utcnow
from api.push.sender import PushSender
from api.push.vapid import public_key
from api.reminders.dispatcher import from_app
from api.reminders.service import reschedule
from tests.push.standin import PushService


@pytest.fixture(scope="session")
def push_service(instance_dir):
    """The stand-in, expecting this server's VAPID key."""
    keys.ensure_vapid_keys(instance_dir / "vapid_private.pem", instance_dir / "vapid_public.pem")
    pem = Path(instance_dir / "vapid_public.pem").read_bytes()
    from api.push.vapid import application_server_key

    service = PushService(application_server_key(pem)).start()
    yield service
    service.stop()


@pytest.fixture
def push(push_service, app):
    push_service.reset()
    assert public_key(app.config) == push_service.server_key
    yield push_service
    push_service.reset()


@pytest.fixture
def sender(app):
    s = PushSender.from_config(app.config)
    yield s
    s.close()


@pytest.fixture
def dispatcher(app, sender):
    d = from_app(app, sender=sender, lease=timedelta(0))
    yield d
    d.close()


class Factory:
    """People, devices, reminders and intakes, written straight to the database."""

    def __init__(self, push: PushService):
        self.push = push
        self.n = 0

    def user(self, tz="Europe/Berlin", **kw) -> User:
        self.n += 1
        user = User(
            email=f"p{self.n}-{uuid.uuid4().hex[:6]}@example.org",
            password_hash=generate_password_hash("x", method="pbkdf2:sha256:1"),
            timezone=tz,
            **kw,
        )
        db.session.add(user)
        db.session.commit()
        return user

    def device(self, user: User) -> dict:
        sub = self.push.new_subscription()
        db.session.add(
            PushSubscription(
                user_id=user.id,
                endpoint=sub["endpoint"],
                p256dh=sub["keys"]["p256dh"],
                auth=sub["keys"]["auth"],
            )
        )
        db.session.commit()
        return sub

    def reminder(self, user: User, now: datetime | None = None, **fields) -> Reminder:
        """A reminder, scheduled as the sync hook would at `now`."""
        now = now or utcnow()
        user.sync_seq += 1
        fields.setdefault("kind", "magnesium")
        r = Reminder(
            user_id=user.id,
            id=uuid.uuid4(),
            created_at=now,
            updated_at=now,
            seq=user.sync_seq,
            **fields,
        )
        db.session.add(r)
        reschedule(user, r, now)
        db.session.commit()
        return r

    def intake(self, user: User, kind: str, taken_at: datetime, amount=None, unit=None):
        user.sync_seq += 1
        db.session.add(
            Intake(
                user_id=user.id,
                id=uuid.uuid4(),
                created_at=taken_at,
                updated_at=taken_at,
                seq=user.sync_seq,
                kind=kind,
                amount=amount,
                unit=unit,
                taken_at=taken_at,
            )
        )
        db.session.commit()


@pytest.fixture
def make(push):
    return Factory(push)


def hhmm(moment: datetime, tz: str) -> str:
    """The local wall-clock HH:MM of a moment."""
    from zoneinfo import ZoneInfo

    return moment.astimezone(ZoneInfo(tz)).strftime("%H:%M")


def minute(moment: datetime) -> datetime:
    return moment.replace(second=0, microsecond=0).astimezone(UTC)


@pytest.fixture
def listener():
    """A TCP port on 127.0.0.1 that accepts and counts connections, then drops them."""
    server = socket.create_server(("127.0.0.1", 0))
    server.settimeout(0.2)
    accepted = []
    stop = threading.Event()

    def serve():
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except TimeoutError:
                continue
            accepted.append(conn.getpeername())
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield server.getsockname()[1], accepted
    stop.set()
    thread.join(2)
    server.close()


@pytest.fixture
def black_hole():
    """A port on 127.0.0.1 that listens but never accepts: connections hang, nothing answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    yield server.getsockname()[1]
    server.close()
