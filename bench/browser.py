"""What the browser benchmarks share: Debian's Chromium, its flags, a phone, and a served app."""

import threading
from pathlib import Path

from werkzeug.serving import WSGIRequestHandler, make_server

from api import create_app
from api.extensions import db

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
PHONE = {"viewport": {"width": 360, "height": 640}, "has_touch": True}


class Quiet(WSGIRequestHandler):
    def log_request(self, *args, **kwargs):
        pass


def serve(tmp: Path):
    """The app on a throwaway SQLite database, in a thread: (url, app, server)."""
    app = create_app(
        {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/bench.db",
            "VAPID_PRIVATE_KEY_PATH": str(tmp / "vapid_private.pem"),
            "VAPID_PUBLIC_KEY_PATH": str(tmp / "vapid_public.pem"),
            "ACCESS_LOG": False,  # the figures, not a line per request
        }
    )
    with app.app_context():
        db.create_all()
    server = make_server("127.0.0.1", 0, app, threaded=True, request_handler=Quiet)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", app, server


def phone_profile(pw, profile: Path, **options):
    """A persistent Chromium profile on a phone-sized screen."""
    return pw.chromium.launch_persistent_context(
        str(profile), executable_path=CHROMIUM, args=FLAGS, **PHONE, **options
    )
