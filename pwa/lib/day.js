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

// The day a moment counts for: in this phone's time zone, or at a fixed UTC offset in minutes
// (offsetMinutes) when the figures are for another zone (the day starts at startHour).
const shifted = (moment, minutes) => new Date(new Date(moment).getTime() + minutes * 60000);
const ymd = (d) => d.toISOString().slice(0, 10);

export function dayKey(moment, { startHour = 4, offsetMinutes: off } = {}) {
  return off == null ? localDay(moment, startHour) : ymd(shifted(moment, off - 60 * startHour));
}

// The hour on the clock a moment happened at, like dayKey.
export function localHour(moment, { offsetMinutes: off } = {}) {
  return off == null ? new Date(moment).getHours() : shifted(moment, off).getUTCHours();
}

// A calendar day n days on ("2026-02-28", 1 -> "2026-03-01"); noon, so no DST change moves it.
export function addDays(day, n) {
  const [y, m, d] = day.split("-");
  return isoDate(new Date(y, m - 1, +d + n, 12));
}

// Whole calendar days from `day` to `to` ("2026-11-27" to "2026-11-28" is 1).
export const daysBetween = (day, to) =>
  Math.round((Date.parse(`${to}T12:00Z`) - Date.parse(`${day}T12:00Z`)) / 864e5);

// A day as a tired person reads it from now, by the calendar (not the day start): "yesterday",
// "today", a weekday within the last week, else the weekday and date.
export function dayWords(day, now = new Date()) {
  const back = daysBetween(day, isoDate(now));
  if (back === 0) return "today";
  if (back === 1) return "yesterday";
  const date = new Date(`${day}T12:00`);
  if (back > 1 && back < 7) return date.toLocaleDateString([], { weekday: "long" });
  return date.toLocaleDateString([], { weekday: "long", day: "numeric", month: "long" });
}
