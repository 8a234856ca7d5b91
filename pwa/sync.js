// The sync client: pushAndPull() sends the outbox and pulls what changed (the worker runs it
// for Background Sync); statusEvents tell the screens how it stands.

import { api } from "./api.js";
import { takeBatch } from "./lib/batch.js";
import * as store from "./store.js";

const BATCH = 500;
// This server takes 4 MiB a request; a proxy in front may take only 1 MiB (nginx's default).
const BATCH_BYTES = 900_000;
const TOO_LARGE = "Too large to send to the server. It stays on this phone.";
export const SYNC_TAG = "unknot-sync";
export const statusEvents = new EventTarget(); // "status": the new state, after each change

let state = { phase: "idle", pending: 0 };

function setState(changes) {
  state = { ...state, ...changes };
  statusEvents.dispatchEvent(new CustomEvent("status", { detail: state }));
}

export const syncState = () => state;

// Work the status out again from the store and the network (no request).
export async function readStatus() {
  const [pending, attention, account, lastSyncedAt, authLost] = await Promise.all([
    store.pendingCount(),
    ...["attention", "account", "lastSyncedAt", "authLost"].map(store.getMeta),
  ]);
  let { phase } = state;
  if (phase !== "syncing") {
    phase = !navigator.onLine
      ? "offline"
      : !account
        ? "local"
        : authLost
          ? "signin"
          : phase === "error"
            ? phase
            : "idle";
  }
  setState({
    phase,
    pending,
    account,
    lastSyncedAt,
    attention: attention?.length,
    signedOut: authLost === "signed-out",
  });
  return state;
}

const TEXT = {
  offline: "Offline — saved on this phone",
  local: "Saved on this phone",
  syncing: "Syncing…",
};

export function statusText(s = state) {
  const waiting = s.pending ? `${s.pending} waiting to sync` : "";
  const and = (text) => (waiting ? `${text} · ${waiting}` : text);
  if (TEXT[s.phase]) return TEXT[s.phase];
  if (s.phase === "signin")
    return s.signedOut ? "Signed out — saved on this phone" : and("Please sign in again");
  if (s.phase === "error") return and("Sync failed, will retry");
  if (waiting) return waiting;
  if (!s.lastSyncedAt) return "Not synced yet";
  const min = Math.floor((Date.now() - s.lastSyncedAt) / 60000);
  const h = Math.floor(min / 60);
  if (min < 1) return "Synced just now";
  return `Synced ${min < 60 ? `${min} min` : h < 24 ? `${h} h` : `${Math.floor(h / 24)} days`} ago`;
}

export const attention = async () => (await store.getMeta("attention")) || [];

async function addAttention(entries) {
  const list = (await attention()).filter((x) => !entries.some((e) => e.id === x.id));
  await store.setMeta("attention", [...list, ...entries]);
}

// A refused record the person changed or deleted here is no longer "refused": it goes again.
async function forgetChanged(change) {
  if (change.source !== "local") return;
  const list = await attention();
  if (list.some((x) => x.id === change.id && x.collection === change.collection))
    await dismissAttention(change.id);
}

export async function dismissAttention(id) {
  await store.setMeta(
    "attention",
    (await attention()).filter((x) => x.id !== id),
  );
  await readStatus();
}

async function pushSettings() {
  const data = await store.getMeta("settingsPending");
  if (!data) return;
  try {
    await store.setMeta("profile", await api("/api/v1/me", { method: "PATCH", body: data }));
  } catch (err) {
    if (err.status === 0 || err.status === 401 || err.status >= 500) throw err;
    // refused forever: keep the reason, drop the change
    await addAttention([{ collection: "settings", id: "settings", data, errors: err.errors }]);
  }
  await store.setMeta("settingsPending", undefined);
}

let profileLoaded = false;

async function exchange() {
  if (!profileLoaded) {
    await store.setMeta("profile", await api("/api/v1/me"));
    profileLoaded = true;
  }
  let cursor = (await store.getMeta("cursor")) ?? null;
  let count = BATCH;
  for (let i = 0; i < 100; i++) {
    const waiting = await store.outbox(BATCH);
    const changes = takeBatch(waiting, { count, bytes: BATCH_BYTES });
    let res;
    try {
      res = await api("/api/v1/sync", { method: "POST", body: { cursor, changes } });
    } catch (err) {
      if (err.status !== 413 || !changes.length) throw err;
      // refused for its size: send half as many; one that never fits stays here, out of the way
      if (changes.length > 1) count = Math.ceil(changes.length / 2);
      else await setAside(changes, TOO_LARGE);
      continue;
    }
    const rejected = res.rejected || [];
    const done = new Set([...(res.accepted || []), ...rejected.map((r) => r.id)]);
    if (rejected.length) {
      await addAttention(
        rejected.map((r) => {
          const c = changes.find((x) => x.id === r.id);
          return { ...c, ...r, collection: r.collection || c?.collection };
        }),
      );
    }
    await store.settle(changes.filter((c) => done.has(c.id)));
    await store.applyPulled(res.changes || []);
    cursor = res.cursor;
    await store.setMeta("cursor", cursor);
    if (!res.has_more && changes.length === waiting.length && waiting.length < BATCH) break;
  }
}

async function setAside(changes, errors) {
  await addAttention(changes.map((c) => ({ ...c, errors })));
  await store.settle(changes);
}

// Throws when out of reach, so Background Sync retries.
export const pushAndPull = ({ force = false } = {}) =>
  navigator.locks.request("unknot-sync", async () => {
    await readStatus();
    if ((!force && !navigator.onLine) || !state.account || state.phase === "signin") return state;
    setState({ phase: "syncing" });
    try {
      await pushSettings();
      await exchange();
      await store.setMeta("lastSyncedAt", Date.now());
      setState({ phase: "idle" });
    } catch (err) {
      if (err.status !== 401) {
        setState({ phase: navigator.onLine ? "error" : "offline" });
        await readStatus();
        throw err;
      }
      await store.setMeta("authLost", true);
      setState({ phase: "signin" });
    }
    return readStatus();
  });

export const syncNow = () => pushAndPull().catch(() => state);

async function backgroundSync() {
  try {
    await (await navigator.serviceWorker.ready).sync?.register(SYNC_TAG);
  } catch {} // not offered
}

export function startAutoSync() {
  let timer, counting, local;
  // once per burst of changes
  store.onChange((change) => {
    forgetChanged(change);
    local ||= change.source !== "sync";
    clearTimeout(counting);
    counting = setTimeout(async () => {
      const wasLocal = local;
      local = false;
      await readStatus();
      if (wasLocal && state.pending) {
        backgroundSync();
        clearTimeout(timer);
        timer = setTimeout(syncNow, 800);
      }
    }, 50);
  });
  addEventListener("online", syncNow);
  addEventListener("offline", readStatus);
  setInterval(
    () =>
      state.pending || Date.now() - (state.lastSyncedAt || 0) > 60000 ? syncNow() : readStatus(),
    60000,
  );
  document.addEventListener(
    "visibilitychange",
    () => document.visibilityState === "visible" && syncNow(),
  );
  return syncNow();
}
