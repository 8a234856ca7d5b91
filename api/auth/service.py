"""Accounts: registration, sign-in with throttling, settings and deletion."""

from flask import session
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from werkzeug.security import generate_password_hash

from api.auth import invites, sessions, throttle
from api.auth.passwords import check_new_password, set_password
from api.auth.sessions import current_user
from api.errors import Conflict, Forbidden, Unauthorized
from api.extensions import db
from api.models import AuthSession, Delivery, PasswordReset, PushSubscription, User
from api.reminders.service import reschedule_all
from api.sync import seqs
from api.sync.registry import COLLECTIONS  # the one list of synced tables

__all__ = ["current_user"]  # the one way views learn who is signed in


def register(
    email: str, password: str, timezone: str, address: str | None, invite: str | None = None
) -> User:
    """Create an account and sign it in: an easily guessed password is refused (and does not
    count), a handful of sign-ups an hour come from one address, and UNKNOT_SIGNUPS decides
    whether anyone may (open), only with an invite code (invite), or no one (closed)."""
    invite = (invite or "").strip() or None  # a code pasted with a space around it still works
    invites.check_allowed(invite)
    check_new_password(password, email)
    throttle.begin_registration(address)  # before the code is checked: guessing codes is slow
    email = email.strip().lower()
    invites.claim(invite, email)  # in the same transaction: a sign-up that fails keeps the code
    user = User(
        email=email,
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
    sessions.start(user)
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
    if user.disabled_at is not None:
        raise Forbidden(sessions.DISABLED)
    sessions.start(user)
    return user


def logout() -> None:
    """End this device's session on the server, and forget the cookie."""
    sessions.end_current()


def _confirm_password(user: User, password: str, address: str | None, field: str) -> None:
    """Check the password a signed-in person types to confirm a change, throttled as a sign-in:
    a stolen cookie must not become a way to guess the password."""
    attempt = throttle.begin_login(user.email, address)
    if not throttle.password_matches(user, password):
        throttle.failed(attempt)
        raise Unauthorized("That password is not right.", {field: ["Not right."]})
    throttle.succeeded(attempt)


def change_password(
    this: AuthSession, current_password: str, new_password: str, address: str | None
) -> None:
    """Set a new password after checking the current one; every other device is signed out."""
    user = this.user
    _confirm_password(user, current_password, address, "current_password")
    set_password(user, new_password, keep=this.id, field="new_password")
    db.session.commit()


def update_settings(user: User, changes: dict) -> User:
    """Change a person's settings; a new timezone moves every reminder to the new wall clock."""
    moved = "timezone" in changes and changes["timezone"] != user.timezone
    for name, value in changes.items():
        setattr(user, name, value)
    if moved:
        reschedule_all(user)
    db.session.commit()
    return user


def delete_account(user: User, password: str, address: str | None) -> None:
    """Remove every row of this person, after checking their password."""
    _confirm_password(user, password, address, "password")
    erase(user)
    session.clear()


def erase(user: User) -> None:
    """Remove every row of this person (their account deletion, or `flask users delete`)."""
    # The person's row first, then the records, as every writer takes them (api/sync/seqs.py):
    # a sync of another device at the same moment waits instead of deadlocking.
    seqs.lock_person(db.session, user.id)
    for entry in COLLECTIONS.values():
        db.session.execute(delete(entry.model).where(entry.model.user_id == user.id))
    db.session.execute(delete(Delivery).where(Delivery.user_id == user.id))
    db.session.execute(delete(PushSubscription).where(PushSubscription.user_id == user.id))
    db.session.execute(delete(PasswordReset).where(PasswordReset.user_id == user.id))
    # Its sessions go with the row (ON DELETE CASCADE): every device is signed out.
    db.session.delete(user)
    db.session.commit()
