"""The session cookie: checked in full the first time, remembered after (api/auth/cookies.py)."""

import time
from datetime import timedelta

from tests.factories import sync

COOKIE = "unknot_session"


def test_a_remembered_cookie_signs_in_again_and_again(device):
    for _ in range(3):
        assert device.get("/api/v1/me").status_code == 200


def test_a_cookie_changed_by_one_character_is_refused_after_the_real_one_was_remembered(
    app, device
):
    assert device.get("/api/v1/me").status_code == 200
    real = device.get_cookie(COOKIE).value
    body, signature = real.rsplit(".", 1)
    # A character in the middle: the last one carries bits the decoder ignores.
    middle = len(signature) // 2
    other = "A" if signature[middle] != "A" else "B"
    forged = signature[:middle] + other + signature[middle + 1 :]
    forger = app.test_client()
    forger.set_cookie(COOKIE, f"{body}.{forged}")
    assert forger.get("/api/v1/me").status_code == 401
    forger.set_cookie(COOKIE, real)
    assert forger.get("/api/v1/me").status_code == 200


def test_a_remembered_cookie_past_its_lifetime_is_refused(app, device):
    assert device.get("/api/v1/me").status_code == 200
    app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(seconds=1)
    time.sleep(2.1)  # the cookie's timestamp is in whole seconds
    assert device.get("/api/v1/me").status_code == 401
    sync(device, status=401)


def test_another_secret_key_does_not_accept_a_remembered_cookie(app, device):
    assert device.get("/api/v1/me").status_code == 200
    app.secret_key = "another secret altogether"
    assert device.get("/api/v1/me").status_code == 401


def test_a_cookie_signed_with_a_retired_key_is_refused_once_the_key_is_gone(app, device):
    old_key = app.secret_key
    app.config["SECRET_KEY_FALLBACKS"] = [old_key]
    app.secret_key = "the new key"
    assert device.get("/api/v1/me").status_code == 200  # signed with the old key, still accepted
    app.config["SECRET_KEY_FALLBACKS"] = []
    assert device.get("/api/v1/me").status_code == 401
