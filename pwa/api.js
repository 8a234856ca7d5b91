// The one fetch wrapper: JSON in, JSON out; errors become thrown Errors with .status and .errors.
// No DOM here: the service worker uses it through sync.js.

/** Call the API. Throws Error{status, errors, message}; status 0 means no connection. */
export async function api(path, { method = "GET", body, signal } = {}) {
  const init = { method, credentials: "same-origin", headers: { Accept: "application/json" }, signal };
  if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch (cause) {
    const err = new Error("No connection. Your records are safe on this phone.");
    err.status = 0;
    err.cause = cause;
    throw err;
  }
  if (response.status === 204) return null;
  let payload = null;
  try {
    payload = await response.json();
  } catch {
    payload = null;
  }
  if (!response.ok) {
    const err = new Error((payload && payload.message) || `The server answered ${response.status}.`);
    err.status = response.status;
    err.errors = (payload && payload.errors) || {};
    throw err;
  }
  return payload;
}

/** The errors of one field (flask-smorest nests them under json/ or at the top). */
export function fieldErrors(err, field) {
  const errors = (err && err.errors) || {};
  const found = (errors.json && errors.json[field]) || errors[field];
  return Array.isArray(found) ? found.join(" ") : found ? String(found) : "";
}
