// "Points left today: 4" over a bar of done and planned points; small, as Today loads it too.
import { pts } from "./pacing.js";
import { el, svg } from "../../lib/ui.js";

// An SVG, so the widths need no style attributes.
function bar({ budget, spent, load }) {
  const max = Math.max(budget, load, 1);
  const x = (n) => Math.round((n / max) * 1000) / 10;
  const s = svg("svg", {
    viewBox: "0 0 100 12",
    preserveAspectRatio: "none",
    class: "plan-bar",
    "aria-hidden": "true",
  });
  s.append(
    ...[
      ["track", 0, max],
      ["planned", 0, Math.min(load, budget)],
      ["spent", 0, Math.min(spent, budget)],
      ["over", budget, Math.max(load, budget)],
      ["budget", Math.max(0, budget - max * 0.006), budget],
    ].map(([cls, from, to]) =>
      svg("rect", { class: `plan-bar-${cls}`, x: x(from), y: 0, width: x(to - from), height: 12 }),
    ),
  );
  return s;
}

export function pointsLine(totals, label = "today") {
  const { budget, spent, load, remaining } = totals;
  return el(
    "div",
    { class: "plan-points", "data-points-left": remaining },
    el(
      "p",
      { class: "big-number" },
      remaining >= 0
        ? `Points left ${label}: ${remaining}`
        : `Over budget ${label}: ${pts(-remaining)}`,
    ),
    bar(totals),
    el("p", { class: "muted" }, `Planned ${load} of ${budget} · Done ${spent}`),
  );
}
