"""The guided bedtime stretch (/stretch), the one-tap fixes between episodes, Today's bedtime
card, and the stretch reminder's Done button (offline)."""

import uuid
from datetime import UTC, datetime

import pytest
from axe_playwright_python.sync_playwright import Axe
from sqlalchemy import select

from tests.browser.conftest import PENDING, synced
from tests.browser.test_push_worker import Pusher, click

AXE = Axe()
PREP, HOLD = 8, 30  # pwa/features/stretch/steps.js: PREP_SECONDS, and each stretch's hold
# A 9 p.m. well in the past: the server never clamps this page's times to its own clock.
EVENING = datetime(2026, 11, 18, 21, 0, tzinfo=UTC)
SMALL_TARGETS = """() => [...document.querySelectorAll('main button, main .btn, main .choice')]
  .filter(e => e.offsetParent !== null)
  .filter(e => { const r = e.getBoundingClientRect(); return r.height < 47.5 || r.width < 47.5; })
  .map(e => e.outerHTML.slice(0, 80))"""


AWAKE = "async () => (await import('/features/cramp/timer.js')).awake()"


def text(page, selector):
    return page.inner_text(selector).strip()


def stage(page):
    return page.get_attribute(".stretch-stage", "data-phase")


def seconds(page, n):
    """Run the page's clock on by n seconds (its timers fire as they would)."""
    page.clock.run_for(n * 1000)


def intakes(page, store_call, kind=None):
    found = [i for i in store_call(page, "list", "intakes") if kind in (None, i["kind"])]
    return sorted(found, key=lambda i: i["taken_at"])


def test_the_routine_with_a_skipped_step_and_a_pause_saves_a_synced_stretch(
    page, signed_up, wait_for, store_call, server_rows
):
    page.clock.install(time=EVENING)
    email = signed_up(page, "/stretch")
    assert text(page, "[data-stretch-phase]") == "Press Start when you are ready."
    assert page.locator("[data-stretch=done]").is_hidden()
    page.click("[data-stretch=start]")
    assert (text(page, ".stretch-count"), stage(page)) == ("Stretch 1 of 4", "prep")
    assert text(page, "#h-stretch-step") == "Calf stretch at a wall"
    assert text(page, ".stretch-side") == "Left leg back"
    assert page.locator(".stretch-drawing path").count() == 1

    seconds(page, PREP + 1)
    assert (stage(page), text(page, "[data-stretch-phase]")) == ("hold", "Hold")
    assert page.evaluate(AWAKE), "the screen is kept on during the routine"
    assert text(page, "[data-stretch-clock]") == f"0:{HOLD - 1}"
    seconds(page, HOLD)  # the cue to switch sides, then the other side
    assert (stage(page), text(page, "[data-stretch-phase]")) == ("switch", "Switch sides")
    assert text(page, ".stretch-side") == "Right leg back"
    seconds(page, PREP + HOLD)
    assert (text(page, ".stretch-count"), stage(page)) == ("Stretch 2 of 4", "prep")

    page.click("[data-stretch=skip]")
    assert text(page, ".stretch-count") == "Stretch 3 of 4"
    assert text(page, "#h-stretch-step") == "Hamstring stretch with a towel"

    page.click("[data-stretch=pause]")
    assert text(page, "[data-stretch-phase]") == "Paused"
    left = text(page, "[data-stretch-clock]")
    seconds(page, 120)
    assert (
        text(page, "[data-stretch-clock]") == left
        and text(page, ".stretch-count") == "Stretch 3 of 4"
    )
    page.click("[data-stretch=start]")  # "Go on"

    seconds(page, 2 * 2 * (PREP + HOLD) + 2)  # steps 3 and 4, both sides
    page.wait_for_selector("[data-stretch-saved]")
    assert "3 of 4 stretches held" in text(page, "[data-stretch-end]")
    assert not page.evaluate(AWAKE), "and let go once it is over"
    (stretch,) = intakes(page, store_call)
    assert stretch["kind"] == "stretch" and stretch["form"] == "guided, 3 of 4 stretches"
    assert stretch["amount"] is None and stretch["unit"] is None

    synced(page, wait_for)
    (row,) = server_rows("intakes", email)
    assert (str(row["id"]), row["kind"], row["form"]) == (
        stretch["id"],
        "stretch",
        "guided, 3 of 4 stretches",
    )
    assert page.errors == []


def test_done_after_skipping_saves_what_was_held_offline(page, signed_up, wait_for, store_call):
    page.clock.install(time=EVENING)
    signed_up(page, "/stretch", offline=True)
    page.click("[data-stretch=skip]")  # from the start: the calf stretch skipped
    assert text(page, ".stretch-count") == "Stretch 2 of 4"
    seconds(page, 2 * (PREP + HOLD) + 1)
    page.click("[data-stretch=back]")  # step 3 had just begun: back to step 2
    assert text(page, ".stretch-count") == "Stretch 2 of 4"
    page.click("[data-stretch=done]")
    page.wait_for_selector("[data-stretch-saved]")
    (stretch,) = intakes(page, store_call)
    assert stretch["form"] == "guided, 1 of 4 stretches"
    assert page.reload().from_service_worker  # the screen itself works offline
    page.wait_for_function("() => document.documentElement.dataset.screen === 'stretch'")
    assert store_call(page, "pendingCount") == 1  # sent once online
    assert page.errors == []


def test_reading_aloud_is_remembered_and_skipping_all_saves_nothing_unless_said(
    page, open_app, store_call
):
    page.clock.install(time=EVENING)
    open_app(page, "/stretch")
    voice = page.locator("[data-stretch-voice]")
    assert not voice.is_checked(), "reading aloud is off until the person turns it on"
    voice.check()
    page.reload()
    page.wait_for_function("() => document.documentElement.dataset.screen === 'stretch'")
    assert voice.is_checked(), "and remembered on this phone"
    voice.uncheck()
    for _ in range(4):
        page.click("[data-stretch=skip]")
    assert "nothing is saved" in text(page, "[data-stretch-end]")
    assert intakes(page, store_call) == []
    page.click("[data-stretch=save]")
    page.wait_for_selector("[data-stretch-saved]")
    assert intakes(page, store_call)[0]["form"] == "guided, 0 of 4 stretches"
    page.locator("#toast").get_by_role("button", name="Undo").click()
    page.wait_for_function(
        "() => document.querySelector('[data-stretch-words]').textContent.startsWith('Undone')"
    )
    assert intakes(page, store_call) == []


def test_one_tap_epsom_bath_and_heat_once_each_with_undo_and_synced(
    page, signed_up, wait_for, store_call, server_rows
):
    email = signed_up(page, "/quick")
    assert text(page, "[data-fixes-today]") == "None logged today."
    page.dblclick("[data-fix=epsom_bath]")  # a double tap is one bath
    wait_for(
        page, "() => document.querySelector('[data-fixes-today]').textContent.includes('Epsom')"
    )
    page.click("[data-fix=heat]")
    wait_for(
        page, "() => document.querySelector('[data-fixes-today]').textContent.includes('Heat')"
    )
    assert [i["kind"] for i in intakes(page, store_call)] == ["epsom_bath", "heat"]
    assert text(page, "#toast p") == "Heat before bed saved"
    page.locator("#toast").get_by_role("button", name="Undo").click()
    wait_for(
        page, "() => !document.querySelector('[data-fixes-today]').textContent.includes('Heat')"
    )
    (bath,) = intakes(page, store_call)
    assert (bath["kind"], bath["amount"], bath["form"]) == ("epsom_bath", None, None)

    synced(page, wait_for)
    assert [(str(r["id"]), r["kind"]) for r in server_rows("intakes", email)] == [
        (bath["id"], "epsom_bath")
    ]
    assert page.errors == []


def test_today_offers_the_bedtime_card_in_the_evening_only(page, open_app, store_call):
    page.clock.install(time=datetime(2026, 11, 18, 10, 0))  # the browser's own time zone
    open_app(page, "/")
    page.wait_for_selector("[data-last-cramp]")
    page.wait_for_timeout(800)  # the card is loaded after Today is ready
    assert page.locator("[data-bedtime]").count() == 0

    page.clock.set_system_time(datetime(2026, 11, 18, 21, 0))
    open_app(page, "/")
    page.wait_for_selector("[data-bedtime]")
    page.locator("[data-bedtime] [data-fix=stretch]").click()
    page.wait_for_function(
        "() => document.querySelector('[data-bedtime] [data-fixes-today]').textContent"
        ".startsWith('Today: Bedtime stretch at')"
    )
    assert [i["kind"] for i in intakes(page, store_call)] == ["stretch"]
    page.click("[data-bedtime] [data-stretch-link]")
    page.wait_for_function("() => document.documentElement.dataset.screen === 'stretch'")
    assert page.errors == []


@pytest.mark.parametrize("scheme", ["dark", "light"])
def test_the_stretch_screen_passes_axe_with_big_targets_before_and_during_a_hold(
    new_context, open_app, scheme
):
    page = new_context(color_scheme=scheme, reduced_motion="reduce").new_page()
    page.clock.install(time=EVENING)
    open_app(page, "/stretch")
    for when in ("ready", "hold"):
        if when == "hold":
            page.click("[data-stretch=start]")
            seconds(page, PREP + 1)
            assert stage(page) == "hold"
        violations = AXE.run(page).response["violations"]
        assert [v["id"] for v in violations] == [], when
        assert page.evaluate(SMALL_TARGETS) == [], when
        assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth"), when
    assert page.errors == []


def test_a_bedtime_stretch_reminder_is_made_on_the_reminders_screen_and_links_the_routine(
    page, signed_up, wait_for, server_rows
):
    email = signed_up(page, "/reminders")
    page.click("[data-add=stretch]")
    form = page.locator("[data-reminder-form=stretch]")
    form.locator("[data-time]").fill("21:30")
    form.get_by_role("button", name="Save reminder").click()
    item = page.locator("[data-kind=stretch]")
    assert item.locator("h3").inner_text() == "Bedtime stretch"
    assert item.locator("[data-schedule]").inner_text() == "Every day at 21:30"
    synced(page, wait_for)
    (row,) = server_rows("reminders", email)
    assert (row["kind"], row["times"]) == ("stretch", ["21:30"])
    item.locator("[data-act=open]").click()
    page.wait_for_function("() => document.documentElement.dataset.screen === 'stretch'")
    assert page.errors == []


def test_the_reminders_done_button_logs_the_stretch_offline(
    persistent_context, live_server, signed_up, wait_for, store_call, server_rows
):
    from api.extensions import db
    from api.models import Reminder
    from api.reminders import payload

    ctx = persistent_context("stretch-push")
    ctx.grant_permissions(["notifications"], origin=live_server.url)
    page = ctx.pages[0] if ctx.pages else ctx.new_page()
    email = signed_up(page)
    saved = store_call(
        page,
        "save",
        "reminders",
        {"kind": "stretch", "title": None, "enabled": True, "times": ["21:30"], "days": []},
    )
    wait_for(page, f"async () => (await ({PENDING})()) === 0", timeout=30)
    with live_server.app.app_context():  # what the server would push for it
        reminder = db.session.scalar(select(Reminder).where(Reminder.id == uuid.UUID(saved["id"])))
        sent = payload.build(reminder, "UTC", datetime.now(UTC), "slot")
    assert sent["url"] == f"/stretch?reminder={saved['id']}"

    (shown,) = Pusher(ctx, page, live_server.url).show(page, sent, "unknot-stretch")
    assert shown["title"] == "Bedtime stretch"
    assert shown["actions"] == [
        {"action": "stretched", "title": "Done"},
        {"action": "snooze", "title": "Snooze 15 min"},
    ]
    ctx.set_offline(True)
    result = click(ctx, "unknot-stretch", "stretched")
    assert result["results"] == ["ok"] and result["tried"] == [] and result["left"] == 0
    (stretch,) = intakes(page, store_call)
    assert (stretch["kind"], stretch["form"]) == ("stretch", None)
    assert store_call(page, "pendingCount") == 1
    assert server_rows("intakes", email) == []

    ctx.set_offline(False)
    wait_for(page, f"async () => (await ({PENDING})()) === 0", timeout=30)
    assert [(str(r["id"]), r["kind"]) for r in server_rows("intakes", email)] == [
        (stretch["id"], "stretch")
    ]
