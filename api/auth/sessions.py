"""Server-side sessions: the cookie carries a random token, the sessions table its hash.

A session ends when its row goes: on sign-out, "Sign out everywhere", a password change (every
other one), or with the account (ON DELETE CASCADE). A cookie whose row is gone signs nobody in.
"""

from dataclasses import dataclass

from flask import current_app, request, session
from sqlalchemy import bindparam, delete, select, update

from api import connections
from api.auth.devices import describe
from api.auth.tokens import digest, new_token
from api.errors import NotFound, Unauthorized
from api.extensions import db
from api.models import AuthSession, User
from api.models.types import utcnow

COOKIE_KEY = "token"
DISABLED = "This account is switched off. Ask the person who runs this Unknot."


def start(user: User) -> None:
    """Open a session for this person on the requesting device and put its token in the cookie."""
    token = new_token()
    now = utcnow()
    # Sessions unused for longer than the limit are dead anyway: drop them while we are here.
    db.session.execute(
        delete(AuthSession).where(
            AuthSession.user_id == user.id,
            AuthSession.last_seen_at < now - current_app.config["SESSION_IDLE_LIMIT"],
        )
    )
    # A device signing in again replaces its own session, rather than leaving it valid behind.
    _delete_by_cookie()
    device = describe(request.headers.get("User-Agent"))
    db.session.add(
        AuthSession(user=user, token_hash=digest(token), device=device, last_seen_at=now)
    )
    db.session.commit()
    session.clear()
    session.permanent = True
    session[COOKIE_KEY] = token


def _touch(row: AuthSession) -> None:
    """Note the device was seen, at most every few minutes: most requests write nothing.

    The cookie's expiry moves on at the same moments (SESSION_REFRESH_EACH_REQUEST is off):
    signing it again on every request cost a sync more than its database work."""
    now = utcnow()
    if now - row.last_seen_at < current_app.config["SESSION_TOUCH_EVERY"]:
        return
    db.session.execute(update(AuthSession).where(AuthSession.id == row.id).values(last_seen_at=now))
    db.session.commit()
    session.modified = True


# Built once: every request signed in runs it, and building it costs more than running it.
_BY_TOKEN = select(AuthSession).where(AuthSession.token_hash == bindparam("token_hash"))


def current() -> AuthSession:
    """The request's session with its person, or 401 (no cookie, signed out, or unused too long)."""
    token = session.get(COOKIE_KEY)
    row = None
    if isinstance(token, str):
        row = db.session.scalar(_BY_TOKEN, {"token_hash": digest(token)})
    if row is None:
        raise Unauthorized("Please sign in.")
    # `flask users disable` ends every session; one begun at that very moment ends here.
    if row.user.disabled_at is not None:
        db.session.delete(row)
        db.session.commit()
        raise Unauthorized(DISABLED)
    if utcnow() - row.last_seen_at > current_app.config["SESSION_IDLE_LIMIT"]:
        db.session.delete(row)
        db.session.commit()
        raise Unauthorized("Please sign in.")
    _touch(row)
    return row


def current_user() -> User:
    """The signed-in person, or 401."""
    return current().user


@dataclass(frozen=True)
class Glance:
    """The signed-in person as one read of their session saw them, with no ORM object made:
    all that a sync needs of them (api/sync/service.py)."""

    id: int
    email: str
    sync_seq: int


_SESSIONS, _USERS = AuthSession.__table__, User.__table__
# Built once: the session and its person in one indexed lookup, as plain columns.
_GLANCE = (
    select(
        _USERS.c.id,
        _USERS.c.email,
        _USERS.c.sync_seq,
        _USERS.c.disabled_at,
        _SESSIONS.c.last_seen_at,
    )
    .join(_USERS, _USERS.c.id == _SESSIONS.c.user_id)
    .where(_SESSIONS.c.token_hash == bindparam("token_hash"))
)


def glance() -> Glance | None:
    """Who is signed in, for a request that needs only that (a sync), when all is well.

    One statement outside any transaction (connections.first_row), and no ORM objects.
    None whenever current() has more to do than read: no session, an account switched off, a
    session idle too long or due its "last seen" write, or a connection that died during the
    read. The caller then takes the full path, current(), which answers or cleans up as always.
    """
    token = session.get(COOKIE_KEY)
    if not isinstance(token, str):
        return None
    try:
        row = connections.first_row(db.engine, _GLANCE, {"token_hash": digest(token)})
    except connections.Dropped:
        return None  # nothing was read; the full path reads again on another connection
    if row is None or row.disabled_at is not None:
        return None
    unseen = utcnow() - row.last_seen_at
    config = current_app.config
    if unseen >= config["SESSION_TOUCH_EVERY"] or unseen > config["SESSION_IDLE_LIMIT"]:
        return None
    return Glance(row.id, row.email, row.sync_seq)


def _delete_by_cookie() -> None:
    token = session.get(COOKIE_KEY)
    if isinstance(token, str):
        db.session.execute(delete(AuthSession).where(AuthSession.token_hash == digest(token)))


def end_current() -> None:
    """Sign this device out: its session row goes, then the cookie."""
    _delete_by_cookie()
    db.session.commit()
    session.clear()


def end_sessions(user_id: int, keep: int | None = None) -> int:
    """End every session of a person but `keep` (a session id); the caller commits."""
    where = [AuthSession.user_id == user_id]
    if keep is not None:
        where.append(AuthSession.id != keep)
    return db.session.execute(delete(AuthSession).where(*where)).rowcount


def end_everywhere(this: AuthSession) -> None:
    """Sign out everywhere: every session of the person, this one included."""
    end_sessions(this.user_id)
    db.session.commit()
    session.clear()


def devices(this: AuthSession) -> list[dict]:
    """The person's signed-in devices: this one (marked current) first, then the latest seen."""
    rows = db.session.scalars(
        select(AuthSession)
        .where(AuthSession.user_id == this.user_id)
        .order_by(AuthSession.last_seen_at.desc(), AuthSession.id.desc())
    )
    return [
        {
            "id": row.id,
            "device": row.device,
            "created_at": row.created_at,
            "last_seen_at": row.last_seen_at,
            "current": row.id == this.id,
        }
        for row in sorted(rows, key=lambda row: row.id != this.id)
    ]


def end_one(this: AuthSession, session_id: int) -> None:
    """Sign one of the person's devices out; anyone else's session is 404, as if unknown."""
    ended = db.session.execute(
        delete(AuthSession).where(AuthSession.id == session_id, AuthSession.user_id == this.user_id)
    ).rowcount
    if not ended:
        raise NotFound("That device is not signed in.")
    db.session.commit()
    if session_id == this.id:
        session.clear()
