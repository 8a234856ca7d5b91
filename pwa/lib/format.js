// Numbers and durations as a person reads them; pure, so the worker and node tests can use it.

export const plural = (n, word, many = word + "s") => `${n} ${n === 1 ? word : many}`;

export const capitalize = (s) => s[0].toUpperCase() + s.slice(1);

const hms = (t) => [Math.floor(t / 3600), Math.floor(t / 60) % 60, t % 60];
const pad = (n) => String(n).padStart(2, "0");

// A summary figure in words: "45 seconds", "4 minutes", "1 hour 10 minutes".
export function durationWords(seconds) {
  if (seconds == null) return "unknown";
  if (seconds < 90) return plural(Math.round(seconds), "second");
  const m = Math.round(seconds / 60);
  if (m < 60) return plural(m, "minute");
  return plural(Math.floor(m / 60), "hour") + (m % 60 ? " " + plural(m % 60, "minute") : "");
}

// A typical length beside another, always in minutes so two read alike: "0.5 min", "1.5 min",
// "12 min", "1 h 10 min"; half minutes under 10 minutes, whole ones above.
export function minutesWords(seconds) {
  if (seconds == null) return "unknown";
  const m = seconds / 60;
  if (m < 10) {
    const half = Math.round(m * 2) / 2;
    return half ? `${half} min` : "under 0.5 min";
  }
  const whole = Math.round(m);
  return whole < 60
    ? `${whole} min`
    : `${Math.floor(whole / 60)} h${whole % 60 ? ` ${whole % 60} min` : ""}`;
}

// One record's length, exact and short: "45 s", "4 min 5 s", "1 h 10 min".
export function durationShort(seconds) {
  if (seconds == null) return "not stopped";
  const [h, m, s] = hms(seconds);
  return h ? `${h} h${m ? ` ${m} min` : ""}` : m ? `${m} min${s ? ` ${s} s` : ""}` : `${s} s`;
}

// A stopwatch counting up: "04:05", "1:04:05".
export function clockText(seconds) {
  const [h, m, s] = hms(seconds);
  return `${h ? `${h}:` : ""}${pad(m)}:${pad(s)}`;
}

// A countdown to a moment ms away, whole seconds rounded up: "4:05", "0:00" once passed.
export function countdownText(ms) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${pad(s % 60)}`;
}
