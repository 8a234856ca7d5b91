// "What helps me" figures (pure) and a bar chart; what shortened cramps is in reliefs.js.
// startHour: a 2 a.m. cramp is the night before's.
import { addDays, dayKey, localHour } from "../../lib/day.js";
import { plural } from "../../lib/format.js";
import { median } from "../../lib/median.js";
import { CRAMP } from "../../lib/limits.js";
import { svg } from "../../lib/ui.js";
import { crampSeconds, usableSeconds } from "../cramp/length.js";
import { reliefAnswers } from "./reliefs.js";

// Where they used to live: callers importing them from here keep working.
export { MIN_EACH_SIDE, RELIEFS, reliefEffect } from "./reliefs.js";

export const MIN_FOR_PATTERN = 5;
const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");

const dayLabel = (day) => `${+day.slice(8)} ${MONTHS[day.slice(5, 7) - 1]}`;
const hourLabel = (h) => `${h % 12 || 12} ${h < 12 ? "am" : "pm"}`;

const live = (records) => (records || []).filter((r) => r && !r.deleted_at);
const sum = (xs) => xs.reduce((a, b) => a + b, 0);
const top = (xs) => xs.reduce((a, b) => (b.count > a.count ? b : a));

// A length no cramp has (stored before the server bounded them, e.g. a timer left running for
// days) would pull every figure: such lengths are left out, and counted so the screen can say so.
const tooLong = (c) => crampSeconds(c) > CRAMP.max_minutes * 60;

export function crampDurations(cramps) {
  const all = live(cramps);
  const secs = all.map(usableSeconds).filter((s) => s != null);
  const leftOut = all.filter(tooLong).length;
  const note = leftOut
    ? `${plural(leftOut, "cramp")} left out: longer than ${CRAMP.max_minutes / 60} hours, so probably a timer left running. Change ${leftOut > 1 ? "their" : "its"} length in Past cramps.`
    : null;
  return { count: secs.length, medianSeconds: median(secs), leftOut, note };
}

export function crampsPerWeek(
  cramps,
  { now = new Date(), startHour = 4, offsetMinutes, weeks = 8 } = {},
) {
  const opts = { startHour, offsetMinutes };
  const today = dayKey(now, opts);
  const blocks = Array.from({ length: weeks }, (_, i) => {
    const end = addDays(today, 7 * (i + 1 - weeks));
    const start = addDays(end, -6);
    return { start, end, label: i === weeks - 1 ? "This week" : dayLabel(start), count: 0 };
  });
  for (const c of live(cramps)) {
    const day = c.started_at && dayKey(c.started_at, opts);
    const b = day && blocks.find((w) => w.start <= day && day <= w.end);
    if (b) b.count++;
  }
  const total = sum(blocks.map((b) => b.count));
  const most = top(blocks);
  const last = blocks[weeks - 1];
  const text = total
    ? `${plural(total, "cramp")} in the last ${weeks} weeks. ` +
      `Most in ${most === last ? "this week" : `the week starting ${most.label}`}: ${most.count}. This week: ${last.count}.`
    : `No cramps logged in the last ${weeks} weeks.`;
  return { weeks: blocks, total, text };
}

export function crampsByHour(cramps, { startHour = 4, offsetMinutes } = {}) {
  const counts = Array(24).fill(0);
  for (const c of live(cramps))
    if (c.started_at) counts[localHour(c.started_at, { offsetMinutes })]++;
  const hours = counts.map((_, i) => {
    const hour = (startHour + i) % 24;
    return { hour, label: hourLabel(hour), count: counts[hour] };
  });
  const total = sum(counts);
  const enough = total >= MIN_FOR_PATTERN;
  const t = top(hours);
  const text = enough
    ? `Most cramps started between ${t.label} and ${hourLabel((t.hour + 1) % 24)}: ${t.count} of ${total}.`
    : null;
  return { hours, total, enough, text };
}

function countBy(records, field) {
  const m = new Map();
  for (const v of records.flatMap((r) => r[field] || [])) m.set(v, (m.get(v) || 0) + 1);
  return [...m]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
}

export function knotsByLocation(knots) {
  const all = live(knots);
  const locations = countBy(all, "location");
  const [first] = locations;
  const n = all.length;
  const enough = n >= MIN_FOR_PATTERN;
  const text = enough ? `Most knots were in the ${first.name}: ${first.count} of ${n}.` : null;
  return { locations, helped: countBy(all, "helped"), total: n, enough, text };
}

export function weaknessByArea(weakness) {
  const all = live(weakness);
  const areas = countBy(all, "body_area");
  const n = all.length;
  const enough = n >= MIN_FOR_PATTERN;
  const text = enough
    ? `Weakness was most often in the ${areas[0].name}: ${areas[0].count} of ${n}.`
    : null;
  return { areas, jelly: all.filter((w) => w.jelly_legs).length, total: n, enough, text };
}

export function whatHelps({ cramps = [], knots = [], weakness = [] } = {}, opts = {}) {
  return {
    durations: crampDurations(cramps),
    reliefs: reliefAnswers(cramps, opts),
    weeks: crampsPerWeek(cramps, opts),
    hours: crampsByHour(cramps, opts),
    knots: knotsByLocation(knots),
    weakness: weaknessByArea(weakness),
  };
}

// No style attributes (CSP): colours come from CSS.
const W = 360;
const PLOT = 120;
const TOP = 22;
const PAD = 14;
let chartCount = 0;

export function barLayout(data, { labelEvery = 1 } = {}) {
  const max = Math.max(0, ...data.map((d) => d.value || 0));
  const slot = W / Math.max(data.length, 1);
  const base = TOP + PLOT;
  const bars = data.map((d, i) => {
    const value = d.value || 0;
    const height = max ? Math.round((value / max) * PLOT) : 0;
    const x = i * slot + slot * 0.15;
    return {
      x,
      y: base - height,
      width: slot * 0.7,
      height,
      cx: x + slot * 0.35,
      label: i % labelEvery ? "" : d.label,
      fullLabel: d.label,
      value,
    };
  });
  return { width: W, height: base + 36, base, max, bars };
}

export function barChart(data, { label, summary, valueLabel, labelEvery }) {
  const L = barLayout(data, { labelEvery });
  const id = `chart-${++chartCount}`;
  const chart = svg("svg", {
    class: "chart",
    viewBox: `${-PAD} 0 ${W + 2 * PAD} ${L.height}`,
    width: "100%",
    role: "img",
    focusable: "false",
    "aria-labelledby": `${id}-t`,
    "aria-describedby": `${id}-d`,
    fill: "currentColor",
    "text-anchor": "middle",
  });
  const y = L.base + 0.5;
  chart.append(
    svg("title", { id: `${id}-t` }, label),
    svg("desc", { id: `${id}-d` }, summary),
    svg("line", {
      class: "chart-axis",
      x1: -PAD,
      x2: W + PAD,
      y1: y,
      y2: y,
      stroke: "currentColor",
    }),
  );
  for (const b of L.bars) {
    const g = svg("g");
    const rect = svg("rect", {
      class: "chart-bar",
      x: b.x,
      y: b.y,
      width: b.width,
      height: b.height,
      rx: 3,
    });
    rect.append(svg("title", {}, `${b.fullLabel}: ${valueLabel(b.value)}`));
    g.append(rect);
    if (b.value)
      g.append(
        svg("text", { class: "chart-value", x: b.cx, y: b.y - 6, "font-size": 13 }, b.value),
      );
    if (b.label) {
      const t = svg("text", { class: "chart-label", x: b.cx, y: L.base + 15, "font-size": 12 });
      b.label
        .replace(" ", "\n")
        .split("\n")
        .forEach((line, i) => {
          t.append(svg("tspan", { x: b.cx, dy: i * 14 }, line));
        });
      g.append(t);
    }
    chart.append(g);
  }
  return chart;
}
