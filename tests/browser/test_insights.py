"""What helps me (/helps): figures only with enough entries, always with their counts."""

from datetime import UTC, datetime, timedelta


def cramp(start, seconds, tried=(), helped=()):
    """A finished cramp record, as the app stores it."""
    return {
        "started_at": start.isoformat(),
        "ended_at": (start + timedelta(seconds=seconds)).isoformat(),
        "reliefs_tried": list(tried),
        "reliefs_helped": list(helped),
    }


def seed(page, collection, records):
    page.evaluate(
        "async ([c, rs]) => { const s = await import('/store.js');"
        " for (const r of rs) await s.save(c, r); }",
        [collection, records],
    )


def figure(page, name):
    return page.locator(f"[data-figure={name}]")


def test_few_entries_say_how_many_more_are_needed(page, open_app):
    open_app(page, "/")
    now = datetime.now(UTC).replace(microsecond=0)
    seed(page, "cramps", [cramp(now - timedelta(days=2), 120), cramp(now - timedelta(days=1), 60)])
    seed(page, "knots", [{"noted_at": now.isoformat(), "location": "neck", "helped": []}])
    open_app(page, "/helps")
    assert page.locator("main h1").inner_text() == "What helps me"
    expected = {
        "durations": "log 1 more cramp to see this",
        "weeks": "log 3 more cramps to see this",
        "hours": "log 3 more cramps to see this",
        "knots": "log 4 more knots to see this",
        "weakness": "log 5 more entries to see this",
    }
    for name, text in expected.items():
        assert text in figure(page, name).locator("[data-need]").inner_text(), name
    count = figure(page, "durations").locator("[data-count]").inner_text()
    assert count == "2 finished cramps so far"
    assert "Nothing marked as tried yet" in figure(page, "reliefs").inner_text()
    assert page.locator("main svg").count() == 0
    sleep = figure(page, "sleep").locator("[data-sleep]")
    assert sleep.get_attribute("data-sleep") == "need"
    assert sleep.inner_text().startswith("Not enough yet: 0 nights after poor sleep")
    assert page.errors == []


def test_enough_entries_show_figures_with_their_counts(page, open_app, wait_for):
    open_app(page, "/helps")
    assert figure(page, "weeks").locator("[data-need]").count() == 1
    now = datetime.now(UTC).replace(microsecond=0)
    # 14 cramps over 6 weeks: heat tried in 7 of them (1 minute each), not in the others (3 min).
    cramps = [
        cramp(now - timedelta(days=3 * i, hours=1), 60 if i % 2 else 180, ["heat"] if i % 2 else [])
        for i in range(14)
    ]
    cramps[1]["reliefs_helped"] = ["heat"]
    seed(page, "cramps", cramps)
    knots = [
        {"noted_at": now.isoformat(), "location": loc, "helped": ["heat"]}
        for loc in ["neck", "neck", "neck", "hips", "upper back", "legs"]
    ]
    seed(page, "knots", knots)
    # The screen redraws by itself when records change.
    wait_for(page, "() => !document.querySelector('[data-figure=weeks] [data-need]')")

    durations = figure(page, "durations")
    assert durations.locator("[data-count]").inner_text() == "From 14 cramps"
    assert durations.locator(".big-number").inner_text() == "2 min"  # median of 60s and 180s
    reliefs = figure(page, "reliefs")
    heat = reliefs.locator("li[data-relief=heat]")
    assert heat.get_attribute("data-enough") == "true"
    assert heat.get_attribute("data-certain") == "true"
    assert heat.inner_text() == (
        "Heat or a warm compress: your cramps were about a third as long with it"
        " (1 min vs 3 min without, 7 and 7 cramps). You marked it as helping 1 time."
    )
    # The chart beside the words: heat's two lengths, and the same sentence read out.
    chart = reliefs.locator("[data-relief-chart]")
    row = chart.locator("[data-relief=heat]")
    assert row.get_attribute("data-certain") == "true"
    assert row.locator("rect.chart-bar").count() == 2
    assert row.locator("[data-bar=with]").inner_text().split() == "with 1 min, 7 cramps".split()
    assert (
        row.locator("[data-bar=without]").inner_text().split() == "without 3 min, 7 cramps".split()
    )
    # Read out as one picture: its title, then the same sentences as the list.
    said = chart.get_attribute("aria-label")
    assert said.startswith("Typical cramp length with and without each thing tried. Heat or a")
    assert chart.get_attribute("role") == "img"
    between = reliefs.locator("[data-between]")
    assert between.inner_text().startswith("Magnesium and water or electrolytes act over days")
    assert between.locator("a").get_attribute("href") == "/experiments"

    weeks = figure(page, "weeks")
    assert weeks.locator("[data-count]").inner_text() == "From 14 cramps in the last 8 weeks"
    chart = weeks.locator("svg[role=img]")
    assert chart.count() == 1 and chart.locator("rect.chart-bar").count() == 8
    desc = chart.locator("desc").text_content()
    assert desc.startswith("14 cramps in the last 8 weeks.")
    assert chart.get_attribute("aria-describedby")  # the summary is read out
    hours = figure(page, "hours")
    assert hours.locator("[data-count]").inner_text() == "From 14 cramps"
    assert hours.locator("rect.chart-bar").count() == 24
    knots = figure(page, "knots")
    assert knots.locator("[data-count]").inner_text() == "From 6 knots"
    assert "Most knots were in the neck: 3 of 6." in knots.inner_text()
    assert "heat (6)" in knots.inner_text()
    assert page.errors == []


def test_magnesium_and_water_tried_during_old_cramps_load_but_are_not_compared(page, open_app):
    open_app(page, "/")
    now = datetime.now(UTC).replace(microsecond=0)
    # Older records, from when magnesium and water were offered as tried during a cramp.
    cramps = [
        cramp(now - timedelta(days=i + 1), 60 * (i + 1), ["magnesium", "stretch"], ["magnesium"])
        for i in range(3)
    ] + [cramp(now - timedelta(days=i + 5), 240, ["water"]) for i in range(3)]
    seed(page, "cramps", cramps)
    open_app(page, "/helps")
    reliefs = figure(page, "reliefs")
    assert reliefs.locator("[data-relief=magnesium]").count() == 0
    assert reliefs.locator("[data-relief=water]").count() == 0
    stretch = reliefs.locator("li[data-relief=stretch]")
    assert stretch.get_attribute("data-certain") == "false"  # 3 and 3: too few to be sure
    assert stretch.inner_text() == (
        "Stretching: your cramps were about half as long with it (2 min vs 4 min without,"
        " 3 and 3 cramps). Uncertain: too few cramps to be sure (5 on each side needed)."
    )
    row = reliefs.locator("[data-relief-chart] [data-relief=stretch]")
    assert row.get_attribute("class") == "relief-row chart-uncertain"
    assert row.locator(".relief-title").inner_text() == "Stretching (uncertain)"

    # Editing an old cramp keeps what it listed: magnesium is shown as tried, not dropped.
    stored = page.evaluate("async () => (await import('/store.js')).list('cramps')")
    old = next(c for c in stored if "magnesium" in c["reliefs_tried"])
    open_app(page, f"/cramp?edit={old['id']}")
    tried = page.locator("[data-chips=tried]")
    tried.locator(".chip[data-value=magnesium]").wait_for()
    assert tried.locator(".chip[data-value=magnesium]").get_attribute("aria-pressed") == "true"
    helped = page.locator("[data-chips=helped] .chip[data-value=magnesium]")
    assert helped.get_attribute("aria-pressed") == "true"
    assert page.errors == []


def test_a_fresh_cramp_offers_only_what_acts_during_one(page, open_app):
    open_app(page, "/cramp")
    page.click("[data-action=start]")
    tried = page.locator("[data-chips=tried]")
    tried.locator(".chip").first.wait_for()
    values = tried.locator(".chip").evaluate_all("cs => cs.map(c => c.dataset.value)")
    assert values == ["stretch", "heat", "massage", "walk"]
    assert page.errors == []


def test_cramp_nights_after_poor_and_good_sleep_with_counts(page, open_app):
    open_app(page, "/")
    first = (datetime.now(UTC) - timedelta(days=30)).date()
    checkins = [
        {"day": (first + timedelta(days=i)).isoformat(), "sleep": 2 if i % 2 else 8}
        for i in range(14)
    ]
    seed(page, "checkins", checkins)
    open_app(page, "/helps")
    sleep = figure(page, "sleep")
    assert sleep.locator("[data-count]").inner_text() == "From 13 nights"
    assert sleep.locator("[data-sleep]").inner_text() == (
        "Cramps came about as often after poor and good sleep: a cramp on 0 of 6 nights after"
        " poor sleep and 0 of 7 nights after good sleep."
    )
    assert "Poor sleep: 4 or less out of 10; good: 6 or more." in sleep.inner_text()
    assert page.errors == []
