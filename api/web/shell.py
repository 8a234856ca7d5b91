"""The app shell on disk: its files, their contents, and the one content hash naming its version."""

import gzip
import hashlib
import json
import os
import threading
from pathlib import Path

import brotli
from werkzeug.security import safe_join

SERVED = {".html", ".js", ".css", ".webmanifest", ".json", ".png", ".svg", ".ico", ".txt"}
# The worker itself is not precached; index.html is precached as "/" (every screen's page).
NOT_PRECACHED = {"sw.js", "index.html"}
# From static/, only what the shell needs offline (not the store screenshot).
STATIC_PRECACHED = ("icons/",)
VERSION_MARK = '"__SHELL_VERSION__"'
FILES_MARK = '["__SHELL_FILES__"]'
# Smaller bodies are sent as they are: compression would barely pay for its header.
MIN_COMPRESSED = 256


class Shell:
    """Reads pwa/ and static/, caching contents by mtime so a changed file is seen at once."""

    def __init__(self, pwa_dir: str | None, static_dir: str | None, root: str):
        self.pwa = Path(pwa_dir or Path(root) / "pwa")
        self.static = Path(static_dir or Path(root) / "static")
        self._lock = threading.Lock()
        self._contents: dict[Path, tuple[tuple[int, int], bytes, str]] = {}
        self._version: tuple[tuple, str, list[str]] | None = None
        self._packed: dict[tuple[str, str], bytes] = {}

    def _read(self, path: Path) -> tuple[bytes, str] | None:
        """A file's bytes and ETag, re-read only when its mtime or size changed."""
        try:
            st = path.stat()
        except OSError:
            return None
        if not path.is_file():
            return None
        key = (st.st_mtime_ns, st.st_size)
        with self._lock:
            cached = self._contents.get(path)
            if cached and cached[0] == key:
                return cached[1], cached[2]
        body = path.read_bytes()
        etag = hashlib.sha256(body).hexdigest()[:20]
        with self._lock:
            self._contents[path] = (key, body, etag)
        return body, etag

    def file(self, url_path: str) -> tuple[bytes, str] | None:
        """The bytes and ETag of /<url_path>: pwa/ at the root, static/ under static/."""
        if url_path.startswith("static/"):
            base, rel = self.static, url_path[len("static/") :]
        else:
            base, rel = self.pwa, url_path or "index.html"
        if Path(rel).suffix not in SERVED or any(p.startswith(".") for p in rel.split("/")):
            return None
        joined = safe_join(str(base), rel)
        return self._read(Path(joined)) if joined else None

    def _walk(self) -> list[tuple[str, Path]]:
        """(url, path) of every file that makes up the shell, sorted by url."""
        found = []
        for base, prefix in ((self.pwa, "/"), (self.static, "/static/")):
            for dirpath, dirnames, filenames in os.walk(base):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                for name in filenames:
                    path = Path(dirpath) / name
                    rel = path.relative_to(base).as_posix()
                    if name.startswith(".") or path.suffix not in SERVED:
                        continue
                    if prefix == "/static/" and not rel.startswith(STATIC_PRECACHED):
                        continue
                    found.append((prefix + rel, path))
        return sorted(found)

    def version(self) -> tuple[str, list[str]]:
        """The shell's content hash and its precache list, recomputed when any file changed."""
        files = self._walk()
        stamp = tuple((url, p.stat().st_mtime_ns, p.stat().st_size) for url, p in files)
        with self._lock:
            if self._version and self._version[0] == stamp:
                return self._version[1], self._version[2]
        digest = hashlib.sha256()
        precache = ["/"]
        for url, path in files:
            body, _ = self._read(path) or (b"", "")
            digest.update(url.encode() + b"\0" + hashlib.sha256(body).digest())
            if url.lstrip("/") not in NOT_PRECACHED:
                precache.append(url)
        result = digest.hexdigest()[:16]
        with self._lock:
            self._version = (stamp, result, precache)
        return result, precache

    def worker(self) -> tuple[bytes, str]:
        """sw.js with the shell version and precache list written into it."""
        version, precache = self.version()
        found = self._read(self.pwa / "sw.js")
        if found is None:
            raise FileNotFoundError(self.pwa / "sw.js")
        text = found[0].decode()
        text = text.replace(VERSION_MARK, json.dumps(version), 1)
        text = text.replace(FILES_MARK, json.dumps(precache), 1)
        return text.encode(), version

    def compressed(self, body: bytes, etag: str, coding: str) -> bytes:
        """The body compressed as "br" or "gzip", made once per content (keyed by its ETag)."""
        key = (etag, coding)
        with self._lock:
            found = self._packed.get(key)
        if found is None:
            found = pack(body, coding)
            with self._lock:
                if len(self._packed) > 1000:  # old versions of changed files
                    self._packed.clear()
                self._packed[key] = found
        return found

    def size(self, coding: str, suffixes=(".html", ".css", ".js")) -> dict[str, int]:
        """Raw and compressed bytes of the shell's code, every precached page, script and style."""
        raw = packed = files = 0
        _, precache = self.version()
        for url in [*precache, "/sw.js"]:
            rel = url.lstrip("/")
            if not rel.endswith(suffixes) and url != "/":
                continue
            body = self.worker()[0] if url == "/sw.js" else (self.file(rel) or (b"", ""))[0]
            raw += len(body)
            packed += len(pack(body, coding)) if len(body) > MIN_COMPRESSED else len(body)
            files += 1
        return {"files": files, "raw": raw, coding: packed}


def pack(body: bytes, coding: str) -> bytes:
    """Compress with the strongest setting: the result is cached, so the time is spent once."""
    if coding == "br":
        return brotli.compress(body, quality=11)
    return gzip.compress(body, 9, mtime=0)
