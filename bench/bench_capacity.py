"""Server capacity: small syncs against the real server, as ratios to serving the shell.

`python -m api.serve` (gunicorn, 2 workers, as `make run`) on a free port, on a fresh SQLite file
and on a fresh PostgreSQL database (when the machine's PostgreSQL answers). 16 people with 200
records each; `wrk -t2 -c8` (bench/capacity.lua sends as those people, round robin) measures:

- GET / with Accept-Encoding: br (the shell, static): the reference;
- an empty sync: the cursor is current and nothing is sent (a phone's sync every minute);
- a sync with 5 new records (new ids every request; the answer's cursor is the next cursor);

each ROUNDS times, in turn, so that the rates of one round share the machine's load; then a bulk
ingest: 10,000 records in batches of 500 from this process over HTTP (first send, then the same
again, as a device whose answers were lost). Printed, never asserted: the median of the rounds
with their range, the ratio of each round's sync rate to the same round's static rate, and p99.
"""

import http.client
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

from bench.bench_sync import load, make_batches
from bench.slow_clients import PASSWORD, request, served

HERE = Path(__file__).parent
SCRIPT = HERE / "capacity.lua"
PEOPLE = 16
HISTORY = 200  # records each person has before the runs
ROUNDS = int(os.environ.get("BENCH_ROUNDS", 3))
SECONDS = 5
WRK = ["wrk", "-t2", "-c8", f"-d{SECONDS}s", "--latency", "--timeout", "5s"]
PG_ADMIN = "host=127.0.0.1 user=postgres dbname=postgres"
PG_DB = "bench_capacity"


def wrk_installed() -> bool:
    """wrk, from Debian's packages when missing."""
    if shutil.which("wrk"):
        return True
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
    subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], env=env, check=False)
    return shutil.which("wrk") is not None


def postgres_url() -> str | None:
    """A fresh, empty bench database on the local PostgreSQL, or None when it does not answer."""
    try:
        import psycopg
    except ImportError:
        return None
    try:
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f"DROP DATABASE IF EXISTS {PG_DB} WITH (FORCE)")
            conn.execute(f"CREATE DATABASE {PG_DB}")
    except psycopg.OperationalError:
        return None
    return f"postgresql+psycopg://postgres@127.0.0.1:5432/{PG_DB}"


@contextmanager
def server(url: str, instance: Path):
    """The schema by `flask db upgrade`, then the real server; yields its port."""
    env = {**os.environ, "DATABASE_URL": url, "UNKNOT_INSTANCE": str(instance)}
    flask = [sys.executable, "-m", "flask", "--app", "api", "db", "upgrade"]
    subprocess.run(flask, env=env, check=True, capture_output=True)
    with served(url, instance) as (port, _):
        yield port


class People:
    """Accounts made for the bench: one signs up over HTTP, the others share its password hash
    (sign-ups are throttled per address), and each signs in over HTTP."""

    def __init__(self, port: int, url: str):
        self.port = port
        self.engine = create_engine(url)
        self.made = 0
        first = self._email()
        body = {"email": first, "password": PASSWORD, "timezone": "UTC"}
        assert request(port, "POST", "/api/v1/auth/register", body)[0] == 201
        with self.engine.connect() as conn:
            self.hash = conn.scalar(
                text("SELECT password_hash FROM users WHERE email = :e"), {"e": first}
            )
        self.first = first

    def _email(self) -> str:
        self.made += 1
        return f"capacity-{self.made}@example.org"

    def new(self, email: str | None = None) -> tuple[str, str]:
        """(email, session cookie) of a new person (or of the first one)."""
        if email is None:
            email = self._email()
            with self.engine.begin() as conn:
                conn.execute(
                    text(
                        "INSERT INTO users (email, password_hash, timezone, day_start_hour, "
                        "water_target_ml, energy_budget, chunk_minutes, sync_seq, created_at) "
                        "VALUES (:e, :h, 'UTC', 4, 2000, 12, 15, 0, CURRENT_TIMESTAMP)"
                    ),
                    {"e": email, "h": self.hash},
                )
        body = {"email": email, "password": PASSWORD}
        status, headers, _ = request(self.port, "POST", "/api/v1/auth/login", body)
        assert status == 200, status
        return email, headers["Set-Cookie"].split(";")[0]

    def cursors(self, emails: list[str]) -> dict[str, int]:
        with self.engine.connect() as conn:
            rows = conn.execute(text("SELECT email, sync_seq FROM users"))
            seqs = dict(rows.all())
        return {e: seqs[e] for e in emails}


def send(conn: http.client.HTTPConnection, cookie: str, body: dict) -> dict:
    conn.request(
        "POST",
        "/api/v1/sync",
        json.dumps(body),
        {"Content-Type": "application/json", "Cookie": cookie},
    )
    res = conn.getresponse()
    answer = res.read()
    assert res.status == 200, (res.status, answer[:300])
    return json.loads(answer)


def history(port: int, cookie: str) -> None:
    """HISTORY records of every kind, as a person who has used the app a while has."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    batch = make_batches()[0][:HISTORY]
    answer = send(conn, cookie, {"cursor": None, "changes": batch})
    assert not answer["rejected"], answer["rejected"][:3]
    conn.close()


def wrk(port: int, path: str, options: list[str], script_args: list[str] = ()) -> dict:
    """One wrk run: requests/s, p99 in ms, and how many answers were not 2xx or failed."""
    url = f"http://127.0.0.1:{port}{path}"
    out = subprocess.run(
        [*WRK, *options, url, *(["--", *script_args] if script_args else [])],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p99 = re.search(r"\s99%\s+([\d.]+)(us|ms|s)\b", out)
    ms = float(p99.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[p99.group(2)]
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    errors = re.search(r"Socket errors: (.*)", out)
    return {
        "rate": rate,
        "p99": ms,
        "bad": int(bad.group(1)) if bad else 0,
        "errors": errors.group(1) if errors else "",
    }


def rounds(port: int, people: "People", crowd: list[tuple[str, str]], folder: Path) -> dict:
    """ROUNDS rounds of static, empty sync, 5-record sync; {kind: [run, ...]}."""
    runs: dict[str, list] = {"static": [], "empty": [], "five": []}
    file = folder / "people.txt"
    for n in range(ROUNDS):
        runs["static"].append(wrk(port, "/", ["-H", "Accept-Encoding: br"]))
        for mode in ("empty", "five"):
            cursors = people.cursors([e for e, _ in crowd])
            file.write_text("".join(f"{c} {cursors[e]}\n" for e, c in crowd))
            lua = [mode, str(file), str(n), "2"]  # 2: wrk's threads (-t2)
            runs[mode].append(wrk(port, "/api/v1/sync", ["-s", str(SCRIPT)], lua))
    return runs


def bulk(port: int, people: People) -> list[tuple[float, float]]:
    """(first send, same again) in records/s, ROUNDS times, each by a new person."""
    out = []
    for _ in range(ROUNDS):
        _, cookie = people.new()
        batches = make_batches()
        records = sum(len(b) for b in batches)
        rates = []
        cursor = None
        for _pass in range(2):
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            start = time.perf_counter()
            for batch in batches:
                answer = send(conn, cookie, {"cursor": cursor, "changes": batch})
                assert not answer["rejected"], answer["rejected"][:3]
                cursor = answer["cursor"]
            rates.append(records / (time.perf_counter() - start))
            conn.close()
        out.append(tuple(rates))
    return out


def spread(values: list[float], fmt: str = "{:,.0f}") -> str:
    """The median, and the range in brackets."""
    med = statistics.median(values)
    return f"{fmt.format(med)} ({fmt.format(min(values))}–{fmt.format(max(values))})"


def report(name: str, runs: dict, ingest: list[tuple[float, float]]) -> None:
    static = [r["rate"] for r in runs["static"]]
    print(
        f"| {name} | GET / (static, br) | {spread(static)} | 100% | "
        f"{spread([r['p99'] for r in runs['static']], '{:.1f}')} | |"
    )
    for kind, label in (("empty", "empty sync"), ("five", "sync, 5 new records")):
        rates = [r["rate"] for r in runs[kind]]
        ratios = [r / s * 100 for r, s in zip(rates, static, strict=True)]
        bad = sum(r["bad"] for r in runs[kind])
        errors = "; ".join(r["errors"] for r in runs[kind] if r["errors"])
        print(
            f"| {name} | {label} | {spread(rates)} | {spread(ratios, '{:.0f}%')} | "
            f"{spread([r['p99'] for r in runs[kind]], '{:.1f}')} | {bad} {errors} |"
        )
    firsts, agains = [i[0] for i in ingest], [i[1] for i in ingest]
    print(f"| {name} | bulk 10,000 in 500s, first send | {spread(firsts)} rec/s | | | |")
    print(f"| {name} | bulk, same again | {spread(agains)} rec/s | | | |", flush=True)


def measure(name: str, url: str) -> None:
    with tempfile.TemporaryDirectory() as tmp, server(url, Path(tmp)) as port:
        people = People(port, url)
        crowd = [people.new(people.first)] + [people.new() for _ in range(PEOPLE - 1)]
        for _, cookie in crowd:
            history(port, cookie)
        runs = rounds(port, people, crowd, Path(tmp))
        ingest = bulk(port, people)
        people.engine.dispose()
    report(name, runs, ingest)


def main() -> None:
    if not wrk_installed():
        print("wrk is not installed and could not be: skipped.")
        return
    print(
        f"`python -m api.serve` (2 workers) against `wrk -t2 -c8`, {SECONDS} s a run, "
        f"{PEOPLE} people with {HISTORY} records each; median of {ROUNDS} rounds (range). "
        f"Load average at the start: {load()} on {os.cpu_count()} cores."
    )
    with tempfile.TemporaryDirectory() as tmp:
        print(f"A SQLite commit on this disk, alone: {disk(tmp)}.")
    print("\n| database | request | per second | of static | p99 ms | non-2xx, errors |")
    print("|---|---|---:|---:|---:|---|")
    # BENCH_DATABASES=sqlite (or postgresql) measures one; BENCH_ROUNDS sets the rounds.
    only = os.environ.get("BENCH_DATABASES", "sqlite postgresql").split()
    if "sqlite" in only:
        with tempfile.TemporaryDirectory() as tmp:
            measure("SQLite", f"sqlite:///{tmp}/bench.sqlite3")
    if "postgresql" in only:
        pg = postgres_url()
        if pg is None:
            print("| PostgreSQL | not reachable, skipped | | | | |")
        else:
            measure("PostgreSQL", pg)
    print(f"\nLoad average at the end: {load()} on {os.cpu_count()} cores.")


def disk(folder: str) -> str:
    """How long a SQLite commit waits for this disk (WAL, synchronous FULL, as the app): every
    sync that stores something waits this long once, and SQLite writers take turns."""
    conn = sqlite3.connect(f"{folder}/disk.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE t (x)")
    took = []
    for n in range(200):
        start = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t VALUES (?)", (n,))
        conn.execute("COMMIT")
        took.append((time.perf_counter() - start) * 1000)
    conn.close()
    took.sort()
    return f"median {took[100]:.1f} ms, p99 {took[198]:.1f} ms"


if __name__ == "__main__":
    main()
