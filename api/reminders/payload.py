"""What a reminder notification says: a few plain words, a tag per kind, one-tap actions."""

from datetime import datetime

from api.day import zone

TITLES = {
    "magnesium": "Magnesium time",
    "hydration": "Time for some water",
    "rest": "Time for a rest",
    "custom": "Reminder",
}
ACTIONS = {
    "magnesium": [
        {"action": "took", "title": "Took it"},
        {"action": "snooze", "title": "Snooze 15 min"},
    ],
    "hydration": [
        {"action": "drank", "title": "Drank 250 ml"},
        {"action": "snooze", "title": "Snooze"},
    ],
    "rest": [{"action": "snooze", "title": "Snooze 15 min"}],
    "custom": [{"action": "snooze", "title": "Snooze 15 min"}],
}
# Where a tap on the body goes (pwa/sw-push.js opens this url): the one-screen logger for
# magnesium and water.
URLS = {
    "magnesium": "/quick?kind=magnesium&reminder={id}",
    "hydration": "/quick?kind=hydration&reminder={id}",
    "rest": "/plan",
    "custom": "/reminders",
}


def part_of_day(hour: int) -> str:
    """morning, afternoon, evening or night, for a local hour."""
    if 5 <= hour < 12:
        return "morning"
    if 12 <= hour < 17:
        return "afternoon"
    if 17 <= hour < 22:
        return "evening"
    return "night"


def _amount(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


def _magnesium_body(reminder, local: datetime) -> str:
    body = f"Your {part_of_day(local.hour)} magnesium, {local:%H:%M}"
    # Only what the person set themselves: the app never proposes a dose.
    detail = " ".join(
        x for x in (_amount(reminder.amount), reminder.unit or "", reminder.form or "") if x
    )
    return f"{body}: {detail}" if detail else body


def build(reminder, tz: str, slot_at: datetime, kind: str, water: tuple | None = None) -> dict:
    """The JSON the service worker gets (kept far below the 3,993-byte limit)."""
    rkind = reminder.kind if reminder.kind in TITLES else "custom"
    local = slot_at.astimezone(zone(tz))
    title = (reminder.title or TITLES[rkind])[:80]
    if rkind == "magnesium":
        body = _magnesium_body(reminder, local)
    elif rkind == "hydration":
        drunk, target = water or (0, 0)
        body = f"{drunk:g} of {target:g} ml so far today" if target else "A glass of water"
    elif rkind == "rest":
        body = "Stop for a while: your planned break"
    else:
        body = f"{local:%H:%M}"
    if kind == "nag":
        body = f"Still to do: {body[0].lower()}{body[1:]}"
    payload = {
        "kind": rkind,
        "title": title,
        "body": body[:160],
        "tag": f"unknot-{rkind}",
        "reminder_id": str(reminder.id),
        "slot": slot_at.isoformat(),
        "actions": ACTIONS[rkind],
        "url": URLS[rkind].format(id=reminder.id),
    }
    if rkind == "magnesium":
        # What "Took it" logs, as the person set it (never a dose of the app's own).
        for key in ("form", "amount", "unit"):
            if getattr(reminder, key) is not None:
                payload[key] = getattr(reminder, key)
    return payload


def topic(reminder) -> str:
    """Push Topic: a newer push of the same kind replaces an undelivered older one."""
    return reminder.kind if reminder.kind in TITLES else "custom"
