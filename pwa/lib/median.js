// Small number helpers for the statistics screens.

/** The middle value of a list of numbers (mean of the two middle ones), or null when empty. */
export function median(values) {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!xs.length) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

/** The average of a list of numbers, or null when empty. */
export function mean(values) {
  const xs = values.filter(Number.isFinite);
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/** A number rounded to one decimal place (null stays null). */
export function round1(x) {
  return x == null ? null : Math.round(x * 10) / 10;
}
