// The sync client: sends the outbox to POST /api/v1/sync in batches and applies what comes back.
// No DOM here: the service worker imports flush() for Background Sync.
//
// Local state kept in meta: "account" {email} (whose records these are), "cursor",
// "lastSyncedAt" (ms), "authLost" (a 401 since the last sign-in), "attention" (records the
// server refused, with its reasons), "settingsPending" (settings changed while offline).

import { api } from "./api.js";
import * as store from "./store.js";

export const BATCH = 500;
export const SYNC_TAG = "unknot-sync";
/** Fires "status" (detail = syncState()) whenever the sync state changes. */
export const events = new EventTarget();

let state = {
  phase: "idle", // idle | syncing | offline | local | signin | error
  online: true,
  pending: 0,
  attention: 0,
  account: null,
  signedOut: false,
  lastSyncedAt: null,
  error: null,
};

function setState(changes) {
  state = { ...state, ...changes };
  events.dispatchEvent(new CustomEvent("status", { detail: state }));
}

/** The current sync state (a snapshot). */
export function syncState() {
  return state;
}

function isOnline() {
  return typeof navigator === "undefined" || navigator.onLine !== false;
}

/** Re-read the counts and account from the store and publish them. */
export async function refresh() {
  const [pending, attention, account, lastSyncedAt, authLost] = await Promise.all([
    store.pendingCount(),
    store.getMeta("attention"),
    store.getMeta("account"),
    store.getMeta("lastSyncedAt"),
    store.getMeta("authLost"),
  ]);
  let phase = state.phase === "syncing" ? "syncing" : "idle";
  if (phase !== "syncing") {
    if (!isOnline()) phase = "offline";
    else if (!account) phase = "local";
    else if (authLost) phase = "signin";
    else if (state.phase === "error") phase = "error";
  }
  setState({
    phase,
    online: isOnline(),
    pending,
    attention: (attention || []).length,
    account: account || null,
    signedOut: authLost === "signed-out",
    lastSyncedAt: lastSyncedAt || null,
  });
  return state;
}

/** Plain words for the header. */
export function statusText(s = state, now = Date.now()) {
  const waiting = s.pending ? `${s.pending} waiting to sync` : "";
  if (s.phase === "offline") return "Offline — saved on this phone";
  if (s.phase === "local") return "Saved on this phone";
  if (s.phase === "signin" && s.signedOut) return "Signed out — saved on this phone";
  if (s.phase === "signin") return waiting ? `Please sign in again · ${waiting}` : "Please sign in again";
  if (s.phase === "syncing") return "Syncing…";
  if (s.phase === "error") return waiting ? `Sync failed, will retry · ${waiting}` : "Sync failed, will retry";
  if (waiting) return waiting;
  if (!s.lastSyncedAt) return "Not synced yet";
  const minutes = Math.floor((now - s.lastSyncedAt) / 60000);
  if (minutes < 1) return "Synced just now";
  if (minutes < 60) return `Synced ${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  return hours < 24 ? `Synced ${hours} h ago` : `Synced ${Math.floor(hours / 24)} days ago`;
}

async function withLock(work) {
  if (typeof navigator !== "undefined" && navigator.locks) {
    return navigator.locks.request("unknot-sync", work);
  }
  return work();
}

async function remember(rejected, sent) {
  if (!rejected.length) return;
  const byId = new Map(sent.map((c) => [c.id, c]));
  const list = (await store.getMeta("attention")) || [];
  for (const r of rejected) {
    const change = byId.get(r.id) || {};
    const entry = {
      collection: r.collection || change.collection,
      id: r.id,
      op: change.op,
      data: change.data || null,
      errors: r.errors || {},
      at: Date.now(),
    };
    const i = list.findIndex((x) => x.id === r.id);
    if (i >= 0) list[i] = entry;
    else list.push(entry);
  }
  await store.setMeta("attention", list);
}

async function pushSettings() {
  const pending = await store.getMeta("settingsPending");
  if (!pending) return;
  try {
    const me = await api("/api/v1/me", { method: "PATCH", body: pending });
    await store.setMeta("profile", me);
  } catch (err) {
    if (err.status === 0 || err.status === 401 || err.status >= 500) throw err;
    // Refused settings would be refused forever: keep the reason, drop the change.
    const list = (await store.getMeta("attention")) || [];
    list.push({ collection: "settings", id: "settings", data: pending, errors: err.errors, at: Date.now() });
    await store.setMeta("attention", list);
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
  for (let round = 0; round < 100; round += 1) {
    const changes = await store.outbox(BATCH);
    const res = await api("/api/v1/sync", { method: "POST", body: { cursor, changes } });
    const accepted = new Set(res.accepted || []);
    const rejected = res.rejected || [];
    const refused = new Set(rejected.map((r) => r.id));
    await remember(rejected, changes);
    await store.settle(changes.filter((c) => accepted.has(c.id) || refused.has(c.id)));
    await store.applyPulled(res.changes || []);
    cursor = res.cursor;
    await store.setMeta("cursor", cursor);
    if (!res.has_more && changes.length < BATCH) break;
  }
}

/**
 * Send every outbox entry and pull what changed; resolves when done.
 * Throws when the server could not be reached (so Background Sync tries again);
 * a 401 does not throw: the outbox is kept and the person is asked to sign in.
 * force: try even when navigator.onLine says offline (the Background Sync event).
 */
export async function flush({ force = false } = {}) {
  return withLock(async () => {
    await refresh();
    // Background Sync says the network is back: try even if navigator.onLine lags behind.
    if ((!force && !isOnline()) || !state.account || state.phase === "signin") return state;
    setState({ phase: "syncing", error: null });
    try {
      await pushSettings();
      await exchange();
      await store.setMeta("lastSyncedAt", Date.now());
      setState({ phase: "idle" });
    } catch (err) {
      if (err.status === 401) {
        await store.setMeta("authLost", true);
        setState({ phase: "signin", error: err.message });
      } else {
        setState({ phase: isOnline() ? "error" : "offline", error: err.message });
        await refresh();
        throw err;
      }
    }
    return refresh();
  });
}

/** Sync now from a page (never throws: the state says what happened). */
export async function syncNow() {
  try {
    return await flush();
  } catch {
    return state;
  }
}

/** Ask the browser to flush the outbox later, even if this page is closed. */
export async function requestBackgroundSync() {
  try {
    if (typeof navigator === "undefined" || !navigator.serviceWorker) return;
    const reg = await navigator.serviceWorker.ready;
    if (reg.sync) await reg.sync.register(SYNC_TAG);
  } catch {
    // Not offered (or refused): the timer and the online event still flush.
  }
}

/** Start syncing while a page is open: now, when online, after local changes, every minute. */
export function startAutoSync({ every = 60000, debounce = 800 } = {}) {
  let timer = null;
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(syncNow, debounce);
  };
  // Changes come in bursts (a pull, a batch of saves): count once per burst.
  let counting = null;
  let local = false;
  store.onChange((change) => {
    local = local || change.source !== "sync";
    clearTimeout(counting);
    counting = setTimeout(async () => {
      const wasLocal = local;
      local = false;
      await refresh();
      if (wasLocal && state.pending > 0) {
        requestBackgroundSync();
        if (isOnline()) soon();
      }
    }, 50);
  });
  self.addEventListener("online", () => syncNow());
  self.addEventListener("offline", () => refresh());
  setInterval(() => (state.pending > 0 || Date.now() - (state.lastSyncedAt || 0) > every ? syncNow() : refresh()), every);
  if (typeof document !== "undefined") {
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") syncNow();
    });
  }
  return syncNow();
}

/** Records the server refused, with its reasons. */
export async function attention() {
  return (await store.getMeta("attention")) || [];
}

/** Forget one refused record from the attention list. */
export async function dismissAttention(id) {
  const list = (await attention()).filter((x) => x.id !== id);
  await store.setMeta("attention", list);
  await refresh();
}
