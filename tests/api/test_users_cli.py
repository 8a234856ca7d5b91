"""`flask users invite|list|disable|enable|delete`, run through Flask's CLI runner."""

import re

import pytest
from sqlalchemy import select, update

from api.auth import invites, sessions
from api.extensions import db
from api.models import AuthSession, Invite, User
from tests.api.test_account import rows_per_table, two_people  # noqa: F401 (a fixture)
from tests.api.test_signups import PASSWORD, mode_app, sign_up  # noqa: F401 (a fixture)


def run(app, *args, **options):
    """The command on this app (its context pushed: the runner uses the one already pushed)."""
    with app.app_context():
        done = app.test_cli_runner().invoke(args=["users", *args], **options)
    db.session.rollback()  # read what the command committed
    return done


def test_invite_prints_a_code_and_link_that_sign_up_once(mode_app):  # noqa: F811
    app = mode_app("invite")
    app.config["BASE_URL"] = "https://unknot.example.org"
    done = run(app, "invite", "--days", "3")
    assert done.exit_code == 0, done.output
    code = re.search(r"Invite code: (\S+)", done.output).group(1)
    assert f"Link: https://unknot.example.org/signup?invite={code}" in done.output
    assert "It works once, for 3 days." in done.output
    row = db.session.scalar(select(Invite))
    assert row.email is None and code not in row.code_hash
    assert round((row.expires_at - row.created_at).total_seconds()) == 3 * 86400
    assert sign_up(app.test_client(), "ana@example.org", code).status_code == 201
    assert sign_up(app.test_client(), "ben@example.org", code).status_code == 422


def test_invite_for_one_email(mode_app):  # noqa: F811
    app = mode_app("invite")
    done = run(app, "invite", "--email", "Ben@Example.org")
    code = re.search(r"Invite code: (\S+)", done.output).group(1)
    assert "for ben@example.org, for 7 days" in done.output
    assert sign_up(app.test_client(), "ana@example.org", code).json["message"] == (
        invites.OTHER_EMAIL
    )
    assert sign_up(app.test_client(), "ben@example.org", code).status_code == 201


def test_invite_refuses_zero_days(app):
    done = run(app, "invite", "--days", "0")
    assert done.exit_code == 2
    assert db.session.scalar(select(Invite)) is None


def test_list_shows_email_created_last_seen_and_disabled(app, make_client):
    make_client("ana@example.org")
    make_client("ben@example.org")
    db.session.execute(update(User).where(User.email == "ben@example.org").values(
        disabled_at=User.created_at))  # fmt: skip
    db.session.commit()
    done = run(app, "list")
    assert done.exit_code == 0, done.output
    lines = done.output.splitlines()
    assert lines[0].split() == ["email", "created", "(UTC)", "last", "seen", "(UTC)", "disabled"]
    ana, ben = lines[1].split(), lines[2].split()
    assert ana[0] == "ana@example.org" and ana[-1] == "no"
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", ana[3]) and ana[1] == ana[3]  # seen at sign-up
    assert ben[0] == "ben@example.org" and ben[-2:] == ben[1:3]  # disabled at creation time


def test_list_with_no_accounts(app):
    assert run(app, "list").output == "No accounts yet.\n"


def test_disable_ends_every_session_and_refuses_sign_in_until_enabled(app, make_client):
    phone, laptop = make_client("ana@example.org"), make_client("ana@example.org", register=False)
    done = run(app, "disable", "Ana@example.org")
    assert done.exit_code == 0, done.output
    assert "2 session(s) ended" in done.output
    for device in (phone, laptop):
        res = device.get("/api/v1/me")
        assert res.status_code == 401
    login = {"email": "ana@example.org", "password": PASSWORD}
    res = app.test_client().post("/api/v1/auth/login", json=login)
    assert res.status_code == 403
    assert res.json["message"] == sessions.DISABLED
    # A wrong password still says only that it is wrong: no hint the account exists.
    res = app.test_client().post("/api/v1/auth/login", json={**login, "password": "nope nope"})
    assert res.status_code == 401
    assert run(app, "enable", "ana@example.org").exit_code == 0
    assert app.test_client().post("/api/v1/auth/login", json=login).status_code == 200


def test_a_session_of_a_disabled_account_is_refused(app, make_client):
    """A session made at the moment of disabling (not ended with the others) works no more."""
    phone = make_client("ana@example.org")
    db.session.execute(update(User).values(disabled_at=User.created_at))
    db.session.commit()
    res = phone.get("/api/v1/me")
    assert res.status_code == 401
    assert res.json["message"] == sessions.DISABLED
    assert db.session.scalar(select(AuthSession)) is None


def test_unknown_email(app):
    for command in (["disable"], ["enable"], ["delete", "--yes"]):
        done = run(app, *command, "nobody@example.org")
        assert done.exit_code == 1
        assert "No account has the email nobody@example.org." in done.output


def test_delete_asks_first_and_no_keeps_everything(app, two_people):  # noqa: F811
    before = rows_per_table("a@example.org")
    done = run(app, "delete", "a@example.org", input="n\n")
    assert done.exit_code == 1
    assert "Delete a@example.org and every record in it?" in done.output
    assert rows_per_table("a@example.org") == before


@pytest.mark.parametrize("confirm", [["--yes"], []])
def test_delete_removes_every_row_of_that_person_only(app, two_people, confirm):  # noqa: F811
    a, b = two_people
    b_before = rows_per_table("b@example.org")
    done = run(app, "delete", "a@example.org", *confirm, input="y\n")
    assert done.exit_code == 0, done.output
    assert "a@example.org and every record in it are deleted." in done.output
    assert not any(rows_per_table("a@example.org").values())
    assert rows_per_table("b@example.org") == b_before
    assert a.get("/api/v1/me").status_code == 401
    assert b.get("/api/v1/me").status_code == 200
