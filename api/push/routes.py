"""Push subscriptions and the VAPID public key."""

from flask_smorest import Blueprint

blp = Blueprint("push", __name__, url_prefix="/api/v1/push", description="Web Push")
