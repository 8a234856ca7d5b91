// "Points left today: 4" over a bar of done and planned points; small, as Today loads it too.
import { pts } from "../lib/pacing.js";
import { el } from "../lib/ui.js";

function svg(tag, attrs, parent) {
  const n = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const k in attrs) n.setAttribute(k, attrs[k]);
  parent?.append(n);
  return n;
}

// An SVG, so the widths need no style attributes.
function bar({ budget, spent, load }) {
  const max = Math.max(budget, load, 1);
  const x = (n) => Math.round((n / max) * 1000) / 10;
  const s = svg("svg", { viewBox: "0 0 100 12", preserveAspectRatio: "none", class: "plan-bar", "aria-hidden": "true" });
  const rect = (cls, from, to) => svg("rect", { class: cls, x: x(from), y: 0, width: x(Math.max(0, to - from)), height: 12 }, s);
  rect("plan-bar-track", 0, max);
  rect("plan-bar-planned", 0, Math.min(load, budget));
  rect("plan-bar-spent", 0, Math.min(spent, budget));
  if (load > budget) rect("plan-bar-over", budget, load);
  svg("rect", { class: "plan-bar-budget", x: Math.max(0, x(budget) - 0.6), y: 0, width: 0.6, height: 12 }, s);
  return s;
}

export function pointsLine(totals, label = "today") {
  const { budget, spent, load, remaining } = totals;
  return el("div", { class: "plan-points", "data-points-left": remaining },
    el("p", { class: "big-number" }, remaining >= 0 ? `Points left ${label}: ${remaining}` : `Over budget ${label}: ${pts(-remaining)}`),
    bar(totals),
    el("p", { class: "muted" }, `Planned ${load} of ${budget} · Done ${spent}`));
}
