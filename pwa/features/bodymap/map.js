// The body map drawn as SVG text: pure (no DOM), so the picker, the week view and a printed
// report draw the same figure. Shading follows `counts` in opacity steps with the number written
// on the region (readable in dark mode and in black and white); `selected` cells are filled.

import { VIEWS, cellLabel, cellsIn, shapeOf } from "./regions.js";

export const FIGURE_BOX = [12, 0, 76, 192]; // the whole figure, as a viewBox
export const VIEW_NAMES = { front: "Front", back: "Back" };
const OPACITY = [0.06, 0.22, 0.45, 0.75]; // by level: none, a few, more, most

const esc = (s) =>
  String(s).replace(
    /[&<>"]/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c],
  );
const attrs = (a) =>
  Object.entries(a)
    .filter(([, v]) => v != null && v !== false)
    .map(([k, v]) => `${k}="${esc(v)}"`)
    .join(" ");

// 0 for none; 1–3 by thirds of the largest count (1 and 2 stay 1 and 2 when the largest is small).
export function level(n, max) {
  if (!n) return 0;
  if (max <= 3) return n;
  return Math.min(3, Math.ceil((3 * n) / max));
}

// "Left calf 3, neck 1" or "nothing"
export function countsText(counts, view) {
  const parts = cellsIn(view)
    .filter((c) => counts[c])
    .map((c, i) => `${i ? cellLabel(c).toLowerCase() : cellLabel(c)} ${counts[c]}`);
  return parts.length ? parts.join(", ") : "nothing";
}

// One view of the figure as an <svg> string.
// counts: {cell: n}; selected: cells drawn as chosen; interactive: cells are buttons (only those in
// `only`, when given: a close-up); box: the viewBox (default the whole figure).
export function bodyMapSvg({
  view = "front",
  counts = {},
  selected = [],
  interactive = false,
  only = null,
  box = FIGURE_BOX,
} = {}) {
  if (!VIEWS.includes(view)) throw new Error(`No view ${view}`);
  const max = Math.max(0, ...Object.values(counts));
  const chosen = new Set(selected);
  const parts = cellsIn(view).map((cell) => {
    const [x, y, w, h] = shapeOf(cell, view);
    const n = counts[cell] || 0;
    const lvl = level(n, max);
    const button = interactive && (!only || only.includes(cell));
    const rect = `<rect ${attrs({
      class: `bm-region bm-level-${lvl}${chosen.has(cell) ? " bm-chosen" : ""}${interactive && !button ? " bm-still" : ""}`,
      x,
      y,
      width: w,
      height: h,
      rx: Math.min(4, w / 2, h / 2),
      fill: "currentColor",
      "fill-opacity": OPACITY[lvl],
      stroke: "currentColor",
      "stroke-width": chosen.has(cell) ? 3 : 1.25,
      "vector-effect": "non-scaling-stroke", // in screen pixels, whatever the close-up
      "data-cell": cell,
      role: button ? "button" : null,
      tabindex: button ? "0" : null,
      "aria-label": button ? cellLabel(cell) : null,
      "aria-pressed": button ? String(chosen.has(cell)) : null,
    })}/>`;
    const text =
      n &&
      `<text ${attrs({
        class: "bm-count",
        x: x + w / 2,
        y: y + h / 2,
        "text-anchor": "middle",
        "dominant-baseline": "central",
        "font-size": 7,
        "font-weight": 700,
        "aria-hidden": "true",
      })}>${n}</text>`;
    return rect + (text || "");
  });
  const label = interactive
    ? `Body seen from the ${view}`
    : `Body seen from the ${view}: ${countsText(counts, view)}`;
  return `<svg ${attrs({
    xmlns: "http://www.w3.org/2000/svg",
    class: `bodymap bodymap-${view}`,
    viewBox: box.join(" "),
    role: interactive ? "group" : "img",
    "aria-label": label,
    "data-view": view,
  })}><circle class="bm-head" cx="50" cy="13" r="10" fill="none" stroke="currentColor" stroke-width="1.25" vector-effect="non-scaling-stroke"/>${parts.join("")}</svg>`;
}
