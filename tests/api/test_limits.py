"""A body over MAX_CONTENT_LENGTH: a 413 in the error shape, after the body is read and dropped."""

import io

from api.limits import drain


def test_a_body_over_the_limit_gets_a_413_in_the_error_shape(client):
    res = client.post(
        "/api/v1/sync", data=b"x" * (4 * 1024 * 1024 + 1), content_type="application/json"
    )
    assert res.status_code == 413
    assert res.json == {
        "code": 413,
        "status": "Request Entity Too Large",
        "message": "Too large: send at most 4,194,304 bytes at a time.",
    }


def test_drain_reads_a_body_to_its_end_but_no_further_than_its_bound():
    body = io.BytesIO(b"x" * 200_000)
    assert drain(body) is True
    assert body.read() == b""
    long = io.BytesIO(b"x" * 200_000)
    assert drain(long, at_most=100_000) is False
    assert len(long.read()) == 100_000
