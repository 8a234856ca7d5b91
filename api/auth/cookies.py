"""Flask's signed session cookie, with the cookies it has checked lately remembered.

A phone sends the same cookie with every request until it signs in again, and checking it
(the signature, then decoding its JSON) cost an empty sync about a tenth of its time. The
first time a cookie comes, it is checked exactly as Flask does; after that its exact text is
known: it verified, and what it holds and when it was signed cannot change. Its age is still
checked on every request, so a cookie past PERMANENT_SESSION_LIFETIME is refused as before.
A changed cookie, even by one character, is a different text and is checked in full.

Per app (each app has its own secret key), bounded, and holding only what the cookies hold: a
session token, which the database keeps only hashed (api/auth/sessions.py).
"""

import copy
import threading
import time

from flask import Flask, Request
from flask.sessions import SecureCookieSession, SecureCookieSessionInterface
from itsdangerous import BadSignature

# Cookies remembered per worker process (a few hundred bytes each); past this, the oldest goes.
REMEMBERED = 4096


class CheckedCookies(SecureCookieSessionInterface):
    """SecureCookieSessionInterface, checking each distinct cookie once."""

    def __init__(self):
        # (keys, cookie) -> (what it holds, when it was signed): good cookies only, so that
        # cookies made up by the thousand cannot push the good ones out.
        self._known: dict[tuple, tuple[dict, int]] = {}
        self._lock = threading.Lock()

    def open_session(self, app: Flask, request: Request) -> SecureCookieSession | None:
        if not app.secret_key:
            return None  # as Flask: no sessions without a key
        text = request.cookies.get(self.get_cookie_name(app))
        if not text:
            return self.session_class()
        # Remembered per signing key and older keys still accepted: a cookie signed with a key
        # taken out of SECRET_KEY_FALLBACKS is checked again (and refused).
        fallbacks = tuple(app.config.get("SECRET_KEY_FALLBACKS") or ())
        key = (app.secret_key, fallbacks, text)
        known = self._known.get(key)
        if known is None:
            try:
                data, signed = self.get_signing_serializer(app).loads(text, return_timestamp=True)
            except BadSignature:
                return self.session_class()
            known = (data, int(signed.timestamp()))
            self._remember(key, known)
        data, signed_at = known
        # In whole seconds, as itsdangerous's max_age check that Flask asks for.
        age = int(time.time()) - signed_at
        if not 0 <= age <= int(app.permanent_session_lifetime.total_seconds()):
            return self.session_class()  # too old (or from the future)
        # A copy: the request may change its session, the remembered one must not change.
        return self.session_class(copy.deepcopy(data))

    def _remember(self, key: tuple, known: tuple[dict, int]) -> None:
        with self._lock:
            if len(self._known) >= REMEMBERED:
                del self._known[next(iter(self._known))]  # the oldest
            self._known[key] = known
