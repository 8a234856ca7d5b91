// The check every record passes before it enters the outbox (store.save runs it), from the
// server's own limits (lib/limits.js): a bug in a form then shows as a plain error on the form,
// never as a record the server refuses later. Errors come in the server's shape, so
// errorsByField (api.js) words both alike.
import { errorsByField } from "../api.js";
import { LIMITS, RECORD_LIMITS } from "./limits.js";

const count = (text) => [...text].length; // characters as the server counts them (code points)

// Why one value breaks its limit, in the server's words; "" when it keeps it.
function problem(value, { min, max }) {
  if (typeof value === "string") {
    const n = count(value);
    if (n < min) return min === 1 ? "Fill this in." : `Use at least ${min} characters.`;
    return n > max
      ? `Too long: at most ${max.toLocaleString("en")} characters (this has ${n.toLocaleString("en")}).`
      : "";
  }
  if (Array.isArray(value)) return value.length > max ? `Too many: at most ${max}.` : "";
  if (typeof value !== "number") return ""; // empty, or a kind the limits do not cover
  const span = `use a number from ${min.toLocaleString("en")} to ${max.toLocaleString("en")}`;
  if (!Number.isFinite(value)) return "Use a number.";
  if (value < min) return min === 0 ? `This cannot be negative: ${span}.` : `Too low: ${span}.`;
  return value > max ? `Too high: ${span}.` : "";
}

// {field: [sentence]} for every limit `record` breaks, nested as the server nests them
// ({steps: {0: {title: [...]}}}); {} when the record is fine.
export function problems(collection, record) {
  const errors = {};
  for (const [path, name] of Object.entries(RECORD_LIMITS[collection] || {})) {
    const [field, inner] = path.split(".");
    const value = record[field];
    if (!inner) {
      const text = problem(value, LIMITS[name]);
      if (text) errors[field] = [text];
      continue;
    }
    (Array.isArray(value) ? value : []).forEach((item, i) => {
      const text = item && problem(item[inner], LIMITS[name]);
      if (!text) return;
      errors[field] ??= {};
      errors[field][i] = { ...errors[field][i], [inner]: [text] };
    });
  }
  return errors;
}

// Throws an Error {status: 422, errors: {data: …}} when the server would refuse `record`.
export function checkRecord(collection, record) {
  const errors = problems(collection, record);
  if (!Object.keys(errors).length) return;
  const err = new Error(`Not saved: ${Object.values(errorsByField({ errors })).join(" ")}`);
  throw Object.assign(err, { name: "RecordCheckError", status: 422, errors: { data: errors } });
}
