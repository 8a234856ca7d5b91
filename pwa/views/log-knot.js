// The knot log: where, which side, how strong, what helped.

import { SCALE, SIDES, labelOf } from "./log-chips.js";

export const LOCATIONS = [
  { value: "neck", label: "Neck" },
  { value: "shoulders", label: "Shoulders" },
  { value: "upper back", label: "Upper back" },
  { value: "lower back", label: "Lower back" },
  { value: "hips", label: "Hips" },
  { value: "arms", label: "Arms" },
  { value: "legs", label: "Legs" },
  { value: "other", label: "Other" },
];

export const KNOT_HELPED = [
  { value: "massage", label: "Massage or myofascial release" },
  { value: "foam rolling", label: "Foam rolling" },
  { value: "stretching", label: "Gentle stretching" },
  { value: "heat", label: "Heat" },
  { value: "needling", label: "Trigger point injection or dry needling" },
];

/** "Upper back, left, 6 of 10, helped: heat". */
function describe(k) {
  const parts = [labelOf(LOCATIONS, k.location)];
  if (k.side) parts.push(labelOf(SIDES, k.side).toLowerCase());
  if (k.intensity != null) parts.push(`${k.intensity} of 10`);
  if ((k.helped || []).length) parts.push(`helped: ${k.helped.map((h) => labelOf(KNOT_HELPED, h).toLowerCase()).join(", ")}`);
  return parts.join(", ");
}

export const KNOT = {
  collection: "knots",
  noun: "knot",
  title: "Log a knot",
  recentTitle: "Recent knots",
  required: { name: "location", message: "Choose where the knot is, then Save." },
  blank: () => ({ location: null, side: null, intensity: null, helped: [], notes: null }),
  describe,
  fields: [
    { name: "location", label: "Where?", options: LOCATIONS },
    { name: "side", label: "Which side?", options: SIDES },
    { name: "intensity", label: "How strong? 0 = barely, 10 = worst", options: SCALE, small: true },
    { name: "helped", label: "What helped?", options: KNOT_HELPED, multi: true },
    { name: "notes", type: "notes", label: "Notes" },
  ],
};
