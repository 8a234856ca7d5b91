// The day's points against its budget: "Points left today: 4" over a big bar. Used by the Plan
// screen and Today's energy block (kept small so Today loads little).
import { el } from "../lib/ui.js";

const SVG = "http://www.w3.org/2000/svg";
const pts = (n) => `${n} point${n === 1 ? "" : "s"}`;

/** The big bar: done and planned points against the budget (an SVG: no style attributes). */
export function budgetBar(totals) {
  const { budget, spent, load } = totals;
  const max = Math.max(budget, load, 1);
  const x = (n) => String(Math.round((n / max) * 1000) / 10);
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", "0 0 100 12");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("class", "plan-bar");
  svg.setAttribute("aria-hidden", "true");
  const rect = (cls, from, to) => {
    const r = document.createElementNS(SVG, "rect");
    for (const [k, v] of Object.entries({ class: cls, x: x(from), y: "0", width: x(Math.max(0, to - from)), height: "12" })) r.setAttribute(k, v);
    svg.append(r);
  };
  rect("plan-bar-track", 0, max);
  rect("plan-bar-planned", 0, Math.min(load, budget));
  rect("plan-bar-spent", 0, Math.min(spent, budget));
  if (load > budget) rect("plan-bar-over", budget, load);
  const line = document.createElementNS(SVG, "rect");
  for (const [k, v] of Object.entries({ class: "plan-bar-budget", x: String(Math.max(0, Number(x(budget)) - 0.6)), y: "0", width: "0.6", height: "12" })) line.setAttribute(k, v);
  svg.append(line);
  return svg;
}

/** "Points left today: 4" (or how far over), with the figures behind it. */
export function pointsLine(totals, label = "today") {
  const { budget, spent, load, remaining } = totals;
  return el("div", { class: "plan-points", "data-points-left": String(remaining) },
    el("p", { class: "big-number" }, remaining >= 0 ? `Points left ${label}: ${remaining}` : `Over budget ${label}: ${pts(-remaining)}`),
    budgetBar(totals),
    el("p", { class: "muted" }, `Planned ${load} of ${budget} · Done ${spent}`));
}
