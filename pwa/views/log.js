// The Log screen: "legs turned to jelly" in one tap, the knot log and the weakness log, each
// with its recent entries (change or delete). Keeps the home-screen shortcuts "Log water"
// (/log?quick=water) and "Took magnesium" (/log?quick=magnesium) working.

import { onChange } from "../store.js";
import { quickLog } from "../lib/quick.js";
import { el } from "../lib/ui.js";
import { entryForm, renderRecent } from "./log-entries.js";
import { KNOT } from "./log-knot.js";
import { WEAKNESS, logJellyLegs } from "./log-weakness.js";

const KINDS = { knot: KNOT, weakness: WEAKNESS };
let unsubscribe = null;

/** One log (form + recent entries) in its own panel. */
function panel(spec) {
  const recent = el("section", { class: "card", "data-recent": spec.collection });
  const form = entryForm(spec); // the list follows through onChange
  const refresh = () => renderRecent(recent, spec, { onEdit: form.edit });
  const node = el("div", { class: "stack", "data-panel": spec.collection },
    el("section", { class: "card" }, form.node), recent);
  return { node, refresh };
}

export async function mount(root, params) {
  const status = el("p", { role: "status", class: "saved-text" });
  const screen = el("div", { class: "stack" }, el("h1", {}, "Log"), status);
  root.append(screen);
  if (params.quick === "water" || params.quick === "magnesium") {
    await quickLog(params.quick);
    // Drop ?quick so a reload does not log it twice.
    history.replaceState(null, "", "/log");
    status.textContent = params.quick === "water" ? "Water saved." : "Magnesium saved.";
  }

  const panels = { knot: panel(KNOT), weakness: panel(WEAKNESS) };
  let shown = params.tab === "weakness" ? "weakness" : "knot";
  const tabs = el("div", { class: "row log-switch", role: "group", "aria-label": "What to log" });
  const host = el("div", {});
  const show = (kind) => {
    shown = kind;
    for (const b of tabs.children) b.setAttribute("aria-pressed", String(b.dataset.kind === kind));
    host.replaceChildren(panels[kind].node);
    history.replaceState(null, "", kind === "knot" ? "/log" : "/log?tab=weakness");
  };
  for (const kind of Object.keys(KINDS)) {
    tabs.append(el("button", { class: "btn", type: "button", "data-kind": kind, onclick: () => show(kind) },
      kind === "knot" ? "Knot" : "Weakness"));
  }

  screen.append(
    el("button", { class: "btn btn-primary btn-block log-jelly", type: "button", "data-action": "jelly", onclick: logJellyLegs },
      "Legs turned to jelly"),
    tabs,
    host,
    el("a", { class: "btn btn-block", href: "/helps" }, "What helps me"),
  );
  show(shown);
  await Promise.all(Object.values(panels).map((p) => p.refresh()));
  unsubscribe = onChange((change) => {
    if (change.collection === "knots" || change.collection === "*") panels.knot.refresh();
    if (change.collection === "weakness" || change.collection === "*") panels.weakness.refresh();
  });
}

export function unmount() {
  if (unsubscribe) unsubscribe();
  unsubscribe = null;
}
