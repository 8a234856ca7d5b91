"""A signed-in device: the server's half of a session cookie."""

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from api.extensions import db
from api.models.types import UTCDateTime, utcnow
from api.models.user import User


class AuthSession(db.Model):
    """One sign-in on one device; the cookie holds a random token, this row only its hash."""

    __tablename__ = "sessions"
    # A deleted session's id is never handed out again (SQLite reuses the highest id otherwise).
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    # Deleting the account deletes its sessions with it: a cookie then names nothing.
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # sha256 of the token, hex: a copy of the database does not sign anyone in.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # Browser and system in plain words ("Chrome on Android"), never the raw User-Agent.
    device: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Written at most every few minutes, so that a request does not cost a write.
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    # Loaded in the same query as the session: one indexed lookup per request.
    user: Mapped[User] = relationship(lazy="joined", innerjoin=True)
