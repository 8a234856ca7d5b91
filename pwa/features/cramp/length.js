// How long a cramp lasted; pure, so What helps me and the node tests use it without the timer.

// Whole seconds from start to end; null while it runs, or when the end is before the start.
export function crampSeconds(c) {
  if (!c?.started_at || !c.ended_at) return null;
  const seconds = Math.round((Date.parse(c.ended_at) - Date.parse(c.started_at)) / 1000);
  return seconds >= 0 ? seconds : null;
}
