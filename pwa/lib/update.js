// The service worker from the page's side: register it, and the update flow
// "new worker waiting -> ask -> skip-waiting -> reload on controllerchange".

import { banner } from "./ui.js";

/** Register /sw.js and offer a reload when a new version waits. Resolves to the registration. */
export async function registerWorker() {
  if (!("serviceWorker" in navigator)) return null;
  const sw = navigator.serviceWorker;
  // With a controller already, any change of controller means a new version took over:
  // reload at once so this page never runs with files of two versions.
  const hadController = Boolean(sw.controller);
  let reloading = false;
  sw.addEventListener("controllerchange", () => {
    if (!hadController || reloading) return;
    reloading = true;
    location.reload();
  });
  let reg;
  try {
    reg = await sw.register("/sw.js", { type: "module", scope: "/" });
  } catch (err) {
    console.error("The offline worker could not start.", err);
    return null;
  }
  const offer = (worker) =>
    banner("update", "A new version is ready.", [
      { label: "Reload", primary: true, onClick: () => worker.postMessage({ type: "skip-waiting" }) },
    ]);
  if (reg.waiting && sw.controller) offer(reg.waiting);
  reg.addEventListener("updatefound", () => {
    const worker = reg.installing;
    if (!worker) return;
    worker.addEventListener("statechange", () => {
      if (worker.state === "installed" && sw.controller) offer(worker);
    });
  });
  // Look for a new version when the person comes back to the app, and every hour.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible") reg.update().catch(() => {});
  });
  setInterval(() => reg.update().catch(() => {}), 60 * 60 * 1000);
  return reg;
}
