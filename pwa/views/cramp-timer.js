// The running cramp: start, find, stop, elapsed time, and keeping the screen awake.
// No screen of its own: the Cramp screen and the Today section share it.
// A running cramp is a cramps record with ended_at null; its elapsed time is always computed
// from started_at, so a reload, a closed app or a locked phone never loses it.

import { list, nowIso, save } from "../store.js";

/** A cramp left running longer than this was forgotten, not still going: it is not resumed. */
export const STALE_HOURS = 3;

/** The fields of a new cramp: everything but the start is filled in later (or never). */
function blank(startedAt) {
  return {
    started_at: startedAt,
    ended_at: null,
    muscle: null,
    side: null,
    intensity: null,
    triggers: [],
    reliefs_tried: [],
    reliefs_helped: [],
    notes: null,
  };
}

/** Seconds since a moment (never negative), from the clock, not from a counter. */
export function elapsedSeconds(startedAt, now = Date.now()) {
  return Math.max(0, Math.floor((now - Date.parse(startedAt)) / 1000));
}

/** A finished cramp's length in whole seconds, or null while it runs. */
export function lengthSeconds(cramp) {
  if (!cramp || !cramp.started_at || !cramp.ended_at) return null;
  return Math.max(0, Math.round((Date.parse(cramp.ended_at) - Date.parse(cramp.started_at)) / 1000));
}

/** Is this cramp running now (not stopped, and not forgotten hours ago)? */
export function isRunning(cramp, now = Date.now()) {
  return Boolean(cramp && cramp.started_at && !cramp.ended_at) &&
    elapsedSeconds(cramp.started_at, now) < STALE_HOURS * 3600;
}

const pad = (n) => String(n).padStart(2, "0");

/** The stopwatch face: "02:13", "1:02:13". */
export function clockText(seconds) {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

/** A length in short words: "45 s", "2 min 13 s", "1 h 5 min". */
export function lengthText(seconds) {
  if (seconds == null) return "not stopped";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h) return m ? `${h} h ${m} min` : `${h} h`;
  if (m) return s ? `${m} min ${s} s` : `${m} min`;
  return `${s} s`;
}

/** Newest first by start time. */
export function newestFirst(cramps) {
  return [...cramps].sort((a, b) => Date.parse(b.started_at || 0) - Date.parse(a.started_at || 0));
}

/** The running cramp, or null. */
export async function runningCramp() {
  return newestFirst(await list("cramps")).find((c) => isRunning(c)) || null;
}

let starting = null;

async function startOnce() {
  const running = await runningCramp();
  if (running) return { record: running, started: false };
  return { record: await save("cramps", blank(nowIso())), started: true };
}

/**
 * Start a cramp unless one is running: resolves {record, started}. Double taps, a reload of
 * the shortcut and a second tab all find the running one (a Web Lock spans tabs).
 */
export function startCramp() {
  if (!starting) {
    const run = navigator.locks ? navigator.locks.request("unknot-cramp-start", startOnce) : startOnce();
    starting = run.finally(() => {
      starting = null;
    });
  }
  return starting;
}

/** Holds one cramp record and saves each change to it (the whole record each time). */
export function crampEditor(record) {
  const editor = {
    record,
    /** Merge fields into the record and save it (and queue it for the server). */
    change(fields) {
      editor.record = { ...editor.record, ...fields };
      return save("cramps", editor.record);
    },
  };
  return editor;
}

// ---- Screen Wake Lock while a cramp runs ----

let sentinel = null;
let wanted = false;
let watching = false;

async function acquire() {
  if (!wanted || sentinel || !("wakeLock" in navigator) || document.visibilityState !== "visible") return;
  try {
    sentinel = await navigator.wakeLock.request("screen");
    sentinel.addEventListener("release", () => {
      sentinel = null;
    });
    if (!wanted) release();
  } catch {
    sentinel = null; // refused (battery saver, permission): the timer runs anyway
  }
}

function release() {
  const held = sentinel;
  sentinel = null;
  if (held) held.release().catch(() => {});
}

/** Keep the screen on (true) or let it sleep (false); re-taken when the page is shown again. */
export function keepAwake(on) {
  wanted = on;
  if (!watching) {
    watching = true;
    // The browser drops the lock when the page is hidden: take it again on return.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") acquire();
    });
  }
  if (on) return acquire();
  release();
  return Promise.resolve();
}

/** Is the screen being kept on now? (for tests and the screen's hint) */
export function awake() {
  return Boolean(sentinel && !sentinel.released);
}
