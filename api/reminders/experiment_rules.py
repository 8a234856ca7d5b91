"""Skip rules of the experiment reminders: they read the person's running experiment.

The reminders carry no schedule of their own. An experiment's plan (start_day, block_days,
blocks) says which days are "with" days, the same on the server as on every phone
(pwa/features/experiments/plan.js), so stopping or finishing an experiment silences its
reminders at once, even before the phone turns them off.
"""

from datetime import date, timedelta

from sqlalchemy import select

from api.day import local_day
from api.models import Experiment, ExperimentDay, User


def arm_on(experiment: Experiment, day: date) -> str | None:
    """ "with" or "without" on that day of the plan, or None outside it."""
    n = (day - experiment.start_day).days
    if n < 0 or n >= experiment.block_days * len(experiment.blocks):
        return None
    return experiment.blocks[n // experiment.block_days]


def running_on(session, user: User, day: date) -> Experiment | None:
    """The newest running experiment whose plan holds the day, or None."""
    rows = session.scalars(
        select(Experiment)
        .where(
            Experiment.user_id == user.id,
            Experiment.deleted_at.is_(None),
            Experiment.status == "running",
            Experiment.start_day <= day,
        )
        .order_by(Experiment.created_at.desc())
    )
    return next((e for e in rows if arm_on(e, day) is not None), None)


def _slot_day(due) -> date:
    """The person's day of the slot (a nag or snooze belongs to its slot's day)."""
    return local_day(due.last_slot, due.user.timezone, due.user.day_start_hour)


def skip_unless_with_day(due) -> str | None:
    """ "Do it today": sent only on a "with" day of a running experiment."""
    experiment = running_on(due.session, due.user, _slot_day(due))
    if experiment is None:
        return "no_experiment"
    return None if arm_on(experiment, _slot_day(due)) == "with" else "without_day"


def skip_unless_unanswered(due) -> str | None:
    """ "Did you do it yesterday?": sent after a "with" day not yet answered."""
    yesterday = _slot_day(due) - timedelta(days=1)
    experiment = running_on(due.session, due.user, yesterday)
    if experiment is None or arm_on(experiment, yesterday) != "with":
        return "nothing_to_ask"
    answered = due.session.scalar(
        select(ExperimentDay.id).where(
            ExperimentDay.user_id == due.user.id,
            ExperimentDay.experiment_id == experiment.id,
            ExperimentDay.day == yesterday,
            ExperimentDay.deleted_at.is_(None),
        )
    )
    return "answered" if answered else None
