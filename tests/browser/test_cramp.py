"""The cramp timer: one tap (even offline), survives reloads, stops, syncs exactly once."""

from datetime import datetime

from tests.browser.conftest import chip, synced
from tests.browser.test_install import SHELL_CACHED

TIMER = "[data-timer=running]"
BIG = "main [data-action=cramp]"  # Today's biggest control


def seconds_shown(page):
    """The stopwatch face ("02:13") in seconds."""
    minutes, seconds = page.inner_text(TIMER).split(":")[-2:]
    return int(minutes) * 60 + int(seconds)


def test_shortcut_starts_offline_survives_reload_and_syncs_once(
    context, page, signed_up, open_app, wait_for, store_call, server_rows
):
    page.clock.install()  # the page's clock flows on its own and can be moved forward
    email = signed_up(page, offline=True)
    wait_for(page, "() => document.getElementById('sync-status').textContent.startsWith('Offline')")
    response = page.goto("/cramp?start=1")
    assert response.from_service_worker
    page.locator(TIMER).wait_for()
    assert page.url.endswith("/cramp")  # ?start dropped: a reload shows this cramp
    (running,) = store_call(page, "list", "cramps")
    assert running["ended_at"] is None and running["started_at"]

    page.clock.fast_forward("02:13")
    page.reload()
    page.locator(TIMER).wait_for()
    assert 133 <= seconds_shown(page) <= 140

    # The shortcut again while it runs: the same cramp, not a second one.
    page.goto("/cramp?start=1")
    page.locator(TIMER).wait_for()
    assert page.url.endswith("/cramp")
    assert [c["id"] for c in store_call(page, "list", "cramps")] == [running["id"]]
    assert seconds_shown(page) >= 133

    chip(page, "muscle", "calf").click()
    chip(page, "side", "left").click()
    chip(page, "tried", "stretch").click()
    chip(page, "tried", "heat").click()
    chip(page, "helped", "heat").click()
    assert chip(page, "muscle", "calf").get_attribute("aria-pressed") == "true"
    # The tick shown on a chosen chip is not part of its name.
    assert page.get_by_role("button", name="Calf", exact=True, pressed=True).count() == 1
    page.click("[data-action=stop]")
    saved = page.locator("[data-saved]")
    saved.wait_for()
    assert saved.inner_text().startswith("Saved. 2 min 1")
    (stopped,) = store_call(page, "list", "cramps")
    assert stopped["muscle"] == "calf" and stopped["side"] == "left"
    assert stopped["reliefs_tried"] == ["stretch", "heat"] and stopped["reliefs_helped"] == ["heat"]
    assert server_rows("cramps", email) == []

    context.set_offline(False)
    synced(page, wait_for)
    (row,) = server_rows("cramps", email)
    assert str(row["id"]) == running["id"]
    assert 133 <= (row["ended_at"] - row["started_at"]).total_seconds() <= 140
    assert row["muscle"] == "calf" and row["reliefs_helped"] == ["heat"]

    open_app(page, "/cramp?start=1")  # a new cramp now: the last one is over
    page.locator(TIMER).wait_for()
    page.click("[data-action=stop]")
    page.locator("[data-saved]").wait_for()
    synced(page, wait_for)
    assert len(server_rows("cramps", email)) == 2
    assert page.errors == []


def test_today_shows_the_running_cramp_and_past_cramps_list_durations(
    page, open_app, wait_for, store_call
):
    open_app(page, "/")
    big = page.locator(BIG)
    assert big.count() == 1
    big.click()
    page.locator(TIMER).wait_for()
    page.goto("/")
    wait_for(page, f"() => document.querySelector('{BIG}')?.dataset.running === '1'")
    assert page.inner_text(BIG).startswith("Cramp running 00:0")
    page.click(BIG)
    page.locator(TIMER).wait_for()
    assert len(store_call(page, "list", "cramps")) == 1

    # Two finished cramps from before: newest first, with their lengths.
    for start, end in [
        ("2026-11-20T03:00:00.000+01:00", "2026-11-20T03:01:30.000+01:00"),
        ("2026-11-22T02:00:00.000+01:00", "2026-11-22T02:04:00.000+01:00"),
    ]:
        store_call(page, "save", "cramps", {"started_at": start, "ended_at": end, "muscle": "foot"})
    wait_for(page, "() => document.querySelectorAll('[data-past] [data-cramp]').length === 2")
    values = page.locator("[data-past] .entry-value").all_inner_texts()
    assert values == ["4 min", "1 min 30 s"]
    assert page.errors == []


def test_wake_lock_is_held_while_running_and_released_on_stop(page, open_app, wait_for):
    open_app(page, "/cramp?start=1")
    page.locator(TIMER).wait_for()
    awake = "async () => (await import('/features/cramp/timer.js')).awake()"
    wait_for(page, awake)
    page.click("[data-action=stop]")
    page.locator("[data-saved]").wait_for()
    assert page.evaluate(awake) is False


def test_edit_a_past_cramp_then_delete_it_and_undo(page, open_app, wait_for, store_call):
    open_app(page, "/cramp")
    cramp = store_call(
        page,
        "save",
        "cramps",
        {"started_at": "2026-11-20T03:00:00+01:00", "ended_at": "2026-11-20T03:02:13+01:00"},
    )
    page.locator(f"[data-cramp='{cramp['id']}']").click()
    page.wait_for_function("() => location.search.startsWith('?edit=')")
    assert "2 min 13 s" in page.inner_text("[data-summary=cramp]")
    chip(page, "muscle", "hamstring").click()
    page.fill("#cramp-min", "5")
    page.fill("#cramp-sec", "0")
    page.locator("#cramp-sec").blur()
    page.locator("[data-summary=cramp]", has_text="5 min").wait_for()
    page.fill(f"#notes-{cramp['id']}", "after a long walk")
    page.click("[data-action=done]")
    page.wait_for_function("() => location.pathname === '/cramp' && !location.search")
    (edited,) = store_call(page, "list", "cramps")
    assert edited["muscle"] == "hamstring" and edited["notes"] == "after a long walk"
    start = datetime.fromisoformat(edited["started_at"])
    assert (datetime.fromisoformat(edited["ended_at"]) - start).total_seconds() == 300

    page.locator(f"[data-cramp='{cramp['id']}']").click()
    page.click("[data-action=delete]")
    page.wait_for_function("() => location.pathname === '/cramp' && !location.search")
    assert store_call(page, "list", "cramps") == []
    page.get_by_role("button", name="Undo").click()
    wait_for(page, f"() => !!document.querySelector(\"[data-cramp='{cramp['id']}']\")")
    (back,) = store_call(page, "list", "cramps")
    assert back["muscle"] == "hamstring"
    assert page.errors == []


def test_shortcut_on_a_cold_start_in_airplane_mode(persistent_context, open_app, wait_for):
    ctx = persistent_context("cramp-cold")
    page = open_app(ctx.pages[0] if ctx.pages else ctx.new_page(), "/")
    wait_for(page, SHELL_CACHED)
    ctx.close()

    ctx = persistent_context("cramp-cold", offline=True)
    page = ctx.pages[0] if ctx.pages else ctx.new_page()
    assert page.goto("/cramp?start=1").from_service_worker
    page.locator(TIMER).wait_for()
    assert page.evaluate("() => performance.getEntriesByName('timer-running').length") == 1
    page.reload()
    page.locator(TIMER).wait_for()
    cramps = page.evaluate("async () => (await import('/store.js')).list('cramps')")
    assert len(cramps) == 1 and cramps[0]["ended_at"] is None
    assert page.errors == []


def test_a_cramp_left_running_for_hours_is_not_resumed(page, open_app, store_call):
    open_app(page, "/")
    hours_ago = page.evaluate(
        "async () => (await import('/store.js')).nowIso(new Date(Date.now() - 5 * 3600e3))"
    )
    old = store_call(page, "save", "cramps", {"started_at": hours_ago, "ended_at": None})
    page.goto("/cramp?start=1")
    page.locator(TIMER).wait_for()
    assert page.inner_text(TIMER).startswith("00:0")  # a new cramp, not 5 hours
    assert len(store_call(page, "list", "cramps")) == 2
    forgotten = page.locator(f"[data-cramp='{old['id']}']")
    assert "Not stopped" in forgotten.inner_text()
    page.click("[data-action=stop]")
    forgotten.click()  # give it a length afterwards
    page.fill("#cramp-min", "3")
    page.locator("#cramp-min").blur()
    page.locator("[data-summary=cramp]", has_text="3 min").wait_for()
    assert store_call(page, "get", "cramps", old["id"])["ended_at"] is not None
