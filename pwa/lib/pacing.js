// Pacing: energy costs, steps with rest breaks, day totals against the budget, and the
// person's own crash pattern. Pure functions over flat records (api/sync/schemas.py).
import { mean, round1 } from "./median.js";
import { addDays, dayKey, plural } from "./stats.js";

export const COSTS = { light: 1, moderate: 2, heavy: 3 };
export const DEFAULT_BUDGET = 12;
export const DEFAULT_CHUNK = 15;
export const DEFAULT_REST = 5;
export const MIN_CHECKIN_DAYS = 14; // paired days (a day's total + the next morning's check-in) before a pattern
export const MIN_HELD_DAYS = 3; // days a total must be reached on before it can be suggested
export const SYMPTOMS = ["fatigue", "weakness", "cramps", "knots"];

/** Everyday tasks to start a plan from (the person can edit them; stored as templates). */
export const TEMPLATES = [
  { key: "shower", title: "Shower", energy_cost: 2, minutes: 15 },
  { key: "cooking", title: "Cooking", energy_cost: 2, minutes: 40 },
  { key: "groceries", title: "Groceries", energy_cost: 3, minutes: 45 },
  { key: "laundry", title: "Laundry", energy_cost: 2, minutes: 30 },
  { key: "stairs", title: "Stairs", energy_cost: 3, minutes: 5 },
  { key: "walk", title: "A walk", energy_cost: 2, minutes: 20 },
];

/** Points for a cost level ("light", "moderate", "heavy"), or a custom whole number 0–20. */
export function costOf(level, custom) {
  if (level in COSTS) return COSTS[level];
  const n = Math.round(Number(custom));
  if (!Number.isFinite(n) || n < 0 || n > 20) throw new RangeError("A custom cost is a whole number from 0 to 20.");
  return n;
}

/** An activity's minutes as steps of at most chunkMinutes; the last step takes the remainder. */
export function splitIntoSteps(activity, chunkMinutes = DEFAULT_CHUNK) {
  const total = Math.max(1, Math.round(activity.minutes || 0));
  const chunk = Math.max(1, Math.round(chunkMinutes));
  const count = Math.ceil(total / chunk);
  const steps = [];
  for (let i = 0; i < count; i++) {
    const minutes = i < count - 1 ? chunk : total - chunk * (count - 1);
    const title = count === 1 ? activity.title : `${activity.title} — part ${i + 1} of ${count}`;
    steps.push({ title, minutes, done: false });
  }
  return steps;
}

/** A copy of the activity with its steps and a rest break of restMinutes between them. */
export function splitActivity(activity, chunkMinutes = DEFAULT_CHUNK, restMinutes = DEFAULT_REST) {
  const steps = splitIntoSteps(activity, chunkMinutes);
  return { ...activity, steps, rest_minutes: steps.length > 1 ? restMinutes : 0 };
}

/** True when an activity is longer than the chunk length and should be offered split. */
export function shouldSplit(activity, chunkMinutes = DEFAULT_CHUNK) {
  return (activity.minutes || 0) > chunkMinutes && !(activity.steps || []).length;
}

/** The run order for the activity timer: each step, then a rest break before the next one. */
export function timeline(activity) {
  const steps = (activity.steps || []).length
    ? activity.steps
    : [{ title: activity.title, minutes: activity.minutes || DEFAULT_CHUNK, done: false }];
  const out = [];
  steps.forEach((s, i) => {
    out.push({ kind: "step", index: i, title: s.title, minutes: s.minutes, done: !!s.done });
    if (i < steps.length - 1 && activity.rest_minutes > 0) {
      out.push({ kind: "rest", index: i, title: "Rest", minutes: activity.rest_minutes, done: !!s.done });
    }
  });
  return out;
}

/** True when an activity has been logged as done or stopped (so its spent cost is known). */
function logged(a) {
  return a.status === "done" || a.status === "stopped" || a.spent_cost != null;
}

/** Points an activity counts for: its logged cost, else its planned cost; skipped counts 0. */
export function activityLoad(a) {
  if (a.status === "skipped") return 0;
  return logged(a) ? (a.spent_cost ?? a.energy_cost ?? 0) : a.energy_cost || 0;
}

/** Planned, spent and expected points for a day's activities against the budget, with a warning. */
export function dayTotals(activities, budget = DEFAULT_BUDGET) {
  const live = (activities || []).filter((a) => !a.deleted_at && a.status !== "skipped");
  const planned = live.reduce((n, a) => n + (a.energy_cost || 0), 0);
  const spent = live.filter(logged).reduce((n, a) => n + activityLoad(a), 0);
  const load = live.reduce((n, a) => n + activityLoad(a), 0);
  const over = load > budget;
  const warning = over ? `This plan is ${plural(load - budget, "point")} over your budget of ${budget}.` : null;
  return { budget, planned, spent, load, remaining: budget - load, over, warning };
}

/** The warning to show BEFORE adding an activity, or null when it still fits the budget. */
export function checkAdd(activities, candidate, budget = DEFAULT_BUDGET) {
  const before = dayTotals(activities, budget);
  const after = before.load + activityLoad(candidate);
  if (after <= budget) return { over: false, total: after, warning: null };
  const warning =
    `Adding ${candidate.title} (${plural(candidate.energy_cost || 0, "point")}) takes this day to ${after} ` +
    `of ${budget} points: ${after - budget} over your budget. You could move it to another day or split it.`;
  return { over: true, total: after, warning };
}

// ---- the crash pattern ----

/** Each day's total points and budget, from plans and their activities. */
export function dayLoads({ plans = [], activities = [], budget = DEFAULT_BUDGET } = {}, opts = {}) {
  const days = new Map();
  const planDay = new Map();
  for (const p of plans) {
    if (p.deleted_at) continue;
    planDay.set(p.id, p.day);
    days.set(p.day, { day: p.day, load: 0, budget: p.energy_budget ?? budget });
  }
  for (const a of activities) {
    if (a.deleted_at) continue;
    const when = a.started_at || a.created_at;
    const day = planDay.get(a.plan_id) ?? (when ? dayKey(when, opts) : null);
    if (!day) continue;
    if (!days.has(day)) days.set(day, { day, load: 0, budget });
    days.get(day).load += activityLoad(a);
  }
  return days;
}

/** Each day's total paired with the check-in of the next morning (check-in day = day + 1). */
export function pairDays(loads, checkins = []) {
  const latest = new Map();
  for (const c of checkins) {
    if (c.deleted_at) continue;
    const prev = latest.get(c.day);
    if (!prev || (c.updated_at || "") > (prev.updated_at || "")) latest.set(c.day, c);
  }
  const pairs = [];
  for (const [day, c] of latest) {
    const d = loads.get(addDays(day, -1));
    if (d) pairs.push({ ...d, over: d.load > d.budget, next: c });
  }
  return pairs.sort((a, b) => (a.day < b.day ? -1 : 1));
}

/** Averages of next-day symptoms (each with its count) and crashes for a group of days. */
function groupFigures(pairs) {
  const g = { days: pairs.length, crashes: pairs.filter((p) => p.next.crash).length };
  for (const s of SYMPTOMS) {
    const xs = pairs.map((p) => p.next[s]).filter((x) => x != null);
    g[s] = { mean: round1(mean(xs)), count: xs.length };
  }
  return g;
}

/** The suggested budget: highest total reached on MIN_HELD_DAYS days, all below any crash total. */
export function suggestBudget(pairs, { current = DEFAULT_BUDGET, minHeld = MIN_HELD_DAYS } = {}) {
  const crashTotals = pairs.filter((p) => p.next.crash).map((p) => p.load);
  const lowestCrash = crashTotals.length ? Math.min(...crashTotals) : null;
  const safe = pairs.filter((p) => !p.next.crash && (lowestCrash == null || p.load < lowestCrash));
  const loads = safe.map((p) => p.load).sort((a, b) => b - a);
  const base = { current, lowestCrash, crashes: crashTotals.length, safeDays: safe.length };
  if (loads.length < minHeld || loads[minHeld - 1] < 1) {
    const which = lowestCrash == null ? "days with activity" : "days below your lowest crash level";
    const text =
      `Not enough ${which} yet (${safe.length} of ${minHeld} needed), ` +
      `so keep your current budget of ${current} points.`;
    return { ...base, budget: current, basis: "fallback", heldDays: 0, text };
  }
  const budget = loads[minHeld - 1];
  const heldDays = loads.filter((x) => x >= budget).length;
  const below = lowestCrash == null ? "You had no crash." : `Your lowest day before a crash was ${lowestCrash} points.`;
  const text = `You did ${budget} points or more on ${plural(heldDays, "day")} with no crash the next day. ${below}`;
  return { ...base, budget, basis: "held", heldDays, text };
}

/** Sentence comparing next-day fatigue and crashes after days over vs within the budget. */
function compareText(over, under) {
  const part = (g, what) =>
    g.days
      ? `after ${plural(g.days, "day")} ${what}, ${plural(g.crashes, "crash", "crashes")}` +
        (g.fatigue.count ? ` and fatigue ${g.fatigue.mean} of 10 on average` : "")
      : `no days ${what}`;
  const s = `${part(over, "over budget")}; ${part(under, "within budget")}.`;
  return s[0].toUpperCase() + s.slice(1);
}

/** The person's crash pattern once MIN_CHECKIN_DAYS days have a next-morning check-in. */
export function crashPattern(records = {}, opts = {}) {
  const { budget = DEFAULT_BUDGET, minDays = MIN_CHECKIN_DAYS, minHeld = MIN_HELD_DAYS } = opts;
  const pairs = pairDays(dayLoads({ ...records, budget }, opts), records.checkins);
  if (pairs.length < minDays) {
    const need = minDays - pairs.length;
    const text = `Your pattern shows after ${minDays} days with a plan and a next-morning check-in. ${need} to go.`;
    return { ready: false, days: pairs.length, needed: need, text };
  }
  const over = groupFigures(pairs.filter((p) => p.over));
  const under = groupFigures(pairs.filter((p) => !p.over));
  const suggestion = suggestBudget(pairs, { current: budget, minHeld });
  return { ready: true, days: pairs.length, over, under, suggestion, text: compareText(over, under) };
}
