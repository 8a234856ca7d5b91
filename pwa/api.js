// Throws Error{status, errors}; status 0: no connection. Messages are sentences a person reads.

// When the server sends no message of its own.
const BY_STATUS = {
  400: "The app sent something the server could not read.",
  413: "Too large to send at once.",
  422: "Some of this needs a change: see each field.",
  429: "Too many tries. Wait a minute, then try again.",
};
// marshmallow's own words, for fields whose messages the server does not set itself.
const PLAIN = {
  "Missing data for required field.": "Fill this in.",
  "Field may not be null.": "Fill this in.",
  "Not a valid number.": "Use a number.",
  "Not a valid integer.": "Use a whole number.",
  "Not a valid datetime.": "Use a date and time.",
  "Not a valid boolean.": "Use yes or no.",
  "Unknown field.": "This app version sent something the server does not know.",
};
function plain(text) {
  if (PLAIN[text]) return PLAIN[text];
  if (text.startsWith("Must be one of")) return "Choose one of the choices.";
  const most = /^Longer than maximum length (\d+)\.$/.exec(text);
  return most ? `Too many: at most ${most[1]}.` : text;
}

// A nested key in words: a list's item ("steps", "0" → "Step 1: "), a sub-field ("minutes: ").
function keyWords(parent, key) {
  if (/^\d+$/.test(key))
    return `${parent[0].toUpperCase()}${parent.slice(1).replace(/s$/, "")} ${Number(key) + 1}: `;
  return key === "title" || key === "_schema" ? "" : `${key.replace(/_/g, " ")}: `;
}

function sentences(value, parent, prefix) {
  if (typeof value === "string") return [prefix + plain(value)];
  if (Array.isArray(value)) return value.flatMap((v) => sentences(v, parent, prefix));
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => sentences(v, k, prefix + keyWords(parent, k)));
}

// One sentence per field: {title: "Too long: …", steps: "Step 1: Too long: …"}. Takes the error
// shape ({json: {...}} from a form, {data: {...}} from a refused record) or {field: text}.
export function errorsByField(err) {
  let errors = err?.errors || {};
  errors = errors.json || errors.data || errors;
  const out = {};
  for (const [field, value] of Object.entries(errors)) {
    const text = sentences(value, field, "").join(" ");
    if (text) out[field] = text;
  }
  return out;
}

export async function api(path, { method = "GET", body } = {}) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let res;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body && JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch (cause) {
    throw Object.assign(new Error("No connection. Your records are safe on this phone."), {
      status: 0,
      cause,
    });
  }
  if (res.status === 204) return null;
  const payload = await res.json().catch(() => null);
  if (!res.ok) {
    const { message, errors = {} } = payload || {};
    const text = message || BY_STATUS[res.status] || `The server answered ${res.status}.`;
    throw Object.assign(new Error(text), { status: res.status, errors });
  }
  return payload;
}
