"""Accounts: registration, sign-in with throttling, settings and deletion."""

from flask import session
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import check_password_hash, generate_password_hash

from api.auth import throttle
from api.errors import Conflict, Unauthorized
from api.extensions import db
from api.models import LoginFailure, PushSubscription, User


def current_user() -> User:
    """The signed-in person, or 401."""
    uid = session.get("uid")
    user = db.session.get(User, uid) if uid is not None else None
    if user is None:
        raise Unauthorized("Please sign in.")
    return user


def _sign_in(user: User) -> None:
    session.clear()
    session.permanent = True
    session["uid"] = user.id


def register(email: str, password: str, timezone: str, address: str | None) -> User:
    """Create an account and sign it in; a handful an hour from one address."""
    throttle.begin_registration(address)
    user = User(
        email=email.strip().lower(),
        password_hash=generate_password_hash(password),
        timezone=timezone,
    )
    db.session.add(user)
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        raise Conflict(
            "An account with this email exists already.",
            {"email": ["An account with this email exists already."]},
        ) from None
    _sign_in(user)
    return user


def login(email: str, password: str, address: str | None) -> User:
    """Check a password, slowing guessers without locking the owner out (see throttle.py)."""
    email = email.strip().lower()
    attempt = throttle.begin_login(email, address)
    user = db.session.scalar(select(User).where(User.email == email))
    if not throttle.password_matches(user, password):
        throttle.failed(attempt)
        raise Unauthorized("Email or password is not right.")
    throttle.succeeded(attempt)
    _sign_in(user)
    return user


def logout() -> None:
    """Forget the session."""
    session.clear()


def update_settings(user: User, changes: dict) -> User:
    """Change a person's settings; a new timezone moves every reminder to the new wall clock."""
    moved = "timezone" in changes and changes["timezone"] != user.timezone
    for name, value in changes.items():
        setattr(user, name, value)
    if moved:
        from api.reminders.service import reschedule_all

        reschedule_all(user)
    db.session.commit()
    return user


def delete_account(user: User, password: str) -> None:
    """Remove every row of this person, after checking their password."""
    if not check_password_hash(user.password_hash, password):
        raise Unauthorized("That password is not right.", {"password": ["Not right."]})
    from api.sync.registry import COLLECTIONS  # the one list of synced tables

    for entry in COLLECTIONS.values():
        db.session.execute(delete(entry.model).where(entry.model.user_id == user.id))
    from api.models import Delivery

    db.session.execute(delete(Delivery).where(Delivery.user_id == user.id))
    db.session.execute(delete(PushSubscription).where(PushSubscription.user_id == user.id))
    # Failed sign-ins are keyed by the email: that is the person's data too.
    db.session.execute(delete(LoginFailure).where(LoginFailure.key == f"email:{user.email}"))
    db.session.delete(user)
    db.session.commit()
    session.clear()
