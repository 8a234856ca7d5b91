"""The doctor's page (/report): made offline from a month of records on the phone, printed to a
PDF by Chromium on A4 and US Letter, one page (two with the list of every episode), its headline
numbers read back with pdftotext; the print is black on white whatever the app's colours."""

import json
import subprocess
from datetime import UTC, datetime, timedelta

import pytest

# 12 cramps on 10 nights, 23:00 UTC (the phone's zone here) 1 to 25 days ago.
CRAMP_DAYS = [1, 2, 2, 4, 6, 8, 8, 11, 15, 18, 21, 25]
LENGTHS = [60, 90, 120, 120, 150, 180, 180, 240, 300, 300, 420, 600]  # median 3 min, longest 10
MUSCLES = ["calf", "calf", "foot", "calf", "hamstring", "calf"] * 2


def month_of_records():
    evening = datetime.now(UTC).replace(hour=23, minute=0, second=0, microsecond=0)
    at = lambda days, hours=0: (evening - timedelta(days=days, hours=hours)).isoformat()  # noqa: E731
    cramps = [
        {
            "started_at": at(d),
            "ended_at": (evening - timedelta(days=d) + timedelta(seconds=s)).isoformat(),
            "muscle": m,
            "side": "left",
            "intensity": 6,
            "reliefs_tried": ["stretch"] if i % 2 else [],
            "reliefs_helped": ["stretch"] if i % 4 == 1 else [],
        }
        for i, (d, s, m) in enumerate(zip(CRAMP_DAYS, LENGTHS, MUSCLES, strict=True))
    ]
    knots = [
        {"noted_at": at(d, 10), "location": loc, "intensity": 5, "helped": ["heat"]}
        for d, loc in [(3, "neck"), (5, "neck"), (9, "shoulders"), (20, "neck")]
    ]
    weakness = [
        {"noted_at": at(d, 8), "body_area": "legs", "severity": 6, "jelly_legs": d == 7}
        for d in (7, 14, 22)
    ]
    intakes = [{"taken_at": at(d, 12), "kind": "water", "amount": 250} for d in range(1, 15)]
    intakes += [{"taken_at": at(d, 2), "kind": "magnesium"} for d in (1, 3, 5)]
    today = evening.date()
    checkins = [
        {
            "day": (today - timedelta(days=d)).isoformat(),
            "fatigue": 4 + d % 5,
            "crash": d == 6,
            "stiffness": 3,
            "sleep": 7,
            "woke_with_cramp": d in (2, 9) if d <= 10 else None,
        }
        for d in range(1, 27)
    ]
    return {
        "cramps": cramps,
        "knots": knots,
        "weakness": weakness,
        "intakes": intakes,
        "checkins": checkins,
    }


def seed(page, records):
    page.evaluate(
        "async (all) => { const s = await import('/store.js');"
        " for (const [c, rs] of Object.entries(all)) for (const r of rs) await s.save(c, r); }",
        records,
    )


def drawn(page, wait_for, after=0):
    wait_for(page, f"() => +document.querySelector('[data-report]')?.dataset.drawn > {after}")
    return int(page.get_attribute("[data-report]", "data-drawn"))


def pdf_facts(page, tmp_path, name, size):
    """Print the page as Chromium does; return (page count, text) read back by poppler."""
    path = tmp_path / f"{name}.pdf"
    path.write_bytes(page.pdf(format=size, print_background=True))
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    text = subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True, text=True)
    subprocess.run(["pdftoppm", "-png", "-r", "80", path, tmp_path / name], check=True)
    return pages, " ".join(text.stdout.split())


@pytest.fixture
def offline_report(context, page, open_app, wait_for):
    open_app(page, "/")
    seed(page, month_of_records())
    context.set_offline(True)
    # Reached from Settings by a plain link, offline and without an account.
    open_app(page, "/settings")
    page.get_by_role("link", name="Report for your doctor").click()
    page.wait_for_function("() => document.documentElement.dataset.screen === 'report'")
    drawn(page, wait_for)
    return page


def test_one_page_pdf_on_a4_and_letter_with_the_headline_numbers(offline_report, tmp_path):
    page = offline_report
    assert page.locator("main h1").inner_text() == "Report for your doctor"
    assert "12 cramps on 10 nights." in page.locator("[data-figure=cramps]").inner_text()
    for size in ("A4", "Letter"):
        pages, text = pdf_facts(page, tmp_path, size, size)
        assert pages == 1, (size, text)
        assert "12 cramps on 10 nights." in text
        assert "Median length 3 minutes, longest 10 minutes (from 12 timed cramps)." in text
        assert "Muscles: Calf 8, Foot 2, Hamstring 2." in text
        assert "the person's own logs" in text
        assert "Stretching: tried in 6 cramps, marked as helping 3 times" in text
        assert "Knots: 4 knots on 4 days. Where: Neck 3, Shoulders 1." in text
        assert "Weakness: 3 times on 3 days. Where: Legs 3. Legs turned to jelly: 1 time." in text
        assert "Crashes: 1 (of 26 mornings answered)." in text
        assert "Magnesium on 3 of 28 days; water on 14 of 28 days." in text
        assert "Morning stiffness: median 3" in text
        assert "Sleep (10 = slept very well): median 7" in text
        assert "Woke with a cramp: 2 of 10 mornings answered." in text
        # the left lower leg (calf, foot) and upper leg (hamstring), the neck, both shoulder
        # girdles (the old word "shoulders")
        assert "5 of 19 pain areas with a knot or cramp" in " ".join(text.split())
        assert "Information recorded by the patient; not a diagnosis." in text
        assert "Unknot 1.0.0" in text
        # Nothing of the app around the page is printed.
        assert "Save as PDF" not in text and "Settings" not in text
    assert page.errors == []


def test_the_list_of_every_episode_is_a_second_page(offline_report, wait_for, tmp_path):
    page = offline_report
    before = drawn(page, wait_for)
    page.get_by_label("Add a second page: every cramp, knot and weakness").check()
    drawn(page, wait_for, before)
    assert page.locator("[data-page='2'] tbody tr").count() == 12 + 4 + 3
    for size in ("A4", "Letter"):
        pages, text = pdf_facts(page, tmp_path, f"raw-{size}", size)
        assert pages == 2, (size, text)
        assert "Every cramp, knot and weakness in the period" in text
        assert "Weakness (legs turned to jelly)" in text


def test_a_typed_name_is_printed_and_kept_on_the_phone_only(
    offline_report, wait_for, store_call, tmp_path
):
    page = offline_report
    assert page.locator("[data-name]").count() == 0  # no name unless typed
    before = drawn(page, wait_for)
    page.fill("#r-name", "Ada Example")
    page.press("#r-name", "Tab")
    drawn(page, wait_for, before)
    _, text = pdf_facts(page, tmp_path, "named", "A4")
    assert "Name: Ada Example" in text
    assert store_call(page, "getMeta", "reportName") == "Ada Example"
    # Not in any record waiting for the server (the month's records are, with no account).
    assert "Ada" not in json.dumps(store_call(page, "outbox", 10_000))


def test_three_months_and_chosen_dates(offline_report, wait_for):
    page = offline_report
    before = drawn(page, wait_for)
    page.get_by_label("Last 3 months").check()
    before = drawn(page, wait_for, before)
    assert "(91 days)" in page.locator(".report-head").first.inner_text()
    assert "Magnesium on 3 of 91 days" in page.locator("[data-figure=intakes]").inner_text()
    page.get_by_label("Choose dates").check()
    before = drawn(page, wait_for, before)
    day = (datetime.now(UTC) - timedelta(days=2)).date().isoformat()
    page.fill("#r-from", day)
    before = drawn(page, wait_for, before)
    page.fill("#r-to", day)
    drawn(page, wait_for, before)
    # 2 days ago at 23:00 UTC: two cramps on one night.
    assert "2 cramps on 1 night." in page.locator("[data-figure=cramps]").inner_text()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_print_is_black_on_white_whatever_the_app_colours(offline_report, scheme, tmp_path):
    page = offline_report
    page.emulate_media(color_scheme=scheme)
    colours = (
        "() => { const s = getComputedStyle(document.querySelector('.report-page'));"
        " return [s.backgroundColor, s.color]; }"
    )
    screen = page.evaluate(colours)
    assert (screen[0] == "rgb(255, 255, 255)") == (scheme == "light"), screen  # the preview follows
    page.emulate_media(media="print", color_scheme=scheme)
    assert page.evaluate(colours) == ["rgb(255, 255, 255)", "rgb(0, 0, 0)"]
    body = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
    assert body == "rgb(255, 255, 255)"
    pages, _ = pdf_facts(page, tmp_path, f"print-{scheme}", "A4")
    assert pages == 1


def test_reached_from_what_helps_me_and_not_loaded_by_today(page, open_app):
    open_app(page, "/")
    loaded = page.evaluate(
        "() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname)"
    )
    assert "/screens/today.js" in loaded
    assert not [p for p in loaded if "report" in p], loaded
    open_app(page, "/helps")
    page.get_by_role("link", name="Report for your doctor").click()
    page.wait_for_function("() => document.documentElement.dataset.screen === 'report'")
    assert page.locator("[data-page='1'] [data-figure=cramps]").count() == 0  # no cramps yet
    assert "No cramps logged in this period." in page.locator("[data-section=cramps]").inner_text()
    assert page.errors == []
