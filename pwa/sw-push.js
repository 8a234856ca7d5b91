// Push and notification clicks for the service worker (owned by the reminders feature).
// sw.js wires the events here; each handler calls event.waitUntil itself.

/** A push message arrived. */
export function onPush(event) {
  void event;
}

/** A notification (or one of its actions) was tapped. */
export function onNotificationClick(event) {
  event.notification.close();
  event.waitUntil(self.clients.openWindow("/"));
}
