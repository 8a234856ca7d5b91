"""The sync request and answer, and the export query."""

import marshmallow as ma
from marshmallow import validate as V

from api import fields
from api.errors import PayloadTooLarge
from api.sync.data import sane_time
from api.sync.registry import COLLECTIONS

MAX_CHANGES = 1000


class KnownCollection(V.Validator):
    """A collection of the registry; `choices` also lists them in the OpenAPI document."""

    @property
    def choices(self) -> list[str]:
        """The registry's collection names."""
        return list(COLLECTIONS)

    def __call__(self, name: str) -> str:
        if name not in self.choices:
            raise ma.ValidationError(f"Unknown collection. Use one of: {', '.join(self.choices)}.")
        return name


class ChangeSchema(ma.Schema):
    """One change as a device sends it; `data` is checked by its collection's schema."""

    collection = fields.String(required=True, validate=KnownCollection())
    id = ma.fields.UUID(required=True)
    op = fields.String(required=True, validate=V.OneOf(["upsert", "delete"]))
    updated_at = ma.fields.AwareDateTime(required=True, validate=sane_time)
    data = ma.fields.Dict(allow_none=True, load_default=None)

    class Meta:
        unknown = ma.RAISE


class SyncRequestSchema(ma.Schema):
    cursor = fields.Integer(
        allow_none=True, load_default=None, validate=V.Range(0, 2**63 - 1), strict=True
    )
    # Each change is checked on its own by the service, so one bad record is rejected
    # alone; here only the shape: a list of objects.
    changes = ma.fields.List(ma.fields.Dict(), load_default=list)
    limit = fields.Integer(load_default=500, validate=V.Range(1, MAX_CHANGES), strict=True)

    @ma.pre_load
    def _not_too_many(self, data, **kw):
        """More than MAX_CHANGES is refused whole, before any record is checked."""
        changes = data.get("changes") if isinstance(data, dict) else None
        if isinstance(changes, list) and len(changes) > MAX_CHANGES:
            raise PayloadTooLarge(
                f"Too many changes in one request: {len(changes)}. "
                f"Send at most {MAX_CHANGES} at a time.",
                {"changes": [f"At most {MAX_CHANGES} changes per request."]},
            )
        return data


class ChangeOutSchema(ma.Schema):
    collection = fields.String()
    id = fields.String()
    op = fields.String()
    updated_at = fields.String()
    data = ma.fields.Raw(allow_none=True)


class RejectionSchema(ma.Schema):
    id = ma.fields.Raw(allow_none=True)
    collection = ma.fields.Raw(allow_none=True)
    errors = ma.fields.Raw()


class SyncAnswerSchema(ma.Schema):
    accepted = ma.fields.List(ma.fields.Raw())
    rejected = ma.fields.List(ma.fields.Nested(RejectionSchema))
    cursor = fields.Integer()
    has_more = ma.fields.Boolean()
    changes = ma.fields.List(ma.fields.Nested(ChangeOutSchema))


class ExportQuerySchema(ma.Schema):
    format = fields.String(load_default="json", validate=V.OneOf(["json", "csv"]))
    collection = fields.String(
        load_default=None,
        validate=KnownCollection(),
        metadata={"description": "The collection of a CSV file: required when format is csv."},
    )

    @ma.validates_schema
    def _csv_needs_collection(self, data, **kw):
        if data["format"] == "csv" and not data.get("collection"):
            raise ma.ValidationError("Choose a collection for a CSV file.", "collection")
