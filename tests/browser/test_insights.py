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
    assert durations.locator(".big-number").inner_text() == "2 minutes"  # median of 60s and 180s
    heat = figure(page, "reliefs").locator("[data-relief=heat]")
    assert heat.get_attribute("data-enough") == "true"
    text = heat.inner_text()
    assert "with it lasted 60 seconds (from 7 cramps)" in text
    assert "without it 3 minutes (from 7 cramps)" in text
    assert "helping 1 time" in text

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
