// Try it and see: the plan and the result rule on constructed histories.
import test from "node:test";
import assert from "node:assert/strict";
import {
  CLEAR_P,
  experimentResult,
  permutationP,
} from "../../pwa/features/experiments/analysis.js";
import {
  allowedOrders,
  armOn,
  blockLine,
  blockOf,
  randomOrder,
  runningOn,
} from "../../pwa/features/experiments/plan.js";
import { addDays } from "../../pwa/lib/day.js";

const ORDER = ["with", "without", "without", "with", "without", "with", "with", "without"];
const START = "2026-01-05";
const experiment = (over = {}) => ({
  id: "e1",
  fix: "magnesium",
  title: null,
  start_day: START,
  block_days: 4,
  blocks: ORDER,
  status: "finished",
  stopped_at: null,
  created_at: "2026-01-05T08:00:00Z",
  ...over,
});
const days = (from, n) => Array.from({ length: n }, (_, i) => addDays(from, i));
const ALL = days(START, 32);
const armDays = (arm) => ALL.filter((d) => blockOf(experiment(), d).arm === arm);

// A cramp at 23:00 local on day d (or 02:00 the morning after: still the night of d), 2 minutes.
function cramp(day, late = false) {
  const [y, m, d] = day.split("-").map(Number);
  const start = late ? new Date(y, m - 1, d + 1, 2) : new Date(y, m - 1, d, 23);
  return {
    started_at: start.toISOString(),
    ended_at: new Date(+start + 120000).toISOString(),
  };
}
const yes = (list, done = true) => list.map((day) => ({ experiment_id: "e1", day, done }));

test("the plan: 68 orders of 4 with and 4 without, never all of one first", () => {
  const orders = allowedOrders(8);
  assert.equal(orders.length, 68);
  for (const o of orders) assert.equal(o.filter((a) => a === "with").length, 4);
  const joined = orders.map((o) => o.join());
  assert.ok(!joined.includes("with,with,with,with,without,without,without,without"));
  const fixed = {
    getRandomValues: (a) => {
      a[0] = 5;
      return a;
    },
  };
  assert.deepEqual(randomOrder(8, fixed), orders[5]);
  assert.equal(randomOrder().length, 8);
});

test("where it stands: block, arm and the line Today shows", () => {
  const e = experiment({ status: "running" });
  assert.equal(armOn(e, "2026-01-05"), "with");
  assert.equal(armOn(e, "2026-01-09"), "without");
  assert.equal(armOn(e, "2026-02-06"), null); // the day after the last
  assert.equal(blockLine(e, "2026-01-10"), "Block 2 of 8: without (3 days left)");
  assert.equal(blockLine(e, "2026-01-12"), "Block 2 of 8: without (last day)");
  assert.equal(runningOn([e], "2026-01-20"), e);
  assert.equal(runningOn([e], "2026-02-06"), null);
  assert.equal(armOn({ ...e, status: "stopped" }, "2026-01-05"), null);
});

test("a strong effect is called clear, with the numbers and the days", () => {
  // A cramp on every "without" night, on one "with" night in each of two blocks.
  const cramps = [
    ...armDays("without").map((d) => cramp(d)),
    cramp("2026-01-05", true),
    cramp("2026-01-17"),
  ];
  const r = experimentResult(
    experiment(),
    { cramps, days: yes(armDays("with")) },
    { today: "2026-02-10" },
  );
  assert.equal(r.verdict.kind, "clear");
  assert.equal(r.verdict.direction, "fewer");
  assert.equal(r.arms.with.crampNights, 2);
  assert.equal(r.arms.without.crampNights, 16);
  assert.equal(r.arms.without.perWeek, 7);
  assert.equal(r.arms.with.medianSeconds, 120);
  assert.ok(r.test.p <= CLEAR_P);
  assert.match(
    r.verdict.text,
    /With magnesium: a cramp on 2 of 16 nights; without: on 16 of 16 nights/,
  );
  assert.match(r.verdict.text, /2 times in 68/);
  assert.match(r.verdict.text, /32 days \(2026-01-05 to 2026-02-05\)/);
});

test("no effect: the same cramps either way is no clear difference", () => {
  // Every other night, whatever the arm.
  const cramps = ALL.filter((_, i) => i % 2 === 0).map((d) => cramp(d));
  const r = experimentResult(
    experiment(),
    { cramps, days: yes(armDays("with")) },
    { today: "2026-02-10" },
  );
  assert.equal(r.verdict.kind, "no_clear");
  assert.ok(r.test.p > CLEAR_P);
  assert.match(r.verdict.text, /^No clear difference/);
  assert.match(r.verdict.text, /a cramp on 8 of 16 nights; without: on 8 of 16 nights/);
});

test("one block unlike the others is not enough: the variation between blocks explains it", () => {
  // Cramps only in the first "without" block: a run of bad nights, not the fix.
  const cramps = days("2026-01-09", 4).map((d) => cramp(d));
  const r = experimentResult(
    experiment(),
    { cramps, days: yes(armDays("with")) },
    { today: "2026-02-10" },
  );
  assert.equal(r.verdict.kind, "no_clear");
});

test("too few days: a running experiment gives no verdict, only the nights so far", () => {
  const e = experiment({ status: "running" });
  const cramps = days("2026-01-09", 4).map((d) => cramp(d));
  const r = experimentResult(e, { cramps, days: [] }, { today: "2026-01-15" });
  assert.equal(r.verdict.kind, "running");
  assert.equal(r.days, 10); // the 15th's night is not over
  assert.match(r.verdict.text, /Not enough days yet: 10 of 32/);
  assert.equal(r.test, null);
});

test("too few cramps to tell anything", () => {
  const cramps = [cramp("2026-01-09"), cramp("2026-01-22")];
  const r = experimentResult(
    experiment(),
    { cramps, days: yes(armDays("with")) },
    { today: "2026-02-10" },
  );
  assert.equal(r.verdict.kind, "too_few");
  assert.match(r.verdict.text, /Too few cramps to tell: 2 nights with a cramp in 32 days/);
});

test("poor adherence is said plainly, even when the nights differ", () => {
  const cramps = armDays("without").map((d) => cramp(d));
  const withDays = armDays("with");
  const answers = [...yes(withDays.slice(0, 8)), ...yes(withDays.slice(8, 12), false)];
  const r = experimentResult(experiment(), { cramps, days: answers }, { today: "2026-02-10" });
  assert.equal(r.verdict.kind, "poor_adherence");
  assert.deepEqual(r.adherence, { days: 16, yes: 8, no: 4, unanswered: 4 });
  assert.match(r.verdict.text, /you said you did it on 8 of the 16 "with" days \(4 not answered\)/);
});

test("stopped early: no verdict, the days it ran", () => {
  const e = experiment({ status: "stopped", stopped_at: new Date(2026, 0, 15, 9).toISOString() });
  const cramps = armDays("without").map((d) => cramp(d));
  const r = experimentResult(e, { cramps, days: [] }, { today: "2026-02-10" });
  assert.equal(r.verdict.kind, "stopped");
  assert.equal(r.days, 10);
  assert.match(r.verdict.text, /Stopped early, after 10 of 32 days/);
});

test("morning stiffness from the check-ins, when answered", () => {
  const checkins = [
    ...armDays("with").map((day) => ({ day, stiffness: 2 })),
    ...armDays("without").map((day) => ({ day, stiffness: 6 })),
    { day: "2026-01-09", stiffness: null },
  ];
  const r = experimentResult(
    experiment(),
    { cramps: [], checkins, days: [] },
    { today: "2026-02-10" },
  );
  assert.equal(r.arms.with.stiffness, 2);
  assert.equal(r.arms.without.stiffness, 6);
});

test("the permutation p counts the orders giving a difference as large", () => {
  const rates = ORDER.map((a) => (a === "with" ? 0 : 1));
  assert.deepEqual(permutationP(ORDER, rates), { p: 2 / 68, orders: 68, asLarge: 2 });
  assert.equal(
    permutationP(
      ORDER,
      ORDER.map(() => 0.5),
    ).p,
    1,
  );
  // Four blocks of a week could never be clear: the best is 2 of 4 allowed orders.
  assert.equal(permutationP(["with", "without", "without", "with"], [0, 1, 1, 0]).p, 0.5);
});

test("a plan that is not a balanced random order is never called clear", () => {
  for (const blocks of [
    ["with", "without", "with"], // the server takes it; no order of 3 blocks is balanced
    ["with", "with", "with", "without", "without", "without", "without", "without"],
    ["with", "with", "with", "with", "without", "without", "without", "without"], // all first
  ]) {
    const e = experiment({ blocks });
    const withDays = ALL.filter((d) => blockOf(e, d)?.arm === "with");
    const withoutDays = ALL.filter((d) => blockOf(e, d)?.arm === "without");
    const r = experimentResult(
      e,
      { cramps: withoutDays.map((d) => cramp(d)), days: yes(withDays) },
      { today: "2026-03-01" },
    );
    assert.equal(r.verdict.kind, "cannot_tell", blocks.join());
    assert.equal(r.test, null);
    assert.match(
      r.verdict.text,
      /^Cannot tell: this plan's blocks are not a balanced random order/,
    );
  }
});

test("a night the check-in says woke with a cramp counts as a cramp night, once", () => {
  const withoutDays = armDays("without");
  const checkins = [
    { day: withoutDays[0], woke_with_cramp: true }, // no cramp logged that night
    { day: withoutDays[1], woke_with_cramp: true }, // and one logged too: still one night
    { day: withoutDays[2], woke_with_cramp: false },
    { day: withoutDays[3], woke_with_cramp: null },
  ];
  const r = experimentResult(
    experiment(),
    { cramps: [cramp(withoutDays[1])], checkins, days: yes(armDays("with")) },
    { today: "2026-02-10" },
  );
  assert.equal(r.arms.without.crampNights, 2);
  assert.equal(r.arms.without.cramps, 1);
  assert.equal(r.arms.with.crampNights, 0);
});
