"""Marshmallow field types for everything the API reads: values both databases store alike.

Each field says in the OpenAPI document what it refuses (a pattern, a description), so that an
example built from the document is one the API accepts.
"""

import marshmallow as ma
from marshmallow.validate import OneOf

from api.day import timezone_names

# JSON Schema (ECMA-262) for "no NUL character"; lone surrogates cannot travel as UTF-8 at all.
NO_NUL = "^[^\\u0000]*$"


def text_problem(value: str) -> str | None:
    """Why a string cannot be stored (a NUL or a lone surrogate), or None."""
    if "\x00" in value:
        return "Text cannot contain a NUL character."
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "Text is not valid Unicode."
    return None


def _has_pattern(field: ma.fields.Field) -> bool:
    return any(isinstance(v, ma.validate.Regexp) for v in field.validators)


# Messages a person reads (under a field, or in the list of records the server refused):
# marshmallow's defaults ("Length must be between 1 and 200.") are written for developers.
REQUIRED = {"required": "Fill this in.", "null": "Fill this in."}


class TextLength(ma.validate.Length):
    """A text's length, refused in plain words."""

    def __call__(self, value):
        n = len(value)
        if self.min and n < self.min:
            raise ma.ValidationError(
                "Fill this in." if self.min == 1 else f"Use at least {self.min} characters."
            )
        if self.max is not None and n > self.max:
            raise ma.ValidationError(f"Too long: at most {self.max:,} characters (this has {n:,}).")
        return value


class NumberRange(ma.validate.Range):
    """A number's bounds, refused in plain words."""

    def __call__(self, value):
        span = f"use a number from {self.min:,} to {self.max:,}"
        if value < self.min:
            if self.min == 0:
                raise ma.ValidationError(f"This cannot be negative: {span}.")
            raise ma.ValidationError(f"Too low: {span}.")
        if value > self.max:
            raise ma.ValidationError(f"Too high: {span}.")
        return value


def _plain_length(v):
    """marshmallow's Length on a text, unless it has its own message, made TextLength."""
    plain = type(v) is ma.validate.Length and v.error is None and v.equal is None
    return TextLength(v.min, v.max) if plain else v


def _plain_range(v):
    """marshmallow's Range with both bounds, unless it has its own message, made NumberRange."""
    plain = type(v) is ma.validate.Range and v.error is None and None not in (v.min, v.max)
    return NumberRange(v.min, v.max) if plain else v


class String(ma.fields.String):
    """A string without NUL characters or lone surrogates (PostgreSQL refuses the first,
    UTF-8 cannot encode the second, and a password hash or a query would fail on either)."""

    describe_pattern = True
    default_error_messages = REQUIRED

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [_plain_length(v) for v in self.validators]
        # A field with its own pattern (HH:MM) already excludes NUL; JSON Schema takes one pattern.
        if self.describe_pattern and not _has_pattern(self):
            self.metadata = {"pattern": NO_NUL, **self.metadata}

    def _deserialize(self, value, attr, data, **kwargs) -> str:
        text = super()._deserialize(value, attr, data, **kwargs)
        problem = text_problem(text)
        if problem:
            raise ma.ValidationError(problem)
        return text


class Email(String, ma.fields.Email):
    """An email address, with String's refusals."""

    describe_pattern = False  # "format: email" already excludes NUL
    default_error_messages = {"invalid": "This does not look like an email address."}


class Integer(ma.fields.Integer):
    """A whole number: 5.0 is 5, but 5.5 is refused rather than cut to 5."""

    default_error_messages = {**REQUIRED, "invalid": "Use a whole number."}

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [_plain_range(v) for v in self.validators]

    def _validated(self, value):
        if isinstance(value, float) and not value.is_integer():
            raise self.make_error("invalid", input=value)
        return super()._validated(value)


class Float(ma.fields.Float):
    """A finite number, with -0.0 stored as 0.0 (SQLite keeps 0.0, PostgreSQL would keep -0.0)."""

    default_error_messages = {**REQUIRED, "invalid": "Use a number.", "special": "Use a number."}

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.validators = [_plain_range(v) for v in self.validators]

    def _validated(self, value):
        number = super()._validated(value)
        return number + 0.0  # -0.0 + 0.0 == 0.0; every other number is unchanged


UNKNOWN_ZONE = "Unknown timezone: use an IANA name such as Europe/Berlin."
FIRST_YEAR, LAST_YEAR = 1900, 2200


class Day(ma.fields.Date):
    """A calendar day in a sane window: year 1 or 9999 is a typo, and overflows day arithmetic."""

    def __init__(self, **kwargs):
        kwargs.setdefault("metadata", {}).setdefault(
            "description", f"A day between the years {FIRST_YEAR} and {LAST_YEAR}."
        )
        super().__init__(**kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        day = super()._deserialize(value, attr, data, **kwargs)
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise ma.ValidationError(f"Use a day between the years {FIRST_YEAR} and {LAST_YEAR}.")
        return day


class Timezone(String):
    """An IANA timezone name this server knows, listed in the OpenAPI document."""

    describe_pattern = False  # the enum already excludes NUL

    def __init__(self, **kwargs):
        names = sorted(timezone_names())
        kwargs.setdefault("metadata", {}).setdefault("enum", names)
        super().__init__(validate=OneOf(names, error=UNKNOWN_ZONE), **kwargs)
