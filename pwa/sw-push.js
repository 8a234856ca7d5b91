// Push, notification taps and pushsubscriptionchange in the service worker (sw.js wires the events).
// Payload (api/push): {kind, title, body, tag, reminder_id, slot, actions, url} and maybe form/amount/unit.
// Actions work without opening the app: "took"/"drank" save an intake in the store + outbox (offline
// too, synced later), "snooze" asks the server or keeps the snooze on the phone.

import { api } from "/api.js";
import { logMagnesium, logWater, magnesiumDetails, snooze } from "/lib/quick.js";
import { getMeta, setMeta } from "/store.js";
import { flush, SYNC_TAG } from "/sync.js";

const LOOK = { icon: "/static/icons/icon-192.png", badge: "/static/icons/badge-96.png" };
const TITLES = { magnesium: "Time for magnesium", hydration: "Time for a drink of water", rest: "Time for a rest", custom: "Reminder" };
const SUBS = "/api/v1/push/subscriptions";

async function syncSoon() {
  // Background Sync retries once the network is back; without it the app syncs when it next opens.
  await self.registration.sync?.register(SYNC_TAG).catch(() => {});
  await flush().catch(() => {});
}

const ACTIONS = {
  took: async (d) => {
    await logMagnesium(d.form != null || d.amount != null
      ? { form: d.form, amount: d.amount, unit: d.amount != null ? d.unit : null }
      : await magnesiumDetails(d.reminder_id));
    await syncSoon();
  },
  drank: async () => {
    await logWater();
    await syncSoon();
  },
  snooze: async (d) => {
    if (!d.reminder_id) return;
    const where = await snooze(d.reminder_id, 15);
    if (where === "phone") await syncSoon();
    if (where === "failed") {
      await self.registration.showNotification("Snooze did not work", {
        body: "Open Unknot to try again.", ...LOOK, tag: "unknot-snooze-failed", data: { kind: "custom", url: "/reminders" },
      });
    }
  },
};

function notificationFor(p) {
  const kind = p.kind || "custom";
  const N = self.Notification;
  const max = N?.maxActions ?? 2;
  const id = p.reminder_id ? `&reminder=${encodeURIComponent(p.reminder_id)}` : "";
  // Without action buttons (Safari, Firefox) a tap opens the one-screen logger for magnesium and water.
  const url = (kind === "magnesium" || kind === "hydration") && !(N && "actions" in N.prototype && max > 0 && p.url)
    ? `/quick?kind=${kind}${id}`
    : p.url?.startsWith("/") ? p.url : kind === "rest" ? "/plan" : "/reminders";
  const data = { kind, reminder_id: p.reminder_id || null, slot: p.slot || null, url };
  for (const k of ["form", "amount", "unit"]) if (p[k] !== undefined) data[k] = p[k];
  const actions = (p.actions || [])
    .filter((a) => Object.hasOwn(ACTIONS, a?.action) && a.title)
    .slice(0, max)
    .map(({ action, title }) => ({ action, title }));
  return [p.title || TITLES[kind] || TITLES.custom, { body: p.body || "", ...LOOK, tag: p.tag || `unknot-${kind}`, renotify: true, data, actions }];
}

// Always show a notification (userVisibleOnly).
export function onPush(event) {
  const data = event.data;
  let p;
  try {
    p = data ? data.json() : {};
  } catch {
    p = { body: data.text() };
  }
  event.waitUntil(self.registration.showNotification(...notificationFor(p)));
}

async function openApp(url) {
  const target = new URL(url, location.origin).href;
  // matchAll lists only this origin's windows.
  let [client] = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  if (!client) return self.clients.openWindow(target);
  if (client.url !== target) {
    try {
      client = (await client.navigate(target)) || client;
    } catch {
      return self.clients.openWindow(target); // not controlled by this worker
    }
  }
  // Focusing needs a real tap on the notification; the window shows the screen anyway.
  await client.focus().catch(() => {});
  return client;
}

export function onNotificationClick(event) {
  const { notification, action } = event;
  const data = notification.data || {};
  notification.close();
  event.waitUntil(Object.hasOwn(ACTIONS, action) ? ACTIONS[action](data) : openApp(data.url || "/"));
}

// The browser replaced (or dropped) our subscription: subscribe again and tell the server.
export function onSubscriptionChange(event) {
  event.waitUntil((async () => {
    const old = event.oldSubscription;
    let sub = event.newSubscription;
    if (!sub) {
      const key = old?.options?.applicationServerKey || (await getMeta("push"))?.key || (await api("/api/v1/push/vapid-public-key")).key;
      sub = await self.registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: key });
    }
    await api(SUBS, { method: "POST", body: sub.toJSON() });
    await setMeta("push", { ...(await getMeta("push")), endpoint: sub.endpoint, at: Date.now() });
    if (old && old.endpoint !== sub.endpoint) await api(SUBS, { method: "DELETE", body: { endpoint: old.endpoint } }).catch(() => {});
  })());
}
