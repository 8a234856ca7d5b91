"""Throttles that slow password guessing and mass sign-ups without locking the owner out.

A sign-in counts against three keys, each in a fixed window of LOGIN_WINDOW:

- the pair (address, account): after LOGIN_PAIR_LIMIT failures that address may not try that
  account again until the window ends. It is the only hard limit an owner can meet, and only
  through wrong guesses made from their own address.
- the account: past LOGIN_ACCOUNT_SOFT_LIMIT failures from anywhere, an address that has
  already failed on it waits 1, 2, 4... seconds between tries. An address that has not failed
  on it is never held back, so the owner gets in from their phone while someone elsewhere
  hammers their account.
- the address, across accounts: after LOGIN_ADDRESS_LIMIT failures it is refused until the
  window ends (credential stuffing).

Each attempt is counted as a failure *before* the password is checked, in one short transaction
that locks the rows, and given back when the password was right. So concurrent guesses get no
more password checks than the limit, and no lock is held during the (slow on purpose) hash.

Keys are HMACs under the app's secret: the table names no email or address, and an unknown
email is counted exactly like a known one, so a 429 does not tell whether an account exists.
"""

import hashlib
import hmac
import ipaddress
import math
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache

from flask import current_app
from sqlalchemy import delete, select
from sqlalchemy.dialects import postgresql, sqlite
from werkzeug.security import check_password_hash, generate_password_hash

from api.errors import TooManyRequests
from api.extensions import db
from api.models import Throttle, User
from api.models.types import utcnow

Rows = dict[str, Throttle]


@dataclass(frozen=True)
class Attempt:
    """The counters one sign-in took, to give back if the password was right."""

    pair: str
    others: tuple[str, ...]


def begin_login(email: str, address: str | None) -> Attempt:
    """Count a sign-in as failed until proven otherwise, or refuse it with 429."""
    place = _network(address)
    pair, account, where = _key("pair", place, email), _key("account", email), _key("from", place)

    def wait(rows: Rows, now: datetime) -> float:
        return _login_wait(rows[pair], rows[account], rows[where], now)

    _take([pair, account, where], current_app.config["LOGIN_WINDOW"], wait)
    return Attempt(pair, (account, where))


def failed(attempt: Attempt) -> None:
    """The password was wrong: a wait this pair may owe runs from now, when it was told."""
    now = utcnow()
    _locked([attempt.pair], now)[attempt.pair].last_at = now
    db.session.commit()


def succeeded(attempt: Attempt) -> None:
    """The password was right: the pair starts afresh and nothing counts as failed."""
    rows = _locked([attempt.pair, *attempt.others], utcnow())
    rows[attempt.pair].attempts = 0
    for key in attempt.others:
        rows[key].attempts = max(0, rows[key].attempts - 1)
    db.session.commit()


def begin_registration(address: str | None) -> None:
    """Count a sign-up from this address, or refuse it with 429 past REGISTER_LIMIT."""
    key = _key("register", _network(address))
    window = current_app.config["REGISTER_WINDOW"]

    def wait(rows: Rows, now: datetime) -> float:
        row = rows[key]
        if row.attempts < current_app.config["REGISTER_LIMIT"]:
            return 0
        return _seconds(row.window_start + window - now)

    _take([key], window, wait)


def password_matches(user: User | None, password: str) -> bool:
    """Check the password; for an unknown email check a stand-in hash, so both take as long."""
    stored = user.password_hash if user is not None else _stand_in_hash()
    return check_password_hash(stored, password) and user is not None


def _login_wait(pair: Throttle, account: Throttle, where: Throttle, now: datetime) -> float:
    """Seconds before this address may try this account again; 0 when it may now."""
    cfg = current_app.config
    if pair.attempts >= cfg["LOGIN_PAIR_LIMIT"]:
        return _seconds(pair.window_start + cfg["LOGIN_WINDOW"] - now)
    if where.attempts >= cfg["LOGIN_ADDRESS_LIMIT"]:
        return _seconds(where.window_start + cfg["LOGIN_WINDOW"] - now)
    if pair.attempts > 0 and account.attempts >= cfg["LOGIN_ACCOUNT_SOFT_LIMIT"]:
        delay = min(timedelta(seconds=2 ** (pair.attempts - 1)), cfg["LOGIN_MAX_DELAY"])
        return _seconds(pair.last_at + delay - now)
    return 0


def _take(keys: list[str], window: timedelta, wait: Callable[[Rows, datetime], float]) -> None:
    """Add one attempt to every key, all or none: refused with 429 while `wait` says so."""
    now = utcnow()
    rows = _locked(keys, now)
    for row in rows.values():
        if row.window_start + window <= now:
            row.attempts, row.window_start = 0, now
    seconds = wait(rows, now)
    if seconds > 0:
        db.session.rollback()
        raise _too_many(seconds)
    for row in rows.values():
        row.attempts += 1
        row.last_at = now
    db.session.commit()
    _forget_old(now)


def _locked(keys: list[str], now: datetime) -> Rows:
    """The rows of these keys, created if missing, locked until the transaction ends.

    One upsert creates, locks and reads them; on SQLite it is the write that takes the
    database's lock, so a concurrent attempt waits here rather than reading a stale count.
    Keys are locked in sorted order, so two attempts cannot deadlock.
    """
    # Start from a fresh transaction: a read begun earlier would make SQLite's write fail.
    db.session.commit()
    insert = postgresql.insert if db.engine.dialect.name == "postgresql" else sqlite.insert
    values = [{"key": k, "attempts": 0, "window_start": now, "last_at": now} for k in sorted(keys)]
    upsert = insert(Throttle).values(values)
    # Setting a column to itself changes nothing but locks the row, and RETURNING reads it.
    upsert = upsert.on_conflict_do_update(
        index_elements=[Throttle.key], set_={"attempts": Throttle.attempts}
    )
    rows = db.session.scalars(
        upsert.returning(Throttle), execution_options={"populate_existing": True}
    ).all()
    return {row.key: row for row in rows}


def _forget_old(now: datetime) -> None:
    """Delete counters whose window ended long ago, skipping any a sign-in has locked."""
    cfg = current_app.config
    horizon = now - max(cfg["LOGIN_WINDOW"], cfg["REGISTER_WINDOW"])
    old = select(Throttle.key).where(Throttle.window_start < horizon)
    db.session.execute(
        delete(Throttle).where(Throttle.key.in_(old.with_for_update(skip_locked=True)))
    )
    db.session.commit()


def _key(kind: str, *parts: str) -> str:
    secret = current_app.config["SECRET_KEY"]
    secret = secret if isinstance(secret, bytes) else str(secret).encode()
    # surrogatepass: a lone surrogate in an email must not turn into a 500 here.
    message = "\n".join(parts).encode("utf-8", "surrogatepass")
    return f"{kind}:{hmac.new(secret, message, hashlib.sha256).hexdigest()[:48]}"


def _network(address: str | None) -> str:
    """Where an attempt comes from: an IPv6 /64 counts as one place, as one home gets one."""
    try:
        ip = ipaddress.ip_address(address or "")
    except ValueError:
        return address or "unknown"
    if ip.version == 6 and ip.ipv4_mapped is not None:
        return str(ip.ipv4_mapped)
    if ip.version == 6:
        return str(ipaddress.IPv6Network((int(ip) >> 64 << 64, 64)))
    return str(ip)


def _seconds(left: timedelta) -> float:
    return max(0.0, left.total_seconds())


def _too_many(seconds: float) -> TooManyRequests:
    whole = max(1, math.ceil(seconds))
    if whole < 60:
        wait = "a second" if whole == 1 else f"{whole} seconds"
    else:
        minutes = math.ceil(whole / 60)
        wait = "a minute" if minutes == 1 else f"{minutes} minutes"
    return TooManyRequests(
        f"Too many tries. Please wait {wait} and try again.",
        headers={"Retry-After": str(whole)},
    )


@cache
def _stand_in_hash() -> str:
    # Made like a real one (same method and cost), so checking it takes as long.
    return generate_password_hash(secrets.token_urlsafe(16))
