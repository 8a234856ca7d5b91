// The one table of reminder kinds on the client: the reminders screen's label and form for each,
// the notification buttons the service worker handles (pwa/sw-push.js), and the intake its
// one-tap log writes. The server's table is api/reminders/kinds.py; a pytest
// (tests/unit/test_reminder_kinds.py) holds the two to each other. Listed in screen order.
// "hydration" is the stored name of the water reminder; the intake it logs is "water".
export const KINDS = {
  magnesium: {
    label: "Magnesium",
    form: ["times", "dose", "nag"],
    actions: ["took", "snooze"],
    logs: "magnesium",
  },
  hydration: {
    label: "Water",
    form: ["window", "nag"],
    actions: ["drank", "snooze"],
    logs: "water",
  },
  stretch: {
    label: "Bedtime stretch",
    form: ["times", "nag"],
    actions: ["stretched", "snooze"],
    logs: "stretch",
    screen: ["/stretch", "Start the stretch now"], // a link beside the reminder in the list
  },
  rest: { label: "Rest break", form: ["times"], actions: ["snooze"], logs: null },
  // Made and stopped by the experiments screen (`experiment`), not added on the reminders screen.
  experiment: {
    label: "Experiment: a day with it",
    form: ["times"],
    actions: ["snooze"],
    logs: null,
    experiment: true,
  },
  experiment_check: {
    label: "Experiment: did you do it?",
    form: ["times"],
    actions: ["did", "did_not"],
    logs: null,
    experiment: true,
  },
  custom: { label: "Reminder", form: ["times"], actions: ["snooze"], logs: null },
};

// The reminder fields each part of the form writes.
export const FORM_PARTS = {
  times: ["times"],
  window: ["interval_minutes", "window_start", "window_end"],
  dose: ["form", "amount", "unit"],
  nag: ["nag_after_minutes"],
};

// A kind of this table; an unknown one is a bug to see, not a "custom" reminder.
export function kindOf(name) {
  if (!Object.hasOwn(KINDS, name)) throw new Error(`Unknown reminder kind: ${name}`);
  return KINDS[name];
}

// The intake a one-tap log writes, from an intake ("water") or a reminder kind ("hydration").
export function intakeOf(name) {
  if (Object.values(KINDS).some((k) => k.logs === name)) return name;
  return Object.hasOwn(KINDS, name) ? KINDS[name].logs : null;
}
