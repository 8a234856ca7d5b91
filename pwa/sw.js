// The server fills in VERSION and SHELL_FILES.

import { pushAndPull, SYNC_TAG } from "/sync.js";
import { onNotificationClick, onPush, onSubscriptionChange } from "/sw-push.js";

const VERSION = "__SHELL_VERSION__";
const SHELL_FILES = ["__SHELL_FILES__"];
const CACHE = `unknot-shell-${VERSION}`;

// past the HTTP cache: exactly this version
const precache = (c) => c.addAll(SHELL_FILES.map((url) => new Request(url, { cache: "reload" })));
addEventListener("install", (e) => e.waitUntil(caches.open(CACHE).then(precache)));

addEventListener("activate", (e) =>
  e.waitUntil(
    caches.keys().then(async (names) => {
      await Promise.all(
        names
          .filter((n) => n.startsWith("unknot-shell-") && n !== CACHE)
          .map((n) => caches.delete(n)),
      );
      await clients.claim();
    }),
  ),
);

addEventListener("fetch", (e) => {
  const { request } = e;
  const url = new URL(request.url);
  if (
    request.method !== "GET" ||
    url.origin !== location.origin ||
    url.pathname.startsWith("/api/")
  )
    return;
  const page =
    request.mode === "navigate" &&
    !url.pathname.split("/").pop().includes(".") &&
    !url.pathname.startsWith("/static/");
  e.respondWith(
    caches.open(CACHE).then(async (c) => (await c.match(page ? "/" : request)) || fetch(request)),
  );
});

addEventListener("message", (e) => e.data?.type === "skip-waiting" && skipWaiting());
addEventListener("sync", (e) => e.tag === SYNC_TAG && e.waitUntil(pushAndPull({ force: true })));
addEventListener("push", onPush);
addEventListener("notificationclick", onNotificationClick);
addEventListener("pushsubscriptionchange", onSubscriptionChange);
