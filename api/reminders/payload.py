"""What a reminder notification says: a few plain words, a tag per kind, one-tap actions."""

from datetime import datetime

from api.day import zone
from api.reminders.kinds import KINDS


def build(reminder, tz: str, slot_at: datetime, fire: str, progress: tuple | None = None) -> dict:
    """The JSON the service worker gets (kept far below the 3,993-byte limit).

    fire: slot | snooze | nag | once; progress: what the kind's progress() found.
    """
    kind = KINDS[reminder.kind]
    local = slot_at.astimezone(zone(tz))
    body = kind.body(reminder, local, progress)
    if fire == "nag":
        body = f"Still to do: {body[0].lower()}{body[1:]}"
    payload = {
        "kind": kind.name,
        "title": (reminder.title or kind.title)[:80],
        "body": body[:160],
        "tag": f"unknot-{kind.name}",
        "reminder_id": str(reminder.id),
        "slot": slot_at.isoformat(),
        "actions": list(kind.actions),
        "url": kind.url.format(id=reminder.id),
    }
    if kind.logs == "magnesium":
        # What "Took it" logs, as the person set it (never a dose of the app's own).
        for key in ("form", "amount", "unit"):
            if getattr(reminder, key) is not None:
                payload[key] = getattr(reminder, key)
    return payload


def topic(reminder) -> str:
    """Push Topic: a newer push of the same kind replaces an undelivered older one."""
    return KINDS[reminder.kind].name
