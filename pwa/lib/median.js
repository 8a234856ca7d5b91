// Small number helpers for the statistics screens; each returns null for no numbers.

export function median(values) {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  const mid = xs.length >> 1;
  return !xs.length ? null : xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

export function mean(values) {
  const xs = values.filter(Number.isFinite);
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

export const round1 = (x) => (x == null ? null : Math.round(x * 10) / 10);
