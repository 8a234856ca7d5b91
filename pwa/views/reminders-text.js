// Plain words for reminders (no DOM: tests/js can load it).

export const KINDS = {
  magnesium: "Magnesium",
  hydration: "Water",
  rest: "Rest break",
  custom: "Reminder",
};

export const DAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]; // ISO 1..7

/** "1 h 30 min", "2 h", "45 min". */
export function duration(minutes) {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (!h) return `${m} min`;
  return m ? `${h} h ${m} min` : `${h} h`;
}

/** The name a reminder shows: the person's title, or its kind. */
export function reminderName(r) {
  return (r.title && r.title.trim()) || KINDS[r.kind] || KINDS.custom;
}

function dayText(days) {
  const set = [...new Set(days || [])].filter((d) => d >= 1 && d <= 7).sort();
  if (!set.length || set.length === 7) return "Every day";
  if (set.join() === "1,2,3,4,5") return "Mon to Fri";
  if (set.join() === "6,7") return "Sat and Sun";
  return set.map((d) => DAY_NAMES[d - 1]).join(", ");
}

function andList(items) {
  if (items.length < 2) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** "Every day at 21:00", "Mon, Wed at 08:00 and 21:00", "Every 2 h, 08:00 to 20:00". */
export function scheduleText(r, timeOf = (iso) => iso) {
  if (r.fire_at && !(r.times || []).length && !r.interval_minutes) return `Once at ${timeOf(r.fire_at)}`;
  const days = dayText(r.days);
  if (r.interval_minutes) {
    return `${days}, every ${duration(r.interval_minutes)} from ${r.window_start || "00:00"} to ${r.window_end || "23:59"}`;
  }
  const times = [...(r.times || [])].sort();
  if (!times.length) return "No time set";
  return `${days} at ${andList(times)}`;
}

/** Problems with a reminder before it is saved: {field: message}. */
export function checkReminder(r) {
  const errors = {};
  const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;
  if (r.kind === "hydration") {
    if (!r.interval_minutes || r.interval_minutes < 15) errors.interval_minutes = "Choose how often.";
    if (!hhmm.test(r.window_start || "")) errors.window_start = "Choose a start time.";
    if (!hhmm.test(r.window_end || "")) errors.window_end = "Choose an end time.";
  } else if (!r.fire_at) {
    if (!(r.times || []).length) errors.times = "Choose at least one time.";
    else if (!r.times.every((t) => hhmm.test(t))) errors.times = "Use times like 21:00.";
  }
  if (r.amount != null && !(r.amount >= 0 && r.amount <= 100000)) errors.amount = "Use a number, or leave it empty.";
  return errors;
}
