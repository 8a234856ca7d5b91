// The on-device store: the ONLY module that touches IndexedDB.
// Records live in one object store keyed [collection, id]; every change writes the record
// and its outbox entry in ONE transaction, so nothing is confirmed that is not queued.
// No DOM here: the service worker imports this module too.
//
// Records are flat: {id, created_at, updated_at, ...fields of api/sync/schemas.py}.
// Fields whose names start with "_" stay on this device and are never sent.

const DB_NAME = "unknot";
const DB_VERSION = 1;
const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("unknot-store") : null;
const listeners = new Set();
let opening = null;

function promisify(request) {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error("The change was not saved."));
  });
}

/** The one cached open promise. */
export function openDb() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const req = indexedDB.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = () => {
        const db = req.result;
        const records = db.createObjectStore("records", { keyPath: ["c", "id"] });
        records.createIndex("c", "c");
        db.createObjectStore("outbox", { keyPath: ["c", "id"] });
        db.createObjectStore("meta");
      };
      req.onsuccess = () => {
        const db = req.result;
        // Another tab upgrading the schema: close so it can go on, reopen on next use.
        db.onversionchange = () => {
          db.close();
          opening = null;
        };
        resolve(db);
      };
      req.onerror = () => {
        opening = null;
        reject(req.error);
      };
    });
  }
  return opening;
}

async function transact(stores, mode, work) {
  const db = await openDb();
  const tx = db.transaction(stores, mode);
  const result = work(tx);
  await done(tx);
  return result;
}

/** A random UUID v4. */
export function newId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** An ISO 8601 string in local time with its offset, e.g. 2026-11-25T03:12:00.000+01:00. */
export function nowIso(date = new Date()) {
  const pad = (n, w = 2) => String(Math.abs(n)).padStart(w, "0");
  const off = -date.getTimezoneOffset();
  const sign = off >= 0 ? "+" : "-";
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `.${pad(date.getMilliseconds(), 3)}${sign}${pad(Math.trunc(off / 60))}:${pad(off % 60)}`
  );
}

/** The `data` sent to the server for a record: every field but id, updated_at and local ones. */
export function toData(record) {
  const data = {};
  for (const [key, value] of Object.entries(record)) {
    if (key === "id" || key === "updated_at" || key === "deleted_at" || key.startsWith("_")) continue;
    if (key === "next_fire_at") continue; // computed by the server, refused when sent
    data[key] = value;
  }
  return data;
}

function notify(changes) {
  for (const change of changes) {
    for (const fn of listeners) {
      try {
        fn(change);
      } catch (err) {
        console.error(err);
      }
    }
  }
}

function announce(changes) {
  notify(changes);
  if (channel) channel.postMessage(changes);
}

if (channel) channel.onmessage = (event) => notify(event.data);

/** Call fn({collection, id, source: "local"|"sync"|"clear"}) after every change (here, in other tabs, and from sync). */
export function onChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Save a record (new or edited) and queue it for the server, in one transaction. */
export async function save(collection, record) {
  const now = nowIso();
  const saved = { ...record, id: record.id || newId(), created_at: record.created_at || now };
  saved.updated_at = now;
  delete saved.deleted_at;
  await transact(["records", "outbox"], "readwrite", (tx) => {
    tx.objectStore("records").put({ c: collection, id: saved.id, r: saved, updated_at: now });
    tx.objectStore("outbox").put({
      c: collection,
      id: saved.id,
      op: "upsert",
      updated_at: now,
      data: toData(saved),
    });
  });
  announce([{ collection, id: saved.id, source: "local" }]);
  return saved;
}

/** Delete a record: keep a tombstone and queue the delete, in one transaction. */
export async function remove(collection, id) {
  const now = nowIso();
  await transact(["records", "outbox"], "readwrite", (tx) => {
    tx.objectStore("records").put({ c: collection, id, r: null, updated_at: now, deleted_at: now });
    tx.objectStore("outbox").put({ c: collection, id, op: "delete", updated_at: now, data: null });
  });
  announce([{ collection, id, source: "local" }]);
}

/** One record, or undefined (also for a deleted one). */
export async function get(collection, id) {
  const row = await transact(["records"], "readonly", (tx) =>
    promisify(tx.objectStore("records").get([collection, id])),
  );
  return row && row.r ? row.r : undefined;
}

/** Every record of a collection (no tombstones, any order). */
export async function list(collection) {
  const rows = await transact(["records"], "readonly", (tx) =>
    promisify(tx.objectStore("records").index("c").getAll(collection)),
  );
  return rows.filter((row) => row.r).map((row) => row.r);
}

/** A small piece of local state (running timer, cursor, settings cache...). */
export async function getMeta(key) {
  return transact(["meta"], "readonly", (tx) => promisify(tx.objectStore("meta").get(key)));
}

export async function setMeta(key, value) {
  await transact(["meta"], "readwrite", (tx) => {
    if (value === undefined) tx.objectStore("meta").delete(key);
    else tx.objectStore("meta").put(value, key);
  });
}

// ---- For sync.js (and tests): the outbox and pulled changes. ----

/** Up to `limit` outbox entries, as sync changes {collection, id, op, updated_at, data}. */
export async function outbox(limit = 500) {
  const rows = await transact(["outbox"], "readonly", (tx) =>
    promisify(tx.objectStore("outbox").getAll(null, limit)),
  );
  return rows.map(({ c, id, op, updated_at, data }) => ({ collection: c, id, op, updated_at, data }));
}

/** How many changes wait for the server. */
export async function pendingCount() {
  return transact(["outbox"], "readonly", (tx) => promisify(tx.objectStore("outbox").count()));
}

/** Drop sent outbox entries, unless they were changed again since they were sent. */
export async function settle(sent) {
  await transact(["outbox"], "readwrite", (tx) => {
    const store = tx.objectStore("outbox");
    for (const change of sent) {
      const key = [change.collection, change.id];
      store.get(key).onsuccess = (event) => {
        const row = event.target.result;
        if (row && row.updated_at === change.updated_at) store.delete(key);
      };
    }
  });
}

const time = (iso) => (iso ? Date.parse(iso) : 0);

/** Apply changes pulled from the server; a newer local pending change wins. */
export async function applyPulled(changes) {
  const applied = [];
  await transact(["records", "outbox"], "readwrite", (tx) => {
    const records = tx.objectStore("records");
    const box = tx.objectStore("outbox");
    for (const change of changes) {
      const key = [change.collection, change.id];
      box.get(key).onsuccess = (event) => {
        const pending = event.target.result;
        if (pending && time(pending.updated_at) >= time(change.updated_at)) return;
        if (pending) box.delete(key); // the server has a newer version: ours would lose anyway
        if (change.op === "delete") {
          records.put({ c: change.collection, id: change.id, r: null, updated_at: change.updated_at });
        } else {
          // Fields kept on this device only ("_…") survive the server's version.
          records.get(key).onsuccess = (got) => {
            const old = got.target.result && got.target.result.r;
            const local = old ? Object.entries(old).filter(([k]) => k.startsWith("_")) : [];
            const r = { ...change.data, ...Object.fromEntries(local), id: change.id, updated_at: change.updated_at };
            records.put({ c: change.collection, id: change.id, r, updated_at: change.updated_at });
          };
        }
        applied.push({ collection: change.collection, id: change.id, source: "sync" });
      };
    }
  });
  if (applied.length) announce(applied);
  return applied;
}

/** Forget every record, the outbox and account state on this device (explicit choice only). */
export async function clearAll({ keep = ["theme"] } = {}) {
  const kept = {};
  for (const key of keep) kept[key] = await getMeta(key);
  await transact(["records", "outbox", "meta"], "readwrite", (tx) => {
    tx.objectStore("records").clear();
    tx.objectStore("outbox").clear();
    const meta = tx.objectStore("meta");
    meta.clear();
    for (const [key, value] of Object.entries(kept)) if (value !== undefined) meta.put(value, key);
  });
  announce([{ collection: "*", id: null, source: "clear" }]);
}

/** How many records (tombstones excluded) are on this device. */
export async function recordCount() {
  const rows = await transact(["records"], "readonly", (tx) =>
    promisify(tx.objectStore("records").getAll()),
  );
  return rows.filter((row) => row.r).length;
}
