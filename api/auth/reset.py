"""Forgotten passwords: a single-use link by mail, and a new password set with it."""

from datetime import timedelta
from email.message import EmailMessage
from functools import partial

from flask import current_app
from sqlalchemy import delete, func, select, update

from api import mail
from api.auth.passwords import set_password
from api.auth.tokens import digest, new_token
from api.errors import Conflict, Invalid
from api.extensions import db
from api.models import PasswordReset, User
from api.models.types import utcnow

SENT = "If an account exists for that address, a link is on its way. It works for one hour."
NO_MAIL = "This server cannot send mail. Ask the person who runs it to reset your password."
DEAD_LINK = (
    "This link does not work any more: it was used, a newer one was sent, or an hour has passed."
)
SUBJECT = "Reset your Unknot password"
BODY = """Hello,

someone asked to reset the password of the Unknot account for this address.
To choose a new password, open this link within the next hour:

{link}

The link works once. If it was not you, ignore this mail: your password stays as it is.
"""


def mail_configured() -> bool:
    """Whether this server can send reset links."""
    return current_app.config["SMTP"] is not None


def request_reset(email: str) -> str:
    """Mail a reset link if the address has an account; the same answer either way."""
    if not mail_configured():
        raise Conflict(NO_MAIL)
    # All that depends on whether the address has an account happens after the answer, in the
    # mail thread: the answer takes the same time with an account as without.
    app = current_app._get_current_object()
    mail.send_later(app, partial(_link_mail, email.strip().lower()))
    return SENT


def _link_mail(email: str) -> EmailMessage | None:
    """The mail with a new link for this address, or None (no account, or too many this hour)."""
    user = db.session.scalar(select(User).where(User.email == email))
    token = _issue(user) if user is not None else None
    if token is None:
        return None
    cfg = current_app.config
    link = f"{cfg['BASE_URL']}/reset?token={token}"
    return mail.message(cfg["MAIL_FROM"], user.email, SUBJECT, BODY.format(link=link))


def _issue(user: User) -> str | None:
    """A new link for this person (the older ones die), or None past the hourly limit."""
    cfg = current_app.config
    now = utcnow()
    hour_ago, day_ago = now - timedelta(hours=1), now - timedelta(days=1)
    sent = db.session.scalar(
        select(func.count())
        .select_from(PasswordReset)
        .where(PasswordReset.user_id == user.id, PasswordReset.created_at > hour_ago)
    )
    if sent >= cfg["RESET_MAILS_PER_HOUR"]:
        return None  # silently: the answer must not tell that the address has an account
    db.session.execute(
        update(PasswordReset)
        .where(PasswordReset.user_id == user.id, PasswordReset.expires_at > now)
        .values(expires_at=now)
    )
    db.session.execute(delete(PasswordReset).where(PasswordReset.created_at < day_ago))
    token = new_token()
    db.session.add(
        PasswordReset(
            user_id=user.id,
            token_hash=digest(token),
            password_stamp=digest(user.password_hash),
            created_at=now,
            expires_at=now + cfg["RESET_LINK_LIFETIME"],
        )
    )
    db.session.commit()
    return token


def reset_password(token: str, password: str) -> None:
    """Set a new password with a link's token; the link dies, and so does every session."""
    now = utcnow()
    found = select(PasswordReset).where(PasswordReset.token_hash == digest(token))
    link = db.session.scalar(found)
    user = db.session.get(User, link.user_id) if link else None
    alive = (
        user is not None
        and link.used_at is None
        and link.expires_at > now
        and link.password_stamp == digest(user.password_hash)
    )
    if not alive:
        raise Invalid(DEAD_LINK, {"token": [DEAD_LINK]})
    set_password(user, password)  # a weak password is refused before the link is spent
    # Claimed atomically: of two requests with one link, only one sets the password.
    claimed = db.session.execute(
        update(PasswordReset)
        .where(PasswordReset.id == link.id, PasswordReset.used_at.is_(None))
        .values(used_at=now)
    ).rowcount
    if claimed != 1:
        db.session.rollback()
        raise Invalid(DEAD_LINK, {"token": [DEAD_LINK]})
    db.session.commit()
