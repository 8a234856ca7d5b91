// Before startHour it is still the day before (as api/day.py local_day()).

const pad = (n) => String(n).padStart(2, "0");

export function isoDate(date) {
  const d = new Date(date);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function localDay(date = new Date(), startHour = 4) {
  const d = new Date(date);
  // wall-clock, so DST does not move it
  return isoDate(
    new Date(
      d.getFullYear(),
      d.getMonth(),
      d.getDate(),
      d.getHours() - startHour,
      d.getMinutes(),
      d.getSeconds(),
    ),
  );
}

// A calendar day n days on ("2026-02-28", 1 -> "2026-03-01"); noon, so no DST change moves it.
export function addDays(day, n) {
  const [y, m, d] = day.split("-");
  return isoDate(new Date(y, m - 1, +d + n, 12));
}
