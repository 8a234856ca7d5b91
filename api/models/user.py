"""A person with an account."""

from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from api.extensions import db
from api.models.types import UTCDateTime, utcnow


class User(db.Model):
    __tablename__ = "users"
    # An id is never handed out twice, even after the account with it is deleted.
    __table_args__ = {"sqlite_autoincrement": True}

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    # A person's day starts at this local hour, so a 2 a.m. cramp belongs to the night before.
    day_start_hour: Mapped[int] = mapped_column(Integer, default=4)
    water_target_ml: Mapped[int] = mapped_column(Integer, default=2000)
    energy_budget: Mapped[int] = mapped_column(Integer, default=12)
    chunk_minutes: Mapped[int] = mapped_column(Integer, default=15)
    # The last sync sequence number handed out to this person's records. Incremented
    # under the row lock of this row, so numbers are handed out in commit order.
    sync_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Set by the operator (`flask users disable`): no session works and sign-in is refused.
    disabled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Invite(db.Model):
    """A single-use sign-up code from `flask users invite`; only a hash of the code is kept."""

    __tablename__ = "invites"

    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # When given, only this address may sign up with the code.
    email: Mapped[str | None] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class PasswordReset(db.Model):
    """A reset link sent by mail; only a hash of its token is kept."""

    __tablename__ = "password_resets"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # A hash of the password hash at issue time: any change of password, by any path,
    # kills the link without that path having to know about links.
    password_stamp: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    # Set to now when a newer link is sent, so only the newest one works.
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
