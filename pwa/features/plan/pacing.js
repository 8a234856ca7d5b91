// Pacing rules over flat records (api/sync/schemas.py): costs, steps, day totals, what fits the
// budget. The crash pattern over many days is in pattern.js.
import { SETTINGS_DEFAULTS } from "../../lib/defaults.js";
import { LIMITS } from "../../lib/limits.js";
import { plural } from "../../lib/format.js";

export const COSTS = { light: 1, moderate: 2, heavy: 3 };
export const DEFAULT_BUDGET = SETTINGS_DEFAULTS.energy_budget;
export const DEFAULT_CHUNK = SETTINGS_DEFAULTS.chunk_minutes;
export const DEFAULT_REST = 5;
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
