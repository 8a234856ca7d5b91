"""Create, restore and prune backups (the commands in api/backup/cli.py call these)."""

import os
import re
import tempfile
from datetime import UTC, datetime
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.exc import SQLAlchemyError

from api import config, schema_version
from api.backup import BackupError, archive, postgres, sqlite

NAME = re.compile(r"^unknot-(\d{8}T\d{6}Z)(?:-(\d+))?\.tar\.gz$")
KINDS = {"sqlite": sqlite, "postgresql": postgres}
FROM_ENVIRONMENT = (
    "The session key comes from SECRET_KEY, so it is not in this backup: keep it with your "
    "backups, or everyone signs in again after a restore."
)


def kind_of(url: str) -> str:
    """ "sqlite" or "postgresql"."""
    kind = url.split(":", 1)[0].split("+", 1)[0]
    if kind not in KINDS:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {kind}.")
    return kind


def secrets(app) -> dict[str, Path]:
    """Archive name -> where that secret lives in this instance."""
    return {
        "instance/secret_key": config.secret_key_path(Path(app.instance_path)),
        "instance/vapid_private.pem": Path(app.config["VAPID_PRIVATE_KEY_PATH"]),
        "instance/vapid_public.pem": Path(app.config["VAPID_PUBLIC_KEY_PATH"]),
    }


def backup_dir(app) -> Path:
    """Where backups go by default: instance/backups, owner-only."""
    path = Path(app.instance_path) / "backups"
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(path, 0o700)
    return path


def default_path(app, now: datetime) -> Path:
    """instance/backups/unknot-20261128T031500Z.tar.gz (-1, -2… if that name is taken)."""
    folder, stamp = backup_dir(app), now.strftime("%Y%m%dT%H%M%SZ")
    path, n = folder / f"unknot-{stamp}.tar.gz", 0
    while path.exists():
        n += 1
        path = folder / f"unknot-{stamp}-{n}.tar.gz"
    return path


def _app_version() -> str:
    try:
        return version("unknot")
    except PackageNotFoundError:
        return "unknown"


def connect(url: str, work):
    """work(connection) on a short-lived engine; a database that does not answer says so."""
    if kind_of(url) == "sqlite" and not sqlite.path_of(url).exists():
        return None  # connecting would create an empty file
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return work(conn)
    except SQLAlchemyError as err:
        raise BackupError(f"The database does not answer: {getattr(err, 'orig', err)}") from None
    finally:
        engine.dispose()


def _revision(url: str) -> str | None:
    at = connect(url, schema_version.current)
    return ",".join(sorted(at or ())) or None


def create(app, dest: Path | None) -> tuple[Path, list[str]]:
    """Write a backup; returns its path and notes for the operator."""
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    kind = kind_of(url)
    now = datetime.now(UTC)
    dest = Path(dest) if dest else default_path(app, now)
    dest.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    manifest = {
        "format": archive.FORMAT,
        "app": "unknot",
        "app_version": _app_version(),
        "revision": _revision(url),
        "database": kind,
        "created_at": now.isoformat(timespec="seconds"),
    }
    files, notes = {}, []
    for name, path in secrets(app).items():
        if path.exists():
            files[name] = path
        elif name == "instance/secret_key" and app.config["SECRET_KEY"]:
            notes.append(FROM_ENVIRONMENT)
        else:
            notes.append(f"{path} does not exist, so it is not in this backup.")
    with tempfile.TemporaryDirectory(dir=dest.parent, prefix=".unknot-backup-") as tmp:
        copy = Path(tmp) / KINDS[kind].FILE
        KINDS[kind].dump(url, copy)
        files[KINDS[kind].FILE] = copy
        archive.write(dest, manifest, files)
    return dest, notes
