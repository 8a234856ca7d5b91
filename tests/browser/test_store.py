"""pwa/store.js in the browser: one transaction per change, outbox rules, pulled changes."""

from datetime import UTC, datetime

PAST = "2020-01-01T00:00:00.000+00:00"
FUTURE = "2999-01-01T00:00:00.000+00:00"


def test_save_writes_the_record_and_its_outbox_entry(page, open_app, store_call):
    open_app(page, "/", controlled=False)
    saved = store_call(page, "save", "knots", {"noted_at": PAST, "location": "neck", "_draft": 1})
    assert saved["id"] and saved["created_at"] and saved["updated_at"]
    assert store_call(page, "get", "knots", saved["id"]) == saved
    (entry,) = store_call(page, "outbox")
    assert entry["op"] == "upsert" and entry["updated_at"] == saved["updated_at"]
    # id, updated_at and local-only fields are not part of `data`.
    assert set(entry["data"]) == {"noted_at", "location", "created_at"}


def test_an_entry_changed_again_in_the_same_millisecond_is_kept(page, open_app, store_call):
    open_app(page, "/", controlled=False)
    page.clock.set_fixed_time(datetime(2026, 11, 25, 9, 0, tzinfo=UTC))  # Date.now() stands still
    first = store_call(page, "save", "knots", {"noted_at": PAST, "location": "neck"})
    sent = store_call(page, "outbox")
    second = store_call(page, "save", "knots", {**first, "location": "back"})
    assert second["updated_at"] > first["updated_at"]  # both ISO, same offset: text order is time
    store_call(page, "settle", sent)  # the server accepted the first version only
    (left,) = store_call(page, "outbox")
    assert left["data"]["location"] == "back" and left["updated_at"] == second["updated_at"]

    store_call(page, "remove", "knots", first["id"])  # a delete, still the same millisecond
    (gone,) = store_call(page, "outbox")
    assert gone["op"] == "delete" and gone["updated_at"] > second["updated_at"]
    store_call(page, "settle", [left])
    assert store_call(page, "pendingCount") == 1
    store_call(page, "settle", store_call(page, "outbox"))
    assert store_call(page, "pendingCount") == 0


def test_a_change_after_a_pulled_one_is_later_than_it(page, open_app, store_call):
    """A record pulled with a stamp ahead of this phone's clock is changed here: the change wins."""
    open_app(page, "/", controlled=False)
    pulled = {
        "collection": "knots",
        "id": "5b0c3c2e-8d3e-4c55-9a40-2f1e7b2a1c01",
        "op": "upsert",
        "updated_at": FUTURE,
        "data": {"noted_at": PAST, "location": "server", "created_at": PAST},
    }
    store_call(page, "applyPulled", [pulled])
    mine = store_call(page, "save", "knots", {**store_call(page, "get", "knots", pulled["id"])})
    assert datetime.fromisoformat(mine["updated_at"]) > datetime.fromisoformat(FUTURE)


def test_pulled_changes_never_overwrite_a_newer_local_change(page, open_app, store_call):
    open_app(page, "/", controlled=False)
    mine = store_call(page, "save", "knots", {"noted_at": PAST, "location": "neck", "_x": 1})
    older = {
        "collection": "knots",
        "id": mine["id"],
        "op": "upsert",
        "updated_at": PAST,
        "data": {"noted_at": PAST, "location": "server", "created_at": PAST},
    }
    store_call(page, "applyPulled", [older])
    assert store_call(page, "get", "knots", mine["id"])["location"] == "neck"
    assert store_call(page, "pendingCount") == 1

    newer = {**older, "updated_at": FUTURE}
    store_call(page, "applyPulled", [newer])
    got = store_call(page, "get", "knots", mine["id"])
    assert got["location"] == "server" and got["_x"] == 1  # local-only fields stay
    assert store_call(page, "pendingCount") == 0  # ours would have lost anyway

    store_call(page, "applyPulled", [{**newer, "op": "delete", "data": None}])
    assert store_call(page, "get", "knots", mine["id"]) is None
    assert store_call(page, "list", "knots") == []


def test_remove_keeps_a_tombstone_and_queues_the_delete(page, open_app, store_call):
    open_app(page, "/", controlled=False)
    rec = store_call(page, "save", "intakes", {"kind": "water", "taken_at": PAST})
    store_call(page, "remove", "intakes", rec["id"])
    assert store_call(page, "list", "intakes") == []
    (entry,) = store_call(page, "outbox")
    assert entry["op"] == "delete" and entry["data"] is None


def test_changes_reach_other_tabs(context, open_app, wait_for, store_call):
    one = open_app(context.new_page(), "/", controlled=False)
    two = open_app(context.new_page(), "/", controlled=False)
    two.evaluate(
        "async () => { window.seen = []; (await import('/store.js')).onChange(c => seen.push(c)); }"
    )
    rec = store_call(one, "save", "intakes", {"kind": "water", "taken_at": PAST})
    seen = wait_for(two, "() => window.seen.length && window.seen")
    assert seen[0]["id"] == rec["id"] and seen[0]["collection"] == "intakes"


def test_local_day_starts_at_the_chosen_hour(page, open_app):
    open_app(page, "/", controlled=False)
    days = page.evaluate(
        """async () => { const d = await import('/lib/day.js');
        return [d.localDay(new Date(2026, 10, 25, 3, 59)), d.localDay(new Date(2026, 10, 25, 4, 0)),
                d.localDay(new Date(2026, 10, 25, 0, 30), 0), d.addDays('2026-12-31', 1)]; }"""
    )
    assert days == ["2026-11-24", "2026-11-25", "2026-11-25", "2027-01-01"]
