"""A phone whose IndexedDB was written by version 1 of pwa/store.js (rows {c, id, r, updated_at})
opens the app: every record and outbox entry is there after the upgrade, and syncs once."""

import uuid

STAMP = "2026-11-20T08:00:00.000+00:00"

# What version 1 of pwa/store.js made and wrote, written here with raw IndexedDB.
WRITE_VERSION_1 = """async ({records, outbox}) => {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('unknot', 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('records', {keyPath: ['c', 'id']}).createIndex('c', 'c');
      db.createObjectStore('outbox', {keyPath: ['c', 'id']});
      db.createObjectStore('meta');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const tx = db.transaction(['records', 'outbox', 'meta'], 'readwrite');
  for (const row of records) tx.objectStore('records').put(row);
  for (const entry of outbox) tx.objectStore('outbox').put(entry);
  tx.objectStore('meta').put(1700000000000, 'lastSyncedAt');
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onabort = () => reject(tx.error);
  });
  db.close();
}"""

READ_RAW = """async () => {
  const db = await new Promise((resolve, reject) => {
    const req = indexedDB.open('unknot');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const all = (name) => new Promise((resolve) => {
    db.transaction(name).objectStore(name).getAll().onsuccess = (e) => resolve(e.target.result);
  });
  const found = {version: db.version, stores: [...db.objectStoreNames],
                 records: await all('records'), outbox: await all('outbox')};
  db.close();
  return found;
}"""


def version_1_rows():
    """A knot waiting to sync, a synced intake, and a deleted intake waiting to sync."""
    knot_id, intake_id, deleted_id = (str(uuid.uuid4()) for _ in range(3))
    knot = {
        "id": knot_id,
        "noted_at": STAMP,
        "location": "neck",
        "created_at": STAMP,
        "updated_at": STAMP,
        "_draft": 1,
    }
    intake = {
        "id": intake_id,
        "kind": "water",
        "taken_at": STAMP,
        "created_at": STAMP,
        "updated_at": STAMP,
    }
    records = [
        {"c": "knots", "id": knot_id, "r": knot, "updated_at": STAMP},
        {"c": "intakes", "id": intake_id, "r": intake, "updated_at": STAMP},
        {"c": "intakes", "id": deleted_id, "r": None, "updated_at": STAMP},
    ]
    knot_data = {"noted_at": STAMP, "location": "neck", "created_at": STAMP}
    outbox = [
        {"c": "knots", "id": knot_id, "op": "upsert", "updated_at": STAMP, "data": knot_data},
        {"c": "intakes", "id": deleted_id, "op": "delete", "updated_at": STAMP, "data": None},
    ]
    return records, outbox


def by_id(row):
    return row["id"]


def sent_ids(live_server):
    """The ids of every change the server was sent, once per time it was sent."""
    return [
        change["id"]
        for entry in live_server.api_log.entries
        if entry["path"] == "/api/v1/sync" and entry["json"]
        for change in entry["json"]["changes"]
    ]


def test_a_version_1_store_is_carried_across_and_its_outbox_syncs_once(
    context, page, accounts, open_app, wait_for, store_call, server_rows, live_server
):
    records, outbox = version_1_rows()
    knot, intake = records[0]["r"], records[1]["r"]
    deleted_id = records[2]["id"]
    # A page of the app's origin that does not run the app: the store is written before it opens.
    page.goto("/manifest.webmanifest")
    page.evaluate(WRITE_VERSION_1, {"records": records, "outbox": outbox})
    email = accounts.register(context)

    open_app(page, "/")
    raw = page.evaluate(READ_RAW)
    assert raw["version"] == 2
    assert sorted(raw["stores"]) == ["meta", "outbox", "records"]
    # Every row, under the names that say what its fields are.
    assert sorted(raw["records"], key=by_id) == sorted(
        [
            {"collection": r["c"], "id": r["id"], "record": r["r"], "updated_at": r["updated_at"]}
            for r in records
        ],
        key=by_id,
    )
    assert sorted(raw["outbox"], key=by_id) == sorted(
        [{"collection": e["c"], **{k: v for k, v in e.items() if k != "c"}} for e in outbox],
        key=by_id,
    )

    assert store_call(page, "list", "knots") == [knot]
    assert store_call(page, "list", "intakes") == [intake]
    assert store_call(page, "get", "intakes", deleted_id) is None
    assert store_call(page, "getMeta", "lastSyncedAt") == 1700000000000

    # Signed in now: the carried outbox goes to the server, each change exactly once.
    store_call(page, "setMeta", "account", {"email": email})
    page.evaluate("async () => (await import('/sync.js')).syncNow()")
    wait_for(page, "async () => (await import('/store.js')).pendingCount().then(n => n === 0)")
    page.evaluate("async () => (await import('/sync.js')).syncNow()")
    sent = sent_ids(live_server)
    assert (sent.count(knot["id"]), sent.count(deleted_id), sent.count(intake["id"])) == (1, 1, 0)
    (row,) = server_rows("knots", email)
    assert (str(row["id"]), row["location"]) == (knot["id"], "neck")
    assert [str(r["id"]) for r in server_rows("intakes", email, deleted=True)] == [deleted_id]
    assert store_call(page, "list", "knots")[0]["_draft"] == 1  # local-only fields stay
    assert page.errors == []
