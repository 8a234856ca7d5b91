// Throws Error{status, errors}; status 0: no connection.
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
    const { message = `The server answered ${res.status}.`, errors = {} } = payload || {};
    throw Object.assign(new Error(message), { status: res.status, errors });
  }
  return payload;
}
