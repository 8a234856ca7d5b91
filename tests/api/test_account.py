"""DELETE /api/v1/me removes every row of the person, in every table, and nobody else's."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from api.extensions import db
from api.models import Delivery, PasswordReset, PushSubscription, User
from tests.factories import one_of_each, sync

NOW = datetime(2026, 11, 20, 21, tzinfo=UTC)


def user_id(email: str) -> int:
    db.session.rollback()
    return db.session.scalar(select(User.id).where(User.email == email))


def add_push_rows(email: str) -> None:
    """A push subscription and a delivery, as the push and reminder work writes them."""
    uid = user_id(email)
    db.session.add(
        PushSubscription(
            user_id=uid, endpoint=f"https://push.example/{email}", p256dh="k" * 87, auth="a" * 22
        )
    )
    db.session.add(Delivery(user_id=uid, reminder_id=uuid.uuid4(), slot_at=NOW))
    db.session.commit()


def add_reset_row(email: str) -> None:
    """A password reset link, as a forgotten password writes it."""
    uid = user_id(email)
    db.session.add(
        PasswordReset(
            user_id=uid,
            token_hash=f"{uid:064d}",
            password_stamp="s" * 64,
            created_at=NOW,
            expires_at=NOW + timedelta(hours=1),
        )
    )
    db.session.commit()


def rows_per_table(email: str) -> dict[str, int]:
    """How many rows each table holds for this person (by user_id, or the email)."""
    uid = user_id(email)
    counts = {}
    for table in db.metadata.sorted_tables:
        if "user_id" in table.c:
            where = table.c.user_id == uid
        elif table.name == "users":
            where = table.c.email == email
        else:  # a table that cannot hold a person's data
            continue
        counts[table.name] = db.session.scalar(select(func.count()).select_from(table).where(where))
    return counts


@pytest.fixture
def two_people(app, make_client):
    """A and B, each with rows in every table that can hold a person's data."""
    clients = {}
    for email in ("a@example.org", "b@example.org"):
        client = make_client(email)
        sync(client, one_of_each())
        add_push_rows(email)
        add_reset_row(email)
        # A failed sign-in leaves throttle counters, under keyed hashes that name no one.
        assert (
            client.post(
                "/api/v1/auth/login", json={"email": email, "password": "wrong password"}
            ).status_code
            == 401
        )
        clients[email] = client
    for email in clients:
        counts = rows_per_table(email)
        assert all(counts.values()), counts  # the test covers every table
    return clients["a@example.org"], clients["b@example.org"]


def test_wrong_password_is_401_and_removes_nothing(two_people):
    a, _ = two_people
    before = rows_per_table("a@example.org")
    res = a.delete("/api/v1/me", json={"password": "not my password"})
    assert res.status_code == 401
    assert res.json["errors"] == {"password": ["Not right."]}
    assert rows_per_table("a@example.org") == before
    assert a.get("/api/v1/me").status_code == 200


def test_password_is_required(two_people):
    a, _ = two_people
    res = a.delete("/api/v1/me", json={})
    assert res.status_code == 422
    assert "password" in res.json["errors"]["json"]


def test_right_password_removes_every_row_of_the_person_only(two_people):
    a, b = two_people
    b_before = rows_per_table("b@example.org")
    res = a.delete("/api/v1/me", json={"password": "correct horse"})
    assert res.status_code == 204
    assert a.get("/api/v1/me").status_code == 401  # signed out
    db.session.rollback()
    assert (
        db.session.scalar(
            select(func.count()).select_from(User).where(User.email == "a@example.org")
        )
        == 0
    )
    assert not any(rows_per_table("a@example.org").values())
    assert rows_per_table("b@example.org") == b_before
    assert b.get("/api/v1/me").status_code == 200
    assert len(b.get("/api/v1/export").json["cramps"]) == 1


def test_the_email_can_sign_up_again_with_nothing_left(two_people, make_client):
    a, _ = two_people
    assert a.delete("/api/v1/me", json={"password": "correct horse"}).status_code == 204
    again = make_client("a@example.org")
    answer = sync(again)
    assert answer["changes"] == [] and answer["cursor"] == 0
