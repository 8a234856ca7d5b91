"""`flask backup`: refusals, permissions, an older backup then `flask db upgrade`, pruning."""

import io
import json
import tarfile
from pathlib import Path

from sqlalchemy import create_engine, inspect

from api import schema_version
from tests.api.backup_support import databases, flask_ok, instance_app, mode, set_up

__all__ = ["databases", "instance_app"]  # fixtures


def tables(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        return inspect(engine).get_table_names()
    finally:
        engine.dispose()


def invoke(app, *args: str):
    return app.test_cli_runner().invoke(args=["backup", *args])


def made(app, *args: str) -> Path:
    """Run `flask backup create ARGS`; the path it wrote."""
    out = invoke(app, "create", *args)
    assert out.exit_code == 0, out.output
    return Path(out.output.strip().splitlines()[-1].split(" to ", 1)[1].split(". ")[0])


def test_restore_goes_only_into_an_empty_instance_and_an_empty_database(
    databases, instance_app, tmp_path
):
    source_url, busy_url, empty_url = databases(), databases(), databases()
    set_up(source_url, tmp_path / "source")
    archive = made(instance_app(source_url, tmp_path / "source"), str(tmp_path / "b.tar.gz"))

    # Keys already in the instance folder: refused, and the empty database stays empty.
    keyed = tmp_path / "keyed"
    flask_ok(empty_url, keyed, "keys", "init")
    key = (keyed / "secret_key").read_bytes()
    out = invoke(instance_app(empty_url, keyed), "restore", str(archive))
    assert out.exit_code == 1
    assert "Restore only goes into an empty instance" in out.output and "secret_key" in out.output
    assert tables(empty_url) == [] and (keyed / "secret_key").read_bytes() == key

    # A database with tables: refused, and nothing is written to the instance folder.
    set_up(busy_url, tmp_path / "busy")
    fresh = tmp_path / "fresh"
    out = invoke(instance_app(busy_url, fresh), "restore", str(archive))
    assert out.exit_code == 1 and "Restore only goes into an empty database" in out.output
    assert not (fresh / "secret_key").exists() and not (fresh / "vapid_private.pem").exists()

    # Into both empty: restored, owner-only.
    out = invoke(instance_app(empty_url, fresh), "restore", str(archive))
    assert out.exit_code == 0, out.output
    assert mode(fresh / "secret_key") == mode(fresh / "vapid_private.pem") == 0o600


def test_an_older_backup_restores_and_flask_db_upgrade_brings_it_to_head(
    databases, instance_app, tmp_path
):
    script = schema_version.scripts(Path(__file__).resolve().parents[2])
    (head,) = script.get_heads()
    before = script.get_revision(head).down_revision
    source_url, target_url = databases(), databases()
    set_up(source_url, tmp_path / "source", before)
    source = instance_app(source_url, tmp_path / "source")
    archive = made(source, str(tmp_path / "old.tar.gz"))
    manifest = json.loads(tarfile.open(archive).extractfile("manifest.json").read())
    assert manifest["revision"] == before and manifest["database"] in ("sqlite", "postgresql")
    assert manifest["created_at"].endswith("+00:00") and manifest["app_version"]

    target = instance_app(target_url, tmp_path / "target")
    out = invoke(target, "restore", str(archive))
    assert out.exit_code == 0, out.output
    assert f"older migration ({before})" in out.output and "db upgrade" in out.output
    ready = target.test_client().get("/readyz")
    assert ready.status_code == 503 and before in ready.json["reason"]

    flask_ok(target_url, tmp_path / "target", "db", "upgrade")
    assert target.test_client().get("/readyz").status_code == 200


def fake_backup(path: Path, **manifest) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        data = json.dumps({"format": 1, "app": "unknot", **manifest}).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    return path


def test_a_backup_from_newer_code_another_database_or_no_backup_at_all_is_refused(app, tmp_path):
    kind = "postgresql" if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postg") else "sqlite"
    other = "sqlite" if kind == "postgresql" else "postgresql"
    newer = fake_backup(tmp_path / "newer.tar.gz", database=kind, revision="f00dfeedbeef")
    out = invoke(app, "restore", str(newer))
    assert out.exit_code == 1 and "newer version of Unknot" in out.output
    elsewhere = fake_backup(tmp_path / "other.tar.gz", database=other, revision=None)
    out = invoke(app, "restore", str(elsewhere))
    assert out.exit_code == 1 and f"holds a {other} database" in out.output
    (tmp_path / "notes.txt").write_text("not a backup")
    out = invoke(app, "restore", str(tmp_path / "notes.txt"))
    assert out.exit_code == 1 and "is not an Unknot backup" in out.output


def test_backups_go_to_an_owner_only_folder_and_prune_keeps_the_newest(
    databases, instance_app, tmp_path
):
    url, home = databases(), tmp_path / "home"
    set_up(url, home)
    app = instance_app(url, home)
    first, second = made(app), made(app)
    folder = home / "backups"
    assert first.parent == second.parent == folder and first != second
    assert first.name.startswith("unknot-") and first.name.endswith("Z.tar.gz")
    assert mode(folder) == 0o700 and mode(first) == mode(second) == 0o600
    for name in ("unknot-20200101T000000Z.tar.gz", "unknot-20200102T000000Z-1.tar.gz"):
        (folder / name).write_bytes(b"old")
    (folder / "keep-me.txt").write_text("not a backup")
    out = invoke(app, "prune", "--keep", "2")
    assert out.exit_code == 0 and "2 old backups deleted" in out.output
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [first.name, second.name, "keep-me.txt"]
    )
    assert invoke(app, "prune", "--keep", "0").exit_code == 2
