// The kinds of intake (what an intake record says was taken or done), in words. The server's
// list is INTAKE_KINDS in api/sync/data.py; tests/unit/test_intake_kinds.py holds the two together.
export const INTAKE_LABELS = {
  water: "Water",
  magnesium: "Magnesium",
  potassium: "Potassium",
  other: "Other",
  stretch: "Bedtime stretch",
  epsom_bath: "Epsom salt bath",
  heat: "Heat before bed",
};

// Fixes between episodes, logged in one tap (features/quick/fixes.js): kind -> the button's words.
export const FIXES = {
  stretch: "I stretched",
  epsom_bath: "Epsom salt bath",
  heat: "Heat before bed",
};
