// How much of the outbox goes in one sync request: a pure function, tested in tests/js.

const encoder = new TextEncoder();
export const jsonBytes = (value) => encoder.encode(JSON.stringify(value)).length;

// The first changes, at most `count` of them and `bytes` of JSON, but always one.
export function takeBatch(changes, { count, bytes }) {
  let size = 1; // the brackets, less one comma
  let n = 0;
  for (const change of changes.slice(0, count)) {
    size += jsonBytes(change) + 1; // and a comma
    if (n && size > bytes) break;
    n++;
  }
  return changes.slice(0, n);
}
