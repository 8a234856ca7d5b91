// Pacing rules over flat records (api/sync/schemas.py); the crash rule is in the README.
import { SETTINGS_DEFAULTS } from "../../lib/defaults.js";
import { LIMITS } from "../../lib/limits.js";
import { mean, round1 } from "../../lib/median.js";
import { addDays, dayKey } from "../../lib/day.js";
import { plural } from "../../lib/format.js";

export const COSTS = { light: 1, moderate: 2, heavy: 3 };
export const DEFAULT_BUDGET = SETTINGS_DEFAULTS.energy_budget;
export const DEFAULT_CHUNK = SETTINGS_DEFAULTS.chunk_minutes;
export const DEFAULT_REST = 5;
export const MIN_CHECKIN_DAYS = 14; // days with a total and the next morning's check-in
const MIN_HELD_DAYS = 3; // days a total must be reached on to be suggested
export const SYMPTOMS = ["fatigue", "weakness", "cramps", "knots"];
export const pts = (n) => plural(n, "point");

export const TEMPLATES = [
  ["shower", "Shower", 2, 15],
  ["cooking", "Cooking", 2, 40],
  ["groceries", "Groceries", 3, 45],
  ["laundry", "Laundry", 2, 30],
  ["stairs", "Stairs", 3, 5],
  ["walk", "A walk", 2, 20],
].map(([key, title, energy_cost, minutes]) => ({ key, title, energy_cost, minutes }));

export function costOf(level, custom) {
  if (level in COSTS) return COSTS[level];
  // Exactly what the field shows: empty is not 0, and 2.6 is not 3.
  const text = String(custom ?? "").trim();
  const n = text === "" ? Number.NaN : Number(text);
  const { min, max } = LIMITS.energy_cost;
  if (!(Number.isInteger(n) && n >= min && n <= max))
    throw new RangeError(
      text === ""
        ? `Needed: how many points, a whole number from ${min} to ${max}.`
        : `Use a whole number of points from ${min} to ${max}.`,
    );
  return n;
}

const { task_title: TITLE, task_minutes: MINUTES, steps: STEPS } = LIMITS;

// A step's title within the server's length: a long activity title is shortened, never the part.
export function stepTitle(title, i, n) {
  const tail = n > 1 ? ` — part ${i + 1} of ${n}` : "";
  const chars = [...title]; // the server counts code points
  const room = TITLE.max - [...tail].length;
  const head =
    chars.length > room
      ? `${chars
          .slice(0, room - 1)
          .join("")
          .trimEnd()}…`
      : title;
  return head + tail;
}

// Steps of at most `chunk` minutes; longer steps when `chunk` would make more than the server keeps.
export function splitIntoSteps({ title, minutes }, chunk = DEFAULT_CHUNK) {
  const total = Math.min(MINUTES.max, Math.max(1, Math.round(minutes || 0)));
  chunk = Math.max(1, Math.round(chunk), Math.ceil(total / STEPS.max));
  const n = Math.ceil(total / chunk);
  return Array.from({ length: n }, (_, i) => ({
    title: stepTitle(title, i, n),
    minutes: i < n - 1 ? chunk : total - chunk * (n - 1),
    done: false,
  }));
}

const logged = (a) => a.status === "done" || a.status === "stopped" || a.spent_cost != null;

export const activityLoad = (a) =>
  a.status === "skipped" ? 0 : (a.spent_cost ?? a.energy_cost) || 0;

const sum = (xs, f) => xs.reduce((n, x) => n + f(x), 0);

export function dayTotals(activities, budget = DEFAULT_BUDGET) {
  const live = activities.filter((a) => !a.deleted_at && a.status !== "skipped");
  const load = sum(live, activityLoad);
  const over = load > budget;
  return {
    budget,
    spent: sum(live.filter(logged), activityLoad),
    load,
    remaining: budget - load,
    over,
    warning: over ? `This plan is ${pts(load - budget)} over your budget of ${budget}.` : null,
  };
}

// A shorter, lighter version of `a` costing `room` points: minutes in proportion, steps redone.
export function lighterVersion(a, room, chunk = DEFAULT_CHUNK) {
  const minutes = a.minutes ? Math.max(1, Math.floor((a.minutes * room) / a.energy_cost)) : null;
  const split = a.steps?.length > 1 && minutes > chunk;
  const steps = split ? splitIntoSteps({ title: a.title, minutes }, chunk) : [];
  return { ...a, energy_cost: room, minutes, steps, rest_minutes: split ? a.rest_minutes : 0 };
}

// Before adding `a`: over the budget? If so, a lighter version that fits, when one can.
export function checkAdd(activities, a, budget = DEFAULT_BUDGET, chunk = DEFAULT_CHUNK) {
  const before = dayTotals(activities, budget).load;
  const total = before + activityLoad(a);
  const over = total > budget;
  if (!over) return { over, total, warning: null, lighter: null };
  const room = budget - before;
  const lighter = room >= 1 ? lighterVersion(a, room, chunk) : null;
  const size = (x) => [x.minutes && `${x.minutes} min`, pts(x.energy_cost)].filter(Boolean);
  const warning =
    `Adding ${a.title} (${pts(a.energy_cost || 0)}) takes this day to ${total} of ${budget} points: ` +
    `${total - budget} over your budget. ` +
    (lighter
      ? `A shorter, lighter version fits: ${size(lighter).join(", ")}. Or do it another day.`
      : "This day has no points left: do it another day.");
  return { over, total, warning, lighter };
}

// The planned activity whose move to another day brings an over-budget day back within it.
export function fitByMoving(activities, budget = DEFAULT_BUDGET) {
  const over = dayTotals(activities, budget).load - budget;
  if (over <= 0) return null;
  const movable = activities.filter(
    (a) => !a.deleted_at && a.status === "planned" && activityLoad(a) >= over,
  );
  return movable.sort((x, y) => activityLoad(x) - activityLoad(y))[0] || null;
}

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
