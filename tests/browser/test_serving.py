"""How Flask serves the shell: paths, media types, caching, the worker's version, headers."""

import gzip
import json
import re
import shutil

import brotli
import pytest

from tests.browser.conftest import APP_ROUTES
from tests.conftest import make_app


@pytest.mark.parametrize("path", [*APP_ROUTES, "/cramp?start=1", "/some/unknown/screen"])
def test_app_routes_answer_the_shell_page(client, path):
    res = client.get(path)
    assert res.status_code == 200
    assert res.mimetype == "text/html"
    assert b'<script type="module" src="/app.js"></script>' in res.data
    assert res.headers["Cache-Control"] == "no-cache"


@pytest.mark.parametrize(
    "path, mimetype",
    [
        ("/app.js", "text/javascript"),
        ("/screens/today.js", "text/javascript"),
        ("/lib/day.js", "text/javascript"),
        ("/styles.css", "text/css"),
        ("/manifest.webmanifest", "application/manifest+json"),
        ("/sw.js", "text/javascript"),
        ("/static/icons/icon-192.png", "image/png"),
    ],
)
def test_files_have_their_media_type_and_an_etag(client, path, mimetype):
    res = client.get(path)
    assert res.status_code == 200
    assert res.mimetype == mimetype
    assert client.get(path, headers={"If-None-Match": res.headers["ETag"]}).status_code == 304


@pytest.mark.parametrize(
    "path", ["/api/nothing", "/api/v1/nothing", "/nothing.js", "/static/make_icons.py", "/static/x"]
)
def test_unknown_files_and_api_paths_are_json_404s(client, path):
    res = client.get(path)
    assert res.status_code == 404
    assert res.is_json and res.json["code"] == 404


def test_every_page_carries_the_security_headers(client):
    for path in [*APP_ROUTES, "/app.js", "/sw.js", "/manifest.webmanifest"]:
        res = client.get(path)
        assert "script-src 'self'" in res.headers["Content-Security-Policy"]
        assert "unsafe-inline" not in res.headers["Content-Security-Policy"]
        assert res.headers["X-Content-Type-Options"] == "nosniff"
        assert res.headers["Referrer-Policy"] == "no-referrer"


def test_html_has_no_inline_script_or_style(client):
    html = client.get("/").data.decode()
    assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []
    assert "style=" not in html and "<style" not in html


def worker_constants(body: bytes):
    text = body.decode()
    version = json.loads(re.search(r"const VERSION = (\"[^\"]*\");", text).group(1))
    files = json.loads(re.search(r"const SHELL_FILES = (\[.*?\]);", text).group(1))
    return version, files


def test_worker_carries_the_shell_version_and_precache_list(client):
    res = client.get("/sw.js")
    assert res.headers["Cache-Control"] == "no-cache"
    version, files = worker_constants(res.data)
    assert re.fullmatch(r"[0-9a-f]{16}", version)
    assert "/" in files and "/sw.js" not in files and "/index.html" not in files
    for needed in ["/app.js", "/store.js", "/styles.css", "/manifest.webmanifest"]:
        assert needed in files
    assert "/screens/settings.js" in files and "/lib/day.js" in files
    assert "/static/icons/icon-192.png" in files
    assert not any(f.startswith("/static/screenshots/") for f in files)
    for url in files:  # every precached file is served
        assert client.get(url).status_code == 200, url


def test_changing_any_shell_file_gives_a_new_version(database_url, instance_dir, tmp_path):
    pwa = tmp_path / "pwa"
    shutil.copytree(make_app(database_url, instance_dir).config["PROJECT_ROOT"] + "/pwa", pwa)
    client = make_app(database_url, instance_dir, PWA_DIR=str(pwa)).test_client()
    first, _ = worker_constants(client.get("/sw.js").data)
    assert worker_constants(client.get("/sw.js").data)[0] == first  # stable when nothing changed

    css = pwa / "styles.css"
    css.write_text(css.read_text() + "\n/* changed */\n")
    second, _ = worker_constants(client.get("/sw.js").data)
    assert second != first
    assert b"/* changed */" in client.get("/styles.css").data

    (pwa / "screens" / "extra.js").write_text("export function mount() {}\n")
    third, files = worker_constants(client.get("/sw.js").data)
    assert third != second and "/screens/extra.js" in files


def test_text_files_are_compressed_as_the_client_asks(client):
    plain = client.get("/styles.css")
    assert "Content-Encoding" not in plain.headers
    for asked, coding, unpack in [
        ("gzip, deflate, br, zstd", "br", brotli.decompress),
        ("gzip;q=1, br;q=0", "gzip", gzip.decompress),
        ("gzip", "gzip", gzip.decompress),
    ]:
        packed = client.get("/styles.css", headers={"Accept-Encoding": asked})
        assert packed.headers["Content-Encoding"] == coding, asked
        assert "Accept-Encoding" in packed.headers["Vary"]
        assert unpack(packed.data) == plain.data
        assert len(packed.data) < len(plain.data) / 2
        assert packed.headers["ETag"] not in (plain.headers["ETag"], "")
        again = client.get(
            "/styles.css",
            headers={"Accept-Encoding": asked, "If-None-Match": packed.headers["ETag"]},
        )
        assert again.status_code == 304
    brotli_tag = client.get("/styles.css", headers={"Accept-Encoding": "br"}).headers["ETag"]
    gzip_tag = client.get("/styles.css", headers={"Accept-Encoding": "gzip"}).headers["ETag"]
    assert brotli_tag != gzip_tag
    worker = client.get("/sw.js", headers={"Accept-Encoding": "br"})
    assert b"__SHELL_VERSION__" not in brotli.decompress(worker.data)


def test_chromium_gets_the_shell_in_brotli(page, open_app):
    """What the browser downloads is what the size budget counts."""
    open_app(page, "/", controlled=False)
    sizes = page.evaluate(
        """async () => {
          const r = await fetch('/styles.css', {cache: 'no-store'});
          await r.text();
          const e = performance.getEntriesByName(r.url).pop();
          return [r.headers.get('content-encoding'), e.encodedBodySize, e.decodedBodySize];
        }"""
    )
    coding, wire, decoded = sizes
    assert coding == "br"
    assert 0 < wire < decoded / 3
