// The running cramp (ended_at null); time is counted from started_at, so a reload loses nothing.

import { list, nowIso, save } from "../../store.js";

const STALE = 3 * 3600; // longer was forgotten, not still going

export const elapsedSeconds = (startedAt, now = Date.now()) =>
  Math.max(0, Math.floor((now - Date.parse(startedAt)) / 1000));

export const isRunning = (c, now) =>
  Boolean(c?.started_at && !c.ended_at) && elapsedSeconds(c.started_at, now) < STALE;

// Never stopped and too old to be running: its length is unknown until the person says.
export const isForgotten = (c, now) => Boolean(c?.started_at && !c.ended_at) && !isRunning(c, now);

// A new cramp's record: only the times are known.
export const blankCramp = (started_at, ended_at = null) => ({
  started_at,
  ended_at,
  muscle: null,
  side: null,
  intensity: null,
  triggers: [],
  reliefs_tried: [],
  reliefs_helped: [],
  notes: null,
});

export const newestFirst = (cramps) =>
  [...cramps].sort((a, b) => Date.parse(b.started_at || 0) - Date.parse(a.started_at || 0));

export const runningCramp = async () =>
  newestFirst(await list("cramps")).find((c) => isRunning(c)) || null;

let starting = null;

export function startCramp() {
  const once = async () => {
    const running = await runningCramp();
    if (running) return { record: running, started: false };
    const record = await save("cramps", blankCramp(nowIso()));
    return { record, started: true };
  };
  // Double taps, reloads and other tabs (Web Lock) find the running one.
  starting ||= (
    navigator.locks ? navigator.locks.request("unknot-cramp-start", once) : once()
  ).finally(() => {
    starting = null;
  });
  return starting;
}

export function crampEditor(record) {
  const ed = {
    record,
    change: (fields) => {
      ed.record = { ...ed.record, ...fields };
      return save("cramps", ed.record);
    },
  };
  return ed;
}

let sentinel = null;
let wanted = false;

async function acquire() {
  if (!wanted || sentinel || !navigator.wakeLock || document.visibilityState !== "visible") return;
  try {
    sentinel = await navigator.wakeLock.request("screen");
    sentinel.onrelease = () => (sentinel = null);
    if (!wanted) release();
  } catch {
    sentinel = null; // refused: the timer runs anyway
  }
}

function release() {
  sentinel?.release().catch(() => {});
  sentinel = null;
}

// The lock is dropped when the page is hidden: take it again.
document.addEventListener("visibilitychange", acquire);

export function keepAwake(on) {
  wanted = on;
  if (on) acquire();
  else release();
}

export const awake = () => Boolean(sentinel && !sentinel.released);
