// "What helps me" statistics on constructed records.
import test from "node:test";
import assert from "node:assert/strict";
import { crampSeconds } from "../../pwa/features/cramp/length.js";
import {
  crampDurations,
  crampsByHour,
  crampsPerWeek,
  knotsByLocation,
  weaknessByArea,
  whatHelps,
} from "../../pwa/features/insights/stats.js";
import { addDays, dayKey, localHour } from "../../pwa/lib/day.js";
import { MIN_EACH_SIDE, reliefAnswers } from "../../pwa/features/insights/reliefs.js";
import { durationWords, minutesWords } from "../../pwa/lib/format.js";
import { median, mean, quantile } from "../../pwa/lib/median.js";

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
  assert.equal(quantile([], 0.25), null);
  assert.equal(quantile([1, 2, 3, 4, 5], 0.25), 2);
  assert.equal(quantile([4, 1, 3, 2], 0.75), 3.25, "between the values, in proportion");
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

test("relief answers: not enough yet says how many more are needed", () => {
  const cramps = [
    cramp("2026-11-20T02:00:00+01:00", 2, ["heat"], ["heat"]),
    cramp("2026-11-21T02:00:00+01:00", 8, []),
    cramp("2026-11-22T02:00:00+01:00", 9, ["stretch"]),
  ];
  const heat = byKey(reliefAnswers(cramps), "heat");
  assert.equal(heat.enough, false);
  assert.equal(heat.withIt.count, 1);
  assert.equal(heat.without.count, 2);
  assert.equal(heat.needWith, MIN_EACH_SIDE - 1);
  assert.equal(heat.needWithout, MIN_EACH_SIDE - 2);
  assert.equal(heat.ratio, null, "no figure without enough cramps");
  assert.equal(heat.certain, false);
  assert.equal(heat.helped, 1);
  assert.equal(
    heat.sentence,
    "Heat or a warm compress: not enough yet (1 cramps with it, 2 without). Log 2 more with it and 1 more without it to see a figure.",
  );
});

test("relief answers lead with the answer, in one unit, with both counts", () => {
  // Stretching: 9 cramps of 1 minute with it, 9 of 3 minutes without.
  const cramps = Array.from({ length: 18 }, (_, i) =>
    cramp(
      `2026-11-${String(i + 1).padStart(2, "0")}T02:00:00+01:00`,
      i % 2 ? 3 : 1,
      i % 2 ? [] : ["stretch"],
    ),
  );
  const stretch = byKey(reliefAnswers(cramps), "stretch");
  assert.deepEqual(
    [
      stretch.withIt.count,
      stretch.withIt.medianSeconds,
      stretch.without.count,
      stretch.without.medianSeconds,
    ],
    [9, 60, 9, 180],
  );
  assert.equal(stretch.certain, true);
  assert.equal(
    stretch.sentence,
    "Stretching: your cramps were about a third as long with it (1 min vs 3 min without, 9 and 9 cramps).",
  );
  assert.doesNotMatch(stretch.sentence, /second/, "never seconds beside minutes");
});

test("one unit for typical lengths: minutes, in halves under 10", () => {
  assert.equal(minutesWords(65), "1 min");
  assert.equal(minutesWords(80), "1.5 min");
  assert.equal(minutesWords(180), "3 min");
  assert.equal(minutesWords(20), "0.5 min");
  assert.equal(minutesWords(10), "under 0.5 min");
  assert.equal(minutesWords(12 * 60 + 20), "12 min");
  assert.equal(minutesWords(70 * 60), "1 h 10 min");
  assert.equal(minutesWords(null), "unknown");
});

test("relief answers: ordered by effect, most shortening first; no figure last", () => {
  const day = (i) => `2026-11-${String(i + 1).padStart(2, "0")}T02:00:00+01:00`;
  // heat: 2 min with vs 4 without; massage: 4 with vs 2 without; walk tried once
  const cramps = [
    ...[0, 1, 2].map((i) => cramp(day(i), 2, ["heat"])),
    ...[3, 4, 5].map((i) => cramp(day(i), 4, ["massage"])),
    cramp(day(6), 4, ["walk"]),
  ];
  const rows = reliefAnswers(cramps);
  assert.deepEqual(
    rows.map((r) => r.key),
    ["heat", "massage", "stretch", "walk"],
    "heat shortens, massage lengthens; never tried or tried once: no figure, after, by name",
  );
  assert.match(
    byKey(rows, "massage").sentence,
    /about twice as long with it \(4 min vs 2 min without, 3 and 4 cramps\)\. Uncertain/,
  );
});

test("uncertain: too few on a side, or middle halves that overlap", () => {
  const day = (i) => `2026-11-${String(i + 1).padStart(2, "0")}T02:00:00+01:00`;
  // 3 and 3: a figure, but fewer than 5 of each.
  const few = [
    ...[0, 1, 2].map((i) => cramp(day(i), 1, ["heat"])),
    ...[3, 4, 5].map((i) => cramp(day(i), 3)),
  ];
  const heat = byKey(reliefAnswers(few), "heat");
  assert.equal(heat.enough, true);
  assert.equal(heat.certain, false);
  assert.match(heat.sentence, /Uncertain: too few cramps to be sure \(5 on each side needed\)\.$/);
  // 6 and 6 with the same spread: the middle halves overlap.
  const mixed = [1, 2, 3, 4, 5, 6].flatMap((m, i) => [
    cramp(day(2 * i), m, ["heat"]),
    cramp(day(2 * i + 1), m + 1),
  ]);
  const h = byKey(reliefAnswers(mixed), "heat");
  assert.equal(h.certain, false);
  assert.ok(h.withIt.q3 >= h.without.q1);
  assert.match(
    h.sentence,
    /Uncertain: the lengths with and without it overlap too much to be sure\.$/,
  );
});

test("fixes between episodes stay out of the length comparison; old records still load", () => {
  const cramps = [
    cramp("2026-11-01T02:00:00+01:00", 2, ["heat", "magnesium"], ["magnesium"]),
    cramp("2026-11-02T02:00:00+01:00", 3, ["water"]),
    cramp("2026-11-03T02:00:00+01:00", 4, ["heat"]),
  ];
  const rows = reliefAnswers(cramps);
  assert.equal(byKey(rows, "magnesium"), undefined);
  assert.equal(byKey(rows, "water"), undefined);
  assert.equal(byKey(rows, "heat").withIt.count, 2, "the cramps still count for heat");
  assert.equal(byKey(rows, "heat").without.count, 1);
});

test("marked as helped counts as tried; running and deleted cramps have no length", () => {
  const cramps = [
    cramp("2026-11-01T02:00:00+01:00", 2, ["heat"], ["heat"]),
    cramp("2026-11-03T02:00:00+01:00", 4, [], ["heat"]),
    cramp("2026-11-04T02:00:00+01:00", 10, ["stretch"]),
    { started_at: "2026-11-07T02:00:00+01:00", ended_at: null, reliefs_tried: ["heat"] },
    { ...cramp("2026-11-08T02:00:00Z", 2, ["ice"]), deleted_at: "2026-11-09T00:00:00Z" },
    cramp("2026-11-09T02:00:00Z", 2, ["pickle juice"]),
  ];
  const rows = reliefAnswers(cramps);
  const heat = byKey(rows, "heat");
  assert.equal(heat.withIt.count, 2);
  assert.equal(heat.tried, 3, "the running cramp counts as tried but has no length");
  assert.equal(heat.helped, 2);
  assert.ok(byKey(rows, "pickle juice"), "things of their own are compared too");
  assert.equal(byKey(rows, "ice"), undefined);
  assert.equal(rows.length, 5);
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
  assert.ok(s.reliefs.find((r) => r.key === "heat").sentence.startsWith("Heat"));
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
  const heat = byKey(reliefAnswers(cramps), "heat");
  assert.equal(heat.withIt.count, 3);
  assert.equal(heat.withIt.medianSeconds, 3 * 60);
  assert.equal(crampDurations(cramps.slice(0, 3)).note, null);
});

test("reliefEffect: the former shape and order, for callers written before reliefAnswers", async () => {
  const { reliefEffect } = await import("../../pwa/features/insights/stats.js");
  const day = (i) => `2026-11-${String(i + 1).padStart(2, "0")}T02:00:00Z`;
  const cramps = [
    ...[0, 1, 2].map((i) => cramp(day(i), 1, ["heat"])),
    ...[3, 4, 5].map((i) => cramp(day(i), 3)),
    cramp(day(6), 2, [], ["stretch"]),
  ];
  const rows = reliefEffect(cramps);
  assert.deepEqual(
    rows.map((r) => r.key),
    ["stretch", "heat", "massage", "walk"],
  );
  const heat = byKey(rows, "heat");
  assert.deepEqual(heat.with, { count: 3, medianSeconds: 60 });
  assert.deepEqual(heat.without, { count: 4, medianSeconds: 180 });
  assert.deepEqual(byKey(rows, "stretch").with, { count: 1, medianSeconds: null });
  assert.equal(heat.text, byKey(reliefAnswers(cramps), "heat").sentence);
});
