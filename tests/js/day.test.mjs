// Days in words, as the check-in asks about them.
import test from "node:test";
import assert from "node:assert/strict";
import { dayWords } from "../../pwa/lib/day.js";

// Saturday 28 November 2026, 02:12 on the phone's clock.
const NIGHT = new Date(2026, 10, 28, 2, 12);

test("the calendar day before is yesterday, even before the day start", () => {
  assert.equal(dayWords("2026-11-27", NIGHT), "yesterday");
  assert.equal(dayWords("2026-11-28", NIGHT), "today");
});

test("further back: the weekday, and the date past a week", () => {
  const thursday = new Date(2026, 10, 26, 12).toLocaleDateString([], { weekday: "long" });
  assert.equal(dayWords("2026-11-26", NIGHT), thursday);
  const long = dayWords("2026-11-01", NIGHT);
  assert.ok(long.startsWith(new Date(2026, 10, 1, 12).toLocaleDateString([], { weekday: "long" })));
  assert.match(long, /1/);
});
