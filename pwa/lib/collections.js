// The synced collections, one entry each, as api/sync/registry.py lists them (a test holds the
// two lists together): the name, its fields besides id, created_at and updated_at, and how a
// person reads one: `label` and `when`, the field that dates a record.

export const COLLECTIONS = [
  {
    name: "cramps",
    label: "Cramps",
    when: "started_at",
    fields: [
      "started_at",
      "ended_at",
      "muscle",
      "side",
      "intensity",
      "triggers",
      "reliefs_tried",
      "reliefs_helped",
      "notes",
    ],
  },
  {
    name: "knots",
    label: "Knots",
    when: "noted_at",
    fields: ["noted_at", "location", "side", "intensity", "helped", "notes"],
  },
  {
    name: "weakness",
    label: "Weakness",
    when: "noted_at",
    fields: [
      "noted_at",
      "body_area",
      "severity",
      "after_activity",
      "duration_minutes",
      "jelly_legs",
      "notes",
    ],
  },
  {
    name: "intakes",
    label: "Water and magnesium",
    when: "taken_at",
    fields: ["taken_at", "kind", "amount", "unit", "form"],
  },
  { name: "plans", label: "Day plans", when: "day", fields: ["day", "energy_budget", "notes"] },
  {
    name: "activities",
    label: "Planned tasks",
    when: "started_at",
    fields: [
      "plan_id",
      "title",
      "energy_cost",
      "minutes",
      "rest_minutes",
      "steps",
      "position",
      "status",
      "spent_cost",
      "started_at",
      "ended_at",
    ],
  },
  {
    name: "templates",
    label: "Everyday tasks",
    when: "created_at",
    fields: ["title", "energy_cost", "minutes"],
  },
  {
    name: "checkins",
    label: "Morning check-ins",
    when: "day",
    fields: [
      "day",
      "crash",
      "fatigue",
      "weakness",
      "cramps",
      "knots",
      "sleep",
      "woke_with_cramp",
      "stiffness",
      "notes",
    ],
  },
  {
    name: "experiments",
    label: "Experiments",
    when: "start_day",
    fields: ["fix", "title", "start_day", "block_days", "blocks", "status", "stopped_at"],
  },
  {
    name: "experiment_days",
    label: "Experiment days",
    when: "day",
    fields: ["experiment_id", "day", "done"],
  },
  {
    name: "reminders",
    label: "Reminders",
    when: "created_at",
    fields: [
      "kind",
      "title",
      "enabled",
      "times",
      "days",
      "interval_minutes",
      "window_start",
      "window_end",
      "fire_at",
      "nag_after_minutes",
      "snoozed_until",
      "amount",
      "unit",
      "form",
    ],
  },
];

const BY_NAME = Object.fromEntries(COLLECTIONS.map((c) => [c.name, c]));

export const collection = (name) => BY_NAME[name];

// The moment (or day) a record is about, by its collection's `when`.
export const whenOf = (name, record) => record[BY_NAME[name].when];
