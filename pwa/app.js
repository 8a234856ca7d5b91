// Start-up: theme, router, sync state in the header, the offline worker, and auto-sync.

import { applyTheme } from "./lib/theme.js";
import { clearBanner, banner } from "./lib/ui.js";
import { registerWorker } from "./lib/update.js";
import { navigate, routerEvents, startRouter } from "./router.js";
import { events, refresh, startAutoSync, statusText, syncState } from "./sync.js";

applyTheme();

const status = document.getElementById("sync-status");

function showStatus(state = syncState()) {
  status.textContent = statusText(state);
  status.dataset.phase = state.phase;
  if (state.phase === "signin" && !state.signedOut) {
    banner("signin", "Please sign in again. Your records are safe on this phone.", [
      { label: "Sign in", primary: true, onClick: () => navigate("/signin") },
    ]);
  } else {
    clearBanner("signin");
  }
  if (state.attention) {
    banner("attention", `${state.attention} record${state.attention === 1 ? " was" : "s were"} not accepted.`, [
      { label: "See why", onClick: () => navigate("/settings") },
    ]);
  } else {
    clearBanner("attention");
  }
}

events.addEventListener("status", (event) => showStatus(event.detail));
// "Synced 2 min ago" ages without any event.
setInterval(() => showStatus(), 30000);

let first = true;
routerEvents.addEventListener("route", (event) => {
  document.documentElement.dataset.screen = event.detail.view;
  document.documentElement.dataset.ready = "1";
  if (first) {
    first = false;
    performance.mark("app-ready");
  }
});

async function start() {
  await startRouter(document.getElementById("main"));
  await refresh();
  startAutoSync();
  registerWorker();
}

start();
