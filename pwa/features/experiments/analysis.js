// The result of an experiment: figures per block and per arm, and a verdict that never overstates.
// Pure: the screen, the doctor's report and the node tests call experimentResult() the same way.
// The rule is README.md's "Try it and see: the rule".
import { addDays, daysBetween, localDay } from "../../lib/day.js";
import { plural } from "../../lib/format.js";
import { durationWords } from "../../lib/format.js";
import { median, round1 } from "../../lib/median.js";
import { crampSeconds } from "../cramp/length.js";
import { fixLabel, fixWords } from "./fixes.js";
import { allowedOrders, blocksOf, lastDay } from "./plan.js";

// A difference is clear when at most 1 in 20 of the orders the plan could have drawn gives one
// as large (two-sided): 68 orders for 8 blocks, so the smallest possible p is 2/68.
export const CLEAR_P = 0.05;
// Fewer nights with a cramp than this in the whole experiment: nothing can show.
export const MIN_CRAMP_NIGHTS = 4;
// The fix done on fewer of the "with" days than this: the result cannot speak for the fix.
export const MIN_ADHERENCE = 0.75;

const ARMS = ["with", "without"];

// The last day whose night is over: yesterday while it runs, the day before it was stopped.
function countedUntil(e, today, dayStartHour) {
  let until = lastDay(e);
  if (e.status === "stopped" && e.stopped_at)
    until = min(until, addDays(localDay(e.stopped_at, dayStartHour), -1));
  if (e.status !== "finished") until = min(until, addDays(today, -1));
  return until;
}
// The earlier of two ISO days.
const min = (a, b) => [a, b].sort()[0];

// Figures of some days: the nights, those with a cramp (one logged, or the next morning's
// check-in said "woke with a cramp": a check-in of day D is about the night after D), the cramps,
// their median length and the median morning stiffness (checkins.stiffness, when answered).
function figures(days, cramps, checkins) {
  const set = new Set(days);
  const mine = cramps.filter((c) => set.has(c.day));
  const nights = days.length;
  const woke = checkins.filter((k) => set.has(k.day) && k.woke_with_cramp === true);
  const crampNights = new Set([...mine.map((c) => c.day), ...woke.map((k) => k.day)]).size;
  const stiff = checkins.filter((k) => set.has(k.day) && Number.isFinite(k.stiffness));
  return {
    nights,
    crampNights,
    cramps: mine.length,
    perWeek: nights ? round1((mine.length * 7) / nights) : null,
    medianSeconds: median(mine.map(crampSeconds)),
    stiffness: median(stiff.map((k) => k.stiffness)),
    stiffnessDays: stiff.length,
  };
}

const daysFrom = (from, to) =>
  to < from ? [] : Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => addDays(from, i));

// Mean share of nights with a cramp in the blocks of "with" minus that of "without".
function difference(order, rates) {
  const mean = (arm) => {
    const xs = rates.filter((_, i) => order[i] === arm);
    return xs.reduce((a, b) => a + b, 0) / xs.length;
  };
  return mean("with") - mean("without");
}

// Two-sided permutation p over the orders the plan could have drawn: the share of them giving a
// difference at least as large as the one seen. -> {p, orders, asLarge}
export function permutationP(blocks, rates) {
  const seen = Math.abs(difference(blocks, rates));
  const orders = allowedOrders(blocks.length);
  const asLarge = orders.filter((o) => Math.abs(difference(o, rates)) >= seen - 1e-9).length;
  return { p: asLarge / orders.length, orders: orders.length, asLarge };
}

// records: {cramps, checkins, days (experiment_days)}; today: the person's local day.
export function experimentResult(e, records, { today, dayStartHour = 4 } = {}) {
  const until = countedUntil(e, today, dayStartHour);
  const cramps = (records.cramps || [])
    .filter((c) => !c.deleted_at && c.started_at)
    .map((c) => ({ ...c, day: localDay(c.started_at, dayStartHour) }));
  const checkins = (records.checkins || []).filter((k) => !k.deleted_at);
  const answers = (records.days || []).filter((d) => d.experiment_id === e.id && !d.deleted_at);

  const blocks = blocksOf(e).map((b) => {
    const days = daysFrom(b.from, min(b.to, until));
    return { ...b, complete: b.to <= until, ...figures(days, cramps, checkins) };
  });
  const counted = daysFrom(e.start_day, until);
  const arms = Object.fromEntries(
    ARMS.map((arm) => {
      const days = blocks
        .filter((b) => b.arm === arm)
        .flatMap((b) => daysFrom(b.from, min(b.to, until)));
      return [arm, figures(days, cramps, checkins)];
    }),
  );
  const withDays = new Set(
    blocks.filter((b) => b.arm === "with").flatMap((b) => daysFrom(b.from, min(b.to, until))),
  );
  const onWith = answers.filter((a) => withDays.has(a.day));
  const adherence = {
    days: withDays.size,
    yes: onWith.filter((a) => a.done).length,
    no: onWith.filter((a) => !a.done).length,
  };
  adherence.unanswered = adherence.days - adherence.yes - adherence.no;

  const result = {
    fix: e.fix,
    label: fixLabel(e),
    from: e.start_day,
    to: lastDay(e),
    days: counted.length,
    planned: e.blocks.length * e.block_days,
    blocks,
    arms,
    adherence,
    test: null,
  };
  result.verdict = verdict(e, result);
  return result;
}

const nightsText = (f) => `a cramp on ${f.crampNights} of ${plural(f.nights, "night")}`;

// "With magnesium: a cramp on 3 of 16 nights; without: on 10 of 16 nights."
export function figuresText(e, arms) {
  return (
    `With ${fixWords(e)}: ${nightsText(arms.with)}; ` +
    `without: on ${arms.without.crampNights} of ${plural(arms.without.nights, "night")}.`
  );
}

// {kind, text}: running | stopped | too_few | poor_adherence | cannot_tell | clear | no_clear
function verdict(e, r) {
  const said = figuresText(e, r.arms);
  const base = `Based on ${plural(r.days, "day")} (${r.from} to ${r.to}).`;
  if (e.status === "stopped")
    return {
      kind: "stopped",
      text: `Stopped early, after ${r.days} of ${r.planned} days: too short to say whether it helps. ${said}`,
    };
  if (r.days < r.planned)
    return {
      kind: "running",
      text: `Not enough days yet: ${r.days} of ${r.planned}. The result comes at the end.`,
    };
  const crampNights = r.arms.with.crampNights + r.arms.without.crampNights;
  if (crampNights < MIN_CRAMP_NIGHTS)
    return {
      kind: "too_few",
      text: `Too few cramps to tell: ${plural(crampNights, "night")} with a cramp in ${r.days} days. ${said}`,
    };
  const a = r.adherence;
  if (a.yes < MIN_ADHERENCE * a.days)
    return {
      kind: "poor_adherence",
      text:
        `No answer about the fix: you said you did it on ${a.yes} of the ${a.days} "with" days` +
        `${a.unanswered ? ` (${a.unanswered} not answered)` : ""}. ${said} ${base}`,
    };
  // The test counts over the orders the plan could have drawn: a plan that is not one of them
  // (made elsewhere, unbalanced) has nothing honest to be compared with.
  const drawable = allowedOrders(e.blocks.length).some((o) => o.join() === e.blocks.join());
  if (!drawable)
    return {
      kind: "cannot_tell",
      text: `Cannot tell: this plan's blocks are not a balanced random order, so chance cannot be ruled out. ${said} ${base}`,
    };
  const rates = r.blocks.map((b) => (b.nights ? b.crampNights / b.nights : 0));
  r.test = permutationP(e.blocks, rates);
  const chance = `Blocks in a random order gave a difference this large ${r.test.asLarge} times in ${r.test.orders}.`;
  if (r.test.p > CLEAR_P)
    return {
      kind: "no_clear",
      text: `No clear difference: the blocks varied as much among themselves. ${said} ${chance} ${base}`,
    };
  const fewer =
    r.arms.with.crampNights / r.arms.with.nights <
    r.arms.without.crampNights / r.arms.without.nights;
  return {
    kind: "clear",
    direction: fewer ? "fewer" : "more",
    text: `A clear difference: ${fewer ? "fewer" : "more"} nights with a cramp with ${fixWords(e)}. ${said} ${chance} ${base}`,
  };
}

// A figure line of an arm: "3 of 16 nights, 1.3 cramps a week, median 2 minutes, stiffness 4".
export function armLine(f) {
  const parts = [`${f.crampNights} of ${plural(f.nights, "night")} with a cramp`];
  if (f.perWeek != null) parts.push(`${f.perWeek} cramps a week`);
  if (f.medianSeconds != null) parts.push(`median ${durationWords(f.medianSeconds)}`);
  if (f.stiffness != null) parts.push(`morning stiffness ${f.stiffness} of 10`);
  return parts.join(", ");
}
