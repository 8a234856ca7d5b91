// How long a cramp lasted; pure, so What helps me and the node tests use it without the timer.
import { CRAMP } from "../../lib/limits.js";

// Whole seconds from start to end; null while it runs, or when the end is before the start.
export function crampSeconds(c) {
  if (!c?.started_at || !c.ended_at) return null;
  const seconds = Math.round((Date.parse(c.ended_at) - Date.parse(c.started_at)) / 1000);
  return seconds >= 0 ? seconds : null;
}

// A length for the figures: null when unknown, or longer than any cramp (stored before the
// server bounded them, e.g. a timer left running for days), which would pull every figure.
export function usableSeconds(c) {
  const s = crampSeconds(c);
  return s != null && s <= CRAMP.max_minutes * 60 ? s : null;
}

// Why a cramp cannot be stored as it is (the server's CrampData refuses the same), or null.
export function crampProblem({ started_at: start, ended_at: end }, now = Date.now()) {
  const latest = now + CRAMP.future_minutes * 60000;
  const [s, e] = [Date.parse(start), end ? Date.parse(end) : null];
  if (Number.isNaN(s)) return "Choose when it started.";
  if (s > latest) return "That start is in the future. Choose a time that has passed.";
  if (e == null) return null;
  if (e < s) return "A cramp cannot end before it starts.";
  if (e - s > CRAMP.max_minutes * 60000)
    return `A cramp lasts at most ${CRAMP.max_minutes / 60} hours (${CRAMP.max_minutes} minutes).`;
  if (e > latest)
    return "That would end in the future. Choose a shorter length or an earlier start.";
  return null;
}

// Start and end (ms) of a cramp that stopped `agoMinutes` before now and lasted about `minutes`.
export function stoppedAgo(agoMinutes, minutes, now = Date.now()) {
  const end = now - agoMinutes * 60000;
  return { start: end - minutes * 60000, end };
}
