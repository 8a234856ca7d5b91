// The fixes between episodes a person can try (api/sync/data.py FIXES lists the same keys).
// `supplement`: say "ask a doctor or pharmacist first" before it starts (their own fix too: it
// may be a supplement or a medicine). Never a dose.
export const FIXES = [
  { key: "magnesium", label: "Magnesium at night", short: "magnesium", supplement: true },
  { key: "stretch", label: "Bedtime stretch", short: "the bedtime stretch" },
  { key: "epsom_bath", label: "Epsom salt bath", short: "the Epsom salt bath" },
  { key: "heat", label: "Heat before bed", short: "heat before bed" },
  { key: "water", label: "A higher water target", short: "more water" },
  { key: "own", label: "Something else", short: null, supplement: true },
];

const BY_KEY = Object.fromEntries(FIXES.map((f) => [f.key, f]));

export const fixOf = (key) => BY_KEY[key] || BY_KEY.own;

// How the fix reads in a sentence: "magnesium", or the person's own words.
export const fixWords = (e) => (e.fix === "own" ? e.title || "your fix" : fixOf(e.fix).short);

// Its name as a heading: "Magnesium at night", or the person's own words.
export const fixLabel = (e) => (e.fix === "own" ? e.title || "Your fix" : fixOf(e.fix).label);
