// The person's own crash pattern over many days, and the budget it suggests (the rule is in the
// README). Plan and the report use it; Today does not load it.
import { addDays, dayKey } from "../../lib/day.js";
import { plural } from "../../lib/format.js";
import { mean, round1 } from "../../lib/median.js";
import { DEFAULT_BUDGET, activityLoad } from "./pacing.js";

export const MIN_CHECKIN_DAYS = 14; // days with a total and the next morning's check-in
const MIN_HELD_DAYS = 3; // days a total must be reached on to be suggested
export const SYMPTOMS = ["fatigue", "weakness", "cramps", "knots"];

// An activity without a plan counts on the day it started.
export function dayLoads({ plans = [], activities = [], budget = DEFAULT_BUDGET } = {}, opts = {}) {
  const days = new Map();
  const planDay = new Map();
  for (const p of plans) {
    if (p.deleted_at) continue;
    planDay.set(p.id, p.day);
    days.set(p.day, { day: p.day, load: 0, budget: p.energy_budget ?? budget });
  }
  for (const a of activities) {
    const when = a.started_at || a.created_at;
    const day = planDay.get(a.plan_id) ?? (when ? dayKey(when, opts) : null);
    if (a.deleted_at || !day) continue;
    if (!days.has(day)) days.set(day, { day, load: 0, budget });
    days.get(day).load += activityLoad(a);
  }
  return days;
}

export function pairDays(loads, checkins = []) {
  const latest = new Map();
  for (const c of checkins) {
    const prev = latest.get(c.day);
    if (!c.deleted_at && (!prev || (c.updated_at || "") > (prev.updated_at || "")))
      latest.set(c.day, c);
  }
  const pairs = [];
  for (const [day, c] of latest) {
    const d = loads.get(addDays(day, -1));
    if (d) pairs.push({ ...d, over: d.load > d.budget, next: c });
  }
  return pairs.sort((a, b) => (a.day < b.day ? -1 : 1));
}

// A check-in's crash is true, false, or null when skipped: only answered days count either way.
const crashed = (p) => p.next.crash === true;
const heldUp = (p) => p.next.crash === false;

function groupFigures(pairs) {
  const g = {
    days: pairs.length,
    crashes: pairs.filter(crashed).length,
    crashAnswers: pairs.filter((p) => crashed(p) || heldUp(p)).length,
  };
  for (const s of SYMPTOMS) {
    const xs = pairs.map((p) => p.next[s]).filter((x) => x != null);
    g[s] = { mean: round1(mean(xs)), count: xs.length };
  }
  return g;
}

// The highest total reached on `minHeld` days, all below the lowest crash total.
export function suggestBudget(pairs, { current = DEFAULT_BUDGET, minHeld = MIN_HELD_DAYS } = {}) {
  const crashTotals = pairs.filter(crashed).map((p) => p.load);
  const lowestCrash = crashTotals.length ? Math.min(...crashTotals) : null;
  const safe = pairs.filter((p) => heldUp(p) && (lowestCrash == null || p.load < lowestCrash));
  const loads = safe.map((p) => p.load).sort((a, b) => b - a);
  const base = { lowestCrash, safeDays: safe.length };
  const budget = loads[minHeld - 1];
  if (!(budget >= 1)) {
    const which = lowestCrash == null ? "days with activity" : "days below your lowest crash level";
    const text = `Not enough ${which} yet (${safe.length} of ${minHeld} needed), so keep your current budget of ${current} points.`;
    return { ...base, budget: current, basis: "fallback", heldDays: 0, text };
  }
  const heldDays = loads.filter((x) => x >= budget).length;
  const text =
    `Rests on ${plural(heldDays, "day")} of ${budget} points or more without a crash` +
    (lowestCrash == null ? "." : `; the lowest day before a crash was ${lowestCrash} points.`);
  return { ...base, budget, basis: "held", heldDays, text };
}

export function crashPattern(records = {}, opts = {}) {
  const { budget = DEFAULT_BUDGET, minDays = MIN_CHECKIN_DAYS, minHeld } = opts;
  const pairs = pairDays(dayLoads({ ...records, budget }, opts), records.checkins);
  if (pairs.length < minDays)
    return { ready: false, days: pairs.length, needed: minDays - pairs.length };
  return {
    ready: true,
    days: pairs.length,
    over: groupFigures(pairs.filter((p) => p.over)),
    under: groupFigures(pairs.filter((p) => !p.over)),
    suggestion: suggestBudget(pairs, { current: budget, minHeld }),
  };
}
