"""End to end: the server's dispatcher sends a reminder to the push-service stand-in, which
decrypts it as a browser would; that exact payload goes into the real service worker
(CDP deliverPushMessage), and "Took it" on the notification logs the intake once."""

from datetime import timedelta

import pytest

from tests.browser.conftest import PENDING
from tests.browser.test_push_worker import Pusher, click
from tests.browser.test_reminders import add_magnesium_at_21


@pytest.fixture
def push_service(live_server):
    from api.push.vapid import application_server_key, load_pems
    from tests.push.standin import PushService

    service = PushService(application_server_key(load_pems(live_server.app.config)[1])).start()
    yield service
    service.stop()


def test_dispatched_reminder_shows_in_the_worker_and_took_it_logs_once(
    persistent_context, live_server, push_service, signed_up, wait_for, store_call, server_rows
):
    from api.reminders.dispatcher import from_app

    ctx = persistent_context("e2e", timezone_id="Europe/Berlin")
    ctx.grant_permissions(["notifications"], origin=live_server.url)
    page = ctx.pages[0] if ctx.pages else ctx.new_page()
    email = signed_up(page, "/reminders")
    add_magnesium_at_21(page, amount=300)
    wait_for(page, f"async () => (await ({PENDING})()) === 0", timeout=30)
    (reminder,) = server_rows("reminders", email)
    assert reminder["next_fire_at"] is not None  # computed by the server when it arrives

    # pushManager.subscribe() never settles here: post the stand-in's subscription instead.
    sub = push_service.new_subscription()
    res = ctx.request.post(live_server.url + "/api/v1/push/subscriptions", data=sub)
    assert res.status == 201, res.text()

    dispatcher = from_app(live_server.app, lease=timedelta(0), threads=1)
    try:
        dispatcher.run_once(now=reminder["next_fire_at"])
    finally:
        dispatcher.close()
    (message,) = push_service.received(sub["endpoint"])
    sent = message.payload
    assert sent["reminder_id"] == str(reminder["id"]) and sent["kind"] == "magnesium"

    pusher = Pusher(ctx, page, live_server.url)
    (n,) = pusher.show(page, sent, sent["tag"])
    assert (n["title"], n["body"]) == (sent["title"], sent["body"])
    assert [a["action"] for a in n["actions"]] == ["took", "snooze"]
    assert n["data"]["url"] == f"/quick?kind=magnesium&reminder={reminder['id']}"

    assert click(ctx, sent["tag"], "took")["results"] == ["ok"]
    wait_for(page, f"async () => (await ({PENDING})()) === 0", timeout=30)
    (row,) = server_rows("intakes", email)
    assert (row["kind"], row["form"], row["amount"], row["unit"]) == (
        "magnesium",
        "citrate",
        300,
        "mg",
    )
