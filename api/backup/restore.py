"""Put a backup back into an empty instance and an empty database; prune old backups."""

import os
import tempfile
from pathlib import Path

from sqlalchemy import inspect

from api import schema_version
from api.backup import BackupError, archive
from api.backup.service import KINDS, NAME, connect, kind_of, secrets

UPGRADE = "flask --app api db upgrade"
NO_SESSION_KEY = (
    "It holds no session key (that server used SECRET_KEY): set the same SECRET_KEY here, "
    "or everyone signs in again."
)


def _tables(url: str) -> list[str]:
    return connect(url, lambda conn: inspect(conn).get_table_names()) or []


def _check_revision(app, revision: str | None) -> None:
    """Refuse a backup from a newer version of the code: its migrations are not here."""
    script = schema_version.scripts(app.config["PROJECT_ROOT"])
    for rev in (revision or "").split(","):
        if rev and not schema_version.known(script, rev):
            raise BackupError(
                f"This backup comes from a newer version of Unknot (migration {rev}, which this "
                "code does not have). Update the code first (git pull), then restore."
            )


def _check_empty(app, url: str, targets: dict[str, Path]) -> None:
    """Refuse unless the instance holds none of the secrets and the database no table."""
    present = [str(path) for path in targets.values() if path.exists()]
    if present:
        raise BackupError(
            "Restore only goes into an empty instance, and this one already has "
            + ", ".join(present)
            + ". Move them away (or restore into a new UNKNOT_INSTANCE folder), then try again."
        )
    tables = _tables(url)
    if tables:
        raise BackupError(
            f"Restore only goes into an empty database, and this one has {len(tables)} tables "
            "(for example " + ", ".join(sorted(tables)[:3]) + "). Point DATABASE_URL at a new "
            "database (PostgreSQL: createdb), or move the SQLite file away, then try again."
        )


def restore(app, source: Path) -> list[str]:
    """Restore the backup at source; returns what the operator should know."""
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    kind = kind_of(url)
    with archive.Archive(source) as backup:
        manifest = backup.manifest
        if manifest.get("database") != kind:
            raise BackupError(
                f"This backup holds a {manifest.get('database')} database, and this instance "
                f"uses {kind}: restore it into the same kind of database."
            )
        _check_revision(app, manifest.get("revision"))
        targets = {name: path for name, path in secrets(app).items() if backup.has(name)}
        _check_empty(app, url, targets)
        folder = Path(app.instance_path)
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=folder, prefix=".unknot-restore-") as tmp:
            copy = Path(tmp) / KINDS[kind].FILE
            backup.extract(KINDS[kind].FILE, copy)
            KINDS[kind].load(copy, url)
        for name, path in targets.items():
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            backup.extract(name, path)
    return _notes(app, manifest, targets)


def _notes(app, manifest: dict, targets: dict) -> list[str]:
    made = manifest["created_at"]
    notes = [f"Restored the backup of {made} (Unknot {manifest.get('app_version')})."]
    if "instance/secret_key" not in targets:
        notes.append(NO_SESSION_KEY)
    revision = manifest.get("revision")
    at = frozenset(revision.split(",")) if revision else frozenset()
    if at != schema_version.expected(app):
        notes.append(
            f"The database is at an older migration ({revision}): run `{UPGRADE}` before "
            "serving (make run does it)."
        )
    return notes


def prune(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups named unknot-<time>.tar.gz in folder."""
    if keep < 1:
        raise BackupError("Keep at least one backup.")
    found = []
    for path in folder.iterdir() if folder.is_dir() else ():
        match = NAME.match(path.name)
        if match and path.is_file():
            found.append((match.group(1), int(match.group(2) or 0), path))
    old = [path for *_, path in sorted(found)[:-keep]]
    for path in old:
        os.unlink(path)
    return old
