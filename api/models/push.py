"""Push subscriptions and reminder deliveries."""

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text, UniqueConstraint, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from api.extensions import db
from api.models.types import UTCDateTime, utcnow


class PushSubscription(db.Model):
    __tablename__ = "push_subscriptions"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    # The sign-in that turned reminders on: when that device is signed out (here, from another
    # device, or by a password change), its notifications stop with it. None for subscriptions
    # older than server-side sessions, until their device signs in again.
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    endpoint: Mapped[str] = mapped_column(Text, unique=True)
    p256dh: Mapped[str] = mapped_column(String(200))
    auth: Mapped[str] = mapped_column(String(100))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Pushes to this endpoint that failed in a row; after a few, it is skipped until retry_at.
    failures: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    retry_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Delivery(db.Model):
    """One reminder slot: written before sending, so a slot is never sent twice."""

    __tablename__ = "deliveries"
    __table_args__ = (
        UniqueConstraint("user_id", "reminder_id", "slot_at", name="uq_deliveries_slot"),
        Index("ix_deliveries_status_slot_at", "status", "slot_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    reminder_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    slot_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # pending (claimed, not yet tried) | sending (being sent: never tried again) | sent |
    # skipped (done already, on pace, or missed by more than the grace) | failed |
    # unknown (still "sending" long after it must have ended: the dispatcher died mid-send)
    status: Mapped[str] = mapped_column(String(20), default="pending")
    # slot | snooze | nag | once
    kind: Mapped[str] = mapped_column(String(10), default="slot", server_default="slot")
    # Why a delivery was skipped or failed, in a word or two (taken, on_pace, late, gone...).
    reason: Mapped[str | None] = mapped_column(String(40))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
