"""PostgreSQL: pg_dump (custom format, one consistent snapshot) and pg_restore.

pg_dump reads inside one repeatable-read transaction, so the dump is the database as of one
moment while the app keeps writing. The password goes through PGPASSWORD, never the command
line (which any user of the machine can read in `ps`).
"""

import os
import shutil
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from api.backup import BackupError

FILE = "database.pgdump"
INSTALL = "Install PostgreSQL's client programs (Debian: apt install postgresql-client)."


def _libpq(url: str) -> tuple[str, dict]:
    """A libpq connection URI without the password, and the environment carrying it."""
    parts = make_url(url)
    env = dict(os.environ)
    if parts.password:
        env["PGPASSWORD"] = parts.password
    uri = parts.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    return uri, env


def _run(program: str, *args: str, url: str) -> None:
    path = shutil.which(program)
    if path is None:
        raise BackupError(f"{program} was not found. {INSTALL}")
    uri, env = _libpq(url)
    done = subprocess.run([path, *args, f"--dbname={uri}"], env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{program} failed: {done.stderr.strip()}")


def dump(url: str, dest: Path) -> None:
    """pg_dump the database of url to dest (custom format, compressed)."""
    os.close(os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
    _run("pg_dump", "--format=custom", f"--file={dest}", url=url)


def load(copy: Path, url: str) -> None:
    """Restore a dump into the (empty) database of url, all or nothing."""
    # Owners and grants are the old server's; here the tables belong to whoever restores.
    _run(
        "pg_restore",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        str(copy),
        url=url,
    )
