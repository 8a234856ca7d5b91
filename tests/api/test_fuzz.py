"""Schemathesis against the OpenAPI document, signed out and signed in: no request gets a 5xx,
and a request the document calls valid is accepted."""

import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from tests.conftest import AuthActions, make_app

# About 10 s per run on one core: a bound that still reaches every operation with its
# boundary values (the coverage phase) and a few random bodies (the fuzzing phase).
CONFIG = schemathesis.Config.from_dict(
    {
        "generation": {"max-examples": 10, "deterministic": True},
        "checks": {
            "enabled": False,
            "not_a_server_error": {"enabled": True},
            "positive_data_acceptance": {"enabled": True},
        },
        "operations": [
            {
                # A subscription's key must be a real P-256 point and its host one of the push
                # services (api/push/addresses.py): rules JSON Schema cannot state, so push
                # operations are held only to "no 5xx" (their own tests cover the rules).
                "include-path-regex": "/push/",
                "checks": {"positive_data_acceptance": {"enabled": False}},
            },
            {
                # A new password must also be hard to guess (zxcvbn): a rule JSON Schema cannot
                # state (the field's description says it), so a valid-looking one may be a 422.
                "include-path-regex": "/(auth/register|auth/reset|me/password)$",
                "checks": {
                    "positive_data_acceptance": {"expected-statuses": ["2xx", 401, 409, 422, 429]}
                },
            },
            {
                # format=csv needs a collection: a rule between two parameters that
                # OpenAPI 3.0 cannot state (the parameter's description says it).
                "include-path": "/api/v1/export",
                "checks": {"positive_data_acceptance": {"expected-statuses": ["2xx", 401, 422]}},
            },
        ],
    }
)
# The coverage phase tries every value of an enum, and each sign-up hashes a password:
# three of the ~600 timezones keep the run bounded.
ZONES = ["UTC", "Europe/Berlin", "America/St_Johns"]
FUZZ = settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)


def _document() -> dict:
    """The app's OpenAPI document, with the timezone list cut to a few names."""
    instance = Path(tempfile.mkdtemp())
    app = make_app(f"sqlite:///{instance / 'unused.sqlite3'}", instance)
    doc = app.test_client().get("/api/v1/openapi.json").json
    for schema in doc["components"]["schemas"].values():
        zone = schema.get("properties", {}).get("timezone")
        if zone and "enum" in zone:
            zone["enum"] = ZONES
    return doc


schema = schemathesis.openapi.from_dict(_document(), config=CONFIG)


@schema.parametrize()
@FUZZ
def test_no_5xx_signed_out(case, app):
    case.call_and_validate(app=app)


@pytest.fixture
def session_cookie(client):
    """A signed-in person's cookie, sent with every generated request."""
    assert AuthActions(client).register().status_code == 201
    return {"Cookie": f"unknot_session={client.get_cookie('unknot_session').value}"}


# Signing out would end the session the rest of the run signs in with.
@schema.exclude(path="/api/v1/auth/logout").parametrize()
@FUZZ
def test_no_5xx_signed_in(case, app, session_cookie):
    case.call_and_validate(app=app, headers=session_cookie)
