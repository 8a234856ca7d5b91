// A small SVG bar chart. No style attributes (the CSP allows none): colour comes from
// currentColor and CSS classes (.chart, .chart-bar, .chart-label, .chart-value, .chart-axis),
// so it follows the theme and dark mode. The accessible name and a text summary are built in.

const SVG = "http://www.w3.org/2000/svg";
const WIDTH = 360; // viewBox width: about a phone's width, so 12 units read as about 12px there
const PLOT_HEIGHT = 120;
const TOP = 22; // room for value labels above the tallest bar
const BOTTOM = 36; // room for two-line labels under the bars
const PAD = 14; // room at the sides, so the first and last labels are not cut
let idCount = 0;

/** The geometry of a bar chart, in viewBox units: pure, so it can be tested without a DOM. */
export function barLayout(data, { labelEvery = 1 } = {}) {
  const max = Math.max(0, ...data.map((d) => d.value || 0));
  const slot = WIDTH / Math.max(data.length, 1);
  const width = WIDTH;
  const height = TOP + PLOT_HEIGHT + BOTTOM;
  const base = TOP + PLOT_HEIGHT;
  const bars = data.map((d, i) => {
    const value = d.value || 0;
    const h = max ? Math.round((value / max) * PLOT_HEIGHT) : 0;
    const x = i * slot + slot * 0.15;
    return {
      x, y: base - h, width: slot * 0.7, height: h, cx: x + slot * 0.35,
      label: i % labelEvery === 0 ? d.label : "", fullLabel: d.label, value,
    };
  });
  return { width, height, base, max, bars };
}

/** Create an SVG element with attributes. */
function svgEl(tag, attrs = {}, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text != null) node.textContent = text;
  return node;
}

/** One bar: a rect with its own tooltip title, its value above it, its label below. */
function drawBar(b, base, valueLabel) {
  const g = svgEl("g", { class: "chart-item" });
  const rect = svgEl("rect", {
    class: "chart-bar", x: b.x, y: b.y, width: b.width, height: Math.max(b.height, 0), rx: 3, fill: "currentColor",
  });
  rect.append(svgEl("title", {}, `${b.fullLabel}: ${valueLabel(b.value)}`));
  g.append(rect);
  if (b.value) {
    g.append(svgEl("text", { class: "chart-value", x: b.cx, y: b.y - 6, "text-anchor": "middle", "font-size": 13, fill: "currentColor" }, String(b.value)));
  }
  if (b.label) g.append(labelText(b.label, b.cx, base));
  return g;
}

/** A bar's label under the axis, split at its first space into two short lines ("12" / "Nov"). */
function labelText(label, x, base) {
  const text = svgEl("text", { class: "chart-label", x, y: base + 15, "text-anchor": "middle", "font-size": 12, fill: "currentColor" });
  const cut = label.indexOf(" ");
  const lines = cut > 0 ? [label.slice(0, cut), label.slice(cut + 1)] : [label];
  lines.forEach((line, i) => text.append(svgEl("tspan", { x, dy: i ? 14 : 0 }, line)));
  return text;
}

/**
 * barChart([{label, value}], {label, valueLabel, summary, labelEvery}) -> <svg role="img">.
 * label names the chart; summary (plain words) becomes its description for screen readers.
 */
export function barChart(data, { label = "Chart", valueLabel = String, summary = "", labelEvery = 1 } = {}) {
  const L = barLayout(data, { labelEvery });
  const id = `chart-${++idCount}`;
  const svg = svgEl("svg", {
    class: "chart", viewBox: `${-PAD} 0 ${L.width + 2 * PAD} ${L.height}`, width: "100%", role: "img",
    "aria-labelledby": `${id}-title`, focusable: "false",
  });
  if (summary) svg.setAttribute("aria-describedby", `${id}-desc`);
  svg.append(svgEl("title", { id: `${id}-title` }, label));
  if (summary) svg.append(svgEl("desc", { id: `${id}-desc` }, summary));
  svg.append(svgEl("line", { class: "chart-axis", x1: -PAD, x2: L.width + PAD, y1: L.base + 0.5, y2: L.base + 0.5, stroke: "currentColor", "stroke-width": 1 }));
  for (const b of L.bars) svg.append(drawBar(b, L.base, valueLabel));
  return svg;
}
