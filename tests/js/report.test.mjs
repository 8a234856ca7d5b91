// The doctor's page: every figure on it, from constructed histories (empty period, one cramp, a
// cramp across midnight, a period across a DST change), in the person's own time zone.
import test from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import {
  SCALES,
  checkinSeries,
  crampFigures,
  dayText,
  intakeDays,
  knotFigures,
  nightOf,
  pacingFigures,
  periodOf,
  periodWords,
  rawList,
  reliefFigures,
  reportFigures,
  weaknessFigures,
} from "../../pwa/features/report/figures.js";
import { APP_VERSION } from "../../pwa/lib/version.js";
import { DISCLAIMER, shareText } from "../../pwa/features/report/page.js";
import { addDays } from "../../pwa/lib/day.js";

const LONDON = "Europe/London";
// Four weeks in November 2026 (no DST change in London), day start 4 a.m.
const NOV = { from: "2026-11-01", to: "2026-11-28", timeZone: LONDON, startHour: 4, budget: 12 };
// Four weeks across the end of British Summer Time (25 October 2026, 02:00 BST -> 01:00 GMT).
const OCT = { from: "2026-10-12", to: "2026-11-08", timeZone: LONDON, startHour: 4, budget: 12 };

const cramp = (started_at, seconds, extra = {}) => ({
  started_at,
  ended_at:
    seconds == null ? null : new Date(Date.parse(started_at) + seconds * 1000).toISOString(),
  reliefs_tried: [],
  reliefs_helped: [],
  ...extra,
});

test("the period: last 4 weeks and 3 months end today; chosen dates in either order", () => {
  assert.deepEqual(periodOf("weeks4", "2026-11-28"), {
    from: "2026-11-01",
    to: "2026-11-28",
    days: 28,
    label: "Last 4 weeks",
  });
  const three = periodOf("months3", "2026-11-28");
  assert.equal(three.days, 91);
  assert.equal(three.from, "2026-08-30");
  const dates = periodOf("dates", "2026-11-28", { from: "2026-11-10", to: "2026-11-03" });
  assert.equal(dates.from, "2026-11-03");
  assert.equal(dates.to, "2026-11-10");
  assert.equal(dates.days, 8);
  assert.equal(periodOf("dates", "2026-11-28", { from: "", to: "" }).days, 28); // not chosen yet
  assert.equal(periodWords(NOV), "1 November 2026 to 28 November 2026 (28 days)");
  assert.equal(dayText("2026-03-05", true), "5 Mar");
});

test("an empty period: zeros and no figure made up", () => {
  const f = reportFigures({}, NOV);
  assert.equal(f.cramps.count, 0);
  assert.equal(f.cramps.nights, 0);
  assert.equal(f.cramps.medianSeconds, null);
  assert.equal(f.cramps.longestSeconds, null);
  assert.deepEqual(
    f.cramps.weeks.map((w) => [w.start, w.end, w.days, w.nights]),
    [
      ["2026-11-01", "2026-11-07", 7, 0],
      ["2026-11-08", "2026-11-14", 7, 0],
      ["2026-11-15", "2026-11-21", 7, 0],
      ["2026-11-22", "2026-11-28", 7, 0],
    ],
  );
  assert.deepEqual(f.cramps.muscles, []);
  assert.ok(f.cramps.times.every((t) => t.count === 0));
  assert.deepEqual(f.reliefs, []);
  assert.deepEqual(
    [f.knots.total, f.knots.days, f.weakness.total, f.weakness.days, f.weakness.jelly],
    [0, 0, 0, 0, 0],
  );
  assert.deepEqual(f.pacing, {
    budget: 12,
    plannedDays: 0,
    overDays: 0,
    crashAnswers: 0,
    crashes: [],
    held: null,
  });
  assert.deepEqual(
    f.checkins.map((s) => [s.key, s.count, s.median]),
    SCALES.map((s) => [s.key, 0, null]),
  );
  assert.deepEqual(f.intakes, { water: 0, magnesium: 0, days: 28 });
  assert.deepEqual(rawList({}, NOV), []);
});

test("a single cramp: one night, its length is the median and the longest", () => {
  const c = cramp("2026-11-10T03:15:00Z", 95, { muscle: "calf", side: "left" });
  const f = crampFigures([c], NOV);
  assert.equal(f.count, 1);
  assert.equal(f.nights, 1);
  assert.equal(f.medianSeconds, 95);
  assert.equal(f.longestSeconds, 95);
  assert.equal(f.timed, 1);
  assert.deepEqual(f.muscles, [{ name: "calf", count: 1 }]);
  assert.equal(f.unsaidMuscle, 0);
  // 03:15 in London (GMT) is the night of 9 November, in the week of 8 November
  assert.deepEqual(
    f.weeks.map((w) => w.nights),
    [0, 1, 0, 0],
  );
  assert.deepEqual(
    f.times.filter((t) => t.count).map((t) => t.key),
    ["late"],
  );
  const rows = rawList({ cramps: [c] }, NOV);
  assert.deepEqual(rows, [
    {
      at: c.started_at,
      when: "2026-11-10 03:15",
      kind: "Cramp",
      where: "Calf, left",
      length: "1 min 35 s",
      strength: null,
      jelly: false,
    },
  ]);
});

test("a cramp across midnight counts once, on the night it started, with its whole length", () => {
  const across = cramp("2026-11-10T23:50:00Z", 20 * 60, { muscle: "foot" });
  const small = cramp("2026-11-11T02:00:00Z", 60); // same night, after midnight, before 4 a.m.
  const f = crampFigures([across, small], NOV);
  assert.equal(f.count, 2);
  assert.equal(f.nights, 1);
  assert.equal(f.longestSeconds, 1200);
  assert.equal(f.medianSeconds, 630);
  assert.equal(f.unsaidMuscle, 1);
  assert.deepEqual(
    f.times.map((t) => [t.key, t.count]),
    [
      ["evening", 1],
      ["early", 1],
      ["late", 0],
      ["day", 0],
    ],
  );
  assert.equal(nightOf(small.started_at, NOV), "2026-11-10");
});

test("the period's edges follow the day start: 2 a.m. after the last day is still inside", () => {
  const cramps = [
    cramp("2026-11-01T03:00:00Z", 60), // the night of 31 October: outside
    cramp("2026-11-01T04:00:00Z", 60), // 1 November: inside
    cramp("2026-11-29T02:00:00Z", 60), // the night of 28 November: inside
    cramp("2026-11-29T05:00:00Z", 60), // 29 November: outside
    { ...cramp("2026-11-15T05:00:00Z", 60), deleted_at: "2026-11-16T00:00:00Z" },
  ];
  const f = crampFigures(cramps, NOV);
  assert.equal(f.count, 2);
  assert.deepEqual(
    f.weeks.map((w) => w.nights),
    [1, 0, 0, 1],
  );
});

test("across a DST change: days and hours are read on the person's wall clock", () => {
  const cramps = [
    cramp("2026-10-24T23:30:00Z", 60), // 00:30 BST on the 25th: the night of the 24th
    cramp("2026-10-25T00:30:00Z", 60), // 01:30 BST (the first 01:30)
    cramp("2026-10-25T01:30:00Z", 60), // 01:30 GMT (the second one)
    cramp("2026-10-25T03:30:00Z", 60), // 03:30 GMT: still the night of the 24th
    cramp("2026-10-25T04:30:00Z", 60), // 04:30 GMT: the 25th (a fixed +01:00 would say 05:30)
  ];
  const f = crampFigures(cramps, OCT);
  assert.equal(f.count, 5);
  assert.equal(f.nights, 2);
  assert.deepEqual(
    f.weeks.map((w) => [w.start, w.days, w.nights]),
    [
      ["2026-10-12", 7, 0],
      ["2026-10-19", 7, 2],
      ["2026-10-26", 7, 0],
      ["2026-11-02", 7, 0],
    ],
  );
  assert.deepEqual(
    f.times.map((t) => t.count),
    [0, 3, 2, 0],
  );
  // A check-in's place on the trend line counts calendar days, not 24-hour spans.
  const s = checkinSeries([{ day: "2026-10-26", fatigue: 5 }], OCT);
  assert.deepEqual(s[0].points, [{ day: "2026-10-26", at: 14, value: 5 }]);
  // In New York the same moments fall on other days.
  const ny = crampFigures(cramps, { ...OCT, timeZone: "America/New_York" });
  assert.equal(ny.nights, 1); // 19:30 to 00:30 EDT: all the evening and night of the 24th
});

test("a shorter last week says how many days it has", () => {
  const weeks = crampFigures([], { ...NOV, to: "2026-11-17" }).weeks;
  assert.deepEqual(
    weeks.map((w) => [w.start, w.end, w.days]),
    [
      ["2026-11-01", "2026-11-07", 7],
      ["2026-11-08", "2026-11-14", 7],
      ["2026-11-15", "2026-11-17", 3],
    ],
  );
});

test("a length over 3 hours (a timer left on) is left out of the lengths, and counted", () => {
  const f = crampFigures(
    [cramp("2026-11-05T02:00:00Z", 60), cramp("2026-11-06T02:00:00Z", 5 * 3600)],
    NOV,
  );
  assert.equal(f.count, 2);
  assert.equal(f.timed, 1);
  assert.equal(f.leftOut, 1);
  assert.equal(f.longestSeconds, 60);
  const running = crampFigures([cramp("2026-11-05T02:00:00Z", null)], NOV);
  assert.equal(running.timed, 0);
  assert.equal(running.medianSeconds, null);
});

test("what shortened them: only what was tried, most shortening first, compared once there are 3 each side", () => {
  const day = (i) => `2026-11-${String(2 + i).padStart(2, "0")}T02:00:00Z`;
  const cramps = [
    ...[0, 1, 2].map((i) => cramp(day(i), 60, { reliefs_tried: ["heat"] })),
    ...[3, 4, 5].map((i) => cramp(day(i), 180)),
    cramp(day(6), 120, { reliefs_helped: ["stretch"] }),
    cramp("2026-10-20T02:00:00Z", 60, { reliefs_tried: ["massage"] }), // before the period
  ];
  const rs = reliefFigures(cramps, NOV);
  assert.deepEqual(
    rs.map((r) => r.key),
    ["heat", "stretch"],
  );
  const heat = rs.find((r) => r.key === "heat");
  assert.equal(heat.enough, true);
  assert.equal(heat.certain, false); // fewer than 5 cramps a side: shown as uncertain
  assert.deepEqual([heat.with.count, heat.with.medianSeconds], [3, 60]);
  assert.deepEqual([heat.without.count, heat.without.medianSeconds], [4, 180]); // 180, 180, 180, 120
  const stretch = rs.find((r) => r.key === "stretch");
  assert.deepEqual([stretch.tried, stretch.helped, stretch.enough], [1, 1, false]);
});

test("knots and weakness: how often, on how many days, where, and what helped", () => {
  const knots = [
    { noted_at: "2026-11-03T10:00:00Z", location: "neck", helped: ["heat"] },
    { noted_at: "2026-11-03T18:00:00Z", location: "neck", helped: [] },
    { noted_at: "2026-11-04T02:00:00Z", location: "hips", helped: ["heat"] }, // night of the 3rd
    { noted_at: "2026-11-20T10:00:00Z", location: "upper back", helped: ["massage"] },
  ];
  const k = knotFigures(knots, NOV);
  assert.equal(k.total, 4);
  assert.equal(k.days, 2);
  assert.deepEqual(k.places, [
    { name: "neck", count: 2 },
    { name: "hips", count: 1 },
    { name: "upper back", count: 1 },
  ]);
  assert.deepEqual(k.helped, [
    { name: "heat", count: 2 },
    { name: "massage", count: 1 },
  ]);
  const w = weaknessFigures(
    [
      { noted_at: "2026-11-05T10:00:00Z", body_area: "legs", jelly_legs: true },
      { noted_at: "2026-11-06T10:00:00Z", body_area: "grip", jelly_legs: false },
      { noted_at: "2026-12-06T10:00:00Z", body_area: "legs", jelly_legs: true }, // after
    ],
    NOV,
  );
  assert.deepEqual([w.total, w.days, w.jelly], [2, 2, 1]);
});

const plan = (day, load) => ({
  plan: { id: `p-${day}`, day, energy_budget: 12 },
  activity: { id: `a-${day}`, plan_id: `p-${day}`, energy_cost: load, status: "done" },
});

function pacingRecords(days, checkins) {
  const made = Object.entries(days).map(([day, load]) => plan(day, load));
  return { plans: made.map((m) => m.plan), activities: made.map((m) => m.activity), checkins };
}

test("pacing: days over budget, crashes and how many days after overdoing they came", () => {
  const records = pacingRecords(
    {
      "2026-10-31": 16, // over, before the period: still found as the day before a crash
      "2026-11-02": 8,
      "2026-11-05": 15, // over
      "2026-11-06": 6,
      "2026-11-07": 6,
      "2026-11-20": 10,
    },
    [
      { day: "2026-11-01", crash: true }, // 1 day after 31 October
      { day: "2026-11-06", crash: true }, // the morning after the 5th
      { day: "2026-11-08", crash: true, updated_at: "2026-11-08T08:00:00Z" },
      { day: "2026-11-08", crash: false, updated_at: "2026-11-08T09:00:00Z" }, // the later wins
      { day: "2026-11-09", crash: true }, // 4 days after the 5th
      { day: "2026-11-21", crash: true }, // no over-budget day in the week before
      { day: "2026-11-22", crash: null }, // skipped: not an answer
      { day: "2026-11-03", crash: false },
      { day: "2026-11-07", crash: false },
    ],
  );
  const p = pacingFigures(records, NOV);
  assert.equal(p.plannedDays, 5);
  assert.equal(p.overDays, 1);
  assert.equal(p.crashAnswers, 7);
  assert.deepEqual(p.crashes, [
    { day: "2026-11-01", after: 1 },
    { day: "2026-11-06", after: 1 },
    { day: "2026-11-09", after: 4 },
    { day: "2026-11-21", after: null },
  ]);
  // Below the lowest crash (10 points on the 20th), crash-free: 8, 6 and 6 points.
  assert.deepEqual(p.held, { points: 6, days: 3 });
});

test("pacing: the budget held without a crash, as pattern.js suggests it", () => {
  const loads = {};
  const checkins = [];
  for (let i = 0; i < 6; i++) {
    const day = addDays("2026-11-02", i * 2);
    loads[day] = 9 + (i % 3);
    checkins.push({ day: addDays(day, 1), crash: false });
  }
  const p = pacingFigures(pacingRecords(loads, checkins), NOV);
  assert.equal(p.overDays, 0);
  assert.deepEqual(p.held, { points: 10, days: 4 }); // 11, 11, 10, 10
});

test("check-ins: one series per scale, median, first and last week; extra scales one line", () => {
  const checkins = [
    { day: "2026-11-01", fatigue: 8, weakness: null },
    { day: "2026-11-03", fatigue: 6, weakness: 4, updated_at: "1" },
    { day: "2026-11-03", fatigue: 7, weakness: 4, updated_at: "2" }, // the later one counts
    { day: "2026-11-15", fatigue: 5 },
    { day: "2026-11-26", fatigue: 3, sleep: 6 },
    { day: "2026-11-28", fatigue: 4, sleep: 4 },
    { day: "2026-11-29", fatigue: 10 }, // after the period
    { day: "2026-11-10", fatigue: 9, deleted_at: "2026-11-11T00:00:00Z" },
  ];
  const series = checkinSeries(checkins, NOV);
  const [fatigue, weakness] = ["fatigue", "weakness"].map((k) => series.find((x) => x.key === k));
  assert.deepEqual(
    fatigue.points.map((p) => [p.day, p.at, p.value]),
    [
      ["2026-11-01", 0, 8],
      ["2026-11-03", 2, 7],
      ["2026-11-15", 14, 5],
      ["2026-11-26", 25, 3],
      ["2026-11-28", 27, 4],
    ],
  );
  assert.deepEqual([fatigue.count, fatigue.median, fatigue.first, fatigue.last], [5, 5, 7.5, 3.5]);
  assert.deepEqual([weakness.count, weakness.median, weakness.last], [1, 4, null]);
  const [sleep] = checkinSeries(checkins, NOV, [{ key: "sleep", label: "Sleep" }]);
  assert.deepEqual([sleep.label, sleep.count, sleep.median], ["Sleep", 2, 5]);
  assert.deepEqual(
    series.map((x) => x.key),
    ["fatigue", "stiffness", "sleep", "weakness", "cramps", "knots"],
  );
});

test("woke with a cramp: counted among the mornings that answered it, never from silence", () => {
  const f = reportFigures(
    {
      checkins: [
        { day: "2026-11-02", woke_with_cramp: true },
        { day: "2026-11-03", woke_with_cramp: false },
        { day: "2026-11-04", woke_with_cramp: null },
        { day: "2026-11-05", fatigue: 3 },
        { day: "2026-10-20", woke_with_cramp: true }, // before the period
      ],
    },
    NOV,
  );
  assert.deepEqual(f.woke, { answered: 2, yes: 1 });
});

test("magnesium and water: on how many days, never how much", () => {
  const intakes = [
    { taken_at: "2026-11-02T09:00:00Z", kind: "water", amount: 250 },
    { taken_at: "2026-11-02T15:00:00Z", kind: "water", amount: 250 },
    { taken_at: "2026-11-04T01:00:00Z", kind: "water", amount: 250 }, // the night of the 3rd
    { taken_at: "2026-11-03T21:00:00Z", kind: "magnesium", amount: 300 },
    { taken_at: "2026-11-05T21:00:00Z", kind: "magnesium", deleted_at: "2026-11-06T00:00:00Z" },
  ];
  assert.deepEqual(intakeDays(intakes, NOV), { water: 2, magnesium: 1, days: 28 });
});

test("the second page lists cramps, knots and weakness of the period, oldest first", () => {
  const rows = rawList(
    {
      cramps: [cramp("2026-11-09T03:00:00Z", 30, { muscle: "calf", intensity: 7 })],
      knots: [{ noted_at: "2026-11-08T10:00:00Z", location: "neck", side: "right", intensity: 5 }],
      weakness: [
        { noted_at: "2026-11-10T10:00:00Z", body_area: "legs", severity: 6, jelly_legs: true },
      ],
    },
    NOV,
  );
  assert.deepEqual(
    rows.map((r) => [r.when, r.kind, r.where, r.length, r.strength, r.jelly]),
    [
      ["2026-11-08 10:00", "Knot", "Neck, right", "", 5, false],
      ["2026-11-09 03:00", "Cramp", "Calf", "30 s", 7, false],
      ["2026-11-10 10:00", "Weakness", "Legs", "", 6, true],
    ],
  );
});

test("the footer's version is pyproject.toml's", () => {
  const toml = readFileSync(new URL("../../pyproject.toml", import.meta.url), "utf8");
  assert.equal(APP_VERSION, toml.match(/^version\s*=\s*"([^"]+)"/m)[1]);
});

test("Share sends the headline figures as text, with the name only if typed", () => {
  const f = reportFigures(
    {
      cramps: [cramp("2026-11-10T03:15:00Z", 95), cramp("2026-11-12T03:15:00Z", 300)],
      intakes: [{ taken_at: "2026-11-02T09:00:00Z", kind: "magnesium" }],
    },
    NOV,
  );
  const text = shareText(f, "");
  assert.deepEqual(text.split("\n"), [
    "Unknot summary, 1 November 2026 to 28 November 2026 (28 days)",
    "Cramps: 2 on 2 nights; median 3 minutes, longest 5 minutes.",
    "Knots: 0 on 0 days. Weakness: 0 on 0 days.",
    "Days over the energy budget: 0. Crashes: 0.",
    "Magnesium logged on 1 of 28 days; water on 0.",
    DISCLAIMER,
  ]);
  assert.ok(shareText(f, "Ada").startsWith("Unknot summary for Ada, "));
});

test("where: the period's knots, cramps and weakness on the body map, old words as their regions", () => {
  const f = reportFigures(
    {
      knots: [
        { noted_at: "2026-11-10T20:00:00Z", location: "shoulder", side: "left" },
        { noted_at: "2026-10-20T20:00:00Z", location: "shoulder", side: "left" }, // before
      ],
      cramps: [cramp("2026-11-12T02:00:00Z", 60, { muscle: "calf", side: "right" })],
      weakness: [{ noted_at: "2026-11-13T12:00:00Z", body_area: "other" }],
    },
    NOV,
  );
  assert.equal(f.where.total, 2);
  assert.equal(f.where.elsewhere, 1);
  assert.equal(
    Object.values(f.where.counts).reduce((a, b) => a + b, 0),
    2,
  );
  assert.equal(f.where.areas.length, 2); // the left shoulder girdle and the right lower leg
});

test("experiments: a finished one overlapping the period is on the page with its verdict", () => {
  const experiment = (id, status, start_day) => ({
    id,
    fix: "stretch",
    status,
    start_day,
    block_days: 4,
    blocks: ["with", "without", "without", "with", "with", "without", "with", "without"],
  });
  const f = reportFigures(
    {
      experiments: [
        experiment("a", "finished", "2026-10-20"),
        experiment("b", "running", "2026-11-10"), // not finished: not a result yet
        experiment("c", "finished", "2026-08-01"), // over before the period
      ],
    },
    NOV,
  );
  assert.deepEqual(
    f.experiments.map((r) => r.from),
    ["2026-10-20"],
  );
  assert.equal(f.experiments[0].verdict.kind, "too_few");
  assert.match(f.experiments[0].verdict.text, /Too few cramps to tell/);
});
