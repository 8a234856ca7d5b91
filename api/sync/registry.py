"""The one registry of synced collections: name -> model and the schema of its `data`."""

from collections.abc import Callable
from dataclasses import dataclass

import marshmallow as ma

from api import models
from api.reminders import service as reminder_service
from api.sync import data


@dataclass(frozen=True)
class Collection:
    name: str
    model: type
    schema: ma.Schema
    # Called by the sync service, inside its transaction, after a record of this
    # collection is stored or deleted: on_change(user, record).
    on_change: Callable | None = None


COLLECTIONS: dict[str, Collection] = {
    c.name: c
    for c in [
        Collection("cramps", models.Cramp, data.CrampData()),
        Collection("knots", models.Knot, data.KnotData()),
        Collection("weakness", models.Weakness, data.WeaknessData()),
        Collection("intakes", models.Intake, data.IntakeData()),
        Collection("plans", models.Plan, data.PlanData()),
        Collection("activities", models.Activity, data.ActivityData()),
        Collection("templates", models.Template, data.TemplateData()),
        Collection("checkins", models.Checkin, data.CheckinData()),
        Collection("experiments", models.Experiment, data.ExperimentData()),
        Collection("experiment_days", models.ExperimentDay, data.ExperimentDayData()),
        Collection(
            "reminders", models.Reminder, data.ReminderData(), reminder_service.reminder_changed
        ),
    ]
}
