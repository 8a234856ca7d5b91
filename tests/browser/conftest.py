"""Browser tests: ONE live server and ONE Chromium (Debian's) for the whole test session.

Fixtures for any tests/browser/test_*.py (what they rely on in Chromium here is noted beside
each fixture):

- ``live_server``: the app on 127.0.0.1 in a background thread. ``.url`` ("http://127.0.0.1:PORT"),
  ``.app`` (the Flask app, for ``with live_server.app.app_context():``), ``.pwa_dir`` (a copy of
  pwa/ made for this session: it is what the server serves, so a test may change a file in it,
  e.g. to test the update flow, and must restore it). ``.api_log.entries``: every /api/ request
  the server got, as {method, path, json}, from pages and service workers alike.
- ``pw``: the session's one ``sync_playwright()``; ``browser``: Chromium launched once.
- ``context`` / ``page``: a fresh incognito context (360x640, touch) and a page in it, per test.
  ``context.requests`` lists every URL requested; ``page.errors`` lists uncaught page errors.
- ``new_context()``: a factory for more incognito contexts (a second device), closed at teardown.
- ``persistent_context(name="profile", offline=False)``: a factory for a persistent profile
  (installability, push, true cold starts): call again with the same name to reopen the profile.
- ``open_app(page, path="/")``: go to a screen, wait until it is mounted and the worker controls
  the page.
- ``wait_for(page, js, timeout=20)``: poll a JS expression or (async) function until truthy
  (``page.wait_for_function`` does not await promises).
- ``synced(page, wait_for)`` (a function to import): wait until the outbox is empty and the header
  says Synced; ``PENDING`` is the JS that counts the outbox.
- ``chip(page, group, value)`` (a function to import): a word chip of the group; a place field
  (where, which muscle) is switched to "Show as a list" first.
- ``APP_ROUTES`` (to import): every path of pwa/router.js's ROUTES, read from that file.
- ``signed_up(page, path="/", offline=False)``: sign a new person up through the app's form, open
  a screen under the worker, wait until synced, and go offline if asked; returns the email.
- ``store_call(page, fn, *args)``: call a pwa/store.js export in the page, e.g.
  ``store_call(page, "save", "intakes", {...})`` or ``store_call(page, "list", "intakes")``.
- ``accounts``: ``accounts.email()`` a new unique address; ``accounts.register(context)`` signs a
  context up through the API (cookies only: the app does not know); ``accounts.sign_in_ui(page,
  email, mode="signup"|"signin")`` through the app's own form (the app then syncs).
- ``server_rows(collection, email, deleted=False)``: the server's rows of that person (dicts).

Trap: the pages run under the app's strict CSP, which forbids eval: give
``page.wait_for_function`` an arrow function ("() => ..."), not a bare expression.
"""

import io
import json
import re
import shutil
import threading
import time
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright
from sqlalchemy import select
from werkzeug.serving import make_server

from api.extensions import db
from bench.browser import CHROMIUM, FLAGS, PHONE
from tests.conftest import make_app

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct horse battery"


def app_routes():
    """The paths of pwa/router.js's ROUTES, in order: the one list of the app's screens."""
    text = (ROOT / "pwa" / "router.js").read_text()
    block = text[text.index("export const ROUTES = {") : text.index("\n};", text.index("ROUTES"))]
    return re.findall(r'^\s*"(/[^"]*)":', block, re.M)


APP_ROUTES = app_routes()


class ApiLog:
    """WSGI middleware noting every /api/ request (method, path, JSON body) the server gets,
    from pages and service workers alike (Playwright does not report a worker's requests)."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app
        self.entries = []

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path.startswith("/api/"):
            size = int(environ.get("CONTENT_LENGTH") or 0)
            raw = environ["wsgi.input"].read(size) if size else b""
            environ["wsgi.input"] = io.BytesIO(raw)
            try:
                body = json.loads(raw) if raw else None
            except ValueError:
                body = None
            self.entries.append({"method": environ["REQUEST_METHOD"], "path": path, "json": body})
        return self.wsgi_app(environ, start_response)


class LiveServer:
    """The app served by werkzeug in a daemon thread."""

    def __init__(self, app, pwa_dir: Path):
        self.app = app
        self.pwa_dir = pwa_dir
        self.api_log = ApiLog(app.wsgi_app)
        app.wsgi_app = self.api_log
        self.server = make_server("127.0.0.1", 0, app, threaded=True)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def stop(self):
        self.server.shutdown()
        self.thread.join(5)


@pytest.fixture(scope="session")
def live_server(database_url, instance_dir, _schema, tmp_path_factory):
    pwa_dir = tmp_path_factory.mktemp("served") / "pwa"
    shutil.copytree(ROOT / "pwa", pwa_dir)
    # Every test signs up from 127.0.0.1 on one server: lift the per-address sign-up limit.
    app = make_app(database_url, instance_dir, PWA_DIR=str(pwa_dir), REGISTER_LIMIT=100_000)
    server = LiveServer(app, pwa_dir)
    yield server
    server.stop()
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(scope="session")
def pw():
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(pw):
    browser = pw.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
    yield browser
    browser.close()


def _watch(context):
    context.requests = []
    context.on("request", lambda request: context.requests.append(request.url))
    return context


def _watch_page(page):
    page.errors = []
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    return page


@pytest.fixture
def new_context(browser, live_server):
    made = []

    def make(**options):
        ctx = _watch(browser.new_context(base_url=live_server.url, **{**PHONE, **options}))
        ctx.on("page", _watch_page)
        made.append(ctx)
        return ctx

    yield make
    for ctx in made:
        ctx.close()


@pytest.fixture
def context(new_context):
    return new_context()


@pytest.fixture
def page(context):
    return context.new_page()


@pytest.fixture
def persistent_context(pw, live_server, tmp_path):
    opened = []

    def launch(name="profile", offline=False, **options):
        ctx = pw.chromium.launch_persistent_context(
            str(tmp_path / name),
            executable_path=CHROMIUM,
            args=FLAGS,
            base_url=live_server.url,
            offline=offline,
            **{**PHONE, **options},
        )
        _watch(ctx)
        ctx.on("page", _watch_page)
        for p in ctx.pages:
            _watch_page(p)
        opened.append(ctx)
        return ctx

    yield launch
    for ctx in opened:
        try:
            ctx.close()
        except Exception:  # closed by the test already
            pass


def wait_for(page, expression, timeout=20.0, interval=0.05, arg=None):
    """Poll a JS expression or (async) function in the page until it returns something truthy."""
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(expression, arg)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(
                f"Timed out after {timeout}s waiting for {expression!r} ({value!r})"
            )
        time.sleep(interval)


@pytest.fixture(name="wait_for")
def wait_for_fixture():
    return wait_for


def open_app(page, path="/", controlled=True):
    """Go to a screen and wait until it is mounted (and the worker controls the page)."""
    page.goto(path)
    page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
    if not controlled:
        return page
    deadline = time.monotonic() + 30
    while not page.evaluate("() => navigator.serviceWorker.controller !== null"):
        state = page.evaluate(WORKER_STATE)
        if time.monotonic() > deadline:
            raise AssertionError(f"The worker does not control {path}: {state}")
        if isinstance(state, dict) and state["active"] == "activated":
            # clients.claim() can miss a page whose navigation began just before the worker
            # activated; the next load is controlled, as it would be for a person.
            page.reload()
            page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
        time.sleep(0.2)
    return page


WORKER_STATE = """async () => {
  const r = await navigator.serviceWorker.getRegistration();
  const s = (w) => w && w.state;
  return r ? {active: s(r.active), waiting: s(r.waiting), installing: s(r.installing),
              caches: await caches.keys()} : 'no registration';
}"""


@pytest.fixture(name="open_app")
def open_app_fixture():
    return open_app


PENDING = "async () => (await import('/store.js')).pendingCount()"


def chip(page, group, value):
    """A word chip; a place (where, which muscle) is on the body map until "Show as a list"."""
    if group in ("location", "muscle", "body_area"):
        toggle = page.locator(f"[data-place='{group}'] [data-action=place-list]")
        if toggle.inner_text() == "Show as a list":  # waits for a map loaded later (/cramp)
            toggle.click()
    return page.locator(f"[data-chips='{group}'] .chip[data-value='{value}']")


def synced(page, wait_for, timeout=15):
    """Wait until the outbox is empty and the header says so."""
    wait_for(page, f"async () => (await ({PENDING})()) === 0", timeout=timeout)
    wait_for(page, "() => document.getElementById('sync-status').textContent.startsWith('Synced')")


def store_call(page, fn, *args):
    """Call an export of pwa/store.js inside the page and return its result."""
    return page.evaluate(
        "async ([fn, args]) => { const s = await import('/store.js'); return s[fn](...args); }",
        [fn, list(args)],
    )


@pytest.fixture(name="store_call")
def store_call_fixture():
    return store_call


class Accounts:
    """Make people: through the API (cookies only) or through the app's own form."""

    password = PASSWORD

    def __init__(self, base_url):
        self.base_url = base_url

    @staticmethod
    def email():
        return f"p{uuid.uuid4().hex[:12]}@example.org"

    def register(self, context, email=None, password=PASSWORD, timezone="Europe/Berlin"):
        email = email or self.email()
        res = context.request.post(
            self.base_url + "/api/v1/auth/register",
            data={"email": email, "password": password, "timezone": timezone},
        )
        assert res.status == 201, res.text()
        return email

    def sign_in_ui(self, page, email=None, mode="signup", password=PASSWORD):
        """Fill the app's sign-up (or sign-in) form and wait for Today."""
        email = email or self.email()
        page.goto("/signin?mode=signup" if mode == "signup" else "/signin")
        page.wait_for_function("() => document.documentElement.dataset.screen === 'signin'")
        page.fill("#f-email", email)
        page.fill("#f-password", password)
        page.click("form button[type=submit]")
        page.wait_for_function(
            "() => document.documentElement.dataset.screen === 'today'", timeout=15000
        )
        return email


@pytest.fixture
def accounts(live_server):
    return Accounts(live_server.url)


@pytest.fixture
def server_rows(live_server):
    """The server's rows of one person in one collection, as dicts (tombstones if deleted)."""
    from api.models import User
    from api.sync.registry import COLLECTIONS

    def rows(collection, email, deleted=False):
        model = COLLECTIONS[collection].model
        with live_server.app.app_context():
            user = db.session.scalar(select(User).where(User.email == email))
            if user is None:
                return []
            query = select(model).where(model.user_id == user.id)
            query = query.where(
                model.deleted_at.is_not(None) if deleted else model.deleted_at.is_(None)
            )
            found = [
                {c.name: getattr(r, c.name) for c in model.__table__.columns}
                for r in db.session.scalars(query)
            ]
            db.session.remove()
            return found

    return rows


@pytest.fixture
def push_endpoints(live_server):
    """The endpoints of one person's push subscriptions on the server."""
    from api.models import PushSubscription, User

    def endpoints(email):
        with live_server.app.app_context():
            user = db.session.scalar(select(User).where(User.email == email))
            found = db.session.scalars(
                select(PushSubscription.endpoint).where(PushSubscription.user_id == user.id)
            ).all()
            db.session.remove()
            return found

    return endpoints


@pytest.fixture
def signed_up(accounts):
    """Sign up through the app's form, open a screen, wait until synced, go offline if asked."""

    def sign_up(page, path="/", offline=False):
        email = accounts.sign_in_ui(page)
        open_app(page, path)
        synced(page, wait_for)
        if offline:
            page.context.set_offline(True)
            wait_for(page, "() => navigator.onLine === false")
        return email

    return sign_up
