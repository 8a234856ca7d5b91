"""Sync throughput and memory, on SQLite and on PostgreSQL, through Flask's test client.

10,000 new records (every collection) sent in batches of 500, then the same batches sent
again; then a fresh device pulls everything page by page (limit 500). The requests go
through the whole Flask stack (JSON, validation, database) in this process, without a
network or a WSGI server in front. Timing and memory are measured in separate passes,
because tracemalloc slows Python down several times. On a shared, busy machine the
wall-clock rate drops; the rate per CPU-second of this process does not (on SQLite it covers
all the work; on PostgreSQL the server's own work is left out of it).
"""

import gc
import os
import tempfile
import time
import tracemalloc
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

RECORDS = 10_000
BATCH = 500
REPEATS = 3  # timing passes per database; the best is shown (the machine is shared)
PG_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/unknot_bench"


def rss_mb() -> float:
    """The resident memory of this process now, in MiB."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def record(n: int, at: datetime) -> dict:
    """One change of a mix of collections (cramps, intakes, knots, activities, checkins)."""
    stamp = (at + timedelta(seconds=n)).isoformat()
    kind = n % 5
    if kind == 0:
        coll, data = (
            "cramps",
            {
                "started_at": stamp,
                "muscle": "calf",
                "side": "left",
                "intensity": n % 11,
                "triggers": ["night", "cold"],
                "reliefs_tried": ["stretch"],
                "notes": f"cramp {n}",
            },
        )
    elif kind == 1:
        coll, data = "intakes", {"kind": "water", "amount": 250.0, "unit": "ml", "taken_at": stamp}
    elif kind == 2:
        coll, data = (
            "knots",
            {"noted_at": stamp, "location": "shoulder", "intensity": 4, "helped": ["heat"]},
        )
    elif kind == 3:
        coll, data = (
            "activities",
            {
                "title": f"Task {n}",
                "energy_cost": 3,
                "steps": [{"title": "start", "minutes": 5}],
                "rest_minutes": 10,
            },
        )
    else:
        day = (at.date() - timedelta(days=n % 3000)).isoformat()
        coll, data = "checkins", {"day": day, "weakness": 3, "fatigue": 6}
    data["created_at"] = stamp
    return {
        "collection": coll,
        "id": str(uuid.uuid4()),
        "op": "upsert",
        "updated_at": stamp,
        "data": data,
    }


def make_batches() -> list[list[dict]]:
    at = datetime(2026, 1, 1, 8, tzinfo=UTC)
    changes = [record(n, at) for n in range(RECORDS)]
    return [changes[i : i + BATCH] for i in range(0, RECORDS, BATCH)]


def signed_in(app, email: str):
    client = app.test_client()
    body = {"email": email, "password": "correct horse", "timezone": "UTC"}
    res = client.post("/api/v1/auth/register", json=body)
    if res.status_code == 409:
        body.pop("timezone")
        res = client.post("/api/v1/auth/login", json=body)
    assert res.status_code in (200, 201), res.json
    return client


def push_all(client, batches, trace: bool, cursor=None) -> dict:
    """Send every batch, carrying the cursor along; records/s, and the memory peaks."""
    peak = 0
    rss0 = rss_mb()
    start, cpu = time.perf_counter(), time.process_time()
    for batch in batches:
        if trace:
            tracemalloc.reset_peak()
        res = client.post("/api/v1/sync", json={"cursor": cursor, "changes": batch})
        assert res.status_code == 200 and not res.json["rejected"], res.json
        cursor = res.json["cursor"]
        if trace:
            peak = max(peak, tracemalloc.get_traced_memory()[1])
    seconds = time.perf_counter() - start
    return {
        "rate": RECORDS / seconds,
        "cpu_rate": RECORDS / (time.process_time() - cpu),
        "seconds": seconds,
        "peak": peak / 2**20,
        "rss": rss_mb() - rss0,
        "cursor": cursor,
    }


def pull_all(client, trace: bool) -> dict:
    """A fresh device pulls every change, page by page."""
    cursor, pages, got = None, [], 0
    start, cpu = time.perf_counter(), time.process_time()
    while True:
        if trace:
            tracemalloc.reset_peak()
        t0 = time.perf_counter()
        res = client.post("/api/v1/sync", json={"cursor": cursor, "changes": [], "limit": BATCH})
        body = res.json
        got += len(body["changes"])
        pages.append(
            (
                time.perf_counter() - t0,
                tracemalloc.get_traced_memory()[1] / 2**20 if trace else 0.0,
                rss_mb(),
            )
        )
        cursor = body["cursor"]
        if not body["has_more"]:
            break
    seconds = time.perf_counter() - start
    assert got == RECORDS, got
    cpu_rate = got / (time.process_time() - cpu)
    return {"rate": got / seconds, "cpu_rate": cpu_rate, "seconds": seconds, "pages": pages}


def run(url: str) -> list[tuple]:
    """Timing passes, then a tracemalloc pass, each on an empty database."""
    from api import create_app
    from api.extensions import db

    instance = Path(tempfile.mkdtemp())
    app = create_app(
        {
            "SECRET_KEY": "bench",
            "SQLALCHEMY_DATABASE_URI": url,
            "VAPID_PRIVATE_KEY_PATH": str(instance / "vapid_private.pem"),
            "VAPID_PUBLIC_KEY_PATH": str(instance / "vapid_public.pem"),
        }
    )
    results = {}
    for trace in [False] * REPEATS + [True]:
        with app.app_context():
            db.drop_all()  # the bench's own database: always the current schema
            db.create_all()
        batches = make_batches()
        gc.collect()
        if trace:
            tracemalloc.start()
        with app.app_context():
            device = signed_in(app, "bench@example.org")
            first = push_all(device, batches, trace)
            # The same device sends it all again (as if every answer had been lost).
            again = push_all(device, batches, trace, first["cursor"])
            fresh = signed_in(app, "bench@example.org")
            pulled = pull_all(fresh, trace)
        if trace:
            tracemalloc.stop()
        if trace or trace not in results or first["rate"] > results[trace][0]["rate"]:
            results[trace] = (first, again, pulled)  # the best timing pass: least disturbed
    with app.app_context():
        db.drop_all()
        db.engine.dispose()
    (first, again, pulled), (mfirst, magain, mpulled) = results[False], results[True]
    pages_t, pages_m = pulled["pages"], mpulled["pages"]
    return [
        ("first send", first["rate"], first["cpu_rate"], mfirst["peak"], first["rss"]),
        ("same again", again["rate"], again["cpu_rate"], magain["peak"], again["rss"]),
        (
            "pull, all",
            pulled["rate"],
            pulled["cpu_rate"],
            max(p[1] for p in pages_m),
            pages_t[-1][2] - pages_t[0][2],
        ),
        ("  page 1", BATCH / pages_t[0][0], None, pages_m[0][1], 0.0),
        (
            f"  page {len(pages_t)}",
            BATCH / pages_t[-1][0],
            None,
            pages_m[-1][1],
            pages_t[-1][2] - pages_t[0][2],
        ),
    ]


def postgres_url() -> str | None:
    """The bench database on the local PostgreSQL (created when missing), or None."""
    try:
        import psycopg
    except ImportError:
        return None
    try:
        with psycopg.connect(
            "host=127.0.0.1 user=postgres dbname=postgres", autocommit=True, connect_timeout=3
        ) as conn:
            found = conn.execute("SELECT 1 FROM pg_database WHERE datname='unknot_bench'")
            if found.fetchone() is None:
                conn.execute("CREATE DATABASE unknot_bench")
    except psycopg.OperationalError:
        return None
    return PG_URL


def main() -> None:
    print(
        f"{RECORDS:,} records in batches of {BATCH}, through the Flask test client "
        f"(in-process, no HTTP server); best of {REPEATS} timing passes; memory from a separate "
        "tracemalloc'd pass."
    )
    print(f"Load average at the start (1, 5, 15 min): {load()} on {os.cpu_count()} cores.")
    targets = [("SQLite", f"sqlite:///{tempfile.mkdtemp()}/bench.sqlite3")]
    pg = postgres_url()
    targets.append(("PostgreSQL", pg) if pg else ("PostgreSQL", None))
    print(
        "\n| database | phase | records/s | records per CPU-s of this process "
        "| tracemalloc peak MiB | RSS delta MiB |"
    )
    print("|---|---|---:|---:|---:|---:|")
    for name, url in targets:
        if url is None:
            print(f"| {name} | not reachable, skipped | | | | |")
            continue
        for phase, rate, cpu_rate, peak, rss in run(url):
            cpu = f"{cpu_rate:,.0f}" if cpu_rate else ""
            print(
                f"| {name} | {phase} | {rate:,.0f} | {cpu} | {peak:.1f} | {rss:+.1f} |",
                flush=True,
            )
    print(f"\nLoad average at the end (1, 5, 15 min): {load()} on {os.cpu_count()} cores.")


def load() -> str:
    """The machine's load average: figures taken on a busy machine are lower."""
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "unknown"


if __name__ == "__main__":
    main()
