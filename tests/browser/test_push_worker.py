"""The real service worker with a push message (CDP ServiceWorker.deliverPushMessage) and
notification clicks dispatched inside the worker (no CDP command clicks a notification)."""

import json
import time

import pytest

from tests.browser.conftest import PENDING

NOTIFICATIONS = """async (tag) => {
  const reg = await navigator.serviceWorker.ready;
  return (await reg.getNotifications({tag})).map(n => ({
    title: n.title, body: n.body, tag: n.tag, data: n.data, icon: n.icon, badge: n.badge,
    renotify: n.renotify, actions: n.actions.map(a => ({action: a.action, title: a.title})),
  }));
}"""
# A tap, as the browser would dispatch it: the worker's own listener runs; its waitUntil
# promises are collected and awaited. clients.openWindow is wrapped to see that it was tried.
CLICK = """async ([tag, action]) => {
  const [notification] = await self.registration.getNotifications({tag});
  if (!notification) return {error: 'no notification with tag ' + tag};
  const tried = [];
  const real = self.clients.openWindow.bind(self.clients);
  self.clients.openWindow = (url) => { tried.push(url); return real(url); };
  const event = new NotificationEvent('notificationclick', {notification, action});
  const pending = [];
  Object.defineProperty(event, 'waitUntil', {value: (p) => pending.push(p)});
  try {
    self.dispatchEvent(event);
    const settled = await Promise.allSettled(pending);
    return {
      tried, waited: pending.length,
      results: settled.map(r => r.status === 'fulfilled' ? 'ok' : String(r.reason?.name)),
      left: (await self.registration.getNotifications({tag})).length,
    };
  } finally {
    delete self.clients.openWindow;
  }
}"""


def payload(kind, reminder_id, tag):
    """The JSON the server pushes (api/push): magnesium or hydration."""
    if kind == "magnesium":
        title, body = "Time for magnesium", "Tap Took it once you have taken it."
        actions = [
            {"action": "took", "title": "Took it"},
            {"action": "snooze", "title": "Snooze 15 min"},
        ]
    else:
        title, body = "Time for a drink", "A glass of water now keeps you on pace."
        actions = [
            {"action": "drank", "title": "Drank 250 ml"},
            {"action": "snooze", "title": "Snooze"},
        ]
    return {
        "kind": kind,
        "title": title,
        "body": body,
        "tag": tag,
        "reminder_id": reminder_id,
        "slot": "2026-11-25T20:00:00+00:00",
        "actions": actions,
        "url": f"/quick?kind={kind}&reminder={reminder_id}",
    }


# Test instrumentation: count the push events the worker receives (next to its own listener).
COUNT_PUSHES = """() => {
  if (self.pushesSeen === undefined) {
    self.pushesSeen = 0;
    self.addEventListener('push', () => { self.pushesSeen += 1; });
  }
  return self.pushesSeen;
}"""


class Pusher:
    """Deliver push messages to the page's worker registration over CDP."""

    def __init__(self, ctx, page, origin):
        self.ctx = ctx
        self.origin = origin
        self.cdp = ctx.new_cdp_session(page)
        self.registrations = []
        self.cdp.on(
            "ServiceWorker.workerRegistrationUpdated",
            lambda e: self.registrations.extend(e["registrations"]),
        )
        self.cdp.send("ServiceWorker.enable")
        deadline = time.monotonic() + 10
        while not self.registration_id() and time.monotonic() < deadline:
            page.wait_for_timeout(50)
        assert self.registration_id(), self.registrations

    def registration_id(self):
        for reg in self.registrations:
            if reg["scopeURL"].startswith(self.origin) and not reg.get("isDeleted"):
                return reg["registrationId"]
        return None

    def deliver(self, text):
        self.cdp.send(
            "ServiceWorker.deliverPushMessage",
            {"origin": self.origin + "/", "registrationId": self.registration_id(), "data": text},
        )

    def push(self, data):
        """Deliver a payload and wait until the worker got the push event.

        Under load, a message delivered over CDP is now and then never dispatched (seen here,
        before the worker's listener could run): it is delivered again, at most twice more.
        """
        text = data if isinstance(data, str) else json.dumps(data)
        sw = worker(self.ctx)
        before = sw.evaluate(COUNT_PUSHES)
        for _ in range(3):
            self.deliver(text)
            deadline = time.monotonic() + 8
            while time.monotonic() < deadline:
                if sw.evaluate(COUNT_PUSHES) > before:
                    return
                time.sleep(0.05)
        raise AssertionError("the push event never reached the service worker")

    def show(self, page, data, tag, body=None):
        """Push and wait until the notification is displayed; returns getNotifications({tag}).

        Now and then (on a loaded machine) showNotification resolves but the notification is
        not listed for many seconds: after 8 s the same payload is delivered again (same tag,
        so it replaces), at most three times in all.
        """
        for _ in range(3):
            self.push(data)
            deadline = time.monotonic() + 8
            while time.monotonic() < deadline:
                found = page.evaluate(NOTIFICATIONS, tag)
                if found and (body is None or found[0]["body"] == body):
                    return found
                time.sleep(0.1)
        raise AssertionError(f"no notification with tag {tag!r} (body {body!r}) was shown")


def worker(ctx):
    (sw,) = [w for w in ctx.service_workers if w.url.endswith("/sw.js")]
    return sw


def click(ctx, tag, action=""):
    return worker(ctx).evaluate(CLICK, [tag, action])


@pytest.fixture
def phone(persistent_context, live_server, signed_up, wait_for, store_call):
    """A persistent profile with notifications allowed, signed in, with a magnesium reminder."""
    ctx = persistent_context("push")
    ctx.grant_permissions(["notifications"], origin=live_server.url)
    page = ctx.pages[0] if ctx.pages else ctx.new_page()
    email = signed_up(page)
    reminder = store_call(
        page,
        "save",
        "reminders",
        {
            "kind": "magnesium",
            "title": "Magnesium",
            "enabled": True,
            "times": ["21:00"],
            "days": [],
            "form": "citrate",
            "amount": 200,
            "unit": "mg",
        },
    )
    wait_for(page, f"async () => (await ({PENDING})()) === 0", timeout=30)
    return ctx, page, email, reminder, Pusher(ctx, page, live_server.url)


def test_push_shows_the_notification_with_its_actions(phone, wait_for):
    ctx, page, _, reminder, pusher = phone
    (n,) = pusher.show(page, payload("magnesium", reminder["id"], "t-show"), "t-show")
    assert n["title"] == "Time for magnesium"
    assert n["body"] == "Tap Took it once you have taken it."
    assert n["tag"] == "t-show" and n["renotify"] is True
    assert n["icon"].endswith("/static/icons/icon-192.png")
    assert n["badge"].endswith("/static/icons/badge-96.png")
    assert n["actions"] == [
        {"action": "took", "title": "Took it"},
        {"action": "snooze", "title": "Snooze 15 min"},
    ]
    assert n["data"]["kind"] == "magnesium" and n["data"]["reminder_id"] == reminder["id"]
    assert n["data"]["slot"] == "2026-11-25T20:00:00+00:00"
    assert n["data"]["url"] == f"/quick?kind=magnesium&reminder={reminder['id']}"

    # A second push with the same tag replaces the first (one notification per kind).
    again = {**payload("magnesium", reminder["id"], "t-show"), "body": "Again"}
    assert len(pusher.show(page, again, "t-show", body="Again")) == 1
    assert page.errors == []


def test_took_it_logs_magnesium_once_without_opening_a_window(
    phone, wait_for, store_call, server_rows
):
    ctx, page, email, reminder, pusher = phone
    pusher.show(page, payload("magnesium", reminder["id"], "t-took"), "t-took")
    result = click(ctx, "t-took", "took")
    assert result["results"] == ["ok"] and result["tried"] == [] and result["left"] == 0

    (intake,) = store_call(page, "list", "intakes")
    assert intake["kind"] == "magnesium"
    assert (intake["form"], intake["amount"], intake["unit"]) == ("citrate", 200, "mg")
    wait_for(page, f"async () => (await ({PENDING})()) === 0", timeout=30)
    rows = server_rows("intakes", email)
    assert [str(r["id"]) for r in rows] == [intake["id"]]
    assert rows[0]["form"] == "citrate" and rows[0]["amount"] == 200

    page.evaluate("async () => (await import('/sync.js')).syncNow()")
    assert len(server_rows("intakes", email)) == 1


def test_drank_offline_stays_in_the_outbox_then_reaches_the_server_once(
    phone, wait_for, store_call, server_rows
):
    ctx, page, email, reminder, pusher = phone
    # The push came while online (a push cannot arrive offline); the tap happens offline.
    pusher.show(page, payload("hydration", reminder["id"], "t-drank"), "t-drank")
    ctx.set_offline(True)
    assert click(ctx, "t-drank", "drank")["results"] == ["ok"]

    (intake,) = store_call(page, "list", "intakes")
    assert (intake["kind"], intake["amount"], intake["unit"]) == ("water", 250, "ml")
    assert store_call(page, "pendingCount") == 1
    page.wait_for_timeout(500)
    assert server_rows("intakes", email) == []

    ctx.set_offline(False)  # Background Sync (and the page's online event) send it
    wait_for(page, f"async () => (await ({PENDING})()) === 0", timeout=30)
    assert [str(r["id"]) for r in server_rows("intakes", email)] == [intake["id"]]
    page.evaluate("async () => (await import('/sync.js')).syncNow()")
    assert len(server_rows("intakes", email)) == 1


def test_snooze_action_snoozes_the_reminder_on_the_server(phone, store_call, server_rows):
    ctx, page, email, reminder, pusher = phone
    pusher.show(page, payload("magnesium", reminder["id"], "t-snooze"), "t-snooze")
    before = time.time()
    assert click(ctx, "t-snooze", "snooze")["results"] == ["ok"]
    # Straight to the server (POST /reminders/<id>/snooze): nothing was queued on the phone.
    assert store_call(page, "pendingCount") == 0
    (row,) = server_rows("reminders", email)
    assert row["snoozed_until"] is not None
    assert 14 * 60 <= row["snoozed_until"].timestamp() - before <= 16 * 60


def test_body_tap_takes_the_open_window_to_the_logger_or_tries_to_open_one(
    phone, live_server, wait_for
):
    ctx, page, _, reminder, pusher = phone
    pusher.show(page, payload("magnesium", reminder["id"], "t-body"), "t-body")
    result = click(ctx, "t-body", "")
    assert result["tried"] == []  # a window was open: it was used
    page.wait_for_url(f"**/quick?kind=magnesium&reminder={reminder['id']}")
    page.wait_for_function("() => document.documentElement.dataset.screen === 'quick'")

    # No window of the app open: the worker tries to open one (refused in a synthetic click).
    pusher.show(page, payload("hydration", reminder["id"], "t-body2"), "t-body2")
    page.goto("about:blank")
    result = click(ctx, "t-body2", "")
    assert result["tried"] == [f"{live_server.url}/quick?kind=hydration&reminder={reminder['id']}"]


def test_a_payload_that_is_not_json_still_shows_a_notification(phone):
    ctx, page, _, reminder, pusher = phone
    (n,) = pusher.show(page, "hello", "unknot-custom")
    assert n["title"] == "Reminder" and n["body"] == "hello"
    assert n["data"]["url"] == "/reminders"


# Chromium never fires pushsubscriptionchange: dispatch one inside the worker, carrying a
# stand-in subscription as Firefox's event would (event.newSubscription).
SUBSCRIPTION_CHANGE = """async ([sub, oldEndpoint]) => {
  const event = new ExtendableEvent('pushsubscriptionchange');
  const pending = [];
  Object.defineProperty(event, 'waitUntil', {value: (p) => pending.push(p)});
  const fresh = {endpoint: sub.endpoint, toJSON: () => sub};
  Object.defineProperty(event, 'newSubscription', {value: fresh});
  Object.defineProperty(event, 'oldSubscription', {value: {endpoint: oldEndpoint, options: {}}});
  self.dispatchEvent(event);
  const settled = await Promise.allSettled(pending);
  return settled.map(r => r.status === 'fulfilled' ? 'ok' : String(r.reason));
}"""


def test_subscription_change_tells_the_server_the_new_endpoint(
    phone, live_server, store_call, push_endpoints
):
    from tests.push.standin import PushService

    ctx, page, email, _, _ = phone
    service = PushService()
    try:
        old, new = service.new_subscription(), service.new_subscription()
    finally:
        service.httpd.server_close()
    res = ctx.request.post(live_server.url + "/api/v1/push/subscriptions", data=old)
    assert res.status == 201, res.text()

    assert worker(ctx).evaluate(SUBSCRIPTION_CHANGE, [new, old["endpoint"]]) == ["ok"]
    assert push_endpoints(email) == [new["endpoint"]]
    assert store_call(page, "getMeta", "push")["endpoint"] == new["endpoint"]
