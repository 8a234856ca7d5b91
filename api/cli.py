"""`flask` commands."""

import signal
import threading
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from api import config, keys
from api.auth import users_cli as accounts

keys_cli = AppGroup("keys", help="Secrets under instance/.")
vapid_cli = AppGroup("vapid", help="The VAPID key pair for Web Push.")
reminders_cli = AppGroup("reminders", help="Reminder delivery.")
users_cli = AppGroup("users", help="Accounts.")

# The commands import what they use when they run: `api` imports this module, and the web
# server's master imports `api` before its gevent workers patch the standard library. The
# feature modules loaded there kept the server from stopping on SIGTERM (tests/api/test_serve.py
# caught it); the dispatcher's push stack (urllib3, thread pools) stays out for the same reason.


@keys_cli.command("init")
def keys_init():
    """Create the session key (unless SECRET_KEY is set) and the VAPID key pair if missing."""
    cfg = current_app.config
    if cfg["SECRET_KEY"]:
        click.echo("Session key present.")
    else:
        path = config.secret_key_path(Path(current_app.instance_path))
        keys.ensure_secret_key(path)
        click.echo(f"Session key created in {path}.")
    made = keys.ensure_vapid_keys(
        Path(cfg["VAPID_PRIVATE_KEY_PATH"]), Path(cfg["VAPID_PUBLIC_KEY_PATH"])
    )
    click.echo("VAPID key pair created." if made else "VAPID key pair present.")


@vapid_cli.command("show")
def vapid_show():
    """Print the public key (applicationServerKey, base64url)."""
    from api.push.vapid import public_key

    click.echo(public_key(current_app.config))


@reminders_cli.command("run")
@click.option("--once", is_flag=True, help="One pass over due reminders, then exit.")
@click.option("--batch", default=50, show_default=True, help="Reminders claimed per transaction.")
@click.option("--poll", default=1.0, show_default=True, help="Seconds between passes when idle.")
@click.option("--lease", default=30.0, show_default=True, help="Seconds before a pending slot "
              "left by another dispatcher is taken over.")  # fmt: skip
@click.option("--threads", type=int, default=None,
              help="Pushes in flight at once (default: PUSH_THREADS, 4).")  # fmt: skip
@click.option("--exit-with-parent", is_flag=True, help="Stop when the parent process is gone.")
def reminders_run(once, batch, poll, lease, threads, exit_with_parent):
    """Send due reminders (any number of dispatchers may run on PostgreSQL)."""
    import logging
    from datetime import timedelta

    from api.reminders.dispatcher import from_app

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    options = {"threads": threads} if threads else {}
    dispatcher = from_app(current_app, batch=batch, lease=timedelta(seconds=lease), **options)
    try:
        if once:
            click.echo(f"{dispatcher.run_once()} slots handled.")
            return
        stop = threading.Event()
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda *_: stop.set())
        if exit_with_parent:
            _watch_parent(stop)
        click.echo("Dispatcher running.")
        dispatcher.run_forever(stop, poll)
    finally:
        dispatcher.close()


def _watch_parent(stop: threading.Event) -> None:
    """Set `stop` once the parent process is gone (so no orphan keeps sending)."""
    import os

    parent = os.getppid()

    def watch():
        while not stop.wait(1.0):
            if os.getppid() != parent:
                stop.set()

    threading.Thread(target=watch, daemon=True).start()


def _password_problem(password: str, email: str) -> str | None:
    """Why this new password is refused, or None."""
    from api.auth.passwords import check_new_password
    from api.errors import Invalid

    if not 8 <= len(password) <= 200:
        return "Between 8 and 200 characters, please."
    try:
        check_new_password(password, email)
    except Invalid as err:
        return err.message
    return None


def _ask_password(email: str) -> str:
    """Ask, hidden, until a password is good enough and typed the same twice."""
    while True:
        password = click.prompt("New password", hide_input=True)
        problem = _password_problem(password, email)
        if problem:
            click.echo(problem, err=True)
        elif click.prompt("The same again", hide_input=True) == password:
            return password
        else:
            click.echo("The two were not the same. Once more.", err=True)


@users_cli.command("reset-password")
@click.argument("email")
@click.option("--password", help="The new password, for scripts (else asked twice, hidden).")
def users_reset_password(email, password):
    """Set a new password for EMAIL and end every session of that person."""
    from sqlalchemy import select

    from api.auth.passwords import set_password
    from api.extensions import db
    from api.models import User

    user = db.session.scalar(select(User).where(User.email == email.strip().lower()))
    if user is None:
        raise click.ClickException(f"No account has the email {email}.")
    if password is None:
        password = _ask_password(user.email)
    elif problem := _password_problem(password, user.email):
        raise click.ClickException(problem)
    set_password(user, password)
    db.session.commit()
    click.echo(f"New password set for {user.email}; every session of this account has ended.")


def register(app) -> None:
    """Add the command groups."""
    from api.backup.cli import backup_cli

    app.cli.add_command(backup_cli)
    app.cli.add_command(keys_cli)
    app.cli.add_command(vapid_cli)
    app.cli.add_command(reminders_cli)
    for command in accounts.COMMANDS:
        users_cli.add_command(command)
    app.cli.add_command(users_cli)
