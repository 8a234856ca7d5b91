"""Hostile input to every JSON endpoint: a clear 4xx in the error shape, never a 500."""

import pytest

from api.json_body import MAX_DEPTH
from tests.factories import change, sync

DEEP_ARRAY = "[" * 10_000 + "]" * 10_000
DEEP_OBJECT = '{"a":' * 10_000 + "1" + "}" * 10_000
LONG_INTEGER = "1" * 5_000
SURROGATE = "\\ud800"  # as it travels in a JSON string: valid JSON, not valid Unicode

# Every endpoint that reads a JSON body (push subscriptions have their own tests).
JSON_ENDPOINTS = [
    ("post", "/api/v1/auth/register"),
    ("post", "/api/v1/auth/login"),
    ("patch", "/api/v1/me"),
    ("delete", "/api/v1/me"),
    ("post", "/api/v1/sync"),
    ("post", "/api/v1/reminders/00000000-0000-0000-0000-000000000000/snooze"),
]


def send(client, method: str, path: str, body: str):
    """Send a raw JSON text, as a hostile client would."""
    return getattr(client, method)(path, data=body, content_type="application/json")


def assert_error_shape(res, code: int) -> None:
    assert res.status_code == code, res.text
    assert res.json["code"] == code
    assert res.json["status"] and res.json["message"]


@pytest.mark.parametrize("body", [DEEP_ARRAY, DEEP_OBJECT], ids=["array", "object"])
@pytest.mark.parametrize(("method", "path"), JSON_ENDPOINTS)
def test_deeply_nested_json_is_a_400(device, method, path, body):
    res = send(device, method, path, body)
    assert_error_shape(res, 400)
    assert res.json["errors"] == {
        "json": [f"The JSON is nested more than {MAX_DEPTH} levels deep."]
    }


def test_deep_json_is_refused_before_sign_in_too(client):
    res = send(client, "post", "/api/v1/auth/login", DEEP_OBJECT)
    assert_error_shape(res, 400)


def test_nesting_the_app_uses_still_passes(device):
    """A sync with activity steps (5 levels) is well inside the limit."""
    activity = change("activities")
    assert sync(device, [activity])["accepted"] == [activity["id"]]


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/auth/login", f'{{"email": "ana@example.org", "password": {LONG_INTEGER}}}'),
        ("/api/v1/auth/register", f'{{"email": "b@example.org", "password": {LONG_INTEGER}}}'),
        ("/api/v1/sync", f'{{"cursor": {LONG_INTEGER}, "changes": []}}'),
        ("/api/v1/sync", f'{{"cursor": -{LONG_INTEGER}, "changes": []}}'),
    ],
)
def test_an_integer_of_5000_digits_is_a_400(device, path, body):
    res = send(device, "post", path, body)
    assert_error_shape(res, 400)
    assert res.json["message"] == "A number has more than 40 digits."


def test_nan_is_not_json(device):
    res = send(device, "post", "/api/v1/sync", '{"cursor": NaN, "changes": []}')
    assert_error_shape(res, 400)


def test_a_lone_surrogate_in_a_sign_up_password_is_a_422(client):
    body = f'{{"email": "ana@example.org", "password": "long enough {SURROGATE}"}}'
    res = send(client, "post", "/api/v1/auth/register", body)
    assert_error_shape(res, 422)
    assert res.json["errors"]["json"] == {"password": ["Text is not valid Unicode."]}


def test_a_lone_surrogate_in_a_sign_in_password_is_a_422(device):
    """The account exists, so the password would reach the hash check."""
    body = f'{{"email": "ana@example.org", "password": "correct horse{SURROGATE}"}}'
    res = send(device, "post", "/api/v1/auth/login", body)
    assert_error_shape(res, 422)
    assert res.json["errors"]["json"] == {"password": ["Text is not valid Unicode."]}


def test_a_lone_surrogate_in_the_deletion_password_is_a_422(device):
    res = send(device, "delete", "/api/v1/me", f'{{"password": "correct horse{SURROGATE}"}}')
    assert_error_shape(res, 422)
    assert res.json["errors"]["json"] == {"password": ["Text is not valid Unicode."]}
    assert device.get("/api/v1/me").status_code == 200  # the account is still there


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("ana\\u0000@example.org", "Text cannot contain a NUL character."),
        (f"ana{SURROGATE}@example.org", "Text is not valid Unicode."),
    ],
    ids=["nul", "surrogate"],
)
def test_a_bad_character_in_a_sign_in_email_is_a_422(device, email, message):
    res = send(device, "post", "/api/v1/auth/login", f'{{"email": "{email}", "password": "x"}}')
    assert_error_shape(res, 422)
    assert res.json["errors"]["json"] == {"email": [message]}


def test_a_nul_in_a_sign_up_email_is_a_422(client):
    body = '{"email": "ana\\u0000@example.org", "password": "correct horse"}'
    res = send(client, "post", "/api/v1/auth/register", body)
    assert_error_shape(res, 422)
    assert "email" in res.json["errors"]["json"]


def test_the_openapi_document_describes_what_the_fields_refuse(client):
    """So that a request built from the document is one the API accepts."""
    doc = client.get("/api/v1/openapi.json").json
    schemas = doc["components"]["schemas"]
    assert schemas["Login"]["properties"]["password"]["pattern"] == "^[^\\u0000]*$"
    assert schemas["Login"]["properties"]["email"]["pattern"] == "^[^\\u0000]*$"
    zones = schemas["Register"]["properties"]["timezone"]["enum"]
    assert "Europe/Berlin" in zones and "Mars/Olympus" not in zones
    (collection,) = [
        p for p in doc["paths"]["/api/v1/export"]["get"]["parameters"] if p["name"] == "collection"
    ]
    assert collection["schema"]["enum"][:3] == ["cramps", "knots", "weakness"]
    assert "required when format is csv" in collection["description"]
