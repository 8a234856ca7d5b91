"""All models, imported so that Alembic and create_all see every table."""

from api.models.push import Delivery, PushSubscription
from api.models.records import (
    Activity,
    Checkin,
    Cramp,
    Intake,
    Knot,
    Plan,
    Reminder,
    SyncRecord,
    Template,
    Weakness,
)
from api.models.session import AuthSession
from api.models.user import LoginFailure, PasswordReset, User

__all__ = [
    "Activity",
    "AuthSession",
    "Checkin",
    "Cramp",
    "Delivery",
    "Intake",
    "Knot",
    "LoginFailure",
    "PasswordReset",
    "Plan",
    "PushSubscription",
    "Reminder",
    "SyncRecord",
    "Template",
    "User",
    "Weakness",
]
