"""`flask` commands."""

import signal
import threading
from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from api import keys

keys_cli = AppGroup("keys", help="Secrets under instance/.")
vapid_cli = AppGroup("vapid", help="The VAPID key pair for Web Push.")
reminders_cli = AppGroup("reminders", help="Reminder delivery.")


@keys_cli.command("init")
def keys_init():
    """Create the session key and the VAPID key pair if they are missing."""
    cfg = current_app.config
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


def register(app) -> None:
    """Add the command groups."""
    app.cli.add_command(keys_cli)
    app.cli.add_command(vapid_cli)
    app.cli.add_command(reminders_cli)
