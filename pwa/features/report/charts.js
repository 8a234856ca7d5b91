// The page's small charts, as SVG so they print sharp; black and white safe (lines, dots and
// bars in the text colour, no colour carries meaning). No style attributes (CSP): CSS colours them.
import { plural } from "../../lib/format.js";
import { svg } from "../../lib/ui.js";
import { barChart } from "../insights/stats.js";
import { dayText } from "./figures.js";

// Nights with a cramp in each week of the period (a shorter last week says how many days it has).
export function nightsChart(weeks, summary) {
  const data = weeks.map((w) => ({
    label: w.days < 7 ? `${dayText(w.start, true)} (${w.days} d)` : dayText(w.start, true),
    value: w.nights,
  }));
  const chart = barChart(data, {
    label: "Nights with cramps, week by week",
    summary,
    valueLabel: (n) => plural(n, "night"),
    labelEvery: weeks.length > 6 ? 2 : 1,
  });
  chart.classList.add("report-chart");
  return chart;
}

const W = 240;
const H = 44;
const PAD = 4;

// A trend line of one check-in scale (0–10) over the period's days: a dot per answer, joined.
export function trendLine(series, days) {
  const x = (at) => PAD + (days > 1 ? (at / (days - 1)) * (W - 2 * PAD) : (W - 2 * PAD) / 2);
  const y = (v) => PAD + ((10 - v) / 10) * (H - 2 * PAD);
  const node = svg("svg", {
    class: "report-trend",
    viewBox: `0 0 ${W} ${H}`,
    width: "100%",
    role: "img",
    focusable: "false",
    "aria-label": `${series.label}, 0 to 10, ${plural(series.count, "morning")}`,
  });
  node.append(
    svg("rect", { class: "report-trend-frame", x: 0.5, y: 0.5, width: W - 1, height: H - 1 }),
  );
  if (series.points.length > 1)
    node.append(
      svg("polyline", {
        class: "report-trend-line",
        points: series.points.map((p) => `${x(p.at)},${y(p.value)}`).join(" "),
      }),
    );
  for (const p of series.points)
    node.append(svg("circle", { class: "report-trend-dot", cx: x(p.at), cy: y(p.value), r: 2 }));
  return node;
}
