"""One structured line per request on the "unknot.access" logger: JSON, no personal data.

Method, path (never the query string: reset tokens travel there), status and duration: no
address, cookie, user agent, email or body. On by default when serving (UNKNOT_ACCESS_LOG=0
turns it off), off in tests unless ACCESS_LOG is set. Replaces gunicorn's own access log,
which writes each client's address and full URL.
"""

import json
import logging
import sys
import time
from datetime import UTC, datetime

from flask import Flask, g, request

log = logging.getLogger("unknot.access")
# A balancer polls these every few seconds: their successes are noise.
QUIET = {"/healthz", "/readyz"}
# Paths are whatever a client sends; a long one is cut, not logged whole.
MAX_PATH = 200


def _start() -> None:
    g.unknot_started = time.perf_counter()


def _line(response):
    started = g.pop("unknot_started", None)
    if started is None or (request.path in QUIET and response.status_code == 200):
        return response
    entry = {
        "time": datetime.now(UTC).isoformat(timespec="milliseconds"),
        "method": request.method,
        "path": request.path[:MAX_PATH],
        "status": response.status_code,
        "duration_ms": round((time.perf_counter() - started) * 1000, 1),
    }
    log.info(json.dumps(entry))
    return response


def _handler() -> None:
    """Lines go to stderr (the journal under systemd) unless a handler is set already."""
    if not log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(message)s"))
        log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False


def register(app: Flask) -> None:
    """Log every request when ACCESS_LOG is on (default: on, except in tests)."""
    enabled = app.config.get("ACCESS_LOG")
    if enabled is None:
        enabled = not app.testing
    if not enabled:
        return
    _handler()
    app.before_request(_start)
    app.after_request(_line)
