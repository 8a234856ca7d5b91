// Push on this phone, from the page: what the browser can do, the permission (asked ONLY from
// a tap), the subscription and telling the server about it; unsubscribe on sign-out.
// The subscription's endpoint and the server key are kept in the store's meta "push".

import { api } from "../api.js";
import { getMeta, setMeta } from "../store.js";

/** How long to wait for the push service before saying so (a late answer still counts). */
export const SUBSCRIBE_TIMEOUT_MS = 20000;
const QUICK_TIMEOUT_MS = 5000;

function withTimeout(promise, ms) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => {
      const err = new Error("The push service did not answer in time.");
      err.name = "TimeoutError";
      reject(err);
    }, ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** base64url (the server's applicationServerKey) -> bytes. */
export function keyBytes(base64url) {
  const text = base64url.replace(/-/g, "+").replace(/_/g, "/");
  const raw = atob(text + "=".repeat((4 - (text.length % 4)) % 4));
  return Uint8Array.from(raw, (c) => c.charCodeAt(0));
}

function sameKey(subscription, key) {
  const have = subscription.options && subscription.options.applicationServerKey;
  if (!have) return true; // the browser does not say: keep it
  const a = new Uint8Array(have);
  const b = keyBytes(key);
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** iPhone or iPad (iPadOS says "Macintosh" but has touch). */
export function isIos(nav = navigator) {
  const ua = nav.userAgent || "";
  return /iPhone|iPad|iPod/.test(ua) || (/Macintosh/.test(ua) && nav.maxTouchPoints > 1);
}

/** Opened from the Home Screen (installed), not in a browser tab. */
export function isStandalone(win = self) {
  if (win.navigator && win.navigator.standalone === true) return true;
  return Boolean(win.matchMedia && win.matchMedia("(display-mode: standalone)").matches);
}

/**
 * What this phone can do now: "ios-install" (iPhone in Safari: add to Home Screen first),
 * "unsupported", or the notification permission: "default" | "granted" | "denied".
 */
export function support() {
  if (isIos() && !isStandalone()) return "ios-install";
  if (!("serviceWorker" in navigator) || !("PushManager" in self) || !("Notification" in self)) {
    return "unsupported";
  }
  return Notification.permission;
}

async function currentSubscription() {
  const reg = await withTimeout(navigator.serviceWorker.ready, QUICK_TIMEOUT_MS);
  return { reg, sub: await withTimeout(reg.pushManager.getSubscription(), QUICK_TIMEOUT_MS) };
}

/** "on" | "off" | "denied" | "unsupported" | "ios-install" for this phone. */
export async function pushState() {
  const s = support();
  if (s === "default") return "off";
  if (s !== "granted") return s;
  const saved = await getMeta("push");
  if (!saved || !saved.endpoint) return "off";
  try {
    const { sub } = await currentSubscription();
    return sub && sub.endpoint === saved.endpoint ? "on" : "off";
  } catch {
    return "on"; // the browser is slow to say: trust what the server was told
  }
}

async function tellServer(sub, key) {
  await api("/api/v1/push/subscriptions", { method: "POST", body: sub.toJSON() });
  await setMeta("push", { endpoint: sub.endpoint, key, at: Date.now() });
}

/**
 * Turn reminders on for this phone. Call ONLY from a tap: it asks for the permission.
 * Resolves to the new state; throws Error{status} for the server (401 = sign in, 0 = offline)
 * or a TimeoutError when the push service is slow (the subscription is still sent if it comes).
 */
export async function turnOn({ timeout = SUBSCRIBE_TIMEOUT_MS } = {}) {
  const s = support();
  if (s === "unsupported" || s === "ios-install") return s;
  const permission = await Notification.requestPermission();
  if (permission === "denied") return "denied";
  if (permission !== "granted") return "off";
  const { key } = await api("/api/v1/push/vapid-public-key");
  let { reg, sub } = await currentSubscription();
  if (sub && !sameKey(sub, key)) {
    await sub.unsubscribe().catch(() => {});
    sub = null;
  }
  if (!sub) {
    const subscribing = reg.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(key) });
    let gaveUp = false;
    subscribing.then((late) => gaveUp && tellServer(late, key)).catch(() => {});
    try {
      sub = await withTimeout(subscribing, timeout);
    } catch (err) {
      gaveUp = true;
      throw err;
    }
  }
  await tellServer(sub, key);
  return "on";
}

/** Turn reminders off for this phone: the server forgets it, the browser unsubscribes. */
export async function turnOff() {
  const saved = await getMeta("push");
  let sub = null;
  try {
    if ("serviceWorker" in navigator) sub = (await currentSubscription()).sub;
  } catch {
    sub = null;
  }
  const endpoint = (sub && sub.endpoint) || (saved && saved.endpoint);
  if (endpoint) {
    // When the server cannot be told now (offline, signed out), an unsubscribed endpoint
    // answers 410 to its next push and the server forgets it then.
    await api("/api/v1/push/subscriptions", { method: "DELETE", body: { endpoint } }).catch(() => {});
  }
  if (sub) await sub.unsubscribe().catch(() => {});
  await setMeta("push", undefined);
  return "off";
}

/** For sign-out: stop push on this phone, never throwing and never waiting long. */
export async function stopOnSignOut() {
  try {
    if (navigator.onLine === false) return; // signing out fails anyway: keep reminders on
    if (!(await getMeta("push")) && support() !== "granted") return;
    await withTimeout(turnOff(), QUICK_TIMEOUT_MS);
  } catch {
    // Best effort: signing out must not fail because of push.
  }
}
