"""`python -m api.serve`: the production server (gunicorn) on 127.0.0.1:PORT."""

import argparse
import os
import subprocess
import sys
import threading

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


# A dispatcher that stops (a crash, the database away) is started again after this pause.
RESTART_AFTER = 5


def start_dispatcher(server) -> None:
    """Gunicorn's when_ready hook: one reminder dispatcher beside the web workers, kept running."""
    if os.environ.get("UNKNOT_DISPATCHER", "1") in ("0", "false", "no"):
        server.log.info("Reminder dispatcher off (UNKNOT_DISPATCHER=0).")
        return
    cmd = [sys.executable, "-m", "flask", "--app", "api", "reminders", "run", "--exit-with-parent"]
    server.unknot_stopping = threading.Event()

    def keep_running() -> None:
        while not server.unknot_stopping.is_set():
            server.unknot_dispatcher = subprocess.Popen(cmd)
            server.log.info("Reminder dispatcher started (pid %s).", server.unknot_dispatcher.pid)
            code = server.unknot_dispatcher.wait()
            if server.unknot_stopping.wait(RESTART_AFTER):
                return
            server.log.error("Reminder dispatcher exited (%s); started again.", code)

    threading.Thread(target=keep_running, name="dispatcher-watch", daemon=True).start()


def stop_dispatcher(server) -> None:
    """Gunicorn's on_exit hook: stop the dispatcher with the server (and keep it stopped)."""
    stopping = getattr(server, "unknot_stopping", None)
    if stopping is not None:
        stopping.set()
    proc = getattr(server, "unknot_dispatcher", None)
    if proc is not None and proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> None:
    """Parse the port and serve."""
    parser = argparse.ArgumentParser(description="Serve Unknot.")
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", 8000)))
    parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", 2)))
    args = parser.parse_args()
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
