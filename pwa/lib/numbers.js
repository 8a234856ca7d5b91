// Number fields read as the person sees them: a value is taken exactly or refused with a sentence,
// never rounded, cut or turned from empty into 0. Attributes and bounds come from lib/limits.js.
import { DECIMALS, LIMITS } from "./limits.js";

const whole = (name) => !DECIMALS.includes(name);
const fmt = (n) => n.toLocaleString();

// HTML attributes of a number field for LIMITS[name]: the keyboard, min, max and step.
export const numberAttrs = (name) => ({
  type: "number",
  inputmode: whole(name) ? "numeric" : "decimal",
  min: LIMITS[name].min,
  max: LIMITS[name].max,
  step: whole(name) ? 1 : "any",
});

// Read `input` against LIMITS[name] -> {value} (null when empty and not required) or {error}.
export function readNumber(input, name, { required = false } = {}) {
  const { min, max } = LIMITS[name];
  const range = `from ${fmt(min)} to ${fmt(max)}`;
  // A field the browser cannot read as a number ("1e", "12,5" on some keyboards) has value "".
  if (input.validity?.badInput) return { error: `Use digits only: a number ${range}.` };
  const raw = input.value.trim();
  if (raw === "") return required ? { error: `Needed: a number ${range}.` } : { value: null };
  const n = Number(raw);
  if (!Number.isFinite(n)) return { error: `Use digits only: a number ${range}.` };
  if (whole(name) && !Number.isInteger(n))
    return { error: `Use a whole number, such as ${fmt(Math.floor(n))} or ${fmt(Math.ceil(n))}.` };
  const orEmpty = required ? "" : ", or leave it empty";
  if (n < 0 && min === 0)
    return { error: `This cannot be negative. Use a number ${range}${orEmpty}.` };
  if (n < min || n > max) return { error: `Use a number ${range}${orEmpty}.` };
  return { value: n };
}
