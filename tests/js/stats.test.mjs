// "What helps me" statistics on constructed records.
import test from "node:test";
import assert from "node:assert/strict";
import { crampSeconds } from "../../pwa/features/cramp/length.js";
import {
  MIN_EACH_SIDE,
  crampDurations,
  crampsByHour,
  crampsPerWeek,
  knotsByLocation,
  reliefEffect,
  weaknessByArea,
  whatHelps,
} from "../../pwa/features/insights/stats.js";
import { addDays, dayKey, localHour } from "../../pwa/lib/day.js";
import { durationWords } from "../../pwa/lib/format.js";
import { median, mean } from "../../pwa/lib/median.js";

/** A finished cramp starting at `start` (ISO with offset) lasting `minutes`. */
function cramp(start, minutes, tried = [], helped = []) {
  const end = new Date(Date.parse(start) + minutes * 60000).toISOString();
  return {
    id: start + minutes,
    started_at: start,
    ended_at: end,
    reliefs_tried: tried,
    reliefs_helped: helped,
  };
}

const byKey = (rows, key) => rows.find((r) => r.key === key);

test("median and mean", () => {
  assert.equal(median([]), null);
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(mean([1, 2, 6]), 3);
  assert.equal(mean([]), null);
});

test("a running cramp has no duration; a finished one does", () => {
  assert.equal(crampSeconds({ started_at: "2026-11-20T02:00:00+01:00", ended_at: null }), null);
  assert.equal(crampSeconds(cramp("2026-11-20T02:00:00+01:00", 3)), 180);
  const d = crampDurations([
    cramp("2026-11-20T02:00:00+01:00", 3),
    cramp("2026-11-21T02:00:00+01:00", 7),
    { started_at: "2026-11-22T02:00:00+01:00", ended_at: null },
  ]);
  assert.equal(d.count, 2);
  assert.equal(d.medianSeconds, 300);
});

test("relief effect: not enough yet says how many more are needed", () => {
  const cramps = [
    cramp("2026-11-20T02:00:00+01:00", 2, ["heat"], ["heat"]),
    cramp("2026-11-21T02:00:00+01:00", 8, []),
    cramp("2026-11-22T02:00:00+01:00", 9, ["stretch"]),
  ];
  const heat = byKey(reliefEffect(cramps), "heat");
  assert.equal(heat.enough, false);
  assert.equal(heat.with.count, 1);
  assert.equal(heat.without.count, 2);
  assert.equal(heat.needWith, MIN_EACH_SIDE - 1);
  assert.equal(heat.needWithout, MIN_EACH_SIDE - 2);
  assert.equal(heat.with.medianSeconds, null, "no figure without enough cramps");
  assert.equal(heat.helped, 1);
  assert.match(heat.text, /not enough yet/);
  assert.match(heat.text, /2 more with it and 1 more without it/);
});

test("relief effect: medians with and without, with counts", () => {
  const cramps = [
    cramp("2026-11-01T02:00:00+01:00", 2, ["heat"], ["heat"]),
    cramp("2026-11-02T02:00:00+01:00", 3, ["heat", "stretch"]),
    cramp("2026-11-03T02:00:00+01:00", 4, [], ["heat"]), // marked as helped counts as tried
    cramp("2026-11-04T02:00:00+01:00", 10, ["stretch"]),
    cramp("2026-11-05T02:00:00+01:00", 8, []),
    cramp("2026-11-06T02:00:00+01:00", 6, ["magnesium"]),
    { started_at: "2026-11-07T02:00:00+01:00", ended_at: null, reliefs_tried: ["heat"] }, // still running
  ];
  const rows = reliefEffect(cramps);
  const heat = byKey(rows, "heat");
  assert.equal(heat.enough, true);
  assert.deepEqual(heat.with, { count: 3, medianSeconds: 180 });
  assert.deepEqual(heat.without, { count: 3, medianSeconds: 480 });
  assert.equal(heat.tried, 4, "the running cramp counts as tried but has no duration");
  assert.equal(heat.helped, 2);
  assert.match(
    heat.text,
    /with it lasted 3 minutes \(from 3 cramps\), without it 8 minutes \(from 3 cramps\)/,
  );
  const mg = byKey(rows, "magnesium");
  assert.equal(mg.enough, false);
  assert.equal(mg.needWith, 2);
});

test("relief effect lists unknown things tried too, and skips deleted records", () => {
  const rows = reliefEffect([
    cramp("2026-11-01T02:00:00Z", 2, ["pickle juice"]),
    { ...cramp("2026-11-02T02:00:00Z", 2, ["ice"]), deleted_at: "2026-11-03T00:00:00Z" },
  ]);
  assert.ok(byKey(rows, "pickle juice"));
  assert.equal(byKey(rows, "ice"), undefined);
  assert.equal(rows.length, 7);
});

test("hour bucketing uses the given offset, not the machine's zone", () => {
  const c = "2026-11-20T01:30:00Z";
  assert.equal(localHour(c, { offsetMinutes: 0 }), 1);
  assert.equal(localHour(c, { offsetMinutes: 60 }), 2);
  assert.equal(localHour(c, { offsetMinutes: -300 }), 20);
  const cramps = [
    "2026-11-20T02:10:00+01:00",
    "2026-11-21T02:50:00+01:00",
    "2026-11-22T03:05:00+01:00",
    "2026-11-23T22:00:00+01:00",
    "2026-11-24T01:59:00Z",
  ].map((s) => cramp(s, 2));
  const h = crampsByHour(cramps, { offsetMinutes: 60, startHour: 4 });
  assert.equal(h.hours[0].hour, 4, "ordered from the start of the person's day");
  assert.equal(h.hours[23].hour, 3);
  const at = (hour) => h.hours.find((x) => x.hour === hour).count;
  assert.equal(at(2), 3, "01:59Z is 2:59 at +01:00");
  assert.equal(at(3), 1);
  assert.equal(at(22), 1);
  assert.equal(h.total, 5);
  assert.equal(h.enough, true);
  assert.match(h.text, /between 2 am and 3 am: 3 of 5/);
});

test("hours: too few cramps means no pattern yet", () => {
  const h = crampsByHour([cramp("2026-11-20T02:10:00+01:00", 2)], { offsetMinutes: 60 });
  assert.equal(h.enough, false);
  assert.equal(h.text, null, "no sentence without a pattern");
});

test("a person's day starts at startHour", () => {
  assert.equal(dayKey("2026-11-20T03:59:00+01:00", { offsetMinutes: 60 }), "2026-11-19");
  assert.equal(dayKey("2026-11-20T04:00:00+01:00", { offsetMinutes: 60 }), "2026-11-20");
  assert.equal(dayKey("2026-11-20T02:00:00Z", { offsetMinutes: 0, startHour: 0 }), "2026-11-20");
  assert.equal(dayKey("2026-03-01T01:00:00Z", { offsetMinutes: 0 }), "2026-02-28");
  assert.equal(addDays("2026-02-28", 1), "2026-03-01");
  assert.equal(addDays("2026-01-03", -7), "2025-12-27");
});

test("cramps per week: 8 blocks of 7 days ending on the person's today", () => {
  const now = new Date("2026-11-25T10:00:00+01:00");
  const opts = { now, offsetMinutes: 60 };
  const cramps = [
    cramp("2026-11-25T09:00:00+01:00", 2), // today
    cramp("2026-11-19T05:00:00+01:00", 2), // first day of this week block
    cramp("2026-11-19T03:00:00+01:00", 2), // still the 18th: week before
    cramp("2026-11-12T12:00:00+01:00", 2), // week before
    cramp("2026-10-01T12:00:00+01:00", 2), // 8 weeks started on 2026-10-01: inside
    cramp("2026-09-30T12:00:00+01:00", 2), // outside
  ];
  const w = crampsPerWeek(cramps, opts);
  assert.equal(w.weeks.length, 8);
  assert.equal(w.weeks[7].start, "2026-11-19");
  assert.equal(w.weeks[7].end, "2026-11-25");
  assert.equal(w.weeks[7].label, "This week");
  assert.equal(w.weeks[0].start, "2026-10-01");
  assert.equal(w.weeks[0].label, "1 Oct");
  assert.deepEqual(
    w.weeks.map((b) => b.count),
    [1, 0, 0, 0, 0, 0, 2, 2],
  );
  assert.equal(w.total, 5);
  assert.match(w.text, /5 cramps in the last 8 weeks/);
  assert.match(w.text, /This week: 2/);
});

test("cramps per week with nothing logged", () => {
  const w = crampsPerWeek([], { now: new Date("2026-11-25T10:00:00Z"), offsetMinutes: 0 });
  assert.equal(w.total, 0);
  assert.match(w.text, /No cramps logged/);
});

test("knots by location and what helped", () => {
  const knots = ["neck", "neck", "shoulders", "neck", "lower back"].map((location, i) => ({
    noted_at: `2026-11-2${i}T10:00:00Z`,
    location,
    helped: i % 2 ? ["heat"] : ["massage", "heat"],
  }));
  const k = knotsByLocation(knots);
  assert.deepEqual(k.locations[0], { name: "neck", count: 3 });
  assert.equal(k.total, 5);
  assert.equal(k.enough, true);
  assert.deepEqual(k.helped[0], { name: "heat", count: 5 });
  assert.match(k.text, /neck: 3 of 5/);
  assert.equal(knotsByLocation(knots.slice(0, 2)).enough, false);
});

test("weakness by area", () => {
  const w = weaknessByArea([{ body_area: "legs", jelly_legs: true }, { body_area: "grip" }]);
  assert.equal(w.jelly, 1);
  assert.equal(w.enough, false);
  assert.equal(w.total, 2);
  assert.equal(w.text, null);
});

test("durations read as plain words", () => {
  assert.equal(durationWords(45), "45 seconds");
  assert.equal(durationWords(60), "60 seconds");
  assert.equal(durationWords(240), "4 minutes");
  assert.equal(durationWords(4200), "1 hour 10 minutes");
});

test("whatHelps gathers every figure", () => {
  const s = whatHelps(
    { cramps: [cramp("2026-11-25T02:00:00Z", 4, ["heat"])] },
    { now: new Date("2026-11-25T12:00:00Z"), offsetMinutes: 0 },
  );
  assert.equal(
    s.weeks.weeks[7].count,
    1,
    "a 2 a.m. cramp belongs to the day before, which is still this week",
  );
  assert.ok(s.reliefs.find((r) => r.key === "heat").text.startsWith("Heat"));
  assert.equal(s.durations.count, 1);
});

test("without an offset, days follow the device's zone through day.js", () => {
  const d = new Date(2026, 10, 20, 3, 30); // 3:30 local
  assert.equal(dayKey(d), "2026-11-19");
  assert.equal(dayKey(new Date(2026, 10, 20, 4, 0)), "2026-11-20");
});

test("a stored length no cramp has is left out of the figures, and counted", () => {
  const cramps = [
    cramp("2026-11-01T02:00:00+01:00", 2, ["heat"]),
    cramp("2026-11-02T02:00:00+01:00", 3, ["heat"]),
    cramp("2026-11-03T02:00:00+01:00", 4, ["heat"]),
    cramp("2026-11-04T02:00:00+01:00", 99999, ["heat"]), // "1666 h 39 min", stored before bounds
    cramp("2026-11-05T02:00:00+01:00", 8),
    cramp("2026-11-06T02:00:00+01:00", 10),
    cramp("2026-11-07T02:00:00+01:00", 12),
  ];
  const d = crampDurations(cramps);
  assert.equal(d.count, 6);
  assert.equal(d.leftOut, 1);
  assert.equal(d.medianSeconds, 6 * 60);
  assert.match(d.note, /^1 cramp left out: longer than 3 hours/);
  const heat = byKey(reliefEffect(cramps), "heat");
  assert.equal(heat.with.count, 3);
  assert.equal(heat.with.medianSeconds, 3 * 60);
  assert.equal(crampDurations(cramps.slice(0, 3)).note, null);
});
