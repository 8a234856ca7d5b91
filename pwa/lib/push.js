// Push on this phone, from the page.

import { api } from "../api.js";
import { getMeta, setMeta } from "../store.js";

const SUBS = "/api/v1/push/subscriptions";
const serverKey = async () => (await api("/api/v1/push/vapid-public-key")).key;
const forget = (endpoint) => api(SUBS, { method: "DELETE", body: { endpoint } }).catch(() => {});

const withTimeout = (promise, ms = 5000) =>
  Promise.race([
    promise,
    new Promise((_, reject) =>
      setTimeout(reject, ms, new DOMException("No answer from the push service", "TimeoutError")),
    ),
  ]);

// base64url -> bytes (atob accepts it without the padding)
const keyBytes = (key) =>
  Uint8Array.from(atob(key.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0));

// "granted", "default", "denied", "unsupported" or "ios-install"
export function pushSupport() {
  const ua = navigator.userAgent;
  const ios = /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && navigator.maxTouchPoints > 1); // iPadOS says Macintosh
  if (ios && !navigator.standalone && !matchMedia("(display-mode: standalone)").matches)
    return "ios-install";
  if (!("serviceWorker" in navigator && "PushManager" in self && "Notification" in self))
    return "unsupported";
  return Notification.permission;
}

async function current() {
  const reg = await withTimeout(navigator.serviceWorker.ready);
  return { reg, sub: await withTimeout(reg.pushManager.getSubscription()) };
}

// Whether the server still pushes to this endpoint for the person signed in (null: cannot ask).
// It forgets one after repeated failures, and when the sign-in it was made with ends.
const serverKnows = (endpoint) =>
  api(`${SUBS}/check`, { method: "POST", body: { endpoint } }).then(
    (answer) => answer.known,
    () => null,
  );

// "on", "off", "denied", "unsupported" or "ios-install"
export async function pushState() {
  const s = pushSupport();
  if (s !== "granted") return s === "default" ? "off" : s;
  const saved = await getMeta("push");
  if (!saved?.endpoint) return "off";
  // undefined: the browser is slow to say
  const sub = await current().then(
    (c) => c.sub,
    () => undefined,
  );
  if (sub && sub.endpoint !== saved.endpoint) return "off";
  const known = await serverKnows(saved.endpoint);
  if (known === false) return "off";
  // Without the browser's answer (slow) or the server's (offline): trust what the server was
  // told. A subscription the browser dropped is forgotten by the server at its next push (410).
  return sub || known || sub === undefined ? "on" : "off";
}

async function tellServer(sub, key) {
  await api(SUBS, { method: "POST", body: sub.toJSON() });
  await setMeta("push", { endpoint: sub.endpoint, key, at: Date.now() });
}

// ONLY from a tap: it asks for the permission.
export async function turnOn() {
  const permission = await Notification.requestPermission();
  if (permission !== "granted") return permission === "denied" ? "denied" : "off";
  const key = await serverKey();
  let { reg, sub } = await current();
  const have = sub?.options?.applicationServerKey;
  if (have && String(new Uint8Array(have)) !== String(keyBytes(key))) {
    await sub.unsubscribe().catch(() => {});
    sub = null;
  }
  if (!sub) {
    const subscribing = reg.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: keyBytes(key),
    });
    let gaveUp = false;
    subscribing.then((late) => gaveUp && tellServer(late, key)).catch(() => {}); // a late answer still counts
    sub = await withTimeout(subscribing, 20000).catch((err) => {
      gaveUp = true;
      throw err;
    });
  }
  await tellServer(sub, key);
  return "on";
}

export async function turnOff() {
  const saved = await getMeta("push");
  const sub = await current().then(
    (c) => c.sub,
    () => null,
  );
  const endpoint = sub?.endpoint || saved?.endpoint;
  // Offline or signed out: the next push to it gets a 410 and the server forgets it then.
  if (endpoint) await forget(endpoint);
  await sub?.unsubscribe().catch(() => {});
  await setMeta("push", undefined);
  return "off";
}

// After a sign-in: reminders left on for this phone (it was signed out from elsewhere) are tied
// to the new sign-in, as the server ended them with the old one. Never throws.
export async function keepOnAfterSignIn() {
  try {
    const saved = await getMeta("push");
    if (!saved?.endpoint || pushSupport() !== "granted") return;
    const { sub } = await current();
    if (sub?.endpoint === saved.endpoint) await tellServer(sub, saved.key);
  } catch {}
}

// Never throws and never waits long: signing out must not fail because of push.
export async function stopOnSignOut() {
  try {
    if (navigator.onLine === false) return; // signing out fails anyway: keep reminders on
    if ((await getMeta("push")) || pushSupport() === "granted") await withTimeout(turnOff());
  } catch {}
}

// pushsubscriptionchange, in the worker
export async function resubscribe(old, sub) {
  let key = old?.options?.applicationServerKey || (await getMeta("push"))?.key;
  if (!sub) {
    key ||= await serverKey();
    sub = await self.registration.pushManager.subscribe({
      userVisibleOnly: true,
      applicationServerKey: key,
    });
  }
  await tellServer(sub, key);
  if (old && old.endpoint !== sub.endpoint) await forget(old.endpoint);
}
