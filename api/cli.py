"""`flask` commands."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

from api import keys

keys_cli = AppGroup("keys", help="Secrets under instance/.")


@keys_cli.command("init")
def keys_init():
    """Create the session key and the VAPID key pair if they are missing."""
    cfg = current_app.config
    made = keys.ensure_vapid_keys(
        Path(cfg["VAPID_PRIVATE_KEY_PATH"]), Path(cfg["VAPID_PUBLIC_KEY_PATH"])
    )
    click.echo("VAPID key pair created." if made else "VAPID key pair present.")


def register(app) -> None:
    """Add the command groups."""
    app.cli.add_command(keys_cli)
