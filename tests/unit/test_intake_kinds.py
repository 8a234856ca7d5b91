"""The client's intake kinds (features/quick/kinds.js) are the sync schema's, each with words."""

from api.sync.data import INTAKE_KINDS, IntakeData
from tests.unit.client_module import exported

client = exported("features/quick/kinds.js", "INTAKE_LABELS", "FIXES")


def test_the_client_names_exactly_the_kinds_the_server_accepts():
    assert list(client["INTAKE_LABELS"]) == INTAKE_KINDS
    (one_of,) = [v for v in IntakeData().fields["kind"].validators if hasattr(v, "choices")]
    assert list(one_of.choices) == INTAKE_KINDS


def test_every_one_tap_fix_is_an_intake_kind_between_episodes():
    assert list(client["FIXES"]) == ["stretch", "epsom_bath", "heat"]
    assert set(client["FIXES"]) <= set(INTAKE_KINDS)
