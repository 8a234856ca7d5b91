"""SMTP_URL and the settings mail needs, read in api/config.py."""

import pytest

from api.config import ConfigError, Smtp, load, smtp_settings


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("smtp://mail.local", Smtp("mail.local", 25, "plain")),
        ("smtp://127.0.0.1:2525", Smtp("127.0.0.1", 2525, "plain")),
        (
            "smtp+starttls://me%40example.org:p%3Ass@smtp.example.org:587",
            Smtp("smtp.example.org", 587, "starttls", "me@example.org", "p:ss"),
        ),
        (
            "smtps://me:secret@smtp.example.org",
            Smtp("smtp.example.org", 465, "tls", "me", "secret"),
        ),
    ],
)
def test_smtp_url_forms(url, expected):
    assert smtp_settings(url) == expected


@pytest.mark.parametrize("url", ["http://mail.local", "mail.local:25", "smtp://", "smtp://h:port"])
def test_a_wrong_smtp_url_stops_the_start_with_a_message(url):
    with pytest.raises(ConfigError, match="SMTP_URL"):
        smtp_settings(url)


def test_no_smtp_url_means_no_mail(tmp_path):
    cfg = load(str(tmp_path), {"SECRET_KEY": "x", "SMTP_URL": None})
    assert cfg["SMTP"] is None


def test_mail_needs_a_base_url_for_links_and_a_sender(tmp_path):
    mail = {"SECRET_KEY": "x", "SMTP_URL": "smtp://127.0.0.1:2525"}
    with pytest.raises(ConfigError, match="UNKNOT_BASE_URL"):
        load(str(tmp_path), {**mail, "MAIL_FROM": "u@example.org", "BASE_URL": None})
    with pytest.raises(ConfigError, match="MAIL_FROM"):
        load(str(tmp_path), {**mail, "MAIL_FROM": None, "BASE_URL": "https://u.example.org"})
    cfg = load(
        str(tmp_path), {**mail, "MAIL_FROM": "u@example.org", "BASE_URL": "https://u.example.org/"}
    )
    assert cfg["BASE_URL"] == "https://u.example.org"
    assert cfg["SMTP"].port == 2525
