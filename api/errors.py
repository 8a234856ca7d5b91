"""Domain errors raised by services; create_app maps them to flask-smorest's JSON shape."""

from http import HTTPStatus


class ApiError(Exception):
    """A request the service refuses; `errors` maps fields to messages."""

    status = 400

    def __init__(self, message: str, errors: dict | None = None, headers: dict | None = None):
        super().__init__(message)
        self.message = message
        self.errors = errors
        self.headers = headers or {}


class BadRequest(ApiError):
    status = 400


class Unauthorized(ApiError):
    status = 401


class Forbidden(ApiError):
    status = 403


class NotFound(ApiError):
    status = 404


class Conflict(ApiError):
    status = 409


class PayloadTooLarge(ApiError):
    status = 413


class UnsupportedMediaType(ApiError):
    status = 415


class Invalid(ApiError):
    status = 422


class TooManyRequests(ApiError):
    status = 429


def to_response(err: ApiError):
    """The flask-smorest error payload for a domain error."""
    payload = {"code": err.status, "status": HTTPStatus(err.status).phrase, "message": err.message}
    if err.errors is not None:
        payload["errors"] = err.errors
    return payload, err.status, err.headers


def register(app) -> None:
    """Map domain errors to JSON responses."""
    app.register_error_handler(ApiError, to_response)
