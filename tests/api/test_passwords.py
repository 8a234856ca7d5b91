"""Passwords: guessable ones refused, forgotten ones reset by a link mailed through a real SMTP
server on 127.0.0.1, and `flask users reset-password` for servers without mail."""

from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select, update

from api.auth.passwords import TOO_EASY, TOO_PERSONAL
from api.extensions import db
from api.models import PasswordReset, User
from api.models.types import utcnow
from tests.mailbox import mail_config, running_mailbox

BASE = "https://unknot.example.org"
FORGOT = "/api/v1/auth/forgot"
RESET = "/api/v1/auth/reset"
NEW = "violet kettle drumming"
SENT = "If an account exists for that address, a link is on its way. It works for one hour."


@pytest.fixture
def mailbox(app):
    """A real SMTP server, and the app configured to send through it."""
    with running_mailbox() as box:
        app.config.update(mail_config(box, BASE))
        yield box


@pytest.fixture
def ana(auth):
    """A person with an account (signed in on the `client`)."""
    assert auth.register().status_code == 201
    return "ana@example.org"


def forgot(client, email):
    return client.post(FORGOT, json={"email": email})


def token_of(mailbox, count=1):
    """The token in the newest of `count` mails."""
    link = mailbox.link(mailbox.wait(count)[-1])
    assert link.startswith(f"{BASE}/reset?token=")
    return parse_qs(urlsplit(link).query)["token"][0]


def reset(client, token, password=NEW):
    return client.post(RESET, json={"token": token, "password": password})


# Weak passwords


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("password", TOO_EASY),
        ("12345678", TOO_EASY),
        ("qwertyuiop", TOO_EASY),
        ("summer2024", TOO_EASY),
        ("ana@example.org", TOO_PERSONAL),
        ("anaexample", TOO_PERSONAL),
        ("unknot2024", TOO_PERSONAL),
    ],
)
def test_sign_up_refuses_a_guessable_password_beside_the_field(app, auth, password, message):
    res = auth.register(email="ana@example.org", password=password)
    assert res.status_code == 422
    assert res.json["errors"] == {"password": [message]}
    assert res.json["message"] == message
    assert db.session.scalar(select(User)) is None


def test_sign_up_accepts_a_few_unrelated_words(auth):
    assert auth.register(password="violet kettle drumming").status_code == 201


def test_openapi_states_the_password_rule(client):
    spec = client.get("/api/v1/openapi.json").json
    for schema in ("Register", "Reset"):
        rule = spec["components"]["schemas"][schema]["properties"]["password"]["description"]
        assert "not easy to guess" in rule and "12345678" in rule


# Mail configured or not


def test_without_mail_the_screen_is_told_to_send_people_to_the_operator(client, ana):
    assert client.get(FORGOT).json == {"mail": False}
    res = forgot(client, ana)
    assert res.status_code == 409
    assert "Ask the person who runs it" in res.json["message"]


def test_with_mail_the_screen_is_told_it_can_ask_for_a_link(client, mailbox):
    assert client.get(FORGOT).json == {"mail": True}


# The link


def test_a_link_from_the_mail_sets_the_password_once(client, auth, ana, mailbox):
    auth.logout()
    res = forgot(client, ana)
    assert (res.status_code, res.json) == (202, {"message": SENT})
    (mail,) = mailbox.wait(1)
    assert mail["To"] == ana
    assert mail["From"] == "Unknot <unknot@example.org>"
    assert mail["Subject"] == "Reset your Unknot password"
    token = token_of(mailbox)

    assert reset(client, token).status_code == 204
    assert client.get("/api/v1/me").status_code == 401  # a reset does not sign in
    assert auth.login(password="correct horse").status_code == 401
    assert auth.login(password=NEW).status_code == 200

    again = reset(client, token, "another quite long phrase")
    assert again.status_code == 422
    assert "does not work any more" in again.json["errors"]["token"][0]
    auth.logout()
    assert auth.login(password=NEW).status_code == 200


def test_only_a_hash_of_the_token_is_stored(client, ana, mailbox):
    forgot(client, ana)
    token = token_of(mailbox)
    row = db.session.scalar(select(PasswordReset))
    assert token not in (row.token_hash, row.password_stamp)
    assert len(row.token_hash) == 64
    assert row.expires_at - row.created_at <= timedelta(hours=1)


def test_an_expired_link_is_refused(client, auth, ana, mailbox):
    forgot(client, ana)
    token = token_of(mailbox)
    db.session.execute(update(PasswordReset).values(expires_at=utcnow() - timedelta(seconds=1)))
    db.session.commit()
    res = reset(client, token)
    assert res.status_code == 422
    assert list(res.json["errors"]) == ["token"]
    auth.logout()
    assert auth.login(password="correct horse").status_code == 200


def test_a_newer_link_kills_the_older_one(client, ana, mailbox):
    forgot(client, ana)
    first = token_of(mailbox, 1)
    forgot(client, ana)
    second = token_of(mailbox, 2)
    assert reset(client, first).status_code == 422
    assert reset(client, second).status_code == 204


def test_a_password_changed_another_way_kills_the_link(client, runner, ana, mailbox):
    forgot(client, ana)
    token = token_of(mailbox)
    done = runner.invoke(args=["users", "reset-password", ana, "--password", "marble otter lamp"])
    assert done.exit_code == 0, done.output
    assert reset(client, token).status_code == 422


def test_a_weak_password_is_refused_and_the_link_still_works(client, ana, mailbox):
    forgot(client, ana)
    token = token_of(mailbox)
    res = reset(client, token, "password1")
    assert res.status_code == 422
    assert res.json["errors"] == {"password": [TOO_EASY]}
    assert reset(client, token).status_code == 204


def test_a_made_up_token_is_refused(client, ana, mailbox):
    res = reset(client, "not-a-token-anyone-was-sent")
    assert res.status_code == 422
    assert list(res.json["errors"]) == ["token"]


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, ana, mailbox):
    unknown = forgot(client, "nobody@example.org")
    known = forgot(client, ana)
    assert (unknown.status_code, unknown.json) == (known.status_code, known.json)
    assert unknown.headers.get("Set-Cookie") == known.headers.get("Set-Cookie")
    # One sender sends in order: had the unknown address had a mail, it would be here first.
    assert [m["To"] for m in mailbox.wait(1)] == [ana]
    assert db.session.scalar(select(PasswordReset.user_id)) is not None


def test_the_answer_does_not_wait_for_the_mail_server(client, ana, mailbox):
    # The mail goes out after the answer, so a known address answers as fast as an unknown one.
    mailbox.hold()
    res = forgot(client, ana)
    assert res.status_code == 202
    assert mailbox.messages == []
    mailbox.release()
    assert len(mailbox.wait(1)) == 1


def test_mails_to_one_address_are_limited_silently(client, auth, ana, mailbox):
    answers = {forgot(client, ana).status_code for _ in range(5)}
    assert answers == {202}
    auth.register(email="bo@example.org")
    forgot(client, "bo@example.org")
    # Mails go out in order: once Bo's has arrived, every one for Ana would have too.
    deadline = mailbox.wait(4)
    assert [m["To"] for m in deadline] == [ana, ana, ana, "bo@example.org"]


# The command line


def test_cli_sets_a_password_given_twice_at_the_prompt(runner, auth, ana):
    typed = ["password", "marble otter lamp", "marble otter lam", "marble otter lamp"]
    typed += ["marble otter lamp"]
    done = runner.invoke(args=["users", "reset-password", ana], input="\n".join(typed) + "\n")
    assert done.exit_code == 0, done.output
    assert TOO_EASY in done.output  # asked again after a guessable one
    assert "The two were not the same" in done.output
    assert "marble otter lamp" not in done.output  # hidden
    auth.logout()
    assert auth.login(password="marble otter lamp").status_code == 200


def test_cli_refuses_a_guessable_password_given_as_an_option(runner, auth, ana):
    done = runner.invoke(args=["users", "reset-password", ana, "--password", "12345678"])
    assert done.exit_code == 1
    assert TOO_EASY in done.output
    auth.logout()
    assert auth.login(password="correct horse").status_code == 200


def test_cli_says_so_for_an_unknown_email(runner, ana):
    done = runner.invoke(args=["users", "reset-password", "nobody@example.org", "--password", NEW])
    assert done.exit_code == 1
    assert "No account has the email nobody@example.org" in done.output


# A reset ends every session: a stolen cookie dies with the password it was taken under.


def test_a_reset_link_signs_out_every_device(client, make_client, ana, mailbox):
    phone = make_client(ana, register=False)
    assert phone.get("/api/v1/me").status_code == 200
    forgot(client, ana)
    assert reset(client, token_of(mailbox)).status_code == 204
    assert phone.get("/api/v1/me").status_code == 401
    assert client.get("/api/v1/me").status_code == 401


def test_the_cli_reset_signs_out_every_device(runner, client, make_client, ana):
    phone = make_client(ana, register=False)
    done = runner.invoke(args=["users", "reset-password", ana, "--password", NEW])
    assert done.exit_code == 0, done.output
    assert phone.get("/api/v1/me").status_code == 401
    assert client.get("/api/v1/me").status_code == 401


def test_a_new_password_is_checked_when_changed_in_settings(client, ana):
    res = client.post(
        "/api/v1/me/password",
        json={"current_password": "correct horse", "new_password": "password"},
    )
    assert res.status_code == 422
    assert res.json["errors"] == {"new_password": [TOO_EASY]}
    assert client.get("/api/v1/me").status_code == 200
