// Push and notification clicks for the service worker (owned by the reminders feature).
// sw.js wires the events here; each handler calls event.waitUntil itself.
//
// Payload (JSON, from api/push): {kind, title, body, tag, reminder_id, slot, actions:[{action,
// title}], url} and, when the person set them, form/amount/unit. Actions are handled here
// without opening the app: "took" and "drank" save an intake in the store + outbox (works
// offline, synced later), "snooze" asks the server (or keeps the snooze on the phone).

import { api } from "/api.js";
import { logMagnesium, logWater, magnesiumDetails, snooze, GLASS_ML } from "/lib/quick.js";
import { getMeta, setMeta } from "/store.js";
import { flush, SYNC_TAG } from "/sync.js";

const ICON = "/static/icons/icon-192.png";
const BADGE = "/static/icons/badge-96.png";
const KNOWN_ACTIONS = new Set(["took", "drank", "snooze"]);
const FALLBACK = { magnesium: "Time for magnesium", hydration: "Time for a drink of water", rest: "Time for a rest", custom: "Reminder" };

function parse(event) {
  try {
    return event.data ? event.data.json() : {};
  } catch {
    return { body: event.data ? event.data.text() : "" };
  }
}

/** Can this browser show action buttons on notifications? (Safari and Firefox cannot.) */
function hasActions() {
  const N = self.Notification;
  return Boolean(N && "actions" in N.prototype && (N.maxActions === undefined || N.maxActions > 0));
}

/** Where a tap on the notification's body goes: the one-screen logger for magnesium and water. */
export function targetUrl(data) {
  const id = data.reminder_id ? `&reminder=${encodeURIComponent(data.reminder_id)}` : "";
  if (data.kind === "magnesium" || data.kind === "hydration") {
    if (!hasActions() || !data.url) return `/quick?kind=${data.kind}${id}`;
  }
  if (data.url && data.url.startsWith("/")) return data.url;
  return data.kind === "rest" ? "/plan" : "/reminders";
}

/** The notification for a push payload: title, body, icon, badge, a tag per kind, actions. */
export function notificationFor(p) {
  const kind = p.kind || "custom";
  const data = { kind, reminder_id: p.reminder_id || null, slot: p.slot || null };
  for (const key of ["form", "amount", "unit"]) if (p[key] !== undefined) data[key] = p[key];
  data.url = targetUrl({ ...data, url: p.url });
  const max = self.Notification && self.Notification.maxActions !== undefined ? self.Notification.maxActions : 2;
  const actions = (p.actions || [])
    .filter((a) => a && KNOWN_ACTIONS.has(a.action) && a.title)
    .slice(0, max)
    .map(({ action, title }) => ({ action, title }));
  return {
    title: p.title || FALLBACK[kind] || FALLBACK.custom,
    options: {
      body: p.body || "",
      icon: ICON,
      badge: BADGE,
      tag: p.tag || `unknot-${kind}`,
      renotify: true,
      data,
      actions,
    },
  };
}

/** A push message arrived: always show a notification (userVisibleOnly). */
export function onPush(event) {
  const { title, options } = notificationFor(parse(event));
  event.waitUntil(self.registration.showNotification(title, options));
}

/** Send the outbox now if we can, and ask Background Sync to retry when the network is back. */
async function syncSoon() {
  try {
    if (self.registration.sync) await self.registration.sync.register(SYNC_TAG);
  } catch {
    // Background Sync refused or missing: the app syncs when it next opens.
  }
  try {
    await flush();
  } catch {
    // Offline: Background Sync (or the next app start) sends it.
  }
}

async function took(data) {
  const details = data.form != null || data.amount != null
    ? { form: data.form ?? null, amount: data.amount ?? null, unit: data.amount != null ? data.unit ?? null : null }
    : await magnesiumDetails(data.reminder_id);
  await logMagnesium(details);
  await syncSoon();
}

async function drank() {
  await logWater(GLASS_ML);
  await syncSoon();
}

async function snoozed(data, minutes = 15) {
  if (!data.reminder_id) return;
  const where = await snooze(data.reminder_id, minutes);
  if (where === "phone") await syncSoon();
  if (where === "failed") {
    await self.registration.showNotification("Snooze did not work", {
      body: "Open Unknot to try again.",
      icon: ICON,
      badge: BADGE,
      tag: "unknot-snooze-failed",
      data: { kind: "custom", url: "/reminders" },
    });
  }
}

/** Focus an open window of the app and take it to `url`, or open one. */
async function openApp(url) {
  const target = new URL(url, self.location.origin).href;
  const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const open = windows.find((c) => new URL(c.url).origin === self.location.origin);
  if (!open) return self.clients.openWindow(target);
  let client = open;
  if (open.url !== target) {
    try {
      client = (await open.navigate(target)) || open;
    } catch {
      return self.clients.openWindow(target); // not controlled by this worker
    }
  }
  try {
    await client.focus();
  } catch {
    // Focusing needs a real tap on the notification; the window shows the screen anyway.
  }
  return client;
}

/** A notification (or one of its actions) was tapped. */
export function onNotificationClick(event) {
  const notification = event.notification;
  const data = notification.data || {};
  notification.close();
  let work;
  if (event.action === "took") work = took(data);
  else if (event.action === "drank") work = drank();
  else if (event.action === "snooze") work = snoozed(data);
  else work = openApp(data.url || "/");
  event.waitUntil(work);
}

/** The browser replaced (or dropped) our push subscription: subscribe again, tell the server. */
export function onSubscriptionChange(event) {
  event.waitUntil(resubscribe(event));
}

async function resubscribe(event) {
  const old = event.oldSubscription || null;
  let sub = event.newSubscription || null;
  if (!sub) {
    let key = old && old.options ? old.options.applicationServerKey : null;
    if (!key) {
      const saved = await getMeta("push");
      key = saved && saved.key;
    }
    if (!key) key = (await api("/api/v1/push/vapid-public-key")).key;
    sub = await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
  }
  await api("/api/v1/push/subscriptions", { method: "POST", body: sub.toJSON() });
  const saved = (await getMeta("push")) || {};
  await setMeta("push", { ...saved, endpoint: sub.endpoint, at: Date.now() });
  if (old && old.endpoint !== sub.endpoint) {
    await api("/api/v1/push/subscriptions", { method: "DELETE", body: { endpoint: old.endpoint } }).catch(() => {});
  }
}
