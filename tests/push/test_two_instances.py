"""README "Running at scale", run as written on 127.0.0.1: two instances, one PostgreSQL, Caddy.

Each instance is `python -m api.serve` (what `make run` starts: the web workers and one reminder
dispatcher) with its own instance folder holding copies of the same session and VAPID keys.
Caddy runs deploy/Caddyfile.two-instances itself, balancing between the two.
"""

import os
import shutil
import signal
import subprocess
import sys
import time
from collections import Counter
from contextlib import ExitStack
from pathlib import Path
from types import SimpleNamespace

import pytest
import requests

from api.extensions import db
from tests.api.test_serve import dispatchers, free_port, wait_until
from tests.factories import change, pull_all, sample_data, sync
from tests.push.test_concurrency import many_due, statuses

ROOT = Path(__file__).resolve().parents[2]
RECIPE = ROOT / "deploy" / "Caddyfile.two-instances"
VAPID = ("vapid_private.pem", "vapid_public.pem")
SYNC = "/api/v1/sync"


class Instance:
    """One `python -m api.serve` on its own port and folder, its output in a log file."""

    def __init__(self, folder: Path, env: dict):
        self.folder, self.port, self.log = folder, free_port(), folder / "serve.log"
        self.env = {**env, "UNKNOT_INSTANCE": str(folder)}
        self.proc: subprocess.Popen | None = None

    def start(self) -> "Instance":
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "api.serve", "--port", str(self.port)],
                cwd=ROOT,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its dispatcher too: one group to clean up
            )
        return self

    def ready(self) -> None:
        """Wait until it answers, with its dispatcher running beside it."""
        wait_until(lambda: self._answers() or self.proc.poll() is not None, 60)
        assert self.proc.poll() is None, self.log.read_text()
        wait_until(lambda: dispatchers(self.proc.pid), 30)

    def _answers(self) -> bool:
        try:
            return requests.get(f"http://127.0.0.1:{self.port}/", timeout=2).status_code == 200
        except requests.RequestException:
            return False

    def served(self, path: str) -> int:
        """How many requests for path its access log shows."""
        return sum(path in line for line in self.log.read_text().splitlines())

    def stop(self) -> None:
        """What systemd's stop does: SIGTERM, then the server stops its dispatcher."""
        self.proc.terminate()

    def wait_stopped(self) -> None:
        assert self.proc.wait(40) == 0, self.log.read_text()
        # Nothing of the instance is left, its dispatcher included.
        wait_until(lambda: not _group_alive(self.proc.pid), 20)

    def clean_up(self) -> None:
        if self.proc is not None and _group_alive(self.proc.pid):
            os.killpg(self.proc.pid, signal.SIGKILL)
        if self.proc is not None:
            self.proc.wait(10)


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


def shared_keys(instance_dir: Path, folder: Path) -> Path:
    """An instance folder with copies of the one session key and VAPID key pair."""
    folder.mkdir()
    (folder / "secret_key").write_text("the-one-session-key")
    for name in VAPID:
        shutil.copy2(instance_dir / name, folder / name)
    return folder


def start_caddy(tmp_path: Path, a: Instance, b: Instance) -> tuple[subprocess.Popen, str]:
    """Caddy running the recipe on a free loopback port (no admin endpoint, plain http)."""
    caddy = shutil.which("caddy")
    assert caddy, "Caddy is missing: `make caddy` installs Debian's"
    port = free_port()
    site = f"http://127.0.0.1:{port}"
    config = tmp_path / "Caddyfile"
    config.write_text("{\n\tadmin off\n}\n\nimport " + str(RECIPE) + "\n")
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    env.update(XDG_CONFIG_HOME=str(tmp_path / "config"), UNKNOT_SITE=site)
    env.update(UNKNOT_A=f"127.0.0.1:{a.port}", UNKNOT_B=f"127.0.0.1:{b.port}")
    log = (tmp_path / "caddy.log").open("ab")
    proc = subprocess.Popen(
        [caddy, "run", "--config", str(config), "--adapter", "caddyfile"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    log.close()
    return proc, site


class Device:
    """A phone reaching the site through the balancer, shaped as tests.factories.sync wants."""

    def __init__(self, site: str):
        self.site, self.session = site, requests.Session()
        # What a browser sends with a same-site write.
        self.session.headers["Origin"] = site

    def post(self, path: str, json: dict) -> SimpleNamespace:
        res = self.session.post(self.site + path, json=json, timeout=30)
        return SimpleNamespace(status_code=res.status_code, json=res.json())


def answers(url: str) -> bool:
    try:
        return requests.get(url, timeout=2).status_code == 200
    except requests.RequestException:
        return False


@pytest.fixture
def two_instances(app, push, database_url, instance_dir, tmp_path):
    """Instances a and b (PostgreSQL, a dispatcher each) and Caddy before them: (a, b, site)."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("two instances need PostgreSQL (one database, SKIP LOCKED); SQLite runs one")
    env = {**os.environ, "DATABASE_URL": database_url, "UNKNOT_PROXIES": "1"}
    env.update(WEB_CONCURRENCY="1", UNKNOT_SIGNUPS="open", UNKNOT_TEST_PUSH_LOOPBACK="1")
    env.pop("SECRET_KEY", None)  # each reads its instance/secret_key, as make run does
    a = Instance(shared_keys(instance_dir, tmp_path / "a"), env)
    b = Instance(shared_keys(instance_dir, tmp_path / "b"), env)
    with ExitStack() as stack:
        for instance in (a, b):
            stack.callback(instance.clean_up)
            instance.start()
        caddy, site = start_caddy(tmp_path, a, b)
        stack.callback(caddy.wait, 10)
        stack.callback(caddy.kill)
        a.ready()
        b.ready()
        wait_until(lambda: answers(site), 30)
        yield a, b, site


def test_two_instances_behind_caddy_serve_one_person_and_send_each_reminder_once(
    two_instances, make, push
):
    a, b, site = two_instances
    phone = Device(site)
    assert phone.post("/api/v1/auth/register", REGISTER).status_code == 201
    sent = [change("cramps", data=sample_data("cramps", n)) for n in range(8)]
    for one in sent:
        assert sync(phone, [one])["accepted"] == [one["id"]]
    assert a.served(SYNC) and b.served(SYNC), "the balancer used one instance only"

    held = push.hold_from(15)  # pushes from the 15th on wait: the fan-out is under way
    ids = many_due(make, 50)
    assert wait_until(lambda: len(push.received()) >= 15, 30)
    a.stop()
    time.sleep(1)  # a's dispatcher is asked to stop while pushes are still out
    held.set()
    # While a is down b serves the same person: one database, one session key.
    got, _ = pull_all(phone)
    assert {c["id"] for c in got} == {c["id"] for c in sent}
    a.wait_stopped()
    a.start().ready()

    wait_until(lambda: len(push.received()) >= 50 and statuses() == {"sent": 50}, 40)
    counts = Counter(m.payload["reminder_id"] for m in push.received())
    assert set(counts) == set(ids) and set(counts.values()) == {1}, counts
    # The restarted instance takes its share again; the session still holds.
    before = a.served(SYNC)
    wait_until(lambda: sync(phone) is not None and a.served(SYNC) > before, 20)


REGISTER = {"email": "ana@example.org", "password": "correct horse", "timezone": "Europe/Berlin"}
