"""`flask users …` for the person who runs the server: invite, list, disable, enable, delete.

Added to the `users` group of api/cli.py. Like the other commands, they import what they use
when they run (see the note in api/cli.py)."""

import click

INVITE_DAYS = 7


def _find(email: str):
    """The account with this email, or a ClickException naming it."""
    from sqlalchemy import select

    from api.extensions import db
    from api.models import User

    user = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        raise click.ClickException(f"No account has the email {email}.")
    return user


@click.command("invite")
@click.option("--days", default=INVITE_DAYS, show_default=True, type=click.IntRange(1, 365),
              help="Days the code works.")  # fmt: skip
@click.option("--email", help="Only this address may sign up with the code.")
def invite(days, email):
    """Print a single-use sign-up code and its link (for UNKNOT_SIGNUPS=invite)."""
    from flask import current_app

    from api.auth import invites

    code = invites.create(days, email)
    click.echo(f"Invite code: {code}")
    click.echo(f"Link: {invites.link(code)}")
    who = f"for {email.strip().lower()}, " if email else ""
    click.echo(f"It works once, {who}for {days} day{'s' if days != 1 else ''}.")
    if current_app.config["SIGNUPS"] != "invite":
        mode = current_app.config["SIGNUPS"]
        click.echo(f"Note: sign-ups are {mode} here (UNKNOT_SIGNUPS); the code is not asked for.")
    if not current_app.config["BASE_URL"]:
        click.echo("Set UNKNOT_BASE_URL to print the whole link.", err=True)


def _when(moment) -> str:
    return moment.strftime("%Y-%m-%d %H:%M") if moment else "-"


@click.command("list")
def list_users():
    """Every account: email, created, last seen, and whether it is switched off."""
    from sqlalchemy import func, select

    from api.extensions import db
    from api.models import AuthSession, User

    last_seen = (
        select(AuthSession.user_id, func.max(AuthSession.last_seen_at).label("seen"))
        .group_by(AuthSession.user_id)
        .subquery()
    )
    rows = db.session.execute(
        select(User, last_seen.c.seen)
        .outerjoin(last_seen, last_seen.c.user_id == User.id)
        .order_by(User.email)
    ).all()
    if not rows:
        click.echo("No accounts yet.")
        return
    width = max(len("email"), *(len(user.email) for user, _ in rows))
    click.echo(f"{'email':<{width}}  {'created (UTC)':<16}  {'last seen (UTC)':<16}  disabled")
    for user, seen in rows:
        seen = _as_utc(seen)
        off = _when(user.disabled_at) if user.disabled_at else "no"
        click.echo(f"{user.email:<{width}}  {_when(user.created_at):<16}  {_when(seen):<16}  {off}")


def _as_utc(moment):
    """max() of a column comes back without the column's type: SQLite gives naive UTC text."""
    from datetime import UTC, datetime

    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment


@click.command("disable")
@click.argument("email")
def disable(email):
    """Switch an account off: every session ends, sign-in is refused (records are kept)."""
    from api.auth.sessions import end_sessions
    from api.extensions import db
    from api.models.types import utcnow

    user = _find(email)
    user.disabled_at = user.disabled_at or utcnow()
    ended = end_sessions(user.id)
    db.session.commit()
    click.echo(f"{user.email} is switched off; {ended} session(s) ended. Undo: flask users enable.")


@click.command("enable")
@click.argument("email")
def enable(email):
    """Switch an account back on: its person can sign in again."""
    from api.extensions import db

    user = _find(email)
    user.disabled_at = None
    db.session.commit()
    click.echo(f"{user.email} can sign in again.")


@click.command("delete")
@click.argument("email")
@click.option("--yes", is_flag=True, help="Do not ask to confirm.")
def delete(email, yes):
    """Delete an account and every record in it, as the person's own account deletion does."""
    from api.auth.service import erase

    user = _find(email)
    if not yes:
        click.confirm(
            f"Delete {user.email} and every record in it? This cannot be undone", abort=True
        )
    erase(user)
    click.echo(f"{user.email} and every record in it are deleted.")


COMMANDS = (invite, list_users, disable, enable, delete)
