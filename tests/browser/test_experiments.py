"""Try it and see: starting an experiment, a block change with a shifted clock, and the
morning "Did you do it yesterday?" answered from a notification while offline."""

from datetime import UTC, date, datetime, timedelta

from tests.browser.conftest import PENDING, synced
from tests.browser.test_accessibility import check
from tests.browser.test_push_worker import NOTIFICATIONS, Pusher, click

BERLIN = "Europe/Berlin"


def start(page, fix_label):
    page.get_by_label(fix_label).check()
    page.click("[data-start-form] button[type=submit]")
    page.wait_for_selector("[data-block-line]")


def test_start_an_experiment_and_see_the_block_change_with_a_shifted_clock(
    new_context, signed_up, open_app, wait_for, store_call, server_rows
):
    page = new_context(timezone_id=BERLIN).new_page()
    # 2 March 2026, 10:00 in Berlin.
    page.clock.install(time=datetime(2026, 3, 2, 9, 0, tzinfo=UTC))
    email = signed_up(page, "/experiments")

    # Magnesium: ask a doctor or pharmacist first; never a dose.
    page.get_by_label("Magnesium at night").check()
    doctor = page.locator("[data-doctor]")
    assert doctor.is_visible()
    assert "ask a doctor or pharmacist first" in doctor.inner_text()
    assert " mg" not in page.locator("main").inner_text()
    # Their own fix needs its name, said beside the field.
    page.get_by_label("Something else").check()
    page.click("[data-start-form] button[type=submit]")
    assert page.locator("[data-error-for=title]").inner_text() == "Say what your fix is."
    assert store_call(page, "list", "experiments") == []

    # The plan shown is the one started: 8 blocks of 4 days, 4 with, never all with first.
    shown = page.locator("[data-plan] .exp-block").evaluate_all(
        "cells => cells.map(c => c.dataset.arm)"
    )
    assert len(shown) == 8 and shown.count("with") == 4
    assert shown not in (["with"] * 4 + ["without"] * 4, ["without"] * 4 + ["with"] * 4)
    page.fill("#x-remind", "21:30")
    start(page, "Bedtime stretch")
    (e,) = store_call(page, "list", "experiments")
    assert (e["fix"], e["start_day"], e["block_days"], e["status"]) == (
        "stretch",
        "2026-03-02",
        4,
        "running",
    )
    assert e["blocks"] == shown
    reminders = {r["kind"]: r for r in store_call(page, "list", "reminders")}
    assert reminders["experiment"]["times"] == ["21:30"]
    assert reminders["experiment_check"]["times"] == ["09:00"]
    assert all(r["enabled"] for r in reminders.values())
    first = page.locator("[data-block-line]").inner_text()
    assert first == f"Block 1 of 8: {shown[0]} (4 days left)"

    # Today says the block in one line, linking to the experiment.
    open_app(page, "/")
    line = page.locator("[data-experiment-line]")
    line.wait_for()
    assert line.inner_text().startswith(f"Experiment: Block 1 of 8: {shown[0]}")
    assert line.get_attribute("href") == "/experiments"

    # Four days on (6 March, 10:00): the second block.
    page.clock.set_system_time(datetime(2026, 3, 6, 9, 0, tzinfo=UTC))
    open_app(page, "/")
    line.wait_for()
    assert line.inner_text().startswith(f"Experiment: Block 2 of 8: {shown[1]} (4 days left)")
    open_app(page, "/experiments")
    assert page.locator("[data-block-line]").inner_text().startswith("Block 2 of 8")
    assert page.locator("[data-plan] [aria-current=step]").get_attribute("data-arm") == shown[1]
    synced(page, wait_for)
    (row,) = server_rows("experiments", email)
    assert row["blocks"] == shown and row["start_day"] == date(2026, 3, 2)

    # Stop early: said plainly; its reminders are switched off.
    page.get_by_role("button", name="Stop early").click()
    page.wait_for_selector("[data-start-form]")
    assert "Stopped early, after 4 of 32 days" in page.locator("[data-past]").inner_text()
    assert not any(r["enabled"] for r in store_call(page, "list", "reminders"))
    assert page.errors == []


def test_did_you_do_it_yesterday_from_the_notification_offline(
    persistent_context, live_server, signed_up, wait_for, store_call, server_rows
):
    ctx = persistent_context("experiment-push", timezone_id=BERLIN)
    ctx.grant_permissions(["notifications"], origin=live_server.url)
    page = ctx.pages[0] if ctx.pages else ctx.new_page()
    email = signed_up(page, "/experiments")
    # The worker's clock is the real one: an experiment whose yesterday was a "with" day.
    today = page.evaluate("async () => (await import('/lib/day.js')).localDay()")
    start_day = (date.fromisoformat(today) - timedelta(days=1)).isoformat()
    e = store_call(
        page,
        "save",
        "experiments",
        {
            "fix": "magnesium",
            "title": None,
            "start_day": start_day,
            "block_days": 4,
            "blocks": ["with", "without", "without", "with", "with", "without", "with", "without"],
            "status": "running",
            "stopped_at": None,
        },
    )
    wait_for(page, f"async () => (await ({PENDING})()) === 0", timeout=30)
    pusher = Pusher(ctx, page, live_server.url)
    payload = {
        "kind": "experiment_check",
        "title": "Did you do it yesterday?",
        "body": "Your experiment: did you do it yesterday?",
        "tag": "t-did",
        "reminder_id": None,
        "slot": datetime.now(UTC).isoformat(),
        "actions": [{"action": "did", "title": "Yes"}, {"action": "did_not", "title": "No"}],
        "url": "/experiments",
    }
    (n,) = pusher.show(page, payload, "t-did")
    assert [a["action"] for a in n["actions"]] == ["did", "did_not"]

    ctx.set_offline(True)
    assert click(ctx, "t-did", "did")["results"] == ["ok"]
    (answer,) = store_call(page, "list", "experiment_days")
    assert (answer["experiment_id"], answer["day"], answer["done"]) == (e["id"], start_day, True)
    page.wait_for_timeout(300)
    assert server_rows("experiment_days", email) == []

    # The app shows the answer; changing it in the app writes the same record, not a second.
    page.reload()
    page.wait_for_selector(f"[data-question='{start_day}']")
    assert page.get_by_role("button", name="Yes").get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="No").click()
    wait_for(
        page,
        "() => document.querySelector('[data-question] [aria-pressed=true]')?.textContent === 'No'",
    )
    (answer,) = store_call(page, "list", "experiment_days")
    assert answer["done"] is False

    ctx.set_offline(False)
    wait_for(page, f"async () => (await ({PENDING})()) === 0", timeout=30)
    (row,) = server_rows("experiment_days", email)
    assert str(row["id"]) == answer["id"] and row["done"] is False
    assert page.evaluate(NOTIFICATIONS, "t-did") == []
    assert page.errors == []


def test_a_running_experiment_passes_axe_in_the_dark(new_context, open_app, store_call):
    page = new_context(color_scheme="dark", timezone_id=BERLIN).new_page()
    open_app(page, "/experiments", controlled=False)
    today = page.evaluate("async () => (await import('/lib/day.js')).localDay()")
    start_day = (date.fromisoformat(today) - timedelta(days=1)).isoformat()
    store_call(
        page,
        "save",
        "experiments",
        {
            "fix": "own",
            "title": "Tonic water",
            "start_day": start_day,
            "block_days": 4,
            "blocks": ["with", "without", "without", "with", "with", "without", "with", "without"],
            "status": "running",
            "stopped_at": None,
        },
    )
    check(page, "/experiments")
    assert page.locator("[data-question]").is_visible()  # yesterday was a "with" day
    assert (
        page.locator("[data-result=running]")
        .inner_text()
        .startswith("Not enough days yet: 1 of 32.")
    )
    open_app(page, "/", controlled=False)
    page.locator("[data-experiment-line]").wait_for()
    # Loaded after Today is ready: not part of Today's budget.
    loaded = page.evaluate(
        """() => {
      const ready = performance.getEntriesByName('app-ready')[0].startTime;
      return performance.getEntriesByType('resource')
        .filter((e) => e.name.includes('/features/experiments/'))
        .map((e) => e.startTime >= ready);
    }"""
    )
    assert loaded and all(loaded)
    assert page.errors == []
