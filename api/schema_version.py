"""Which migration a database is at, and which this code expects (for backups and /readyz)."""

from pathlib import Path

from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError


def scripts(project_root: str | Path) -> ScriptDirectory:
    """The migrations of this code (migrations/versions), read once per call."""
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(project_root) / "migrations"))
    return ScriptDirectory.from_config(cfg)


def expected(app) -> frozenset[str]:
    """The head revision(s) this code runs on, read once per app."""
    heads = app.extensions.get("unknot_heads")
    if heads is None:
        heads = frozenset(scripts(app.config["PROJECT_ROOT"]).get_heads())
        app.extensions["unknot_heads"] = heads
    return heads


def current(connection) -> frozenset[str]:
    """The revision(s) a database is at: empty when it has no alembic_version table or row."""
    return frozenset(MigrationContext.configure(connection).get_current_heads())


def known(script: ScriptDirectory, revision: str) -> bool:
    """Whether this code has that migration (a backup from a newer version would not)."""
    try:
        return script.get_revision(revision) is not None
    except CommandError:
        return False
