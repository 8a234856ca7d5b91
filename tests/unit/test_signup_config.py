"""UNKNOT_SIGNUPS and its default, read in api/config.py."""

import pytest

from api.config import ConfigError, load


@pytest.fixture(autouse=True)
def _no_env(monkeypatch):
    for name in ("UNKNOT_SIGNUPS", "UNKNOT_BASE_URL", "HOST", "SMTP_URL"):
        monkeypatch.delenv(name, raising=False)


@pytest.mark.parametrize(
    ("base_url", "host", "expected"),
    [
        (None, None, "open"),  # make run: 127.0.0.1 only
        ("http://127.0.0.1:8000", None, "open"),
        ("http://localhost:8000", "0.0.0.0", "open"),  # the address people use decides
        ("http://[::1]:8000", None, "open"),
        ("https://unknot.example.org", None, "invite"),
        ("https://unknot.example.org", "127.0.0.1", "invite"),  # behind Caddy on loopback
        ("https://home.tail1234.ts.net", None, "invite"),
        (None, "0.0.0.0", "invite"),  # listening on the network, no address given
        (None, "192.168.1.20", "invite"),
    ],
)
def test_default_is_open_on_this_machine_and_invite_on_a_public_name(
    tmp_path, monkeypatch, base_url, host, expected
):
    if base_url:
        monkeypatch.setenv("UNKNOT_BASE_URL", base_url)
    if host:
        monkeypatch.setenv("HOST", host)
    assert load(str(tmp_path), None)["SIGNUPS"] == expected


@pytest.mark.parametrize("mode", ["open", "invite", "closed", " Closed "])
def test_an_explicit_setting_wins(tmp_path, monkeypatch, mode):
    monkeypatch.setenv("UNKNOT_BASE_URL", "https://unknot.example.org")
    monkeypatch.setenv("UNKNOT_SIGNUPS", mode)
    assert load(str(tmp_path), None)["SIGNUPS"] == mode.strip().lower()


def test_an_unknown_mode_stops_the_start_with_a_message(tmp_path, monkeypatch):
    monkeypatch.setenv("UNKNOT_SIGNUPS", "invites")
    with pytest.raises(ConfigError, match="UNKNOT_SIGNUPS must be open, invite or closed"):
        load(str(tmp_path), None)
