"""`flask backup create|restore|prune`: the database and instance secrets in one file."""

from pathlib import Path

import click
from flask import current_app
from flask.cli import AppGroup

backup_cli = AppGroup("backup", help="Back up and restore the database and instance/ secrets.")


@backup_cli.command("create")
@click.argument("path", required=False, type=click.Path(dir_okay=False, path_type=Path))
def create(path):
    """Write a backup to PATH (default: instance/backups/unknot-<time>.tar.gz), owner-only."""
    from api.backup import BackupError, service

    try:
        dest, notes = service.create(current_app, path)
    except BackupError as err:
        raise click.ClickException(str(err)) from None
    for note in notes:
        click.echo(note, err=True)
    click.echo(f"Backup written to {dest}. Copy it off this server too.")


@backup_cli.command("restore")
@click.argument("path", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def restore(path):
    """Restore PATH into this instance and database, which must both be empty."""
    from api.backup import BackupError
    from api.backup.restore import restore as run

    try:
        notes = run(current_app, path)
    except BackupError as err:
        raise click.ClickException(str(err)) from None
    for note in notes:
        click.echo(note)


@backup_cli.command("prune")
@click.option("--keep", type=click.IntRange(min=1), default=14, show_default=True,
              help="How many of the newest backups to keep.")  # fmt: skip
@click.option("--dir", "folder", type=click.Path(file_okay=False, path_type=Path),
              help="Where the backups are (default: instance/backups).")  # fmt: skip
def prune(keep, folder):
    """Delete all but the newest KEEP backups named unknot-<time>.tar.gz."""
    from api.backup.restore import prune as run
    from api.backup.service import backup_dir

    gone = run(folder or backup_dir(current_app), keep)
    click.echo(f"{len(gone)} old backups deleted, the newest {keep} kept.")
