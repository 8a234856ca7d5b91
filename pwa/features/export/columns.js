// A collection as a table a person reads: column headers in words, times in their own time zone,
// choices by their labels. Pure (given the records), so the node tests check the very text.
import { collection } from "../../lib/collections.js";
import { capitalize, durationShort } from "../../lib/format.js";
import { KINDS } from "../../lib/reminder-kinds.js";
import { crampSeconds } from "../cramp/length.js";
import { fixOf } from "../experiments/fixes.js";
import { BETWEEN_EPISODES, RELIEFS } from "../insights/reliefs.js";
import { INTAKE_LABELS } from "../quick/kinds.js";
import { SIDES } from "../log/chips.js";
import { KNOT_HELPED, LOCATIONS } from "../log/knots.js";

// A field's header wherever it appears; BY_COLLECTION says it better where the same name differs.
const HEADERS = {
  created_at: "added",
  started_at: "started",
  ended_at: "ended",
  noted_at: "when",
  taken_at: "when",
  day: "day",
  muscle: "muscle",
  side: "side",
  intensity: "strength (0 to 10)",
  triggers: "triggers",
  reliefs_tried: "what I tried",
  reliefs_helped: "what helped",
  location: "where",
  helped: "what helped",
  body_area: "where",
  severity: "how weak (0 to 10)",
  after_activity: "after",
  duration_minutes: "how long (min)",
  jelly_legs: "legs turned to jelly",
  kind: "what",
  amount: "amount",
  unit: "unit",
  form: "form",
  energy_budget: "energy budget (points)",
  plan_id: "day",
  title: "task",
  energy_cost: "points",
  minutes: "minutes",
  rest_minutes: "rest between steps (min)",
  steps: "steps",
  position: "order in the day",
  status: "status",
  spent_cost: "points spent",
  notes: "notes",
};

const BY_COLLECTION = {
  checkins: {
    crash: "crashed",
    fatigue: "fatigue (0 to 10)",
    weakness: "weakness (0 to 10)",
    cramps: "cramps (0 to 10)",
    knots: "knots (0 to 10)",
    sleep: "sleep (0 badly to 10 well)",
    woke_with_cramp: "woke with a cramp",
    stiffness: "morning stiffness (0 to 10)",
  },
  experiments: {
    fix: "fix",
    title: "my own fix",
    start_day: "first day",
    block_days: "days in a block",
    blocks: "blocks in order",
    stopped_at: "stopped",
  },
  experiment_days: { experiment_id: "experiment", day: "day", done: "did it" },
  reminders: {
    kind: "reminder",
    title: "name",
    enabled: "on",
    times: "times",
    days: "days",
    interval_minutes: "every (min)",
    window_start: "from",
    window_end: "until",
    fire_at: "once at",
    nag_after_minutes: "ask again after (min)",
    snoozed_until: "snoozed until",
  },
};

const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]; // ISO 1 to 7
const RELIEF_LABELS = [...RELIEFS, ...BETWEEN_EPISODES].map(({ key, label }) => ({
  value: key,
  label,
}));
const CHOICES = {
  side: SIDES,
  location: LOCATIONS,
  helped: KNOT_HELPED,
  reliefs_tried: RELIEF_LABELS,
  reliefs_helped: RELIEF_LABELS,
};
const labelIn = (options) => (v) => options.find((o) => o.value === v)?.label ?? v;
const word = (v) => (typeof v === "string" && v ? capitalize(v) : v);
const step = (s) => `${s.title} (${s.minutes} min${s.done ? ", done" : ""})`;

// How one value reads, by field; anything else is written as it is.
const READERS = {
  ...Object.fromEntries(Object.entries(CHOICES).map(([f, options]) => [f, labelIn(options)])),
  muscle: word,
  body_area: word,
  status: word,
  triggers: word,
  days: (d) => DAYS[d - 1] ?? d,
};
const LIST_READERS = { steps: (steps) => steps.map(step).join("; ") };
const COLLECTION_READERS = {
  intakes: { kind: (k) => INTAKE_LABELS[k] ?? word(k) },
  reminders: { kind: (k) => KINDS[k]?.label ?? k },
  experiments: { fix: (k) => fixOf(k).label },
};

// Whether a field holds a moment (a time with its offset) rather than a day or a clock time.
const isMoment = (field) => /_at$|_until$/.test(field);

const PARTS = {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
  timeZoneName: "longOffset",
};
const formats = new Map();

// The time zone to write in: the person's, or the phone's when theirs is not one this phone knows.
export function zoneOr(timeZone, fallback = "UTC") {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone });
    return timeZone;
  } catch {
    return fallback;
  }
}

// "2026-03-29 02:30 +01:00": the wall clock in that zone, with the offset that day had.
export function localTime(iso, timeZone) {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso ?? null;
  if (!formats.has(timeZone))
    formats.set(timeZone, new Intl.DateTimeFormat("en-US", { ...PARTS, timeZone }));
  const p = Object.fromEntries(
    formats
      .get(timeZone)
      .formatToParts(ms)
      .map((x) => [x.type, x.value]),
  );
  const offset = p.timeZoneName.replace("GMT", "") || "+00:00";
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute} ${offset}`;
}

export function headerOf(name, field, timeZone) {
  const words = BY_COLLECTION[name]?.[field] ?? HEADERS[field] ?? field.replaceAll("_", " ");
  return isMoment(field) ? `${words} (${timeZone} time)` : words;
}

function readValue(name, field, value, ctx) {
  if (value == null || value === "") return null;
  if (name === "activities" && field === "plan_id") return ctx.planDays?.get(value) ?? null;
  if (isMoment(field)) return localTime(value, ctx.timeZone);
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (Array.isArray(value) && LIST_READERS[field]) return LIST_READERS[field](value);
  const read = COLLECTION_READERS[name]?.[field] ?? READERS[field] ?? ((v) => v);
  if (Array.isArray(value)) return value.map(read).join(", ");
  return read(value);
}

function lengthWords(cramp) {
  const seconds = crampSeconds(cramp);
  if (seconds != null) return durationShort(seconds);
  return cramp.ended_at ? null : "not stopped";
}

// How long a cramp lasted: minutes as a number a spreadsheet can sum, and in words.
const CRAMP_LENGTH = [
  {
    header: "length (min)",
    value: (c) => (crampSeconds(c) == null ? null : Math.round((crampSeconds(c) / 60) * 100) / 100),
  },
  { header: "length", value: lengthWords },
];

// The columns of a collection: its dating field first, then the others in the list's order.
export function columnsOf(name, ctx) {
  const { when, fields } = collection(name);
  return [when, ...fields.filter((f) => f !== when)].flatMap((field) => {
    const column = {
      header: headerOf(name, field, ctx.timeZone),
      value: (r) => readValue(name, field, r[field], ctx),
    };
    return name === "cramps" && field === "ended_at" ? [column, ...CRAMP_LENGTH] : [column];
  });
}

// Oldest first, by the moment or day a record is about (the moment it was added when it has none).
export function oldestFirst(name, records) {
  const { when } = collection(name);
  const key = (r) => Date.parse(r[when] ?? r.created_at) || 0;
  return [...records].sort((a, b) => key(a) - key(b));
}

// {header, rows} of one collection; ctx: {timeZone, planDays: Map of plan id to its day}.
export function tableOf(name, records, ctx) {
  const columns = columnsOf(name, ctx);
  return {
    header: columns.map((c) => c.header),
    rows: oldestFirst(name, records).map((r) => columns.map((c) => c.value(r))),
  };
}
