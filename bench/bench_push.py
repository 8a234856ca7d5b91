"""Push fan-out: 10,000 due reminders sent to a local stand-in push service in its own process.

Prints notifications/s for one dispatcher on SQLite and two on PostgreSQL, and the same
encryption (and sending) done with pywebpush in the same run for comparison. Never asserts.
Environment: BENCH_PUSH_N (default 10000), BENCH_PUSH_PG (the PostgreSQL URL).
"""

import json
import multiprocessing as mp
import os
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import timedelta
from pathlib import Path

import urllib3

N = int(os.environ.get("BENCH_PUSH_N", "10000"))
PG_URL = os.environ.get(
    "BENCH_PUSH_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/unknot_bench_push"
)
ROOT = Path(__file__).resolve().parent.parent
HTTP = urllib3.PoolManager()


# ---- the stand-in, in its own process ----


def start_standin(key: str) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.push.standin", "--key", key],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    return proc, proc.stdout.readline().strip()


def control(base: str, path: str, **body) -> dict:
    res = HTTP.request("POST", f"{base}/_control/{path}", body=json.dumps(body).encode())
    return json.loads(res.data)


# ---- the database ----


def make_app(url: str, instance: Path):
    from api import create_app

    return create_app(
        {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": url,
            "VAPID_PRIVATE_KEY_PATH": str(instance / "vapid_private.pem"),
            "VAPID_PUBLIC_KEY_PATH": str(instance / "vapid_public.pem"),
            "PUSH_ALLOW_LOOPBACK": True,  # the stand-in listens on 127.0.0.1
        }
    )


def ensure_pg_database(url: str) -> bool:
    """Create the benchmark database if it is missing; False when PostgreSQL is not there."""
    import psycopg

    base, name = url.replace("postgresql+psycopg://", "postgresql://").rsplit("/", 1)
    try:
        with psycopg.connect(f"{base}/postgres", autocommit=True, connect_timeout=3) as conn:
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
            if not found:
                conn.execute(f'CREATE DATABASE "{name}"')
    except psycopg.OperationalError:
        return False
    return True


def populate(app, subs: list[dict]) -> None:
    """Fresh tables; one person, one device and one due magnesium reminder per subscription."""
    from sqlalchemy import insert, text

    from api.extensions import db
    from api.models import PushSubscription, Reminder, User
    from api.models.types import utcnow

    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            db.session.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
            db.session.commit()
        else:
            db.drop_all()
        db.create_all()
        now = utcnow()
        slot = now.replace(second=0, microsecond=0) - timedelta(minutes=1)
        hhmm = slot.strftime("%H:%M")
        db.session.execute(
            insert(User),
            [
                dict(id=i + 1, email=f"p{i}@example.org", password_hash="x", timezone="UTC",
                     sync_seq=1, created_at=now)
                for i in range(len(subs))
            ],
        )  # fmt: skip
        db.session.execute(
            insert(PushSubscription),
            [
                dict(user_id=i + 1, endpoint=s["endpoint"], p256dh=s["keys"]["p256dh"],
                     auth=s["keys"]["auth"], created_at=now)
                for i, s in enumerate(subs)
            ],
        )  # fmt: skip
        db.session.execute(
            insert(Reminder),
            [
                dict(user_id=i + 1, id=uuid.uuid4(), created_at=now, updated_at=now, seq=1,
                     kind="magnesium", enabled=True, times=[hhmm], days=[], amount=300,
                     unit="mg", form="citrate", next_fire_at=slot, fire_kind="slot")
                for i in range(len(subs))
            ],
        )  # fmt: skip
        db.session.commit()
        db.session.remove()
        db.engine.dispose()


def _dispatch_child(url, instance, go, out):
    from api.reminders.dispatcher import from_app

    app = make_app(url, Path(instance))
    with app.app_context():
        dispatcher = from_app(app, batch=100)
        dispatcher.session.execute(__import__("sqlalchemy").text("SELECT 1"))  # connect first
        dispatcher.session.rollback()
        go.wait()
        started, cpu = time.perf_counter(), time.process_time()
        handled = dispatcher.run_once()
        out.put((handled, time.perf_counter() - started, time.process_time() - cpu))
        dispatcher.close()


def run_dispatchers(url: str, instance: Path, count: int) -> list[tuple[int, float]]:
    ctx = mp.get_context("fork")
    go, out = ctx.Event(), ctx.Queue()
    procs = [
        ctx.Process(target=_dispatch_child, args=(url, str(instance), go, out))
        for _ in range(count)
    ]
    for p in procs:
        p.start()
    time.sleep(3)  # let every child import and connect
    go.set()
    results = [out.get(timeout=600) for _ in procs]
    for p in procs:
        p.join(60)
    return results


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def fan_out(label, url, instance: Path, base: str, subs: list, dispatchers: int, standin_pid):
    app = make_app(url, instance)
    populate(app, subs)
    control(base, "reset")
    standin_cpu = cpu_seconds(standin_pid)
    results = run_dispatchers(url, instance, dispatchers)
    standin_cpu = cpu_seconds(standin_pid) - standin_cpu
    stats = control(base, "stats")
    wall = max(t for _, t, _ in results)
    each = ", ".join(
        f"{h / t:,.0f}/s wall, {h / c:,.0f} per CPU-second ({h} slots)" for h, t, c in results
    )
    print(
        f"{label}: {stats['received']} notifications in {wall:.2f} s = "
        f"{stats['received'] / wall:,.0f}/s in all; per dispatcher: {each}; "
        f"stand-in used {standin_cpu:.1f} CPU-s; distinct endpoints {stats['distinct']}, "
        f"refused {stats['refused']}; load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )


# ---- encryption and sending, webpush vs pywebpush ----


def compare_libraries(app, base: str, subs: list, m: int = 2000) -> None:
    import requests
    from py_vapid import Vapid
    from pywebpush import WebPusher, webpush
    from webpush import WebPush
    from webpush.types import WebPushSubscription

    from api.push.sender import PushSender, Target
    from api.push.vapid import load_pems

    private_pem, public_pem = load_pems(app.config)
    sender = PushSender.from_config(app.config)
    stock = WebPush(private_pem, public_pem, subscriber="ops@example.org")
    pv = Vapid.from_pem(private_pem)
    payload = {
        "kind": "magnesium",
        "title": "Magnesium time",
        "body": "Your evening magnesium, 21:00",
        "tag": "unknot-magnesium",
        "reminder_id": str(uuid.uuid4()),
        "slot": "2026-11-25T20:00:00+00:00",
        "url": "/quick?kind=magnesium",
        "actions": [
            {"action": "took", "title": "Took it"},
            {"action": "snooze", "title": "Snooze 15 min"},
        ],
    }
    data = json.dumps(payload, separators=(",", ":"))
    targets = [
        Target(i, s["endpoint"], s["keys"]["p256dh"], s["keys"]["auth"])
        for i, s in enumerate(subs[:m])
    ]

    def rate(fn) -> float:
        started = time.perf_counter()
        for i in range(m):
            fn(i)
        return m / (time.perf_counter() - started)

    def pywebpush_encrypt(i):
        sub = subs[i]
        WebPusher(sub).encode(data.encode(), content_encoding="aes128gcm")
        pv.sign({"sub": "mailto:ops@example.org", "aud": base, "exp": int(time.time()) + 3600})

    print(f"encrypt + sign, no HTTP, {m} messages:", flush=True)
    ours = rate(lambda i: sender.encrypt(targets[i], payload))
    print(f"  webpush, JWT cached per origin (ours): {ours:,.0f}/s")
    stock_rate = rate(lambda i: stock.get(data, WebPushSubscription.model_validate(subs[i])))
    print(f"  webpush, JWT signed per message:       {stock_rate:,.0f}/s")
    print(f"  pywebpush, JWT signed per message:     {rate(pywebpush_encrypt):,.0f}/s", flush=True)

    control(base, "reset")
    session = requests.Session()
    extra = {"Urgency": "high", "Topic": "magnesium"}
    print(f"encrypt + sign + POST to the stand-in, one thread, {m} messages:", flush=True)

    def ours_post(i):
        """One push, one at a time: the dispatcher's Pipeline keeps several in flight instead."""
        push = sender.prepare(targets[i], payload, ttl=1800, urgency="high", topic="magnesium")
        pool, path = sender.route(push.target.endpoint)
        pool.urlopen("POST", path, body=push.body, headers=push.headers, retries=False,
                     redirect=False, assert_same_host=False)  # fmt: skip

    ours = rate(ours_post)
    print(f"  webpush + urllib3 pool (ours):          {ours:,.0f}/s")
    theirs = rate(
        lambda i: webpush(subs[i], data, vapid_private_key=pv,
                          vapid_claims={"sub": "mailto:ops@example.org"}, ttl=1800,
                          headers=extra, requests_session=session)
    )  # fmt: skip
    print(f"  pywebpush + requests.Session:           {theirs:,.0f}/s")
    stats = control(base, "stats")
    print(f"  stand-in accepted {stats['received']} of {stats['requests']}", flush=True)


def main() -> None:
    from api.push.vapid import public_key

    with tempfile.TemporaryDirectory() as tmp:
        instance = Path(tmp)
        sqlite_url = f"sqlite:///{instance / 'bench.sqlite3'}"
        app = make_app(sqlite_url, instance)
        key = public_key(app.config)
        proc, base = start_standin(key)
        try:
            started = time.perf_counter()
            subs = control(base, "subscriptions", count=N)["subscriptions"]
            print(
                f"{N} subscriptions made by the stand-in in {time.perf_counter() - started:.1f} s"
            )
            print(f"machine load average before: {os.getloadavg()[0]:.1f} (2 cores = 2.0 busy)")
            fan_out("SQLite, 1 dispatcher", sqlite_url, instance, base, subs, 1, proc.pid)
            if ensure_pg_database(PG_URL):
                fan_out("PostgreSQL, 2 dispatchers", PG_URL, instance, base, subs, 2, proc.pid)
            else:
                print("PostgreSQL not reachable: skipped")
            compare_libraries(app, base, subs)
        finally:
            proc.terminate()
            proc.wait(10)


if __name__ == "__main__":
    main()
