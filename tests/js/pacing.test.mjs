// Pacing: steps, day totals and the crash-pattern rule on constructed histories.
import test from "node:test";
import assert from "node:assert/strict";
import {
  COSTS,
  TEMPLATES,
  activityLoad,
  checkAdd,
  costOf,
  dayTotals,
  fitByMoving,
  lighterVersion,
  splitIntoSteps,
} from "../../pwa/features/plan/pacing.js";
import {
  MIN_CHECKIN_DAYS,
  crashPattern,
  dayLoads,
  pairDays,
  suggestBudget,
} from "../../pwa/features/plan/pattern.js";
import { addDays } from "../../pwa/lib/day.js";
import { LIMITS } from "../../pwa/lib/limits.js";

test("costs: light 1, moderate 2, heavy 3, or custom", () => {
  assert.deepEqual(COSTS, { light: 1, moderate: 2, heavy: 3 });
  assert.equal(costOf("heavy"), 3);
  assert.equal(costOf("custom", "5"), 5);
  assert.throws(() => costOf("custom", 21), RangeError);
  assert.throws(() => costOf("custom", "lots"), RangeError);
});

test("templates cover the everyday tasks with costs and minutes", () => {
  const keys = TEMPLATES.map((t) => t.key);
  for (const k of ["shower", "cooking", "groceries", "laundry", "stairs", "walk"])
    assert.ok(keys.includes(k));
  for (const t of TEMPLATES)
    assert.ok(t.energy_cost >= 1 && t.energy_cost <= 3 && t.minutes > 0 && t.title);
});

test("a long activity splits into chunks; the last takes the remainder", () => {
  const steps = splitIntoSteps({ title: "Cooking", minutes: 40 }, 15);
  assert.deepEqual(steps, [
    { title: "Cooking — part 1 of 3", minutes: 15, done: false },
    { title: "Cooking — part 2 of 3", minutes: 15, done: false },
    { title: "Cooking — part 3 of 3", minutes: 10, done: false },
  ]);
  assert.deepEqual(
    splitIntoSteps({ title: "Laundry", minutes: 30 }, 15).map((s) => s.minutes),
    [15, 15],
  );
  assert.deepEqual(splitIntoSteps({ title: "Shower", minutes: 15 }), [
    { title: "Shower", minutes: 15, done: false },
  ]);
});

test("day totals: planned, spent, remaining and over", () => {
  const acts = [
    { title: "Shower", energy_cost: 2, status: "done" },
    { title: "Groceries", energy_cost: 3, status: "stopped", spent_cost: 2 },
    { title: "Cooking", energy_cost: 2, status: "planned" },
    { title: "Laundry", energy_cost: 2, status: "skipped" },
  ];
  assert.deepEqual(dayTotals(acts, 12), {
    budget: 12,
    spent: 4,
    load: 6,
    remaining: 6,
    over: false,
    warning: null,
  });
  const heavy = [...acts, { title: "Stairs", energy_cost: 3 }, { title: "Walk", energy_cost: 5 }];
  const t = dayTotals(heavy, 12);
  assert.equal(t.load, 14);
  assert.equal(t.over, true);
  assert.equal(t.remaining, -2);
  assert.equal(t.warning, "This plan is 2 points over your budget of 12.");
  assert.equal(activityLoad({ energy_cost: 3, status: "skipped" }), 0);
});

test("a long title's steps stay within the server's title length, the part kept whole", () => {
  const title = "x".repeat(LIMITS.task_title.max);
  const steps = splitIntoSteps({ title, minutes: 45 }, 15);
  assert.equal(steps.length, 3);
  for (const [i, s] of steps.entries()) {
    assert.equal([...s.title].length, LIMITS.task_title.max);
    assert.ok(s.title.endsWith(`… — part ${i + 1} of 3`));
  }
  const emoji = "🧺".repeat(LIMITS.task_title.max); // one code point each, as the server counts
  assert.ok(
    splitIntoSteps({ title: emoji, minutes: 30 }, 15).every((s) => [...s.title].length <= 200),
  );
  assert.equal(splitIntoSteps({ title: "Short", minutes: 30 }, 15)[1].title, "Short — part 2 of 2");
});

test("never more steps than the server keeps, nor more minutes than a day", () => {
  const day = splitIntoSteps({ title: "All day", minutes: LIMITS.task_minutes.max }, 5);
  assert.ok(day.length <= LIMITS.steps.max);
  assert.equal(
    day.reduce((n, s) => n + s.minutes, 0),
    LIMITS.task_minutes.max,
  );
  const huge = splitIntoSteps({ title: "Typo", minutes: 999999 }, 15);
  assert.ok(huge.length <= LIMITS.steps.max);
  assert.equal(
    huge.reduce((n, s) => n + s.minutes, 0),
    LIMITS.task_minutes.max,
  );
});

test("checkAdd warns before a plan goes over the budget", () => {
  const acts = [
    { title: "Shower", energy_cost: 2 },
    { title: "Cooking", energy_cost: 2 },
  ];
  assert.equal(checkAdd(acts, { title: "Walk", energy_cost: 2 }, 6).warning, null);
  const c = checkAdd(acts, { title: "Groceries", energy_cost: 3 }, 6);
  assert.equal(c.over, true);
  assert.equal(c.total, 7);
  assert.match(c.warning, /Adding Groceries \(3 points\) takes this day to 7 of 6 points: 1 over/);
  assert.doesNotMatch(c.warning, /split/);
});

test("over-budget advice fits: a lighter version whose points bring the day within budget", () => {
  const acts = [
    { title: "Shower", energy_cost: 2 },
    { title: "Cooking", energy_cost: 4 },
  ];
  const groceries = { title: "Groceries", energy_cost: 3, minutes: 45, steps: [], rest_minutes: 0 };
  const c = checkAdd(acts, groceries, 7);
  assert.deepEqual(c.lighter, { ...groceries, energy_cost: 1, minutes: 15 });
  assert.match(c.warning, /lighter version fits: 15 min, 1 point/);
  assert.equal(dayTotals([...acts, c.lighter], 7).over, false);
  assert.equal(dayTotals([...acts, c.lighter], 7).remaining, 0);
  // A full day has no lighter version: only another day.
  const full = checkAdd(acts, groceries, 6);
  assert.equal(full.lighter, null);
  assert.match(full.warning, /no points left: do it another day/);
});

test("a lighter version of a split activity is split again, within its minutes", () => {
  const a = {
    title: "Cooking",
    energy_cost: 4,
    minutes: 60,
    steps: splitIntoSteps({ title: "Cooking", minutes: 60 }, 15),
    rest_minutes: 5,
  };
  const l = lighterVersion(a, 2, 15);
  assert.equal(l.minutes, 30);
  assert.deepEqual(
    l.steps.map((s) => s.minutes),
    [15, 15],
  );
  assert.equal(l.rest_minutes, 5);
  assert.deepEqual(lighterVersion(a, 1, 15).steps, []); // 15 minutes: one go
});

test("fitByMoving names the smallest planned activity whose move ends the overrun", () => {
  const acts = [
    { title: "Shower", energy_cost: 2, status: "done" },
    { title: "Walk", energy_cost: 1, status: "planned" },
    { title: "Laundry", energy_cost: 2, status: "planned" },
    { title: "Groceries", energy_cost: 3, status: "planned" },
    { title: "Cooking", energy_cost: 4, status: "doing" },
  ];
  assert.equal(fitByMoving(acts, 10).title, "Laundry"); // 12 of 10: 2 over
  assert.equal(fitByMoving(acts, 12), null);
  assert.equal(fitByMoving(acts, 6), null); // 6 over: no single planned one frees that
});

// ---- constructed histories ----

const START = "2026-10-01";

/** A history: one plan per day with one activity of `loads[i]` points, and next-morning check-ins. */
function history(
  loads,
  { crashes = () => false, fatigue = () => 3, budget = 12, checkins = true } = {},
) {
  const plans = [];
  const activities = [];
  const cis = [];
  loads.forEach((load, i) => {
    const day = addDays(START, i);
    plans.push({ id: `p${i}`, day, energy_budget: budget });
    activities.push({
      id: `a${i}`,
      plan_id: `p${i}`,
      title: "Day",
      energy_cost: load,
      status: "done",
    });
    if (checkins)
      cis.push({
        id: `c${i}`,
        day: addDays(day, 1),
        crash: crashes(load, i),
        fatigue: fatigue(load, i),
      });
  });
  return { plans, activities, checkins: cis };
}

test("too few days: no pattern yet, and how many to go", () => {
  const p = crashPattern(history([8, 9, 10, 11, 12]));
  assert.equal(p.ready, false);
  assert.equal(p.days, 5);
  assert.equal(p.needed, MIN_CHECKIN_DAYS - 5);
});

test("days without a check-in the next morning do not count", () => {
  const h = history(new Array(20).fill(10), { checkins: false });
  h.checkins = [{ id: "x", day: addDays(START, 3), crash: false }];
  const p = crashPattern(h);
  assert.equal(p.ready, false);
  assert.equal(p.days, 1);
});

test("check-in day D pairs with the plan of day D-1; the latest check-in of a day wins", () => {
  const loads = dayLoads({
    plans: [{ id: "p", day: "2026-11-10", energy_budget: 6 }],
    activities: [
      { plan_id: "p", energy_cost: 4, status: "done" },
      { plan_id: "p", energy_cost: 3, status: "planned" },
    ],
  });
  const pairs = pairDays(loads, [
    { day: "2026-11-11", crash: false, updated_at: "2026-11-11T08:00:00+01:00" },
    { day: "2026-11-11", crash: true, updated_at: "2026-11-11T09:00:00+01:00" },
    { day: "2026-11-10", crash: true },
  ]);
  assert.equal(pairs.length, 1);
  assert.equal(pairs[0].day, "2026-11-10");
  assert.equal(pairs[0].load, 7);
  assert.equal(pairs[0].over, true);
  assert.equal(pairs[0].next.crash, true);
});

test("activities without a plan count on the day they started", () => {
  const loads = dayLoads(
    { activities: [{ energy_cost: 2, started_at: "2026-11-10T02:00:00+01:00" }] },
    { offsetMinutes: 60 },
  );
  assert.deepEqual([...loads.keys()], ["2026-11-09"]);
});

test("no crash ever: the highest total reached on 3 days", () => {
  const loads = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11];
  const p = crashPattern(history(loads));
  assert.equal(p.ready, true);
  assert.equal(p.days, 14);
  assert.equal(p.suggestion.basis, "held");
  assert.equal(
    p.suggestion.budget,
    13,
    "15, 14 and 13 were each reached once: 13 or more on 3 days",
  );
  assert.equal(p.suggestion.heldDays, 3);
  assert.equal(p.suggestion.lowestCrash, null);
  assert.equal(p.suggestion.text, "Rests on 3 days of 13 points or more without a crash.");
  assert.equal(p.over.days, 3);
  assert.equal(p.under.days, 11);
});

test("crashes above a level: suggestion stays below the lowest crash total", () => {
  const loads = [8, 9, 10, 10, 10, 11, 14, 15, 16, 9, 10, 8, 14, 12];
  const p = crashPattern(
    history(loads, {
      crashes: (load) => load >= 14,
      fatigue: (load) => (load >= 14 ? 8 : 3),
    }),
  );
  assert.equal(p.ready, true);
  assert.equal(p.suggestion.lowestCrash, 14);
  assert.equal(p.suggestion.budget, 10, "12 and 11 once each, then 10 three times");
  assert.equal(p.suggestion.heldDays, 6, "10, 10, 10, 10, 11, 12");
  assert.equal(p.over.days, 4);
  assert.equal(p.over.crashes, 4);
  assert.deepEqual(p.over.fatigue, { mean: 8, count: 4 });
  assert.equal(p.under.crashes, 0);
  assert.deepEqual(p.under.fatigue, { mean: 3, count: 10 });
  assert.equal(p.under.days, 10);
  assert.equal(p.lag.lag, 1, "every crash came the morning after a heavy day");
});

test("a crash after a light day pulls the suggestion down; too few days below it means fallback", () => {
  const loads = [4, 8, 9, 10, 10, 11, 12, 9, 10, 8, 11, 12, 10, 3];
  const p = crashPattern(history(loads, { crashes: (_load, i) => i === 0 }), { budget: 12 });
  assert.equal(p.suggestion.lowestCrash, 4);
  assert.equal(p.suggestion.safeDays, 1);
  assert.equal(p.suggestion.basis, "fallback");
  assert.equal(p.suggestion.budget, 12);
  assert.match(p.suggestion.text, /keep your current budget of 12 points/);
});

test("a crash after every day: fallback to the current budget", () => {
  const p = crashPattern(history(new Array(14).fill(9), { crashes: () => true }), { budget: 11 });
  assert.equal(p.suggestion.basis, "fallback");
  assert.equal(p.suggestion.budget, 11);
  assert.equal(p.under.crashes, 14);
});

test("days of rest only (0 points) never make a suggestion of 0", () => {
  const s = suggestBudget(
    new Array(5).fill(0).map((_, i) => ({ day: `d${i}`, load: 0, next: { crash: false } })),
  );
  assert.equal(s.basis, "fallback");
});

test("symptom averages count only the answers given", () => {
  const h = history(new Array(14).fill(13));
  h.checkins.forEach((c, i) => {
    c.fatigue = i < 4 ? 6 : null;
    c.weakness = 2;
  });
  const p = crashPattern(h);
  assert.deepEqual(p.over.fatigue, { mean: 6, count: 4 });
  assert.deepEqual(p.over.weakness, { mean: 2, count: 14 });
  assert.deepEqual(p.under.fatigue, { mean: null, count: 0 });
  assert.equal(p.under.days, 0, "no days within budget");
});

test("a skipped crash answer is neither a crash nor a day held without one", () => {
  const loads = [6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11];
  const p = crashPattern(history(loads, { crashes: (load) => (load >= 13 ? null : false) }));
  assert.equal(p.days, 14, "the day still counts for its other answers");
  assert.equal(p.suggestion.budget, 11, "13, 14 and 15 were not answered: 12 once, 11 twice");
  assert.equal(p.suggestion.heldDays, 3);
  assert.equal(p.over.days, 3);
  assert.equal(p.over.crashes, 0);
  assert.equal(p.over.crashAnswers, 0);
  assert.equal(p.under.crashAnswers, 11);
});

// ---- the delayed crash: the day after, or two days later ----

// Crashes said `lag` days after each day of `heavy` points or more (check-in c_i rates day i + 1).
const crashesAfter =
  (loads, lag, heavy = 14) =>
  (_load, i) =>
    loads[i + 1 - lag] >= heavy;
const DELAYED = [8, 9, 14, 10, 9, 10, 15, 8, 10, 9, 14, 10, 11, 9, 10, 8];

test("crashes a day later: the day after fits better and the budget rests on it", () => {
  const p = crashPattern(history(DELAYED, { crashes: crashesAfter(DELAYED, 1) }));
  assert.equal(p.lag.enough, true);
  assert.equal(p.lag.lag, 1);
  assert.deepEqual(p.lag.figures[1].over, { crashes: 3, answers: 3 });
  assert.deepEqual(p.lag.figures[1].under, { crashes: 0, answers: 13 });
  assert.equal(
    p.lag.text,
    "Your crashes fit the day after better. After days over budget, a crash the day after: 3 of 3; two days later: 0 of 3. Within budget: 0 of 13 and 3 of 12. The figures below count the day after.",
  );
  assert.equal(p.days, 16);
  assert.equal(p.suggestion.lowestCrash, 14);
  assert.equal(p.suggestion.budget, 10, "11 once, then 10 five times");
});

test("crashes two days later: that lag fits better and the budget rests on it", () => {
  const h = history(DELAYED, { crashes: crashesAfter(DELAYED, 2) });
  const p = crashPattern(h);
  assert.equal(p.lag.lag, 2);
  assert.deepEqual(p.lag.figures[2].over, { crashes: 3, answers: 3 });
  assert.deepEqual(p.lag.figures[1].over, { crashes: 0, answers: 3 }, "next mornings were fine");
  assert.match(p.lag.text, /^Your crashes fit two days later better/);
  assert.match(p.lag.text, /The figures below count two days later\.$/);
  assert.equal(p.days, 15, "the last day has no check-in two days later");
  assert.equal(p.over.crashes, 3);
  assert.equal(p.under.crashes, 0);
  assert.equal(p.suggestion.lowestCrash, 14);
  assert.equal(p.suggestion.budget, 10);
  // Paired with the next morning only, the light days before each crash would look to blame.
  const nextDay = suggestBudget(pairDays(dayLoads(h), h.checkins));
  assert.equal(nextDay.lowestCrash, 8);
  assert.equal(nextDay.basis, "fallback");
});

test("too few crashes to tell the lag: a crash on either of the next two days counts", () => {
  const loads = [...DELAYED];
  const crashes = (_load, i) => i === 3; // one crash, said two days after the 14-point day
  const p = crashPattern(history(loads, { crashes }));
  assert.equal(p.lag.enough, false);
  assert.equal(p.lag.lag, null);
  assert.match(
    p.lag.text,
    /^Too few crashes yet to tell if yours come the day after or two days later, so a crash on either day counts\.$/,
  );
  assert.equal(p.days, 16);
  assert.equal(p.over.crashes, 1, "the 14-point day two days before the crash");
  assert.equal(p.under.crashes, 1, "and the 10-point day just before it");
  assert.equal(p.suggestion.lowestCrash, 10);
  assert.equal(p.suggestion.budget, 9, "kept below both days the crash may have followed");
});

test("the day after and two days later fitting about as well: both count", () => {
  // A crash on the day after AND two days after each heavy day.
  const crashes = (load, i) =>
    crashesAfter(DELAYED, 1)(load, i) || crashesAfter(DELAYED, 2)(load, i);
  const p = crashPattern(history(DELAYED, { crashes }));
  assert.equal(p.lag.enough, true);
  assert.equal(p.lag.lag, null);
  assert.match(p.lag.text, /^The day after and two days later fit about as well/);
  assert.equal(p.suggestion.lowestCrash, 8, "the light day after a heavy one had a crash next");
  assert.equal(p.suggestion.basis, "fallback");
});

test("a custom cost is taken exactly as typed, or refused", () => {
  assert.equal(costOf("custom", "0"), 0);
  assert.equal(costOf("custom", " 7 "), 7);
  assert.throws(() => costOf("custom", ""), /Needed/, "empty is not 0");
  assert.throws(() => costOf("custom", "2.6"), /whole number/, "2.6 is not 3");
  assert.throws(() => costOf("custom", "20.4"), RangeError);
});
