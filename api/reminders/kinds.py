"""The one table of reminder kinds on the server: what each says, offers, opens and skips.

The client's table is pwa/lib/reminder-kinds.js; tests/unit/test_reminder_kinds.py holds the
two to each other. A kind missing here is refused by the sync schema and fails loudly
(KeyError) anywhere else, rather than passing as another kind.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from api.reminders import experiment_rules, rules

SNOOZE = {"action": "snooze", "title": "Snooze 15 min"}


@dataclass(frozen=True)
class Kind:
    name: str
    title: str  # the notification's title when the person gave the reminder no name
    actions: tuple[dict, ...]  # notification buttons; pwa/sw-push.js handles each action
    url: str  # where a tap on the notification goes; {id} is the reminder's id
    logs: str | None  # the intake kind its one-tap log writes, if any
    # (session, user, at, now) -> what the body reports, e.g. (water drunk, target)
    progress: Callable
    skip: Callable[[rules.Due], str | None]  # the reason a due fire is not sent, or None
    body: Callable  # (reminder, local time, progress) -> the notification's text


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
    return "" if value is None else f"{value:g}"


def _magnesium_body(reminder, local: datetime, progress) -> str:
    body = f"Your {part_of_day(local.hour)} magnesium, {local:%H:%M}"
    # Only what the person set themselves: the app never proposes a dose.
    detail = " ".join(
        x for x in (_amount(reminder.amount), reminder.unit or "", reminder.form or "") if x
    )
    return f"{body}: {detail}" if detail else body


def _water_body(reminder, local: datetime, progress) -> str:
    drunk, target = progress or (0, 0)
    return f"{drunk:g} of {target:g} ml so far today" if target else "A glass of water"


def _rest_body(reminder, local: datetime, progress) -> str:
    return "Stop for a while: your planned break"


def _experiment_body(reminder, local: datetime, progress) -> str:
    return "A day with it: your experiment"


def _check_body(reminder, local: datetime, progress) -> str:
    return "Your experiment: did you do it yesterday?"


def _stretch_body(reminder, local: datetime, progress) -> str:
    return "A few gentle stretches for calves, hamstrings and feet"


def _clock_body(reminder, local: datetime, progress) -> str:
    return f"{local:%H:%M}"


# In the order the reminders screen lists them. "hydration" is the stored name of the water
# reminder (records and the API carry it); the intake it logs is "water".
KINDS: dict[str, Kind] = {
    k.name: k
    for k in [
        Kind(
            "magnesium",
            title="Magnesium time",
            actions=({"action": "took", "title": "Took it"}, SNOOZE),
            url="/quick?kind=magnesium&reminder={id}",
            logs="magnesium",
            progress=rules.no_progress,
            skip=rules.skip_if_magnesium_taken,
            body=_magnesium_body,
        ),
        Kind(
            "hydration",
            title="Time for some water",
            actions=({"action": "drank", "title": "Drank 250 ml"}, {**SNOOZE, "title": "Snooze"}),
            url="/quick?kind=water&reminder={id}",
            logs="water",
            progress=rules.water_progress,
            skip=rules.skip_if_water_on_pace,
            body=_water_body,
        ),
        Kind(
            "stretch",
            title="Bedtime stretch",
            actions=({"action": "stretched", "title": "Done"}, SNOOZE),
            url="/stretch?reminder={id}",  # the guided routine, which logs itself when done
            logs="stretch",
            progress=rules.no_progress,
            skip=rules.skip_if_stretched,
            body=_stretch_body,
        ),
        Kind(
            "rest",
            title="Time for a rest",
            actions=(SNOOZE,),
            url="/plan",
            logs=None,
            progress=rules.no_progress,
            skip=rules.never_skip,
            body=_rest_body,
        ),
        # The two reminders of an experiment; the experiments screen makes and stops them.
        Kind(
            "experiment",
            title="Experiment: a day with it",
            actions=(SNOOZE,),
            url="/experiments",
            logs=None,
            progress=rules.no_progress,
            skip=experiment_rules.skip_unless_with_day,
            body=_experiment_body,
        ),
        Kind(
            "experiment_check",
            title="Did you do it yesterday?",
            actions=({"action": "did", "title": "Yes"}, {"action": "did_not", "title": "No"}),
            url="/experiments",
            logs=None,
            progress=rules.no_progress,
            skip=experiment_rules.skip_unless_unanswered,
            body=_check_body,
        ),
        Kind(
            "custom",
            title="Reminder",
            actions=(SNOOZE,),
            url="/reminders",
            logs=None,
            progress=rules.no_progress,
            skip=rules.never_skip,
            body=_clock_body,
        ),
    ]
}
