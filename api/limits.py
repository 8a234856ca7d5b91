"""A request body over MAX_CONTENT_LENGTH: refused with 413, on a connection that stays usable.

Werkzeug refuses such a body without reading it. The server would then find the unread bytes where
the next request should start on the kept-alive connection, and drop the connection: the client,
still sending, sees a reset instead of the 413 (a browser reports no connection at all, so a sync
client could not even tell that its batch was too big). Reading the rest of the body and dropping
it keeps the connection in step.
"""

from flask import current_app, request
from werkzeug.exceptions import RequestEntityTooLarge

from api.errors import PayloadTooLarge, to_response

# Past this, reading on is not worth it: the connection is given up instead.
DRAIN_AT_MOST = 32 * 1024 * 1024
PIECE = 64 * 1024


def drain(stream, at_most: int = DRAIN_AT_MOST) -> bool:
    """Read and drop what is left of a request body; True when it all came."""
    while at_most > 0:
        piece = stream.read(min(PIECE, at_most))
        if not piece:
            return True
        at_most -= len(piece)
    return False


def too_large(_error: RequestEntityTooLarge):
    """The 413 in the error shape, once the body is out of the way."""
    if (request.content_length or 0) <= DRAIN_AT_MOST:
        drain(request.environ["wsgi.input"])
    limit = current_app.config["MAX_CONTENT_LENGTH"]
    return to_response(PayloadTooLarge(f"Too large: send at most {limit:,} bytes at a time."))


def register(app) -> None:
    """Answer oversized bodies with a 413 the client can read."""
    app.register_error_handler(RequestEntityTooLarge, too_large)
