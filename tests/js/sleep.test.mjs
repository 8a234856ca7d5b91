// Cramp nights after poor and good sleep, on constructed check-ins and cramps.
import test from "node:test";
import assert from "node:assert/strict";
import { MIN_NIGHTS, sleepNights } from "../../pwa/features/insights/sleep.js";
import { addDays } from "../../pwa/lib/day.js";

const START = "2026-10-01";
const opts = { offsetMinutes: 60, startHour: 4 };

/** Check-ins for consecutive days, each with `sleep(i)`; `woke(i)` for the night after day i. */
function checkins(n, sleep, woke = () => null) {
  return Array.from({ length: n }, (_, i) => ({
    id: `c${i}`,
    day: addDays(START, i),
    sleep: sleep(i),
    woke_with_cramp: woke(i),
  }));
}

// A cramp at `time` (local, +01:00) on the night that starts on day i.
const nightCramp = (i, time = "23:30") => ({
  started_at: `${addDays(START, i)}T${time}:00+01:00`,
  ended_at: `${addDays(START, i)}T${time.slice(0, 3)}59:00+01:00`,
});

test("after poor sleep the next night had cramps more often: counts for each", () => {
  // Even days slept poorly (2), odd days well (8); the nights after the poor ones had a cramp.
  const cis = checkins(20, (i) => (i % 2 ? 8 : 2));
  const cramps = cis.filter((_, i) => i % 2 === 0).map((_, k) => nightCramp(2 * k + 1));
  const n = sleepNights({ cramps, checkins: cis }, opts);
  assert.deepEqual(n.poor, { nights: 10, cramps: 10 });
  assert.deepEqual(n.good, { nights: 9, cramps: 0 }, "the last day has no next check-in");
  assert.equal(n.enough, true);
  assert.equal(
    n.text,
    "Cramps came more often after poor sleep: a cramp on 10 of 10 nights after poor sleep and 0 of 9 nights after good sleep.",
  );
});

test("a cramp after midnight, or waking with one, counts for that night; a daytime one does not", () => {
  const cis = checkins(
    12,
    (i) => (i < 6 ? 3 : 7),
    (i) => (i === 7 ? true : null),
  );
  const cramps = [
    // calendar day 2 at 2 a.m.: still the night of day 1
    { started_at: `${addDays(START, 2)}T02:10:00+01:00`, ended_at: null },
    // calendar day 2 in the afternoon: no night
    { started_at: `${addDays(START, 2)}T14:00:00+01:00`, ended_at: null },
  ];
  const n = sleepNights({ cramps, checkins: cis }, opts);
  assert.deepEqual(n.poor, { nights: 6, cramps: 1 }, "night of day 1, after day 0's sleep");
  assert.deepEqual(n.good, { nights: 5, cramps: 1 }, "woke with a cramp after the night of day 7");
  assert.match(n.text, /^Cramps came about as often after poor and good sleep/);
});

test("too few nights: says how many of each there are and are needed", () => {
  const cis = checkins(6, (i) => (i < 4 ? 1 : 9));
  const n = sleepNights({ checkins: cis }, opts);
  assert.equal(n.enough, false);
  assert.equal(
    n.text,
    `Not enough yet: 4 nights after poor sleep and 1 night after good sleep; ${MIN_NIGHTS} of each are needed.`,
  );
});

test("unanswered sleep, a 5, or a missing next check-in never count", () => {
  const cis = checkins(8, (i) => [null, 5, 2, 2, 9, 9, 2, 9][i]);
  cis.splice(3, 1); // no check-in for day 3: the night after day 2's sleep is unknown
  const n = sleepNights({ checkins: cis }, opts);
  assert.deepEqual(n.poor, { nights: 1, cramps: 0 }, "only day 6");
  assert.deepEqual(n.good, { nights: 2, cramps: 0 }, "days 4 and 5; day 7 has no next");
});
