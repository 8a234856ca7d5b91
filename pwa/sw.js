// The offline worker: events wired to named strategies. The server writes the shell's content
// hash and file list into the two marked constants below, so any changed file means a new worker.

import { flush, SYNC_TAG } from "/sync.js";
import { onNotificationClick, onPush, onSubscriptionChange } from "/sw-push.js";

const VERSION = "__SHELL_VERSION__";
const SHELL_FILES = ["__SHELL_FILES__"];
const PREFIX = "unknot-shell-";
const CACHE = PREFIX + VERSION;

async function precache() {
  const cache = await caches.open(CACHE);
  // Straight from the server, past the HTTP cache, so the cache holds exactly this version.
  await cache.addAll(SHELL_FILES.map((url) => new Request(url, { cache: "reload" })));
}

async function dropOldCaches() {
  const names = await caches.keys();
  await Promise.all(names.filter((n) => n.startsWith(PREFIX) && n !== CACHE).map((n) => caches.delete(n)));
  await self.clients.claim();
}

/** Every screen is the same page: answer navigations with the cached shell. */
async function shellPage(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match("/")) || fetch(request);
}

/** Shell files from this version's cache; anything else from the network. */
async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request)) || fetch(request);
}

function onInstall(event) {
  event.waitUntil(precache());
}

function onActivate(event) {
  event.waitUntil(dropOldCaches());
}

function onFetch(event) {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  // Other origins and the API are never answered from a cache.
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  const last = url.pathname.split("/").pop();
  if (request.mode === "navigate" && !last.includes(".") && !url.pathname.startsWith("/static/")) {
    event.respondWith(shellPage(request));
    return;
  }
  event.respondWith(cacheFirst(request));
}

function onMessage(event) {
  if (event.data && event.data.type === "skip-waiting") self.skipWaiting();
}

function onSync(event) {
  if (event.tag === SYNC_TAG) event.waitUntil(flush({ force: true }));
}

self.addEventListener("install", onInstall);
self.addEventListener("activate", onActivate);
self.addEventListener("fetch", onFetch);
self.addEventListener("message", onMessage);
self.addEventListener("sync", onSync);
self.addEventListener("push", onPush);
self.addEventListener("notificationclick", onNotificationClick);
self.addEventListener("pushsubscriptionchange", onSubscriptionChange);
