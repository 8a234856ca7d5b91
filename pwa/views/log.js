// Placeholder: the Log screen (replaced by its feature). Keeps the home-screen shortcuts
// "Log water" (/log?quick=water) and "Took magnesium" (/log?quick=magnesium) working.
import { quickLog } from "../lib/quick.js";
import { el } from "../lib/ui.js";

export async function mount(root, params) {
  root.append(el("h1", {}, "Log"), el("p", {}, "Coming soon."));
  if (params.quick === "water" || params.quick === "magnesium") {
    await quickLog(params.quick);
    // Drop ?quick so a reload does not log it twice.
    history.replaceState(null, "", "/log");
    root.append(el("p", { role: "status" }, params.quick === "water" ? "Water saved." : "Magnesium saved."));
  }
}
