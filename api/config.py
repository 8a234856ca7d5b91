"""The one place that reads the environment."""

import os
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

from api.connections import RECYCLE_SECONDS

# The push services browsers subscribe through (Chrome, Edge on Android, Opera, Samsung: FCM;
# Firefox: Mozilla autopush; Edge on Windows: WNS; Safari: Apple). A host matches a suffix when
# it is the suffix or ends with "." + the suffix.
PUSH_HOSTS = (
    "fcm.googleapis.com",
    "android.googleapis.com",
    "push.services.mozilla.com",
    "notify.windows.com",
    "push.apple.com",
)


class ConfigError(RuntimeError):
    """The app cannot start with the configuration it was given."""


def secret_key_path(instance: Path) -> Path:
    """Where `flask keys init` keeps the session key when SECRET_KEY is not set."""
    return instance / "secret_key"


def secret_key(instance: Path) -> str | None:
    """SECRET_KEY, else the key `flask keys init` wrote under instance/; None when neither."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = secret_key_path(instance)
    return path.read_text().strip() if path.exists() else None


def require_secret_key(instance: Path) -> None:
    """A server refuses to start without a session key, rather than invent one of its own.

    Two machines that each made up a key would not accept each other's sessions."""
    if not secret_key(instance):
        raise ConfigError(
            "No session key. Set SECRET_KEY (the same on every machine serving this app), or run "
            f"`flask --app api keys init` once to create {secret_key_path(instance)} "
            "(make run does this)."
        )


@dataclass(frozen=True)
class Serving:
    """How `python -m api.serve` listens: PORT, HOST, WEB_CONCURRENCY, UNKNOT_DISPATCHER."""

    port: int
    host: str
    workers: int
    dispatcher: bool  # also run the reminder dispatcher


def serving() -> Serving:
    """The server's settings from the environment."""
    return Serving(
        port=int(os.environ.get("PORT", 8000)),
        host=os.environ.get("HOST", "127.0.0.1"),
        workers=int(os.environ.get("WEB_CONCURRENCY", 2)),
        dispatcher=os.environ.get("UNKNOT_DISPATCHER", "1") not in ("0", "false", "no"),
    )


def instance_path(root: Path) -> Path:
    """The folder of this installation's secrets and SQLite file: UNKNOT_INSTANCE or instance/."""
    return Path(os.environ.get("UNKNOT_INSTANCE", str(root / "instance")))


@dataclass(frozen=True)
class Smtp:
    """Where reset mails go out: SMTP_URL, taken apart."""

    host: str
    port: int
    security: str  # "plain" | "starttls" | "tls"
    username: str | None = None
    password: str | None = None


# scheme of SMTP_URL -> (security, default port)
SMTP_SCHEMES = {"smtp": ("plain", 25), "smtp+starttls": ("starttls", 587), "smtps": ("tls", 465)}


def smtp_settings(url: str | None) -> Smtp | None:
    """smtp://host:port, smtp+starttls://user:pass@host:587 or smtps://…; None when unset."""
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in SMTP_SCHEMES or not parts.hostname:
        raise ConfigError(
            f"SMTP_URL must look like smtp://host:25, smtp+starttls://user:password@host:587 "
            f"or smtps://user:password@host:465 (got scheme {parts.scheme!r})."
        )
    security, default_port = SMTP_SCHEMES[parts.scheme]
    try:
        port = parts.port or default_port
    except ValueError:
        raise ConfigError("SMTP_URL has a port that is not a number.") from None
    user = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password else None
    return Smtp(parts.hostname, port, security, user, password)


def _check_mail(cfg: dict) -> None:
    """With mail on, links need an address to point at and mails a sender."""
    cfg["SMTP"] = smtp_settings(cfg["SMTP_URL"])
    cfg["BASE_URL"] = (cfg["BASE_URL"] or "").rstrip("/")
    if cfg["SMTP"] is None:
        return
    if not cfg["BASE_URL"].startswith(("https://", "http://")):
        raise ConfigError(
            "SMTP_URL is set, so UNKNOT_BASE_URL must be too: the address people open the app "
            "at, e.g. https://unknot.example.org (reset links in mails point there)."
        )
    if not cfg["MAIL_FROM"]:
        raise ConfigError("SMTP_URL is set, so MAIL_FROM must be too, e.g. unknot@example.org.")


def database_url(instance: Path) -> str:
    """DATABASE_URL, or a SQLite file under instance/."""
    url = os.environ.get("DATABASE_URL")
    if url:
        # Accept the common libpq spelling and use psycopg 3.
        if url.startswith("postgres://"):
            url = "postgresql://" + url[len("postgres://") :]
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url[len("postgresql://") :]
        return url
    return f"sqlite:///{instance / 'unknot.sqlite3'}"


def push_hosts() -> tuple[str, ...]:
    """The push-service host suffixes, plus any in UNKNOT_PUSH_HOSTS (comma-separated)."""
    extra = os.environ.get("UNKNOT_PUSH_HOSTS", "")
    added = (h.strip().lower().strip(".") for h in extra.split(","))
    return PUSH_HOSTS + tuple(h for h in added if h)


SIGNUP_MODES = ("open", "invite", "closed")
LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


def _loopback(host: str) -> bool:
    """Whether a host name or address is this machine only (no one else can reach it)."""
    host = (host or "").strip("[]").lower()
    return host in LOOPBACK_HOSTS or host.startswith("127.") or host.endswith(".localhost")


def _check_signups(cfg: dict) -> None:
    """Who may sign up: UNKNOT_SIGNUPS when set, else open on this machine only, invite when
    the app is reached through a name others can use (UNKNOT_BASE_URL, or HOST not loopback)."""
    mode = (cfg["SIGNUPS"] or "").strip().lower()
    if not mode:
        public = urlsplit(cfg["BASE_URL"]).hostname if cfg["BASE_URL"] else None
        host = public if public is not None else os.environ.get("HOST", "127.0.0.1")
        mode = "open" if _loopback(host) else "invite"
    if mode not in SIGNUP_MODES:
        raise ConfigError(f"UNKNOT_SIGNUPS must be open, invite or closed (got {mode!r}).")
    cfg["SIGNUPS"] = mode


def _flag(value: str | None) -> bool | None:
    """An on/off variable: None when unset."""
    if value is None or value == "":
        return None
    return value.lower() not in ("0", "false", "no", "off")


def load(instance_path: str, overrides: dict | None) -> dict:
    """Build the Flask config from the environment, then apply overrides (tests)."""
    instance = Path(instance_path)
    https = os.environ.get("UNKNOT_HTTPS", "") not in ("", "0", "false")
    cfg = {
        "SQLALCHEMY_DATABASE_URI": database_url(instance),
        # No pool_pre_ping: api/connections.py notices a closed connection without a query.
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_recycle": RECYCLE_SECONDS},
        # None until `flask keys init` or SECRET_KEY: the server then refuses to start
        # (require_secret_key); other commands (db upgrade, keys init itself) need none.
        "SECRET_KEY": secret_key(instance),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": https,
        # Served only over HTTPS: browsers are told to keep to it (Strict-Transport-Security).
        "HTTPS_ONLY": https,
        "SESSION_COOKIE_NAME": "unknot_session",
        "PERMANENT_SESSION_LIFETIME": timedelta(days=90),
        # The cookie is signed again when its session's last_seen_at is written (every
        # SESSION_TOUCH_EVERY, api/auth/sessions.py), not on every request.
        "SESSION_REFRESH_EACH_REQUEST": False,
        # A session unused this long ends on the server too (the cookie says nothing about it).
        "SESSION_IDLE_LIMIT": timedelta(days=90),
        # How stale a session's last_seen_at may get before a request writes it again.
        "SESSION_TOUCH_EVERY": timedelta(minutes=5),
        # A sync batch of 1,000 records stays well under this; larger bodies get a 413.
        "MAX_CONTENT_LENGTH": 4 * 1024 * 1024,
        "VAPID_PRIVATE_KEY_PATH": str(instance / "vapid_private.pem"),
        "VAPID_PUBLIC_KEY_PATH": str(instance / "vapid_public.pem"),
        "VAPID_SUBJECT": os.environ.get("VAPID_SUBJECT", "unknot@example.org"),
        # A reminder slot missed by more than this (e.g. after downtime) is skipped, not sent late.
        "REMINDER_GRACE": timedelta(minutes=int(os.environ.get("REMINDER_GRACE_MINUTES", 30))),
        "PUSH_THREADS": int(os.environ.get("PUSH_THREADS", 4)),
        "PUSH_HOSTS": push_hosts(),
        # Test-only: push endpoints on 127.0.0.1 / ::1 / localhost (the stand-in push service)
        # are accepted and connected to. Never set it on a server people use.
        "PUSH_ALLOW_LOOPBACK": os.environ.get("UNKNOT_TEST_PUSH_LOOPBACK") == "1",
        # Seconds to connect (and TLS handshake), and to wait for a push service's answer.
        "PUSH_CONNECT_TIMEOUT": 1.5,
        "PUSH_READ_TIMEOUT": 10.0,
        # Tries per push when the service answers 429 or 5xx, waiting at most this long between.
        "PUSH_MAX_ATTEMPTS": 4,
        "PUSH_MAX_RETRY_WAIT": 60.0,
        # Sign-in throttling (api/auth/throttle.py): failures counted in fixed windows.
        "LOGIN_WINDOW": timedelta(minutes=15),
        # Mail, for forgotten passwords: off unless SMTP_URL is set.
        "SMTP_URL": os.environ.get("SMTP_URL"),
        "MAIL_FROM": os.environ.get("MAIL_FROM"),
        "SMTP_TIMEOUT": 15,
        # The public address of the app, for links in mails. Not taken from the request's Host:
        # a forged Host would send a person a reset link to someone else's site.
        "BASE_URL": os.environ.get("UNKNOT_BASE_URL"),
        "RESET_LINK_LIFETIME": timedelta(hours=1),
        # Who may create an account: open, invite (a code from `flask users invite`) or closed.
        # Unset: see _check_signups.
        "SIGNUPS": os.environ.get("UNKNOT_SIGNUPS"),
        # At most this many reset mails to one address an hour; more are silently not sent.
        "RESET_MAILS_PER_HOUR": 3,
        # One address guessing one account: refused for the rest of the window.
        "LOGIN_PAIR_LIMIT": 5,
        # An account failing this often: each address that has failed on it waits before its
        # next try (1 s, 2, 4... up to LOGIN_MAX_DELAY); an address that has not failed does not.
        "LOGIN_ACCOUNT_SOFT_LIMIT": 10,
        "LOGIN_MAX_DELAY": timedelta(minutes=1),
        # One address failing on many accounts (credential stuffing): refused for the window.
        "LOGIN_ADDRESS_LIMIT": 30,
        "REGISTER_LIMIT": 5,
        "REGISTER_WINDOW": timedelta(hours=1),
        # How many reverse proxies stand in front of the app. Only then are X-Forwarded-For,
        # -Proto and -Host believed (that many hops of them): anyone can send those headers.
        "PROXIES": int(os.environ.get("UNKNOT_PROXIES", 0)),
        # One JSON line per request on stderr (api/access_log.py); None: on, except in tests.
        "ACCESS_LOG": _flag(os.environ.get("UNKNOT_ACCESS_LOG")),
        # Where the shell and static files are served from (tests point PWA_DIR at a copy).
        "PWA_DIR": None,
        "STATIC_DIR": None,
        "API_TITLE": "Unknot",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/api/v1",
        "OPENAPI_JSON_PATH": "openapi.json",
    }
    cfg.update(overrides or {})
    _check_mail(cfg)
    _check_signups(cfg)
    return cfg
