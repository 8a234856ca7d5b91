// A person's day: before startHour (default 4 a.m.) it is still the day before, so a 2 a.m. cramp
// belongs to the night it started in. Mirrors api/day.py local_day().

const pad = (n) => String(n).padStart(2, "0");

/** "YYYY-MM-DD" of a Date (or ISO string) in local time. */
export function isoDate(date) {
  const d = new Date(date);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function localDay(date = new Date(), startHour = 4) {
  const d = new Date(date);
  // Wall-clock arithmetic, so a DST change does not move the boundary.
  return isoDate(new Date(d.getFullYear(), d.getMonth(), d.getDate(), d.getHours() - startHour, d.getMinutes(), d.getSeconds()));
}

/** The day n days after "YYYY-MM-DD" (n < 0: before). */
export function addDays(day, n) {
  const [y, m, d] = day.split("-");
  return isoDate(new Date(y, m - 1, +d + n, 12));
}
