"""Sync batches sized by bytes: long text made offline reaches the server, whatever its size."""

from tests.browser.conftest import PENDING, synced

NOTES = "😖" * 2000  # the longest notes the server takes: 8,000 bytes of UTF-8
WORDS = ["😖" * 60] * 20  # the most words a list takes, each as long as it may be: 4,900 bytes

SAVE_CRAMPS = """async ([n, notes, words]) => {
  const store = await import('/store.js');
  const ids = [];
  for (let i = 0; i < n; i++) {
    const at = new Date(Date.UTC(2026, 10, 20, 8, 0, i)).toISOString();
    const lists = {triggers: words, reliefs_tried: words, reliefs_helped: words};
    const cramp = {started_at: at, notes, ...lists};
    ids.push((await store.save('cramps', cramp)).id);
  }
  return ids;
}"""


def sync_requests(live_server, email_ids):
    """The sync requests the server got that carried any of these ids, as lists of ids."""
    wanted = set(email_ids)
    sent = [
        [c["id"] for c in (entry["json"] or {}).get("changes", [])]
        for entry in live_server.api_log.entries
        if entry["path"] == "/api/v1/sync"
    ]
    return [ids for ids in sent if wanted & set(ids)]


def test_long_text_made_offline_reaches_the_server_once(
    context, page, signed_up, wait_for, server_rows, live_server
):
    email = signed_up(page, offline=True)
    ids = page.evaluate(SAVE_CRAMPS, [250, NOTES, WORDS])  # 23 kB each: 5.7 MB in all
    assert page.evaluate(PENDING) == 250

    context.set_offline(False)
    synced(page, wait_for, timeout=90)
    rows = server_rows("cramps", email)
    assert sorted(str(r["id"]) for r in rows) == sorted(ids)
    assert all(r["notes"] == NOTES for r in rows)
    sent = sync_requests(live_server, ids)
    assert sorted(i for batch in sent for i in batch) == sorted(ids)  # each id sent once
    assert len(sent) > 1


def test_a_smaller_limit_halves_batches_and_a_record_that_never_fits_waits_aside(
    context, page, signed_up, wait_for, store_call, server_rows, live_server
):
    email = signed_up(page, offline=True)
    ids = page.evaluate(SAVE_CRAMPS, [20, NOTES, WORDS])  # 23 kB each
    steps = [{"title": "😖" * 200, "minutes": 5}] * 50  # 42 kB: more than the limit below
    activity = {"title": "Move", "energy_cost": 3, "steps": steps}
    big = store_call(page, "save", "activities", activity)

    limit = live_server.app.config["MAX_CONTENT_LENGTH"]
    live_server.app.config["MAX_CONTENT_LENGTH"] = 40_000  # as a strict proxy in front would
    try:
        context.set_offline(False)
        synced(page, wait_for, timeout=90)
    finally:
        live_server.app.config["MAX_CONTENT_LENGTH"] = limit

    assert sorted(str(r["id"]) for r in server_rows("cramps", email)) == sorted(ids)
    assert server_rows("activities", email) == []
    assert store_call(page, "get", "activities", big["id"])["steps"] == steps  # still here
    banner = page.locator("[data-banner=attention]")
    assert "1 record needs a look before syncing." in banner.inner_text()
    banner.get_by_role("button", name="Show").click()
    shown = page.locator("[data-attention]").inner_text()
    assert "Too large to send to the server. It stays on this phone." in shown
    assert page.errors == []
