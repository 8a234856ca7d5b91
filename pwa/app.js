// Start-up: theme, router, the sync state in the header, the offline worker and its updates, auto-sync.
import { plural } from "./lib/format.js";
import { applyTheme, banner, clearBanner, toast } from "./lib/ui.js";
import { navigate, routerEvents, startRouter } from "./router.js";

applyTheme();

const status = document.getElementById("sync-status");
const html = document.documentElement;

function show(id, text, action, options) {
  if (text) banner(id, text, [action], options);
  else clearBanner(id);
}

// sync.js, imported once the first screen is drawn (see the end of this file).
let sync = null;

function showStatus(s = sync.syncState()) {
  status.textContent = sync.statusText(s);
  status.dataset.phase = s.phase;
  show(
    "signin",
    s.phase === "signin" &&
      !s.signedOut &&
      "Please sign in again. Your records are safe on this phone.",
    {
      label: "Sign in",
      primary: true,
      onClick: () => navigate("/signin"),
    },
  );
  const n = s.attention;
  // calm: nothing is lost, the record waits on this phone for a fix
  show(
    "attention",
    n && `${plural(n, "record needs", "records need")} a look before syncing.`,
    {
      label: "Show",
      onClick: () => navigate("/settings?look=1"),
    },
    { quiet: true },
  );
}

// A save the record check refused (store.js) on a screen that did not catch it: say why.
addEventListener("unhandledrejection", (e) => {
  if (e.reason?.name === "RecordCheckError") toast(e.reason.message);
});
setInterval(() => sync && showStatus(), 30000); // "Synced 2 min ago" ages

routerEvents.addEventListener("route", (e) => {
  if (!html.dataset.ready) performance.mark("app-ready");
  html.dataset.screen = e.detail.view;
  html.dataset.ready = "1";
});

// A page never runs two versions: a new worker waits for Reload.
async function registerWorker() {
  const sw = navigator.serviceWorker;
  if (!sw) return;
  const had = sw.controller;
  let reloading = false;
  sw.addEventListener("controllerchange", () => {
    if (!had || reloading) return;
    reloading = true;
    location.reload();
  });
  let reg;
  try {
    reg = await sw.register("/sw.js", { type: "module", scope: "/" });
  } catch (err) {
    return console.error(err);
  }
  const offer = (worker) =>
    banner("update", "A new version is ready.", [
      {
        label: "Reload",
        primary: true,
        onClick: () => worker.postMessage({ type: "skip-waiting" }),
      },
    ]);
  if (reg.waiting && sw.controller) offer(reg.waiting);
  reg.addEventListener("updatefound", () => {
    const worker = reg.installing;
    worker?.addEventListener(
      "statechange",
      () => worker.state === "installed" && sw.controller && offer(worker),
    );
  });
  const update = () => reg.update().catch(() => {});
  document.addEventListener(
    "visibilitychange",
    () => document.visibilityState === "visible" && update(),
  );
  setInterval(update, 3600e3);
}

// A first screen that fails to draw must not stop sync and the worker: records already saved on
// the phone still go to the account.
await startRouter(document.getElementById("main")).catch((err) => console.error(err));
// Sync starts after the first screen: the cramp timer and Today do not wait for it (their
// budgets: README, "The app on the phone").
sync = await import("./sync.js");
sync.statusEvents.addEventListener("status", (e) => showStatus(e.detail));
await sync.readStatus();
sync.startAutoSync();
registerWorker();
