"""One backup file: a gzipped tar of manifest.json, the database and the instance secrets.

Written under a temporary name and renamed when complete, owner-only (0600), so neither a timer
pruning old backups nor someone else on the machine ever sees a half-written or readable file.
Read member by member, by name: nothing in the archive chooses where a file lands.
"""

import io
import json
import os
import tarfile
import time
from pathlib import Path

from api.backup import BackupError

MANIFEST = "manifest.json"
FORMAT = 1
PRIVATE = 0o600


def write(dest: Path, manifest: dict, files: dict[str, Path]) -> None:
    """Write manifest and files (archive name -> path) to dest, which must not exist yet."""
    if dest.exists():
        raise BackupError(f"{dest} already exists; choose another name.")
    tmp = dest.with_name(f".{dest.name}.partial")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE)
    try:
        with os.fdopen(fd, "wb") as raw:
            with tarfile.open(fileobj=raw, mode="w:gz") as tar:
                _add(tar, MANIFEST, json.dumps(manifest, indent=2).encode())
                for name, path in files.items():
                    _add(tar, name, path.read_bytes())
            raw.flush()
            os.fsync(raw.fileno())
        os.chmod(tmp, PRIVATE)  # in case an older partial file had other bits
        tmp.rename(dest)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _add(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = len(data), PRIVATE, int(time.time())
    tar.addfile(info, io.BytesIO(data))


class Archive:
    """A backup file opened for reading."""

    def __init__(self, path: Path):
        try:
            self.tar = tarfile.open(path, "r:gz")
            self.manifest = json.loads(self.read(MANIFEST))
        except (OSError, tarfile.TarError, KeyError, ValueError):
            raise BackupError(f"{path} is not an Unknot backup (no manifest inside).") from None
        if self.manifest.get("format") != FORMAT:
            raise BackupError(f"{path} is a backup format this version cannot read.")

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.tar.close()

    def has(self, name: str) -> bool:
        try:
            return self.tar.getmember(name).isfile()
        except KeyError:
            return False

    def read(self, name: str) -> bytes:
        """A regular file's bytes (KeyError when missing or not a regular file)."""
        member = self.tar.getmember(name)
        if not member.isfile():
            raise KeyError(name)
        return self.tar.extractfile(member).read()

    def extract(self, name: str, dest: Path) -> None:
        """Copy a member to dest, a new owner-only file."""
        member = self.tar.getmember(name)
        if not member.isfile():
            raise BackupError(f"The backup's {name} is not a file.")
        fd = os.open(dest, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE)
        with os.fdopen(fd, "wb") as out, self.tar.extractfile(member) as src:
            while chunk := src.read(1 << 20):
                out.write(chunk)
