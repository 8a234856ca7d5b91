"""All models, imported so that Alembic and create_all see every table."""

from api.models.push import Delivery, PushSubscription
from api.models.records import (
    Activity,
    Checkin,
    Cramp,
    Experiment,
    ExperimentDay,
    Intake,
    Knot,
    Plan,
    Reminder,
    SyncRecord,
    Template,
    Weakness,
)
from api.models.session import AuthSession
from api.models.throttle import Throttle
from api.models.user import Invite, PasswordReset, User

__all__ = [
    "Activity",
    "AuthSession",
    "Checkin",
    "Cramp",
    "Delivery",
    "Experiment",
    "ExperimentDay",
    "Intake",
    "Invite",
    "Knot",
    "PasswordReset",
    "Plan",
    "PushSubscription",
    "Reminder",
    "SyncRecord",
    "Template",
    "Throttle",
    "User",
    "Weakness",
]
