// The weakness log: where, how bad, after what, how long; "legs turned to jelly" in one tap.

import { nowIso, remove, save } from "../store.js";
import { toast } from "../lib/ui.js";
import { SCALE, labelOf } from "./log-chips.js";

export const AREAS = [
  { value: "legs", label: "Legs" },
  { value: "arms", label: "Arms" },
  { value: "grip", label: "Grip" },
  { value: "whole body", label: "Whole body" },
  { value: "other", label: "Other" },
];

export const ACTIVITIES = [
  { value: "walking", label: "Walking" },
  { value: "stairs", label: "Stairs" },
  { value: "housework", label: "Housework" },
  { value: "shopping", label: "Shopping" },
];

export const LASTED = [
  { value: 15, label: "15 min" },
  { value: 30, label: "30 min" },
  { value: 60, label: "1 hour" },
  { value: 120, label: "2 hours" },
  { value: 240, label: "4 hours" },
  { value: 720, label: "All day" },
];

/** "Legs turned to jelly, after stairs, 30 min". */
function describe(w) {
  const parts = [w.jelly_legs ? "Legs turned to jelly" : labelOf(AREAS, w.body_area)];
  if (w.jelly_legs && w.body_area && w.body_area !== "legs") parts.push(labelOf(AREAS, w.body_area).toLowerCase());
  if (w.severity != null) parts.push(`${w.severity} of 10`);
  if (w.after_activity) parts.push(`after ${labelOf(ACTIVITIES, w.after_activity).toLowerCase()}`);
  if (w.duration_minutes != null) parts.push(labelOf(LASTED, w.duration_minutes) + (LASTED.some((l) => l.value === w.duration_minutes) ? "" : " min"));
  return parts.join(", ");
}

export const WEAKNESS = {
  collection: "weakness",
  noun: "weakness",
  title: "Log weakness",
  recentTitle: "Recent weakness",
  required: { name: "body_area", message: "Choose where you feel weak, then Save." },
  blank: () => ({ body_area: null, severity: null, after_activity: null, duration_minutes: null, jelly_legs: false, notes: null }),
  describe,
  fields: [
    { name: "body_area", label: "Where?", options: AREAS },
    { name: "severity", label: "How bad? 0 = barely, 10 = worst", options: SCALE, small: true },
    { name: "after_activity", type: "suggest", label: "After what?", options: ACTIVITIES, max: 200 },
    { name: "duration_minutes", label: "How long did it last?", options: LASTED },
    { name: "notes", type: "notes", label: "Notes" },
  ],
};

/** One tap: "Legs turned to jelly" saved now, with Undo. */
export async function logJellyLegs() {
  const record = await save("weakness", {
    noted_at: nowIso(), body_area: "legs", jelly_legs: true, severity: null, after_activity: null,
    duration_minutes: null, notes: null,
  });
  toast("Saved: legs turned to jelly.", { label: "Undo", onClick: () => remove("weakness", record.id) });
  return record;
}
