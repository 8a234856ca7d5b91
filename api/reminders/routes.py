"""Reminder actions that need the server (snooze)."""

from flask_smorest import Blueprint

blp = Blueprint("reminders", __name__, url_prefix="/api/v1/reminders", description="Reminders")
