// CSV text a spreadsheet opens safely (RFC 4180); pure, so the node tests read what the phone writes.

// A spreadsheet may run a text cell as a formula when it starts with one of these, after any
// spaces, in ASCII or a compatibility form (fullwidth ＝, small ﹦: NFKC maps them here).
const FORMULA_START = /^[=+\-@]/;
// A tab or line break first hides what follows in some spreadsheets: escaped whatever comes after.
const CONTROL_START = /^[\t\r\n]/;
const NEEDS_QUOTES = /[",\r\n]/;
// The byte order mark: Excel then reads the file as UTF-8 (accents, "½", names in any script).
const BOM = "\uFEFF";

// Whether a spreadsheet opening the file could evaluate this text.
export const mayBeFormula = (text) =>
  CONTROL_START.test(text) || FORMULA_START.test(text.trimStart().slice(0, 1).normalize("NFKC"));

// One cell: empty for nothing, numbers as they are, text neutralised and quoted when needed.
export function csvCell(value) {
  if (value == null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  let text = String(value);
  if (mayBeFormula(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

// The whole file: a header row, then one row per record, lines ended by CRLF.
export const csvText = (header, rows) =>
  BOM + [header, ...rows].map((row) => `${row.map(csvCell).join(",")}\r\n`).join("");
