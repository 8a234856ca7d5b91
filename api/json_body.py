"""JSON request bodies: parsed before any view, and refused with a 400 if no view could use them.

Python's json module raises RecursionError on deep nesting and ValueError on integer literals
past sys.get_int_max_str_digits(); either would be a 500 inside a view's argument parsing. The
body is parsed here first, with limits far above anything the app sends, so a view only ever
sees a body that parses.
"""

import json

from flask import Flask, Request, request
from flask.json.provider import DefaultJSONProvider

from api.errors import BadRequest

# The deepest body the app sends is a sync change's activity steps: 5 levels.
MAX_DEPTH = 32
# Longer than any number a field accepts (the sync cursor is below 2**63, 19 digits).
MAX_DIGITS = 40


class BadJSON(ValueError):
    """A body that is JSON-like but not one the app accepts (Flask turns ValueError into a 400)."""


def _parse_int(literal: str) -> int:
    if len(literal.lstrip("-")) > MAX_DIGITS:
        raise BadJSON(f"A number has more than {MAX_DIGITS} digits.")
    return int(literal)


def _refuse_constant(name: str):
    raise BadJSON(f"{name} is not a JSON number.")


def _check_depth(value) -> None:
    """Refuse nesting deeper than MAX_DEPTH, walking with a list rather than recursion."""
    stack = [(value, 1)]
    while stack:
        node, depth = stack.pop()
        children = node.values() if isinstance(node, dict) else node
        for child in children:
            if isinstance(child, dict | list):
                if depth >= MAX_DEPTH:
                    raise BadJSON(f"The JSON is nested more than {MAX_DEPTH} levels deep.")
                stack.append((child, depth + 1))


class JSONProvider(DefaultJSONProvider):
    """Flask's JSON, with loads() limited in nesting and number length."""

    def loads(self, s, **kwargs):
        """Parse JSON, raising BadJSON (a ValueError) for what no view accepts."""
        kwargs.setdefault("parse_int", _parse_int)
        kwargs.setdefault("parse_constant", _refuse_constant)
        try:
            value = json.loads(s, **kwargs)
        except RecursionError:
            raise BadJSON(f"The JSON is nested more than {MAX_DEPTH} levels deep.") from None
        if isinstance(value, dict | list):
            _check_depth(value)
        return value


class JSONRequest(Request):
    """A request whose unreadable JSON body is a 400 in the API's error shape."""

    def on_json_loading_failed(self, e: ValueError | None):
        """Say what is wrong with the body, in the shape every other error has."""
        if e is None:  # not sent as JSON: Flask's own 415
            return super().on_json_loading_failed(e)
        reason = str(e) if isinstance(e, BadJSON) else "The body is not valid JSON."
        raise BadRequest(reason, {"json": [reason]}) from None


def has_body() -> bool:
    """Whether the request carries a body (a length, or chunks of unknown length)."""
    return (request.content_length or 0) > 0 or bool(request.headers.get("Transfer-Encoding"))


def parse_body() -> None:
    """Parse a JSON body before the view does, so a bad one is a 400 here."""
    if has_body() and request.is_json:
        request.get_json()


def register(app: Flask) -> None:
    """Use the limited parser for every request; check bodies before any view runs."""
    app.json = JSONProvider(app)
    app.request_class = JSONRequest
    app.before_request(parse_body)
