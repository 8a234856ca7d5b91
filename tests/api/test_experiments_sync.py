"""Experiments sync like every record; what cannot be a trial is refused in words, never a 500."""

from tests.factories import change, sync


def refused(device, collection, **fields):
    answer = sync(device, [change(collection, **fields)])
    assert answer["accepted"] == []
    (rejection,) = answer["rejected"]
    return rejection["errors"]["data"]


def test_a_plan_needs_blocks_with_and_without(device):
    assert refused(device, "experiments", blocks=["with", "with"]) == {
        "blocks": ["Plan blocks both with and without the fix."]
    }
    assert "blocks" in refused(device, "experiments", blocks=["with", "sometimes"])
    assert "blocks" in refused(device, "experiments", blocks=["with", "without"] * 9)
    assert "block_days" in refused(device, "experiments", block_days=1)
    assert "fix" in refused(device, "experiments", fix="ice")
    assert "status" in refused(device, "experiments", status="paused")


def test_their_own_fix_needs_its_name(device):
    assert refused(device, "experiments", fix="own", title=None) == {
        "title": ["Say what your fix is."]
    }
    answer = sync(device, [change("experiments", fix="own", title="Tonic water")])
    assert answer["rejected"] == []


def test_an_answer_is_yes_or_no(device):
    assert "done" in refused(device, "experiment_days", done=None)
    assert "experiment_id" in refused(device, "experiment_days", experiment_id="nope")
