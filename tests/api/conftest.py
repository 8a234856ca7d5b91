"""What the API tests share: a signed-up person's device, and a second device of theirs."""

import pytest


@pytest.fixture
def device(client, auth):
    """The test client, signed up and signed in as ana@example.org."""
    assert auth.register().status_code == 201
    return client


@pytest.fixture
def second_device(make_client, device):
    """Another client signed in to the same account."""
    return make_client("ana@example.org", register=False)
