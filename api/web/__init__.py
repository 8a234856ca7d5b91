"""Serves the PWA shell: pwa/ at the site root, static/ under /static/, app routes as index.html."""

from flask import Flask, Response, request

from api.errors import NotFound
from api.web.shell import MIN_COMPRESSED, Shell

# Files of pwa/ that are served, by suffix, with their media type.
MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".webmanifest": "application/manifest+json",
    ".json": "application/json",
    ".png": "image/png",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".txt": "text/plain; charset=utf-8",
}
# Always asked again of the server (with an ETag, so usually a 304): the worker controls updates.
NO_CACHE = "no-cache"
COMPRESSIBLE = {".html", ".js", ".css", ".webmanifest", ".json", ".svg", ".txt"}


def _coding() -> str | None:
    """The best encoding the client accepts: brotli (smaller), else gzip, else none."""
    for coding in ("br", "gzip"):
        if request.accept_encodings[coding] > 0:
            return coding
    return None


def _file_response(shell: Shell, body: bytes, path: str, etag: str) -> Response:
    """A conditional response for a shell or static file, compressed when welcome."""
    suffix = path[path.rfind(".") :] if "." in path else ""
    compress = suffix in COMPRESSIBLE and len(body) > MIN_COMPRESSED
    coding = _coding() if compress else None
    if coding:
        body, etag = shell.compressed(body, etag, coding), f"{etag}-{coding}"
    response = Response(body, mimetype=None, content_type=MEDIA_TYPES[suffix])
    if coding:
        response.headers["Content-Encoding"] = coding
    if compress:
        response.vary.add("Accept-Encoding")
    response.set_etag(etag)
    response.headers["Cache-Control"] = NO_CACHE
    return response.make_conditional(request)


def register(app: Flask) -> None:
    """Add the routes that serve the app shell."""
    shell = Shell(app.config["PWA_DIR"], app.config["STATIC_DIR"], app.config["PROJECT_ROOT"])
    app.extensions["unknot_shell"] = shell

    def serve(path: str = ""):
        """A shell file, a static file, the worker, or index.html for an app route."""
        if path == "api" or path.startswith("api/"):
            raise NotFound("There is nothing at this address.")
        if path == "sw.js":
            body, etag = shell.worker()
            return _file_response(shell, body, path, etag)
        found = shell.file(path)
        if found is not None:
            body, etag = found
            return _file_response(shell, body, path or "index.html", etag)
        last = path.rsplit("/", 1)[-1]
        if "." in last or path.startswith("static/"):
            raise NotFound("There is nothing at this address.")
        # Any other path is a screen of the app: the router in the page shows it.
        body, etag = shell.file("index.html")
        return _file_response(shell, body, "index.html", etag)

    app.add_url_rule("/", "web_index", serve, methods=["GET", "HEAD"])
    app.add_url_rule("/<path:path>", "web_path", serve, methods=["GET", "HEAD"])
