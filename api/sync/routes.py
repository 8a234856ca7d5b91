"""The sync endpoint and the export."""

from flask import Response, jsonify
from flask_smorest import Blueprint

from api.auth import sessions
from api.auth.service import current_user
from api.sync import export, service
from api.sync.schemas import ExportQuerySchema, SyncAnswerSchema, SyncRequestSchema

blp = Blueprint("sync", __name__, url_prefix="/api/v1", description="Sync and export")


@blp.post("/sync")
# An instance, made once: given the class, webargs would build a schema on every request.
@blp.arguments(SyncRequestSchema())
@blp.response(200, SyncAnswerSchema)
@blp.alt_response(413, description="More than 1,000 changes, or a body over 4 MiB")
def sync(args):
    """Push changes and pull what changed after the cursor"""
    # The service builds the answer in SyncAnswerSchema's shape already (tests/api/test_sync.py
    # holds them together): sent as it is, rather than copied field by field by the schema,
    # which cost as much as the rest of a large pull.
    # Who: one read of the session and the person's row, outside any transaction, which is all
    # a sync needs of them; most syncs (one a minute while the app is open) carry nothing and
    # are current, and that read is their whole cost. When the session has more to do (its
    # "last seen" due, or it must end), the full path.
    return jsonify(service.sync(sessions.glance() or current_user(), **args))


@blp.get("/export")
@blp.arguments(ExportQuerySchema, location="query")
@blp.response(200, description="JSON keyed by collection, or one collection as CSV")
def export_data(args):
    """Download all of your data"""
    user = current_user()
    if args["format"] == "csv":
        name, chunks = export.as_csv(user, args["collection"])
        mimetype = "text/csv"
    else:
        name, chunks = export.as_json(user)
        mimetype = "application/json"
    size, body = export.spooled(chunks)
    return Response(
        body,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="{name}"', "Content-Length": size},
    )
