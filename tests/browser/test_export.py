"""Your data without an account: Settings makes the JSON and CSV files on the phone, offline."""

import csv
import io
import json
from datetime import datetime
from zoneinfo import ZoneInfo

from api.sync.registry import COLLECTIONS
from tests.browser.conftest import chip

ZONE = "Europe/London"
TIMER = "[data-timer=running]"


def download(page, name):
    """Press a download button; return (file name, text) of what the browser saved."""
    with page.expect_download() as info:
        page.get_by_role("button", name=name, exact=True).click()
    saved = info.value
    return saved.suggested_filename, saved.path().read_text(encoding="utf-8")


def rows(text):
    """A downloaded CSV file as dicts by header (a byte order mark first, for Excel)."""
    assert text.startswith("\ufeff")
    return list(csv.DictReader(io.StringIO(text[1:], newline="")))


def local(iso):
    """What the file should show for a stored moment: the wall clock in ZONE and its offset."""
    moment = datetime.fromisoformat(iso).astimezone(ZoneInfo(ZONE))
    offset = moment.strftime("%z")
    return f"{moment:%Y-%m-%d %H:%M} {offset[:3]}:{offset[3:]}"


def log_cramp_and_knot(page, wait_for):
    """A cramp of about 3 minutes and a knot, through the app's own screens."""
    page.goto("/cramp?start=1")
    page.locator(TIMER).wait_for()
    chip(page, "muscle", "calf").click()
    chip(page, "tried", "stretch").click()
    chip(page, "tried", "heat").click()
    chip(page, "helped", "heat").click()
    page.clock.fast_forward("03:05")
    page.click("[data-action=stop]")
    page.locator("[data-saved]").wait_for()
    page.goto("/log")
    page.wait_for_function("() => document.documentElement.dataset.screen === 'log'")
    chip(page, "location", "upper back").click()
    chip(page, "helped", "needling").click()
    page.locator("[data-form=knots]").get_by_role("button", name="Save knot").click()
    page.locator("[data-recent=knots] [data-entry]").first.wait_for()


def test_no_account_downloads_json_and_csv_made_offline(
    new_context, open_app, wait_for, store_call, live_server, tmp_path
):
    context = new_context(timezone_id=ZONE, viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.clock.install()
    open_app(page, "/")
    context.set_offline(True)
    wait_for(page, "() => navigator.onLine === false")
    log_cramp_and_knot(page, wait_for)
    (cramp,) = store_call(page, "list", "cramps")
    (knot,) = store_call(page, "list", "knots")
    today = datetime.now(ZoneInfo(ZONE)).date().isoformat()

    open_app(page, "/settings")
    assert page.get_by_text("Sign in to download").count() == 0
    name, text = download(page, "Download everything (JSON)")
    assert name == f"unknot-everything-{today}.json"
    body = json.loads(text)
    assert body["account"] is None and body["time_zone"] == ZONE
    assert [c["id"] for c in body["cramps"]] == [cramp["id"]]
    assert body["cramps"][0]["reliefs_helped"] == ["heat"]
    assert [k["location"] for k in body["knots"]] == ["upper back"]
    assert body["intakes"] == [] and body["checkins"] == []
    everything = [r for name in body if isinstance(body[name], list) for r in body[name]]
    assert not [k for r in everything for k in r if k.startswith("_")]
    page.get_by_text("Downloaded unknot-everything-").wait_for()

    page.get_by_text("One list for a spreadsheet (CSV)").click()
    name, text = download(page, "Cramps (CSV)")
    assert name == f"unknot-cramps-{today}.csv"
    (row,) = rows(text)
    seconds = round(
        (
            datetime.fromisoformat(cramp["ended_at"]) - datetime.fromisoformat(cramp["started_at"])
        ).total_seconds()
    )
    assert 185 <= seconds < 190
    assert row[f"started ({ZONE} time)"] == local(cramp["started_at"])
    assert row[f"ended ({ZONE} time)"] == local(cramp["ended_at"])
    assert row["length (min)"] == str(round(seconds / 60, 2))
    assert row["length"] == f"3 min {seconds - 180} s"
    assert row["muscle"] == "Calf"
    assert row["what I tried"] == "Stretching, Heat or a warm compress"
    assert row["what helped"] == "Heat or a warm compress"

    name, text = download(page, "Knots (CSV)")
    assert name == f"unknot-knots-{today}.csv"
    (row,) = rows(text)
    assert row[f"when ({ZONE} time)"] == local(knot["noted_at"])
    assert row["where"] == "Upper back"
    assert row["what helped"] == "Trigger point injection or dry needling"
    page.get_by_text(f"Downloaded unknot-knots-{today}.csv (1 record).").wait_for()

    # Made on the phone: the server was not asked, and nothing was lost on the way.
    assert not [e for e in live_server.api_log.entries if e["path"].startswith("/api/v1/export")]
    assert page.errors == []
    # Every download button is a full-size target, and nothing scrolls sideways at 360 px.
    sizes = page.eval_on_selector_all(
        "[data-export]", "els => els.map(e => e.getBoundingClientRect().height)"
    )
    assert len(sizes) == 1 + len(COLLECTIONS) and min(sizes) >= 48  # everything, then each
    assert page.evaluate("() => document.documentElement.scrollWidth <= innerWidth")
    page.get_by_role("heading", name="Your data").scroll_into_view_if_needed()
    page.screenshot(path=tmp_path / "settings-export.png")


def test_signed_in_keeps_the_account_copy_beside_the_phone_export(
    page, signed_up, open_app, store_call
):
    email = signed_up(page, "/settings")
    store_call(
        page,
        "save",
        "intakes",
        {"kind": "water", "amount": 250, "unit": "ml", "taken_at": "2026-11-27T08:00:00+00:00"},
    )
    open_app(page, "/settings")
    page.get_by_text("On a new phone, wait until it says Synced").wait_for()
    page.get_by_text("One list for a spreadsheet (CSV)").click()
    name, text = download(page, "Water and magnesium (CSV)")
    assert name.startswith("unknot-water-and-magnesium-")
    (row,) = rows(text)
    assert (row["what"], row["amount"], row["unit"]) == ("Water", "250", "ml")

    with page.expect_download() as info:
        page.get_by_role("link", name="Download from your account (JSON)").click()
    body = json.loads(info.value.path().read_text())
    assert body["account"]["email"] == email
