// The only IndexedDB code (the worker uses it too). "_…" fields stay on this device.

const channel = new BroadcastChannel("unknot-store");
const listeners = new Set();
let opening = null;

const promisify = (req) =>
  new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });

function openDb() {
  if (opening) return opening;
  const req = indexedDB.open("unknot", 1);
  req.onupgradeneeded = () => {
    const db = req.result;
    db.createObjectStore("records", { keyPath: ["c", "id"] }).createIndex("c", "c");
    db.createObjectStore("outbox", { keyPath: ["c", "id"] });
    db.createObjectStore("meta");
  };
  const forget = () => (opening = null);
  return (opening = promisify(req).then((db) => {
    // let another tab upgrade
    db.onversionchange = () => {
      db.close();
      forget();
    };
    return db;
  }, (err) => {
    forget();
    throw err;
  }));
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
const toData = (r) => Object.fromEntries(Object.entries(r).filter(([k]) => k[0] !== "_" && !NOT_SENT.includes(k)));

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

// Record (null: tombstone) and outbox entry in ONE transaction.
async function write(c, id, r) {
  const updated_at = r ? r.updated_at : nowIso();
  await transact(RW, "readwrite", (records, box) => {
    records.put({ c, id, r, updated_at });
    box.put({ c, id, op: r ? "upsert" : "delete", updated_at, data: r && toData(r) });
  });
  announce([{ collection: c, id, source: "local" }]);
}

export async function save(collection, record) {
  const now = nowIso();
  const saved = { ...record, id: record.id || crypto.randomUUID(), created_at: record.created_at || now, updated_at: now };
  delete saved.deleted_at;
  await write(collection, saved.id, saved);
  return saved;
}

export const remove = (collection, id) => write(collection, id, null);

export const get = async (collection, id) => (await read("records", (s) => s.get([collection, id])))?.r || undefined;

export const list = async (collection) =>
  (await read("records", (s) => s.index("c").getAll(collection))).filter((row) => row.r).map((row) => row.r);

export const getMeta = (key) => read("meta", (s) => s.get(key));

export const setMeta = (key, value) =>
  transact(["meta"], "readwrite", (s) => {
    if (value === undefined) s.delete(key);
    else s.put(value, key);
  });

export const outbox = async (limit = 500) =>
  (await read("outbox", (s) => s.getAll(null, limit))).map(({ c, ...rest }) => ({ collection: c, ...rest }));

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
    for (const { collection: c, id, op, updated_at, data } of changes) {
      const key = [c, id];
      box.get(key).onsuccess = (e) => {
        const pending = e.target.result;
        if (pending && Date.parse(pending.updated_at) >= Date.parse(updated_at)) return;
        if (pending) box.delete(key); // it would lose
        if (op === "delete") records.put({ c, id, r: null, updated_at });
        else {
          records.get(key).onsuccess = (got) => {
            const local = Object.entries(got.target.result?.r || {}).filter(([k]) => k[0] === "_");
            records.put({ c, id, r: { ...data, ...Object.fromEntries(local), id, updated_at }, updated_at });
          };
        }
        applied.push({ collection: c, id, source: "sync" });
      };
    }
  });
  if (applied.length) announce(applied);
  return applied;
}

export async function clearAll() {
  await transact([...RW, "meta"], "readwrite", (...stores) => stores.forEach((s) => s.clear()));
  announce([{ collection: "*", id: null, source: "clear" }]);
}
