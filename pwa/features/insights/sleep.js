// Cramp nights after poor and after good sleep (pure). A check-in rates its `day` and the night
// after it: its sleep answer is about night D (D evening to the next morning), and the night
// AFTER that one, D + 1, had a cramp when a cramp was logged from 6 pm until the day starts, or
// when the check-in about night D + 1 said "woke with a cramp". A night only counts when that
// next check-in exists, so a night nobody reported on is never taken as a night without cramps.
import { addDays, dayKey, localHour } from "../../lib/day.js";
import { plural } from "../../lib/format.js";

export const POOR_SLEEP = 4; // sleep 0 to 4 is poor
export const GOOD_SLEEP = 6; // sleep 6 to 10 is good; a 5 is neither
export const MIN_NIGHTS = 5; // nights after each, before any comparison
export const EVENING = 18; // a cramp from 6 pm on belongs to that night
const CLEAR_GAP = 0.2; // a difference of 20 percentage points or more is "more often"

const live = (records) => (records || []).filter((r) => r && !r.deleted_at);

export function sleepNights({ cramps = [], checkins = [] } = {}, opts = {}) {
  const { startHour = 4 } = opts;
  const crampNights = new Set();
  for (const c of live(cramps)) {
    if (!c.started_at) continue;
    const hour = localHour(c.started_at, opts);
    if (hour >= EVENING || hour < startHour) crampNights.add(dayKey(c.started_at, opts));
  }
  const byDay = new Map(live(checkins).map((c) => [c.day, c]));
  const groups = { poor: { nights: 0, cramps: 0 }, good: { nights: 0, cramps: 0 } };
  for (const c of byDay.values()) {
    if (c.sleep == null) continue;
    const group = c.sleep <= POOR_SLEEP ? "poor" : c.sleep >= GOOD_SLEEP ? "good" : null;
    const nextDay = addDays(c.day, 1);
    const next = byDay.get(nextDay);
    if (!group || !next) continue;
    groups[group].nights++;
    if (crampNights.has(nextDay) || next.woke_with_cramp === true) groups[group].cramps++;
  }
  const { poor, good } = groups;
  const enough = poor.nights >= MIN_NIGHTS && good.nights >= MIN_NIGHTS;
  const of = (g) => `${g.cramps} of ${plural(g.nights, "night")}`;
  const figures = `a cramp on ${of(poor)} after poor sleep and ${of(good)} after good sleep`;
  let text;
  if (!enough) {
    text = `Not enough yet: ${plural(poor.nights, "night")} after poor sleep and ${plural(good.nights, "night")} after good sleep; ${MIN_NIGHTS} of each are needed.`;
  } else {
    const gap = poor.cramps / poor.nights - good.cramps / good.nights;
    const lead =
      gap >= CLEAR_GAP
        ? "Cramps came more often after poor sleep"
        : gap <= -CLEAR_GAP
          ? "Cramps came more often after good sleep"
          : "Cramps came about as often after poor and good sleep";
    text = `${lead}: ${figures}.`;
  }
  return { poor, good, enough, text };
}
