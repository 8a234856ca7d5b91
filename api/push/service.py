"""Push subscriptions: one per browser, owned by the person signed in on it."""

from flask import current_app
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from api.extensions import db
from api.models import AuthSession, PushSubscription, User
from api.models.types import utcnow
from api.push import vapid

# Older subscriptions beyond this many per person are dropped (devices long gone).
MAX_SUBSCRIPTIONS = 20


def vapid_public_key() -> str:
    """The applicationServerKey browsers subscribe with."""
    return vapid.public_key(current_app.config)


def _unpadded(text: str) -> str:
    return text.rstrip("=")


def subscribe(signed_in: AuthSession, endpoint: str, p256dh: str, auth: str) -> PushSubscription:
    """Save a browser's subscription, tied to the sign-in on it (it ends with that sign-in);
    an endpoint known under another person moves to this one."""
    try:
        return _subscribe(signed_in, endpoint, p256dh, auth)
    except IntegrityError:
        # The same browser posted twice at once and the other request inserted first.
        db.session.rollback()
        return _subscribe(signed_in, endpoint, p256dh, auth)


def _subscribe(signed_in: AuthSession, endpoint: str, p256dh: str, auth: str) -> PushSubscription:
    user = signed_in.user
    sub = db.session.scalar(
        select(PushSubscription).where(PushSubscription.endpoint == endpoint).with_for_update()
    )
    if sub is None:
        sub = PushSubscription(endpoint=endpoint, user_id=user.id, created_at=utcnow())
        db.session.add(sub)
    elif sub.user_id != user.id:
        # The browser is the authority: whoever signed in on it last gets its notifications.
        sub.user_id = user.id
        sub.created_at = utcnow()
    sub.session_id = signed_in.id
    sub.p256dh = _unpadded(p256dh)
    sub.auth = _unpadded(auth)
    db.session.flush()
    _drop_oldest(user)
    db.session.commit()
    return sub


def _drop_oldest(user: User) -> None:
    keep = select(PushSubscription.id).where(PushSubscription.user_id == user.id)
    keep = keep.order_by(PushSubscription.created_at.desc(), PushSubscription.id.desc())
    keep_ids = db.session.scalars(keep.limit(MAX_SUBSCRIPTIONS)).all()
    db.session.execute(
        delete(PushSubscription).where(
            PushSubscription.user_id == user.id, PushSubscription.id.not_in(keep_ids)
        )
    )


def unsubscribe(user: User, endpoint: str) -> None:
    """Forget this person's subscription for an endpoint (nothing happens if it is not theirs)."""
    db.session.execute(
        delete(PushSubscription).where(
            PushSubscription.user_id == user.id, PushSubscription.endpoint == endpoint
        )
    )
    db.session.commit()


def known(user: User, endpoint: str) -> bool:
    """True when pushes for this person go to this endpoint (it may be gone after failures,
    or with a sign-in that ended)."""
    found = select(PushSubscription.id).where(
        PushSubscription.user_id == user.id, PushSubscription.endpoint == endpoint
    )
    return db.session.scalar(found) is not None
