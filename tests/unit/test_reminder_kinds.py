"""The server's table of reminder kinds and the client's hold the same kinds, buttons and logs."""

from datetime import UTC, datetime

import pytest

from api.reminders import payload
from api.reminders.kinds import KINDS
from api.sync.data import IntakeData, ReminderData
from tests.unit.client_module import exported

client = exported("lib/reminder-kinds.js", "KINDS", "FORM_PARTS")


def test_both_sides_list_the_same_kinds_in_the_same_order():
    assert list(client["KINDS"]) == list(KINDS)


def test_the_sync_schema_accepts_exactly_the_kinds_of_the_table():
    (one_of,) = [v for v in ReminderData().fields["kind"].validators if hasattr(v, "choices")]
    assert list(one_of.choices) == list(KINDS)


@pytest.mark.parametrize("name", list(KINDS))
def test_the_worker_handles_every_button_the_server_sends(name):
    assert client["KINDS"][name]["actions"] == [a["action"] for a in KINDS[name].actions]


@pytest.mark.parametrize("name", list(KINDS))
def test_a_one_tap_log_writes_the_same_intake_on_both_sides(name):
    logs = KINDS[name].logs
    assert client["KINDS"][name]["logs"] == logs
    (intakes,) = [v for v in IntakeData().fields["kind"].validators if hasattr(v, "choices")]
    assert logs is None or logs in intakes.choices
    if logs:  # the tap on the notification opens the logger of that intake (or its own screen)
        assert KINDS[name].url.startswith((f"/quick?kind={logs}&", f"/{logs}?reminder="))


def test_the_form_writes_only_fields_the_schema_has():
    fields = set(ReminderData().load_fields)
    for name, kind in client["KINDS"].items():
        for part in kind["form"]:
            assert set(client["FORM_PARTS"][part]) <= fields, (name, part)


def test_a_kind_missing_from_the_table_fails_loudly_rather_than_becoming_custom():
    class Stray:
        kind, title, id, amount, unit, form = "yoga", None, "x", None, None, None

    with pytest.raises(KeyError):
        payload.build(Stray(), "UTC", datetime.now(UTC), "slot")
