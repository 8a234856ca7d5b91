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

// The q-quantile (0 to 1) by linear interpolation between the sorted values: q = 0.25 and 0.75
// are the quartiles, the ends of the middle half.
export function quantile(values, q) {
  const xs = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!xs.length) return null;
  const at = (xs.length - 1) * q;
  const lo = Math.floor(at);
  return xs[lo] + (xs[Math.min(lo + 1, xs.length - 1)] - xs[lo]) * (at - lo);
}
