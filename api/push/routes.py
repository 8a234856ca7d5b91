"""Push subscriptions and the VAPID public key."""

from flask_smorest import Blueprint

from api.auth import sessions
from api.auth.service import current_user
from api.push import service
from api.push.schemas import (
    EndpointSchema,
    KnownSchema,
    SubscriptionOut,
    SubscriptionSchema,
    VapidKeySchema,
)

blp = Blueprint("push", __name__, url_prefix="/api/v1/push", description="Web Push")


@blp.get("/vapid-public-key")
@blp.response(200, VapidKeySchema)
def vapid_public_key():
    """The key to pass to pushManager.subscribe() as applicationServerKey"""
    return {"key": service.vapid_public_key()}


@blp.post("/subscriptions")
@blp.arguments(SubscriptionSchema)
@blp.response(201, SubscriptionOut)
def subscribe(args):
    """Save this browser's push subscription"""
    keys = args["keys"]
    signed_in = sessions.current()
    return service.subscribe(signed_in, args["endpoint"], keys["p256dh"], keys["auth"])


@blp.post("/subscriptions/check")
@blp.arguments(EndpointSchema)
@blp.response(200, KnownSchema)
def check(args):
    """Whether the server holds this browser's subscription for the person signed in"""
    return {"known": service.known(current_user(), args["endpoint"])}


@blp.delete("/subscriptions")
@blp.arguments(EndpointSchema)
@blp.response(204)
def unsubscribe(args):
    """Stop push to this browser (sign-out)"""
    service.unsubscribe(current_user(), args["endpoint"])
