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

// The latest live check-in of each day (a morning checked in twice counts once).
function latestCheckins(checkins = []) {
  const latest = new Map();
  for (const c of checkins) {
    const prev = latest.get(c.day);
    if (!c.deleted_at && (!prev || (c.updated_at || "") > (prev.updated_at || "")))
      latest.set(c.day, c);
  }
  return latest;
}

// Each day's total with the check-in `lag` days later: a check-in rates its own `day`, so lag 1
// pairs a day with how the day after went, lag 2 with the day after that.
export function pairDays(loads, checkins = [], lag = 1) {
  const pairs = [];
  for (const [day, c] of latestCheckins(checkins)) {
    const d = loads.get(addDays(day, -lag));
    if (d) pairs.push({ ...d, over: d.load > d.budget, next: c });
  }
  return pairs.sort((a, b) => (a.day < b.day ? -1 : 1));
}

// Both days after at once: the day after's answers, with a crash when either day had one, and
// held up when the day after said no and the day after that did not say yes.
export function windowPairs(loads, checkins = []) {
  const latest = latestCheckins(checkins);
  return pairDays(loads, checkins, 1).map((p) => {
    const later = latest.get(addDays(p.day, 2))?.crash;
    const { crash } = p.next;
    const either = crash === true || later === true ? true : crash === false ? false : null;
    return { ...p, next: { ...p.next, crash: either } };
  });
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

// Which lag fits the person's crashes: at each lag, the share of answered days over budget followed
// by a crash minus that share within budget; one lag fits better when its gap is LAG_MARGIN wider.
export const MIN_LAG_CRASHES = 3; // crashes said, at each lag
export const MIN_LAG_ANSWERS = 3; // answered days over budget, and within it, at each lag
export const LAG_MARGIN = 0.25;
const LAG_WORDS = { 1: "the day after", 2: "two days later" };

function lagFigures(pairs) {
  const answered = pairs.filter((p) => crashed(p) || heldUp(p));
  const side = (xs) => ({ crashes: xs.filter(crashed).length, answers: xs.length });
  const over = side(answered.filter((p) => p.over));
  const under = side(answered.filter((p) => !p.over));
  const share = (g) => (g.answers ? g.crashes / g.answers : 0);
  return { over, under, crashes: over.crashes + under.crashes, gap: share(over) - share(under) };
}

export function crashLag(byLag) {
  const figures = { 1: lagFigures(byLag[1]), 2: lagFigures(byLag[2]) };
  const enough = [1, 2].every((lag) => {
    const f = figures[lag];
    return (
      f.crashes >= MIN_LAG_CRASHES &&
      f.over.answers >= MIN_LAG_ANSWERS &&
      f.under.answers >= MIN_LAG_ANSWERS
    );
  });
  const gap = figures[1].gap - figures[2].gap;
  const lag = !enough ? null : gap >= LAG_MARGIN ? 1 : -gap >= LAG_MARGIN ? 2 : null;
  const either = "so a crash on either day counts.";
  const of = (g) => `${g.crashes} of ${g.answers}`;
  const [f1, f2] = [figures[1], figures[2]];
  const after = `After days over budget, a crash the day after: ${of(f1.over)}; two days later: ${of(f2.over)}.`;
  const within = `Within budget: ${of(f1.under)} and ${of(f2.under)}.`;
  const text = !enough
    ? `Too few crashes yet to tell if yours come the day after or two days later, ${either}`
    : lag
      ? `Your crashes fit ${LAG_WORDS[lag]} better. ${after} ${within} The figures below count ${LAG_WORDS[lag]}.`
      : `The day after and two days later fit about as well, ${either} ${after} ${within}`;
  return { lag, enough, figures, text };
}

export function crashPattern(records = {}, opts = {}) {
  const { budget = DEFAULT_BUDGET, minDays = MIN_CHECKIN_DAYS, minHeld } = opts;
  const loads = dayLoads({ ...records, budget }, opts);
  const pairs = pairDays(loads, records.checkins);
  if (pairs.length < minDays)
    return { ready: false, days: pairs.length, needed: minDays - pairs.length };
  const byLag = { 1: pairs, 2: pairDays(loads, records.checkins, 2) };
  const lag = crashLag(byLag);
  const used = lag.lag ? byLag[lag.lag] : windowPairs(loads, records.checkins);
  return {
    ready: true,
    days: used.length,
    lag,
    over: groupFigures(used.filter((p) => p.over)),
    under: groupFigures(used.filter((p) => !p.over)),
    suggestion: suggestBudget(used, { current: budget, minHeld }),
  };
}
