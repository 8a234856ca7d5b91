"""`python -m api.serve`: the production server (gunicorn) on 127.0.0.1:PORT.

Each connection is a greenlet of gunicorn's gevent worker rather than one of a few threads, so a
client that sends or reads slowly (a phone on a bad network, or someone trickling bytes on
purpose) holds only a little memory, never a thread that every other request needs.
"""

import argparse
import functools
import gc
import hashlib
import os
import signal
import subprocess
import sys
import time
import warnings
from pathlib import Path

import gevent
from gevent.monkey import MonkeyPatchWarning, get_original
from gunicorn.app.base import BaseApplication
from gunicorn.workers.ggevent import GeventWorker

from api import create_app
from api.config import ConfigError, instance_path, require_secret_key, serving

ROOT = Path(__file__).resolve().parent.parent
# A Unix socket's path holds at most 107 bytes.
SOCKET_PATH_MAX = 100


class Server(BaseApplication):
    """Gunicorn, configured in code, serving create_app()."""

    def __init__(self, options: dict):
        self.options = options
        super().__init__()

    def load_config(self):
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        return create_app()


class Worker(GeventWorker):
    """gunicorn's gevent worker, with password hashing moved off the event loop."""

    def patch(self):
        # Flask imports ssl in the master, before any worker patches it; modules imported later
        # see the patched ssl, and the web workers open no TLS connection of their own.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", MonkeyPatchWarning)
            super().patch()
        hash_in_threads()
        # A sync's write on SQLite takes turns and commits off the event loop (imported here,
        # after the patch, as the feature modules are: see register_blueprints).
        from gevent.lock import Semaphore

        from api.sync import writes

        guard = get_original("_thread", "allocate_lock")()
        writes.use_gevent(Semaphore(), gevent.get_hub().threadpool, guard)

    def load_wsgi(self):
        super().load_wsgi()
        # Everything the app built on loading (modules, schemas, prebuilt statements) lives as
        # long as the worker: frozen, the collector's full passes stop walking it again and
        # again; and it looks for cycles every 20,000 new objects rather than 700 (a 500-record
        # sync makes hundreds of thousands, nearly all freed as soon as it answers). Measured
        # with bench/bench_capacity.py: bulk ingest about 7% faster, small syncs unchanged.
        gc.freeze()
        gc.set_threshold(20_000, 20, 20)

    def handle_request(self, *args):
        super().handle_request(*args)
        # A greenlet runs until it would wait: a client whose next request is already there
        # (wrk, or pipelining) would be served again and again ahead of everyone else.
        gevent.sleep(0)


def hash_in_threads() -> None:
    """Run scrypt and PBKDF2 in gevent's thread pool.

    A password check is about 0.1 s of CPU in one C call that releases the GIL: run on the event
    loop it would hold up every other connection of the worker; in a thread it does not."""
    pool = gevent.get_hub().threadpool
    for name in ("scrypt", "pbkdf2_hmac"):
        work = getattr(hashlib, name)

        @functools.wraps(work)
        def in_thread(*args, _work=work, **kwargs):
            return pool.apply(_work, args, kwargs)

        setattr(hashlib, name, in_thread)


def control_socket(port: int) -> dict:
    """Gunicorn's control socket under this instance's folder, one per port.

    Gunicorn's default is one path per user (~/.gunicorn/gunicorn.ctl): a second instance on the
    host would take it over, and `gunicornc` would then steer the wrong server."""
    path = instance_path(ROOT) / f"gunicorn-{port}.ctl"
    if len(str(path).encode()) > SOCKET_PATH_MAX:
        return {"control_socket_disable": True}
    return {"control_socket": str(path)}


DISPATCHER = [
    sys.executable,
    "-m",
    "flask",
    "--app",
    "api",
    "reminders",
    "run",
    "--exit-with-parent",
]
# A dispatcher that exits (a crash, the database away) is started again after this pause.
RESTART_AFTER = 5


def start_dispatcher(server) -> None:
    """Gunicorn's when_ready hook: a process that keeps one reminder dispatcher running.

    Started here, before the web workers are forked, and as a process rather than a thread of the
    master: a worker forked while a thread was starting a program would inherit that start-up's
    pipe and hold it open."""
    if not serving().dispatcher:
        server.log.info("Reminder dispatcher off (UNKNOT_DISPATCHER=0).")
        return
    server.unknot_dispatcher = subprocess.Popen([sys.executable, "-m", "api.serve", "--dispatcher"])
    server.log.info("Reminder dispatcher started (pid %s).", server.unknot_dispatcher.pid)


def stop_dispatcher(server) -> None:
    """Gunicorn's on_exit hook: stop the dispatcher with the server."""
    proc = getattr(server, "unknot_dispatcher", None)
    if proc is not None:
        end(proc, 15)


def end(proc: subprocess.Popen, seconds: float) -> None:
    """Ask a child process to stop; kill it if it is still there after `seconds`."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(seconds)
        except subprocess.TimeoutExpired:
            proc.kill()


def keep_dispatching() -> None:
    """`python -m api.serve --dispatcher`: run the dispatcher, again whenever it exits, until the
    server stops (SIGTERM) or is gone."""
    server = os.getppid()
    child: subprocess.Popen | None = None

    def stop(*_):
        if child is not None:
            end(child, 10)
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    while True:
        child = subprocess.Popen(DISPATCHER)
        while child.poll() is None:
            if os.getppid() != server:
                stop()
            time.sleep(1)
        print(
            f"Reminder dispatcher exited ({child.returncode}); starting it again in "
            f"{RESTART_AFTER} s.",
            file=sys.stderr,
            flush=True,
        )
        time.sleep(RESTART_AFTER)


def main() -> None:
    """Parse the port and serve."""
    parser = argparse.ArgumentParser(description="Serve Unknot.")
    settings = serving()
    parser.add_argument("--port", type=int, default=settings.port)
    parser.add_argument("--host", default=settings.host)
    parser.add_argument("--workers", type=int, default=settings.workers)
    parser.add_argument("--dispatcher", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dispatcher:
        return keep_dispatching()
    try:
        require_secret_key(instance_path(ROOT))
    except ConfigError as err:
        sys.exit(f"Unknot cannot start: {err}")
    print(f"Unknot is at http://{args.host}:{args.port}/", flush=True)
    Server(
        {
            "bind": f"{args.host}:{args.port}",
            "workers": args.workers,
            "worker_class": Worker,
            # Open connections per worker; past that, new ones wait in the listen queue.
            "worker_connections": 1000,
            # The app logs each request itself (api/access_log.py), without client addresses
            # or query strings, which gunicorn's access log would write.
            "accesslog": None,
            # X-Forwarded-Proto is believed only through UNKNOT_PROXIES (ProxyFix in create_app),
            # not also from any local process, as gunicorn's default would.
            "forwarded_allow_ips": "",
            "timeout": 60,
            "when_ready": start_dispatcher,
            "on_exit": stop_dispatcher,
            **control_socket(args.port),
        }
    ).run()


if __name__ == "__main__":
    main()
