"""Response headers for every page, and the refusal of cross-site writes."""

from flask import current_app, request

from api.errors import Forbidden, UnsupportedMediaType
from api.json_body import has_body

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}

# A year; no includeSubDomains, as other names on the host may not serve HTTPS.
HSTS = "max-age=31536000"

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'self'; manifest-src 'self'; worker-src 'self'; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)


def refuse_cross_site() -> None:
    """State-changing API calls must come from this origin and carry JSON."""
    if request.method not in UNSAFE or not request.path.startswith("/api/"):
        return
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site and fetch_site not in ("same-origin", "none"):
        raise Forbidden("Requests from another site are refused.")
    origin = request.headers.get("Origin")
    if origin and origin != request.host_url.rstrip("/"):
        raise Forbidden("Requests from another site are refused.")
    if has_body() and request.mimetype != "application/json":
        raise UnsupportedMediaType("Send JSON (Content-Type: application/json).")


def add_headers(response):
    """Strict headers on every response."""
    response.headers.setdefault("Content-Security-Policy", CSP)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault(
        "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"
    )
    if current_app.config["HTTPS_ONLY"]:
        response.headers["Strict-Transport-Security"] = HSTS
    if request.path.startswith("/api/"):
        response.headers["Cache-Control"] = "no-store"
    return response


def register(app) -> None:
    """Install the hooks."""
    app.before_request(refuse_cross_site)
    app.after_request(add_headers)
