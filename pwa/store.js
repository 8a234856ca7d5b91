// The only IndexedDB code (the worker uses it too). "_…" fields stay on this device.
import { checkRecord } from "./lib/check.js";

const channel = new BroadcastChannel("unknot-store");
const listeners = new Set();
let opening = null;

const promisify = (req) =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

// Version 1 named a row's fields c (collection) and r (record); version 2 says what they are.
const VERSION = 2;
const KEY = ["collection", "id"];

const createRecords = (db) => {
  const records = db.createObjectStore("records", { keyPath: KEY });
  records.createIndex("collection", "collection");
  return records;
};
const createOutbox = (db) => db.createObjectStore("outbox", { keyPath: KEY });
const fromVersion1 = {
  records: ({ c, id, r, updated_at }) => ({ collection: c, id, record: r, updated_at }),
  outbox: ({ c, ...entry }) => ({ collection: c, ...entry }),
};

// A key path cannot change in place: read every row, make the store again, write them back,
// all inside the upgrade's one transaction (nothing is lost if it fails half-way).
function carryAcross(db, tx, name, create) {
  tx.objectStore(name).getAll().onsuccess = (e) => {
    db.deleteObjectStore(name);
    const store = create(db);
    for (const row of e.target.result) store.put(fromVersion1[name](row));
  };
}

function upgrade(db, tx, oldVersion) {
  if (oldVersion === 0) {
    createRecords(db);
    createOutbox(db);
    db.createObjectStore("meta");
    return;
  }
  if (oldVersion === 1) {
    carryAcross(db, tx, "records", createRecords);
    carryAcross(db, tx, "outbox", createOutbox);
  }
}

function openDb() {
  if (opening) return opening;
  const req = indexedDB.open("unknot", VERSION);
  req.onupgradeneeded = (e) => upgrade(req.result, req.transaction, e.oldVersion);
  const forget = () => {
    opening = null;
  };
  opening = promisify(req).then(
    (db) => {
      // let another tab upgrade
      db.onversionchange = () => {
        db.close();
        forget();
      };
      return db;
    },
    (err) => {
      forget();
      throw err;
    },
  );
  return opening;
}

async function transact(names, mode, work) {
  const tx = (await openDb()).transaction(names, mode);
  const result = work(...names.map((n) => tx.objectStore(n)));
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onabort = () => reject(tx.error || new Error("The change was not saved."));
  });
  return result;
}

const read = (name, ask) => transact([name], "readonly", (s) => promisify(ask(s)));
const RW = ["records", "outbox"];

export function nowIso(d = new Date()) {
  const off = -d.getTimezoneOffset();
  const p = (n) => String(Math.abs(Math.trunc(n))).padStart(2, "0");
  return `${new Date(d.getTime() + off * 60000).toISOString().slice(0, -1)}${off < 0 ? "-" : "+"}${p(off / 60)}:${p(off % 60)}`;
}

// next_fire_at is the server's
const NOT_SENT = ["id", "updated_at", "deleted_at", "next_fire_at"];
const toData = (r) =>
  Object.fromEntries(Object.entries(r).filter(([k]) => k[0] !== "_" && !NOT_SENT.includes(k)));

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
  channel.postMessage(changes);
}

channel.onmessage = (e) => notify(e.data);

export function onChange(fn) {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

// Strictly later than the record's previous updated_at, even for two saves in one millisecond:
// settle() tells the entry it sent from a newer one only by updated_at.
function nextStamp(previous) {
  return nowIso(new Date(Math.max(Date.now(), (Date.parse(previous) || 0) + 1)));
}

// Record (null: tombstone) and outbox entry in ONE transaction; returns what was stored.
async function write(collection, id, record) {
  let stored = null;
  await transact(RW, "readwrite", (records, box) => {
    records.get([collection, id]).onsuccess = (e) => {
      const updated_at = nextStamp(e.target.result?.updated_at);
      stored = record && { ...record, updated_at };
      records.put({ collection, id, record: stored, updated_at });
      box.put({
        collection,
        id,
        op: record ? "upsert" : "delete",
        updated_at,
        data: stored && toData(stored),
      });
    };
  });
  announce([{ collection, id, source: "local" }]);
  return stored;
}

// `restore`: put back a record exactly as it was (an Undo), past the check: one the server
// refused is refused again, and is listed again for the person to fix or delete.
export async function save(collection, record, { restore = false } = {}) {
  const saved = {
    ...record,
    id: record.id || crypto.randomUUID(),
    created_at: record.created_at || nowIso(),
  };
  delete saved.deleted_at;
  if (!restore) checkRecord(collection, saved); // throws rather than queue what the server refuses
  return write(collection, saved.id, saved);
}

export const remove = async (collection, id) => {
  await write(collection, id, null);
};

export const get = async (collection, id) =>
  (await read("records", (s) => s.get([collection, id])))?.record || undefined;

export const list = async (collection) =>
  (await read("records", (s) => s.index("collection").getAll(collection)))
    .filter((row) => row.record)
    .map((row) => row.record);

export const getMeta = (key) => read("meta", (s) => s.get(key));

export const setMeta = (key, value) =>
  transact(["meta"], "readwrite", (s) => {
    if (value === undefined) s.delete(key);
    else s.put(value, key);
  });

export const outbox = (limit = 500) => read("outbox", (s) => s.getAll(null, limit));

export const pendingCount = () => read("outbox", (s) => s.count());

export const settle = (sent) =>
  transact(["outbox"], "readwrite", (box) => {
    for (const { collection, id, updated_at } of sent) {
      const key = [collection, id];
      box.get(key).onsuccess = (e) => {
        if (e.target.result?.updated_at === updated_at) box.delete(key);
      };
    }
  });

export async function applyPulled(changes) {
  const applied = [];
  await transact(RW, "readwrite", (records, box) => {
    for (const { collection, id, op, updated_at, data } of changes) {
      const key = [collection, id];
      box.get(key).onsuccess = (e) => {
        const pending = e.target.result;
        if (pending && Date.parse(pending.updated_at) >= Date.parse(updated_at)) return;
        if (pending) box.delete(key); // it would lose
        if (op === "delete") records.put({ collection, id, record: null, updated_at });
        else {
          records.get(key).onsuccess = (got) => {
            const local = Object.entries(got.target.result?.record || {}).filter(
              ([k]) => k[0] === "_",
            );
            records.put({
              collection,
              id,
              record: { ...data, ...Object.fromEntries(local), id, updated_at },
              updated_at,
            });
          };
        }
        applied.push({ collection, id, source: "sync" });
      };
    }
  });
  if (applied.length) announce(applied);
  return applied;
}

export async function clearAll() {
  await transact([...RW, "meta"], "readwrite", (...stores) => {
    for (const s of stores) s.clear();
  });
  announce([{ collection: "*", id: null, source: "clear" }]);
}
