// A person's day on this device: before startHour (default 4 a.m.) it is still the day before,
// so a 2 a.m. cramp belongs to the night it started in. Mirrors api/day.py local_day().

const pad = (n) => String(n).padStart(2, "0");

/** "YYYY-MM-DD" of a Date (or ISO string) in local time. */
export function isoDate(date) {
  const d = new Date(date);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The person's day a moment belongs to, as "YYYY-MM-DD" in the device's local time. */
export function localDay(date = new Date(), startHour = 4) {
  const d = new Date(date);
  // Wall-clock arithmetic (not milliseconds) so a DST change does not move the boundary.
  const shifted = new Date(
    d.getFullYear(), d.getMonth(), d.getDate(), d.getHours() - startHour, d.getMinutes(), d.getSeconds(),
  );
  return isoDate(shifted);
}

/** The first and the next day's first moment of a day: [start, end) as Dates. */
export function dayBounds(day, startHour = 4) {
  const [y, m, d] = day.split("-").map(Number);
  return [new Date(y, m - 1, d, startHour), new Date(y, m - 1, d + 1, startHour)];
}

/** The day n days after (or before, n < 0) a "YYYY-MM-DD" day. */
export function addDays(day, n) {
  const [y, m, d] = day.split("-").map(Number);
  return isoDate(new Date(y, m - 1, d + n, 12));
}

/** Is this moment within the given day? */
export function inDay(moment, day, startHour = 4) {
  return localDay(moment, startHour) === day;
}
