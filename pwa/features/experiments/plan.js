// The plan of an experiment and where it stands on a day; pure (the worker and node tests use it).
// Where it stands follows from the record and the day alone, so every phone agrees.
import { addDays, daysBetween } from "../../lib/day.js";

// 8 blocks of 4 days, 4 with the fix and 4 without, in a random order: see README.md, "Try it and
// see: the rule". Fewer, longer blocks could never give a clear answer (4 blocks of a week have
// only 6 orders: a difference would look like chance at best 1 time in 3).
export const BLOCK_DAYS = 4;
export const BLOCK_COUNT = 8;

// Every order of `count` blocks, half with and half without, but not all of one then all of the
// other (a slow change over the month would pass for the fix). 68 orders for 8 blocks.
export function allowedOrders(count = BLOCK_COUNT) {
  const half = count / 2;
  const orders = [];
  for (let bits = 0; bits < 1 << count; bits++) {
    const order = Array.from({ length: count }, (_, i) => ((bits >> i) & 1 ? "with" : "without"));
    if (order.filter((a) => a === "with").length !== half) continue;
    const joined = order.join();
    const split = [
      [...Array(half).fill("with"), ...Array(half).fill("without")].join(),
      [...Array(half).fill("without"), ...Array(half).fill("with")].join(),
    ];
    if (count >= 4 && split.includes(joined)) continue;
    orders.push(order);
  }
  return orders;
}

// One allowed order, chosen by the phone's cryptographic random source (no bias: rejection).
export function randomOrder(count = BLOCK_COUNT, random = globalThis.crypto) {
  const orders = allowedOrders(count);
  const limit = Math.floor(2 ** 32 / orders.length) * orders.length;
  const word = new Uint32Array(1);
  do random.getRandomValues(word);
  while (word[0] >= limit);
  return orders[word[0] % orders.length];
}

export const totalDays = (e) => e.block_days * e.blocks.length;
export const lastDay = (e) => addDays(e.start_day, totalDays(e) - 1);

// The block of a day: {index, arm, from, to} (index from 0), or null outside the plan.
export function blockOf(e, day) {
  const n = daysBetween(e.start_day, day);
  if (n < 0 || n >= totalDays(e)) return null;
  const index = Math.floor(n / e.block_days);
  const from = addDays(e.start_day, index * e.block_days);
  return { index, arm: e.blocks[index], from, to: addDays(from, e.block_days - 1) };
}

// Every block with its days.
export const blocksOf = (e) =>
  e.blocks.map((_, i) => blockOf(e, addDays(e.start_day, i * e.block_days)));

// "with" | "without" on that day of a running experiment, else null.
export const armOn = (e, day) => (e?.status === "running" && blockOf(e, day)?.arm) || null;

// The experiment running on `day` (started, not stopped, not past its last day), or null.
export function runningOn(experiments, day) {
  const live = experiments.filter(
    (e) => e.status === "running" && e.start_day <= day && day <= lastDay(e),
  );
  return live.sort((a, b) => (a.created_at < b.created_at ? 1 : -1))[0] || null;
}

// "Block 3 of 8: without", with the days left in it.
export function blockLine(e, day) {
  const b = blockOf(e, day);
  if (!b) return null;
  const left = daysBetween(day, b.to);
  const rest = left === 0 ? "last day" : `${left + 1} days left`;
  return `Block ${b.index + 1} of ${e.blocks.length}: ${b.arm} (${rest})`;
}
