// Push in the service worker; actions work offline, without opening the app.

import { resubscribe } from "/lib/push.js";
import { logFix, logMagnesium, logWater, magnesiumDetails, snooze } from "/features/quick/logs.js";
import { answerFromNotification } from "/features/experiments/answers.js";
import { pushAndPull, SYNC_TAG } from "/sync.js";

const LOOK = { icon: "/static/icons/icon-192.png", badge: "/static/icons/badge-96.png" };

// Background Sync (or the next app start) sends it once online.
async function syncSoon() {
  await self.registration.sync?.register(SYNC_TAG).catch(() => {});
  await pushAndPull().catch(() => {});
}

// "Did you do it yesterday?": saved on the phone and sent. When this phone does not hold the
// running experiment yet, it asks the server first; if it still has none (stopped here, or no
// connection), the answer is not dropped silently: the app opens on the experiment.
async function answerExperiment(d, done) {
  let saved = await answerFromNotification(d.slot, done);
  await syncSoon();
  if (!saved) saved = await answerFromNotification(d.slot, done);
  if (saved) await syncSoon();
  else await openApp("/experiments");
}

const ACTIONS = {
  took: async (d) => {
    await logMagnesium(
      d.form != null || d.amount != null
        ? { form: d.form, amount: d.amount, unit: d.amount != null ? d.unit : null }
        : await magnesiumDetails(d.reminder_id),
    );
    await syncSoon();
  },
  drank: async () => {
    await logWater();
    await syncSoon();
  },
  did: (d) => answerExperiment(d, true),
  did_not: (d) => answerExperiment(d, false),
  stretched: async () => {
    await logFix("stretch");
    await syncSoon();
  },
  snooze: async (d) => {
    if (!d.reminder_id) return;
    const where = await snooze(d.reminder_id, 15);
    if (where === "phone") await syncSoon();
    if (where === "failed") {
      await self.registration.showNotification("Snooze did not work", {
        body: "Open Unknot to try again.",
        ...LOOK,
        tag: "unknot-snooze-failed",
        data: { kind: "custom", url: "/reminders" },
      });
    }
  },
};

function notificationFor(p) {
  const kind = p.kind || "custom";
  // magnesium and water: the server sends the /quick logger, the stretch its routine: right
  // without action buttons too
  const url = p.url?.startsWith("/") ? p.url : "/reminders";
  const data = {
    kind,
    reminder_id: p.reminder_id || null,
    slot: p.slot || null,
    url,
    form: p.form,
    amount: p.amount,
    unit: p.unit,
  };
  const actions = (p.actions || [])
    .filter((a) => Object.hasOwn(ACTIONS, a?.action) && a.title)
    .slice(0, self.Notification?.maxActions ?? 2);
  return [
    p.title || "Reminder",
    { body: p.body || "", ...LOOK, tag: p.tag || `unknot-${kind}`, renotify: true, data, actions },
  ];
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
  const [open] = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  // navigate() fails for a window this worker does not control: open a new one then.
  const client =
    open?.url === target
      ? open
      : await open?.navigate(target).then(
          (c) => c || open,
          () => null,
        );
  if (!client) return self.clients.openWindow(target);
  // focus() needs a real tap; the window shows the screen anyway.
  await client.focus().catch(() => {});
  return client;
}

export function onNotificationClick(event) {
  const { notification, action } = event;
  const data = notification.data || {};
  notification.close();
  event.waitUntil(
    Object.hasOwn(ACTIONS, action) ? ACTIONS[action](data) : openApp(data.url || "/"),
  );
}

export const onSubscriptionChange = (event) =>
  event.waitUntil(resubscribe(event.oldSubscription, event.newSubscription));
