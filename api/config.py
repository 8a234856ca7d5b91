"""The one place that reads the environment."""

import os
from datetime import timedelta
from pathlib import Path


class ConfigError(RuntimeError):
    """The app cannot start with the configuration it was given."""


def _read_secret(instance: Path) -> str | None:
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    path = instance / "secret_key"
    return path.read_text().strip() if path.exists() else None


def instance_path(root: Path) -> Path:
    """The folder of this installation's secrets and SQLite file: UNKNOT_INSTANCE or instance/."""
    return Path(os.environ.get("UNKNOT_INSTANCE", str(root / "instance")))


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


def load(instance_path: str, overrides: dict | None) -> dict:
    """Build the Flask config from the environment, then apply overrides (tests)."""
    instance = Path(instance_path)
    https = os.environ.get("UNKNOT_HTTPS", "") not in ("", "0", "false")
    cfg = {
        "SQLALCHEMY_DATABASE_URI": database_url(instance),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
        "SECRET_KEY": _read_secret(instance),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": https,
        "SESSION_COOKIE_NAME": "unknot_session",
        "PERMANENT_SESSION_LIFETIME": timedelta(days=90),
        # A sync batch of 1,000 records stays well under this; larger bodies get a 413.
        "MAX_CONTENT_LENGTH": 4 * 1024 * 1024,
        "VAPID_PRIVATE_KEY_PATH": str(instance / "vapid_private.pem"),
        "VAPID_PUBLIC_KEY_PATH": str(instance / "vapid_public.pem"),
        "VAPID_SUBJECT": os.environ.get("VAPID_SUBJECT", "unknot@example.org"),
        # A reminder slot missed by more than this (e.g. after downtime) is skipped, not sent late.
        "REMINDER_GRACE": timedelta(minutes=int(os.environ.get("REMINDER_GRACE_MINUTES", 30))),
        "PUSH_THREADS": int(os.environ.get("PUSH_THREADS", 4)),
        "LOGIN_MAX_FAILURES": 5,
        "LOGIN_WINDOW": timedelta(minutes=15),
        "API_TITLE": "Unknot",
        "API_VERSION": "v1",
        "OPENAPI_VERSION": "3.0.3",
        "OPENAPI_URL_PREFIX": "/api/v1",
        "OPENAPI_JSON_PATH": "openapi.json",
    }
    cfg.update(overrides or {})
    if not cfg["SECRET_KEY"]:
        raise ConfigError(
            "No session key: set SECRET_KEY or run `flask --app api keys init` "
            f"to create {instance / 'secret_key'} (make run does this)."
        )
    return cfg
