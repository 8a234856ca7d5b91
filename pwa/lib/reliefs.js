// The things a person may try during a cramp: the stored key, the plain label used in
// "What helps me", and the short label on the cramp screen's chips. One list for both.

export const RELIEFS = [
  { key: "stretch", label: "Stretching", short: "Stretch" },
  { key: "heat", label: "Heat or a warm compress", short: "Heat" },
  { key: "massage", label: "Massage", short: "Massage" },
  { key: "walk", label: "Walking it off", short: "Walk it off" },
  { key: "magnesium", label: "Magnesium", short: "Magnesium" },
  { key: "water", label: "Water or electrolytes", short: "Water / electrolytes" },
];
