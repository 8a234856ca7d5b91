// The doctor's page, as figures (pure: no DOM, so tests/js/report.test.mjs checks every number).
// ctx: {from, to} local days ("YYYY-MM-DD", both included), the person's timeZone (IANA) and
// startHour (a 2 a.m. cramp belongs to the night before). Times are read on the person's wall
// clock in their zone, so a period across a DST change keeps its days and hours.
import { addDays } from "../../lib/day.js";
import { capitalize, durationShort } from "../../lib/format.js";
import { CRAMP } from "../../lib/limits.js";
import { median } from "../../lib/median.js";
import { countsByRegion } from "../bodymap/counts.js";
import { crampSeconds } from "../cramp/length.js";
import { experimentResult } from "../experiments/analysis.js";
import { lastDay } from "../experiments/plan.js";
import { localTime } from "../export/columns.js";
import { reliefAnswers } from "../insights/reliefs.js";
import { knotsByLocation, weaknessByArea } from "../insights/stats.js";
import { DEFAULT_BUDGET } from "../plan/pacing.js";
import { dayLoads, pairDays, suggestBudget } from "../plan/pattern.js";

// The morning check-in scales drawn as trend lines, one line each. Sleep is the one scale where
// 10 is good, so its label says so.
export const SCALES = [
  { key: "fatigue", label: "Fatigue" },
  { key: "stiffness", label: "Morning stiffness" },
  { key: "sleep", label: "Sleep (10 = slept very well)" },
  { key: "weakness", label: "Muscle weakness" },
  { key: "cramps", label: "Cramps" },
  { key: "knots", label: "Knots" },
];

// Times of night a cramp started in, by the local hour [from, to).
export const BANDS = [
  { key: "evening", label: "6 pm to midnight", from: 18, to: 24 },
  { key: "early", label: "midnight to 3 am", from: 0, to: 3 },
  { key: "late", label: "3 am to 6 am", from: 3, to: 6 },
  { key: "day", label: "6 am to 6 pm", from: 6, to: 18 },
];

export const PERIODS = {
  weeks4: { label: "Last 4 weeks", days: 28 },
  months3: { label: "Last 3 months", days: 91 },
};
const CRASH_LOOKBACK = 7; // days before a crash searched for an over-budget day
const LONGEST = CRAMP.max_minutes * 60; // as What helps me: a longer "cramp" is a timer left on
const MONTHS =
  "January February March April May June July August September October November December";
const MONTH = MONTHS.split(" ");

const live = (records) => (records || []).filter((r) => r && !r.deleted_at);
const days = (from, to) =>
  Math.round((Date.parse(`${to}T12:00Z`) - Date.parse(`${from}T12:00Z`)) / 864e5) + 1;

// {day, hour, minute, text} of a moment on the wall clock of `timeZone`.
export function wallClock(iso, timeZone) {
  const text = localTime(iso, timeZone); // "2026-03-29 02:30 +01:00"
  return { day: text.slice(0, 10), hour: +text.slice(11, 13), minute: +text.slice(14, 16), text };
}

// The day a moment counts on: before the day start it is still the day before.
export function nightOf(iso, { timeZone, startHour = 4 }) {
  const w = wallClock(iso, timeZone);
  return w.hour < startHour ? addDays(w.day, -1) : w.day;
}

// "3 November 2026"; `short` leaves out the year: "3 Nov".
export function dayText(day, short = false) {
  const [y, m, d] = day.split("-").map(Number);
  return short ? `${d} ${MONTH[m - 1].slice(0, 3)}` : `${d} ${MONTH[m - 1]} ${y}`;
}

// The period a choice names, ending on `today`; "dates" takes {from, to} as given (swapped if
// the wrong way round).
export function periodOf(choice, today, { from, to } = {}) {
  if (choice === "dates" && from && to) {
    const [a, b] = from <= to ? [from, to] : [to, from];
    return { from: a, to: b, days: days(a, b), label: `${dayText(a)} to ${dayText(b)}` };
  }
  const p = PERIODS[choice] || PERIODS.weeks4;
  return { from: addDays(today, 1 - p.days), to: today, days: p.days, label: p.label };
}

export const periodWords = ({ from, to }) =>
  `${dayText(from)} to ${dayText(to)} (${days(from, to)} days)`;

// The live records of a collection whose day falls in the period.
export function within(records, field, ctx) {
  const inside = (day) => day >= ctx.from && day <= ctx.to;
  return live(records).filter((r) => {
    const v = r[field];
    if (!v) return false;
    return inside(field === "day" ? v : nightOf(v, ctx));
  });
}

function countBy(values) {
  const m = new Map();
  for (const v of values) m.set(v, (m.get(v) || 0) + 1);
  return [...m]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
}

// Weeks of the period from its first day; the last may be shorter (its `days` says so).
export function weekBlocks({ from, to }) {
  const blocks = [];
  for (let start = from; start <= to; start = addDays(start, 7)) {
    const end = [addDays(start, 6), to].sort()[0]; // the earlier (ISO days sort as text)
    blocks.push({ start, end, days: days(start, end) });
  }
  return blocks;
}

export function crampFigures(cramps, ctx) {
  const all = within(cramps, "started_at", ctx);
  const nights = new Set(all.map((c) => nightOf(c.started_at, ctx)));
  const weeks = weekBlocks(ctx).map((w) => ({
    ...w,
    nights: [...nights].filter((d) => d >= w.start && d <= w.end).length,
  }));
  const lengths = all.map(crampSeconds).filter((s) => s != null && s <= LONGEST);
  const hours = all.map((c) => wallClock(c.started_at, ctx.timeZone).hour);
  return {
    count: all.length,
    nights: nights.size,
    weeks,
    timed: lengths.length,
    leftOut: all.filter((c) => crampSeconds(c) > LONGEST).length,
    medianSeconds: median(lengths),
    longestSeconds: lengths.length ? Math.max(...lengths) : null,
    muscles: countBy(all.map((c) => c.muscle).filter(Boolean)),
    unsaidMuscle: all.filter((c) => !c.muscle).length,
    times: BANDS.map((b) => ({
      ...b,
      count: hours.filter((h) => h >= b.from && h < b.to).length,
    })),
  };
}

// What was tried during the period's cramps, compared as What helps me compares them (most
// shortening first; `certain` false when too few or the two groups overlap).
export function reliefFigures(cramps, ctx) {
  return reliefAnswers(within(cramps, "started_at", ctx))
    .filter((r) => r.tried)
    .map(({ key, label, tried, helped, enough, certain, withIt, without }) => ({
      key,
      label,
      tried,
      helped,
      enough,
      certain,
      with: withIt,
      without,
    }));
}

export function knotFigures(knots, ctx) {
  const all = within(knots, "noted_at", ctx);
  const k = knotsByLocation(all);
  const days = new Set(all.map((x) => nightOf(x.noted_at, ctx))).size;
  return { total: k.total, days, places: k.locations, helped: k.helped };
}

export function weaknessFigures(weakness, ctx) {
  const all = within(weakness, "noted_at", ctx);
  const w = weaknessByArea(all);
  const days = new Set(all.map((x) => nightOf(x.noted_at, ctx))).size;
  return { total: w.total, days, places: w.areas, jelly: w.jelly };
}

// The later check-in of each day in the period.
function checkinsByDay(checkins, ctx) {
  const latest = new Map();
  for (const c of within(checkins, "day", ctx)) {
    const prev = latest.get(c.day);
    if (!prev || (c.updated_at || "") > (prev.updated_at || "")) latest.set(c.day, c);
  }
  return latest;
}

// Days over budget, crashes and how many days after an over-budget day each came (a check-in's
// crash is on its own day, set against the days before it, as pattern.js pairs them), and the
// highest total held without a crash (pattern.js's suggestBudget, on the period's days).
export function pacingFigures({ plans, activities, checkins } = {}, ctx) {
  const budget = ctx.budget ?? DEFAULT_BUDGET;
  const all = dayLoads({ plans, activities, budget }, { startHour: ctx.startHour });
  const inside = (day) => day >= ctx.from && day <= ctx.to;
  const loads = new Map([...all].filter(([day]) => inside(day)));
  const over = [...loads.values()].filter((d) => d.load > d.budget);
  const byDay = checkinsByDay(checkins, ctx);
  const answered = [...byDay.values()].filter((c) => c.crash === true || c.crash === false);
  const crashes = answered
    .filter((c) => c.crash === true)
    .map((c) => {
      let after = null;
      for (let k = 1; k <= CRASH_LOOKBACK && after == null; k++) {
        const d = all.get(addDays(c.day, -k));
        if (d && d.load > d.budget) after = k;
      }
      return { day: c.day, after };
    })
    .sort((a, b) => (a.day < b.day ? -1 : 1));
  const s = suggestBudget(pairDays(loads, [...byDay.values()]), { current: budget });
  return {
    budget,
    plannedDays: loads.size,
    overDays: over.length,
    crashAnswers: answered.length,
    crashes,
    held: s.basis === "held" ? { points: s.budget, days: s.heldDays } : null,
  };
}

// One series per scale: the answers by day, their median, and the medians of the first and the
// last week of the period (a trend a doctor can read without the chart).
export function checkinSeries(checkins, ctx, scales = SCALES) {
  const byDay = [...checkinsByDay(checkins, ctx).values()].sort((a, b) => (a.day < b.day ? -1 : 1));
  const firstWeekEnd = addDays(ctx.from, 6);
  const lastWeekStart = addDays(ctx.to, -6);
  return scales.map(({ key, label }) => {
    const points = byDay
      .filter((c) => Number.isFinite(c[key]))
      .map((c) => ({ day: c.day, at: days(ctx.from, c.day) - 1, value: c[key] }));
    const values = (ps) => ps.map((p) => p.value);
    return {
      key,
      label,
      points,
      count: points.length,
      median: median(values(points)),
      first: median(values(points.filter((p) => p.day <= firstWeekEnd))),
      last: median(values(points.filter((p) => p.day >= lastWeekStart))),
    };
  });
}

// On how many answered mornings the person woke with a cramp (unanswered ones are not "no").
export function wokeFigures(checkins, ctx) {
  const said = [...checkinsByDay(checkins, ctx).values()].filter(
    (c) => typeof c.woke_with_cramp === "boolean",
  );
  return { answered: said.length, yes: said.filter((c) => c.woke_with_cramp).length };
}

// On how many days of the period water and magnesium were logged (never how much).
export function intakeDays(intakes, ctx) {
  const all = within(intakes, "taken_at", ctx);
  const daysOf = (kind) =>
    new Set(all.filter((i) => i.kind === kind).map((i) => nightOf(i.taken_at, ctx))).size;
  return { water: daysOf("water"), magnesium: daysOf("magnesium"), days: days(ctx.from, ctx.to) };
}

const words = (s) => (s ? capitalize(s) : null);
const RAW = [
  ["cramps", "started_at", "Cramp", (c) => [words(c.muscle), c.side], (c) => crampSeconds(c)],
  ["knots", "noted_at", "Knot", (k) => [words(k.location), k.side], () => null],
  ["weakness", "noted_at", "Weakness", (w) => [words(w.body_area)], () => null],
];

// The second page: every cramp, knot and weakness of the period, oldest first.
export function rawList(records, ctx) {
  return RAW.flatMap(([name, field, kind, where, seconds]) =>
    within(records[name], field, ctx).map((r) => {
      const s = seconds(r);
      return {
        at: r[field],
        when: wallClock(r[field], ctx.timeZone).text.slice(0, 16),
        kind,
        where: where(r).filter(Boolean).join(", ") || "not said",
        length: name === "cramps" ? durationShort(s) : "",
        strength: r.intensity ?? r.severity ?? null,
        jelly: !!r.jelly_legs,
      };
    }),
  ).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

// Where knots, cramps and weakness of the period were, on the body map's regions
// (countsByRegion: counts per cell, the pain-index areas, records not on the map).
export function whereFigures(records, ctx) {
  const dated = {
    cramps: within(records.cramps, "started_at", ctx),
    knots: within(records.knots, "noted_at", ctx),
    weakness: within(records.weakness, "noted_at", ctx),
  };
  return countsByRegion(dated, -Infinity);
}

// Finished experiments whose days overlap the period, each with its result (experimentResult:
// the verdict in words, with the figures and the days it rests on).
export function experimentFigures(records, ctx) {
  const logs = {
    cramps: records.cramps,
    checkins: records.checkins,
    days: records.experiment_days,
  };
  return live(records.experiments)
    .filter((e) => e.status === "finished" && e.start_day <= ctx.to && lastDay(e) >= ctx.from)
    .sort((a, b) => (a.start_day < b.start_day ? -1 : 1))
    .map((e) => experimentResult(e, logs, { today: ctx.to, dayStartHour: ctx.startHour }));
}

// Everything on the page; records: {cramps, knots, weakness, intakes, plans, activities, checkins,
// experiments, experiment_days}.
export function reportFigures(records, ctx) {
  return {
    period: { ...ctx, words: periodWords(ctx) },
    cramps: crampFigures(records.cramps, ctx),
    reliefs: reliefFigures(records.cramps, ctx),
    experiments: experimentFigures(records, ctx),
    where: whereFigures(records, ctx),
    knots: knotFigures(records.knots, ctx),
    weakness: weaknessFigures(records.weakness, ctx),
    pacing: pacingFigures(records, ctx),
    checkins: checkinSeries(records.checkins, ctx),
    woke: wokeFigures(records.checkins, ctx),
    intakes: intakeDays(records.intakes, ctx),
  };
}
