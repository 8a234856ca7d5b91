"""Reminder actions that need the server (snooze)."""

from uuid import UUID

from flask_smorest import Blueprint

from api.auth.service import current_user
from api.reminders import service
from api.reminders.schemas import SnoozedSchema, SnoozeSchema

blp = Blueprint("reminders", __name__, url_prefix="/api/v1/reminders", description="Reminders")


@blp.post("/<uuid:reminder_id>/snooze")
@blp.arguments(SnoozeSchema)
@blp.response(200, SnoozedSchema)
def snooze(args, reminder_id: UUID):
    """Remind again in a few minutes (15, 60, or 5 to 720)"""
    return service.snooze(current_user(), reminder_id, args["minutes"])
