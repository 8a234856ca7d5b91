"""Reminder scheduling services (filled in by the reminders work)."""


def reminder_changed(user, reminder) -> None:
    """Recompute a reminder's next_fire_at after the person changed it."""
