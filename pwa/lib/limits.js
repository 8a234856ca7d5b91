// The server's limits on what a person types, for the forms' own checks and HTML attributes.
// The server's schemas are the truth: tests/unit/test_client_limits.py compares each entry here
// with the schema field it stands for. Strings: min and max are lengths in characters;
// lists: numbers of items.
export const LIMITS = {
  water_target_ml: { min: 0, max: 10000 },
  energy_budget: { min: 1, max: 100 },
  chunk_minutes: { min: 5, max: 240 },
  snooze_minutes: { min: 5, max: 720 },
  reminder_title: { min: 0, max: 120 },
  dose_form: { min: 0, max: 60 },
  dose_amount: { min: 0, max: 100000 },
  task_title: { min: 1, max: 200 },
  task_minutes: { min: 1, max: 1440 },
  energy_cost: { min: 0, max: 20 },
  rest_minutes: { min: 0, max: 240 },
  steps: { min: 0, max: 50 }, // a list: how many items
  notes: { min: 0, max: 2000 },
  after_activity: { min: 0, max: 200 },
  intensity: { min: 0, max: 10 },
  place: { min: 1, max: 40 },
  fix_title: { min: 0, max: 120 },
  block_days: { min: 2, max: 14 },
  blocks: { min: 2, max: 16 }, // a list: how many items
};

// What store.save checks before a record enters the outbox (lib/check.js): each collection's
// fields and the LIMITS entry each must keep; "steps.title" is the title of every step. Strings:
// lengths; lists: how many items; numbers: values. The unit test holds each to its schema field.
export const RECORD_LIMITS = {
  cramps: { muscle: "place", intensity: "intensity", notes: "notes" },
  knots: { location: "place", intensity: "intensity", notes: "notes" },
  weakness: { body_area: "place", severity: "intensity", notes: "notes" },
  intakes: { amount: "dose_amount", form: "dose_form" },
  plans: { energy_budget: "energy_budget", notes: "notes" },
  activities: {
    title: "task_title",
    energy_cost: "energy_cost",
    spent_cost: "energy_cost",
    minutes: "task_minutes",
    rest_minutes: "rest_minutes",
    steps: "steps",
    "steps.title": "task_title",
    "steps.minutes": "task_minutes",
  },
  templates: { title: "task_title", energy_cost: "energy_cost", minutes: "task_minutes" },
  checkins: {
    fatigue: "intensity",
    weakness: "intensity",
    cramps: "intensity",
    knots: "intensity",
    sleep: "intensity",
    stiffness: "intensity",
    notes: "notes",
  },
  reminders: { title: "reminder_title", amount: "dose_amount", form: "dose_form" },
  experiments: { title: "fix_title", block_days: "block_days", blocks: "blocks" },
  experiment_days: {},
};

// The number fields that take fractions (a Float on the server); every other is whole (Integer).
export const DECIMALS = ["dose_amount"];

// A whole number within an entry of LIMITS.
export const within = (n, { min, max }) => Number.isInteger(n) && n >= min && n <= max;

// What a cramp can be, as api/sync/data.py's CrampData refuses otherwise (held by the same test):
// at most max_minutes long, and no time later than now plus future_minutes (a phone clock ahead).
export const CRAMP = { max_minutes: 180, future_minutes: 15 };
