// The same id on every device for a record that one thing names (a day's plan, a check-in's
// day, an experiment's day): SHA-256 of "unknot:<kind>:<key>" as an RFC 9562 version 8 UUID.
export async function derivedId(kind, key) {
  const b = new Uint8Array(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`unknot:${kind}:${key}`)),
  );
  b[6] = (b[6] & 0x0f) | 0x80;
  b[8] = (b[8] & 0x3f) | 0x80;
  return [...b.slice(0, 16)]
    .map((x) => x.toString(16).padStart(2, "0"))
    .join("")
    .replace(/(.{8})(.{4})(.{4})(.{4})/, "$1-$2-$3-$4-");
}
