"""`python -m api.serve` (what `make run` starts): the web server and its reminder dispatcher."""

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from bench.slow_clients import served
from tests.api.test_migrations import FLASK, ROOT, flask_db_upgrade


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def children(pid: int) -> list[int]:
    """Pids of a process's children (from every one of its threads)."""
    tasks = Path(f"/proc/{pid}/task")
    if not tasks.exists():
        return []
    return [int(c) for task in tasks.iterdir() for c in (task / "children").read_text().split()]


def running(pid: int, *words: bytes) -> bool:
    """Whether pid is alive (not a zombie) and its command line holds every word."""
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
    except OSError:
        return False
    return state != "Z" and all(word in cmdline for word in words)


def dispatchers(server: int) -> list[int]:
    """The `flask reminders run` processes under the server's keeper process."""
    keepers = [p for p in children(server) if running(p, b"api.serve", b"--dispatcher")]
    return [p for k in keepers for p in children(k) if running(p, b"reminders", b"run")]


def wait_until(check, seconds=30.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = check()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError("timed out")


def test_a_dispatcher_that_dies_is_started_again_and_stops_with_the_server(tmp_path):
    url = f"sqlite:///{tmp_path / 'serve.sqlite3'}"
    flask_db_upgrade(url, tmp_path)
    env = {**os.environ, "DATABASE_URL": url, "UNKNOT_INSTANCE": str(tmp_path)}
    env.update(SECRET_KEY="serve-test")
    subprocess.run([str(FLASK), "--app", "api", "keys", "init"], cwd=ROOT, env=env, check=True)
    with served(url, tmp_path, UNKNOT_DISPATCHER="1", WEB_CONCURRENCY="1") as (port, server):
        assert b"Unknot" in _get(f"http://127.0.0.1:{port}/")
        (first,) = wait_until(lambda: dispatchers(server.pid))
        os.kill(first, signal.SIGKILL)
        (second,) = wait_until(lambda: [p for p in dispatchers(server.pid) if p != first])
        (keeper,) = [p for p in children(server.pid) if running(p, b"--dispatcher")]
    wait_until(lambda: not running(second) and not running(keeper), 15)


def _get(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read()
    except OSError:
        return None


def test_two_servers_on_one_host_each_keep_their_own_control_socket(tmp_path):
    # gunicorn's default control socket is one per user, under HOME: the same for both here
    env = {"HOME": str(tmp_path / "home"), "XDG_RUNTIME_DIR": ""}
    a_dir, b_dir = tmp_path / "a", tmp_path / "b"
    with served(f"sqlite:///{a_dir / 'a.sqlite3'}", a_dir, **env) as (_, a):
        with served(f"sqlite:///{b_dir / 'b.sqlite3'}", b_dir, **env) as (_, b):
            paths = {a.pid: control_socket(a.pid), b.pid: control_socket(b.pid)}
            assert paths[a.pid] != paths[b.pid]
            for pid, path in paths.items():
                assert arbiter(path) == pid
        assert b.returncode == 0
        assert arbiter(paths[a.pid]) == a.pid  # b's exit left a's socket alone
    assert a.returncode == 0
    assert not any(Path(path).exists() for path in paths.values())


def control_socket(pid: int) -> str:
    """The path of the one Unix socket the process listens on."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        target = os.readlink(fd)
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    listening = "00010000"  # __SO_ACCEPTCON
    lines = Path("/proc/net/unix").read_text().splitlines()[1:]
    (path,) = [
        f[7] for f in map(str.split, lines) if len(f) == 8 and f[6] in inodes and f[3] == listening
    ]
    return path


def arbiter(socket_path: str) -> int:
    """The pid of the gunicorn master answering on a control socket."""
    gunicornc = Path(sys.executable).with_name("gunicornc")
    shown = subprocess.run(
        [str(gunicornc), "-s", socket_path, "-j", "-c", "show all"],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return json.loads(shown.stdout)["arbiter"]["pid"]


def test_without_proxies_the_server_believes_no_forwarded_scheme(tmp_path):
    """UNKNOT_PROXIES is the one switch: gunicorn's own trust of X-Forwarded-Proto from
    127.0.0.1 would let a local process pass for an https page of this site."""
    with served(f"sqlite:///{tmp_path / 'db.sqlite3'}", tmp_path) as (port, _):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        headers = {"Origin": f"https://127.0.0.1:{port}", "X-Forwarded-Proto": "https"}
        conn.request("POST", "/api/v1/auth/logout", headers=headers)
        res = conn.getresponse()
        status, body = res.status, json.loads(res.read())
        conn.close()
    assert status == 403
    assert body["message"] == "Requests from another site are refused."


def test_a_server_without_a_session_key_refuses_to_start_and_invents_none(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'k.sqlite3'}"}
    env.update(UNKNOT_INSTANCE=str(tmp_path), UNKNOT_DISPATCHER="0")
    env.pop("SECRET_KEY", None)
    started = subprocess.run(
        [sys.executable, "-m", "api.serve", "--port", str(free_port())],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert started.returncode != 0
    assert "No session key" in started.stderr and "SECRET_KEY" in started.stderr
    assert not (tmp_path / "secret_key").exists()


def test_keys_init_makes_the_session_key_once_and_the_app_never_does(tmp_path, monkeypatch):
    from api import create_app

    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("UNKNOT_INSTANCE", str(tmp_path))
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'k.sqlite3'}")
    assert create_app().config["SECRET_KEY"] is None
    assert not (tmp_path / "secret_key").exists()
    env = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    subprocess.run([str(FLASK), "--app", "api", "keys", "init"], cwd=ROOT, env=env, check=True)
    key = (tmp_path / "secret_key").read_text()
    assert len(key) >= 40 and (tmp_path / "secret_key").stat().st_mode & 0o077 == 0
    subprocess.run([str(FLASK), "--app", "api", "keys", "init"], cwd=ROOT, env=env, check=True)
    assert (tmp_path / "secret_key").read_text() == key
    assert create_app().config["SECRET_KEY"] == key
