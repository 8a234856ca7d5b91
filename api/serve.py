"""`python -m api.serve`: the production server (gunicorn) on 127.0.0.1:PORT."""

import argparse
import os
import signal
import subprocess
import sys
import time

from gunicorn.app.base import BaseApplication

from api import create_app


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
    if os.environ.get("UNKNOT_DISPATCHER", "1") in ("0", "false", "no"):
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
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 2)))
    parser.add_argument("--dispatcher", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.dispatcher:
        return keep_dispatching()
    print(f"Unknot is at http://{args.host}:{args.port}/", flush=True)
    Server(
        {
            "bind": f"{args.host}:{args.port}",
            "workers": args.workers,
            "threads": 4,
            "accesslog": "-",
            "timeout": 60,
            "when_ready": start_dispatcher,
            "on_exit": stop_dispatcher,
        }
    ).run()


if __name__ == "__main__":
    main()
