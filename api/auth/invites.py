"""Who may sign up (UNKNOT_SIGNUPS), and the single-use invite codes of `flask users invite`."""

from datetime import timedelta

from flask import current_app
from sqlalchemy import delete, select, update

from api.auth.tokens import digest, new_token
from api.errors import Forbidden, Invalid
from api.extensions import db
from api.models import Invite
from api.models.types import utcnow

CLOSED = "Sign-ups are closed on this Unknot. If you have an account, sign in."
NEEDED = "This Unknot signs people up by invite. Ask the person who runs it for an invite code."
UNKNOWN = "This invite code is not right. Check it, or ask the person who runs this Unknot."
USED = "This invite code was used already. Ask the person who runs this Unknot for a new one."
EXPIRED = "This invite code has expired. Ask the person who runs this Unknot for a new one."
OTHER_EMAIL = "This invite code is for another email address. Use the address it was sent to."


def mode() -> str:
    """open, invite or closed (config.py chose it when the app started)."""
    return current_app.config["SIGNUPS"]


def check_allowed(code: str | None) -> None:
    """Refuse a sign-up early when sign-ups are closed, or an invite is needed and not given."""
    if mode() == "closed":
        raise Forbidden(CLOSED)
    if mode() == "invite" and not code:
        raise Forbidden(NEEDED, {"invite": [NEEDED]})


def create(days: int, email: str | None = None) -> str:
    """A new invite code, working once within `days`; the code itself is not stored."""
    code = new_token()
    now = utcnow()
    # Codes used or expired for a month are of no use to anyone: forget them.
    db.session.execute(delete(Invite).where(Invite.expires_at < now - timedelta(days=30)))
    db.session.add(
        Invite(
            code_hash=digest(code),
            email=email.strip().lower() if email else None,
            created_at=now,
            expires_at=now + timedelta(days=days),
        )
    )
    db.session.commit()
    return code


def link(code: str) -> str:
    """The sign-up link that carries the code (UNKNOT_BASE_URL, else a relative path)."""
    return f"{current_app.config['BASE_URL']}/signup?invite={code}"


def claim(code: str, email: str) -> None:
    """Spend the code for this email, in the caller's transaction (which commits or rolls back).

    The UPDATE is the claim: of two sign-ups racing with one code, the second waits for the
    first's row lock (or SQLite's write lock), then finds used_at set and changes nothing."""
    if mode() != "invite":
        return
    now = utcnow()
    # Start from a fresh transaction: a read begun earlier would make SQLite's write fail.
    db.session.commit()
    claimed = db.session.execute(
        update(Invite)
        .where(
            Invite.code_hash == digest(code),
            Invite.used_at.is_(None),
            Invite.expires_at > now,
            (Invite.email.is_(None)) | (Invite.email == email),
        )
        .values(used_at=now)
    ).rowcount
    if claimed != 1:
        db.session.rollback()
        raise _why_refused(code, email, now)


def _why_refused(code: str, email: str, now) -> Invalid:
    """The plain sentence for a code that could not be spent."""
    row = db.session.scalar(select(Invite).where(Invite.code_hash == digest(code)))
    if row is None:
        message = UNKNOWN
    elif row.used_at is not None:
        message = USED
    elif row.expires_at <= now:
        message = EXPIRED
    else:
        message = OTHER_EMAIL
    return Invalid(message, {"invite": [message]})
