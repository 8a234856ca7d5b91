"""Backups: `flask backup create|restore|prune` (commands in api/backup/cli.py).

One file holds a consistent copy of the database (SQLite's online backup API, or pg_dump) and
the instance secrets (the session key and the VAPID key pair), with a small manifest.
"""


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is for the operator, as it is."""
