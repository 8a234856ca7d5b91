// Sync batches sized by bytes as well as by count.
import test from "node:test";
import assert from "node:assert/strict";
import { jsonBytes, takeBatch } from "../../pwa/lib/batch.js";

const change = (i, notes) => ({
  collection: "cramps",
  id: `id-${i}`,
  op: "upsert",
  data: { notes },
});
const many = (n, notes) => Array.from({ length: n }, (_, i) => change(i, notes));

test("bytes are counted in UTF-8, as they are sent", () => {
  assert.equal(jsonBytes({ a: "x" }), 9);
  assert.equal(jsonBytes({ a: "é" }), 10);
  assert.equal(jsonBytes({ a: "😖" }), 12);
});

test("small changes go up to the count", () => {
  const batch = takeBatch(many(600, "short"), { count: 500, bytes: 1_000_000 });
  assert.equal(batch.length, 500);
  assert.equal(takeBatch(many(3, "short"), { count: 500, bytes: 1_000_000 }).length, 3);
});

test("long text stops a batch at the byte budget", () => {
  const changes = many(500, "😖".repeat(2000)); // about 8 kB each: 4 MB in all
  const batch = takeBatch(changes, { count: 500, bytes: 900_000 });
  const size = jsonBytes(batch);
  assert.ok(size <= 900_000, `${size} bytes`);
  assert.ok(size + jsonBytes(changes[batch.length]) > 900_000, "the next one would not fit");
  assert.deepEqual(batch, changes.slice(0, batch.length));
});

test("a halved count halves the batch", () => {
  assert.equal(takeBatch(many(500, "x"), { count: 250, bytes: 1_000_000 }).length, 250);
  assert.equal(takeBatch(many(500, "x"), { count: 1, bytes: 1_000_000 }).length, 1);
});

test("one change larger than the budget still goes alone, so it can be tried", () => {
  const huge = change(0, "x".repeat(2_000_000));
  assert.deepEqual(takeBatch([huge, change(1, "x")], { count: 500, bytes: 900_000 }), [huge]);
  assert.deepEqual(takeBatch([], { count: 500, bytes: 900_000 }), []);
});
