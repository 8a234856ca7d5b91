// A cramp's bounds and a cramp that already stopped, on constructed times.
import test from "node:test";
import assert from "node:assert/strict";
import { crampProblem, stoppedAgo } from "../../pwa/features/cramp/length.js";
import { CRAMP } from "../../pwa/lib/limits.js";

const NOW = Date.parse("2026-11-28T02:10:00Z");
const iso = (ms) => new Date(ms).toISOString();
const cramp = (startMin, lengthMin) => ({
  started_at: iso(NOW + startMin * 60000),
  ended_at: lengthMin == null ? null : iso(NOW + (startMin + lengthMin) * 60000),
});

test("a cramp within the bounds has no problem", () => {
  assert.equal(crampProblem(cramp(-300, CRAMP.max_minutes), NOW), null);
  assert.equal(crampProblem(cramp(-5, null), NOW), null);
  assert.equal(crampProblem(cramp(CRAMP.future_minutes - 1, null), NOW), null);
});

test("lengths beyond the bound, ends before starts and future times are refused", () => {
  assert.match(crampProblem(cramp(-999999, 99999), NOW), /at most 3 hours/);
  assert.match(crampProblem(cramp(-10, -1), NOW), /end before it starts/);
  assert.match(crampProblem(cramp(60 * 24 * 365, 2), NOW), /start is in the future/);
  assert.match(crampProblem(cramp(-5, 60), NOW), /end in the future/);
  assert.match(crampProblem({ started_at: "", ended_at: null }, NOW), /when it started/);
});

test("stopped an hour ago, about 10 minutes long", () => {
  const { start, end } = stoppedAgo(60, 10, NOW);
  assert.equal(end, NOW - 3600e3);
  assert.equal(end - start, 600e3);
});
