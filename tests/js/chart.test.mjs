// Bar chart geometry (the SVG drawing itself is checked in the browser).
import test from "node:test";
import assert from "node:assert/strict";
import { barLayout } from "../../pwa/features/insights/stats.js";

test("bars scale to the largest value and sit on one baseline", () => {
  const L = barLayout([
    { label: "a", value: 2 },
    { label: "b", value: 4 },
    { label: "c", value: 0 },
  ]);
  assert.equal(L.max, 4);
  assert.equal(L.bars.length, 3);
  const [a, b, c] = L.bars;
  assert.equal(b.height, 2 * a.height);
  assert.equal(c.height, 0);
  for (const bar of L.bars) assert.equal(bar.y + bar.height, L.base);
  assert.ok(a.x + a.width < b.x, "bars do not overlap");
  assert.ok(L.width >= b.x + b.width);
});

test("all zero or empty data draws no bars of height", () => {
  assert.ok(barLayout([{ label: "a", value: 0 }]).bars.every((b) => b.height === 0));
  assert.equal(barLayout([]).bars.length, 0);
});

test("labelEvery thins the labels but keeps the full label for the tooltip", () => {
  const data = Array.from({ length: 24 }, (_, i) => ({ label: `${i}`, value: i }));
  const L = barLayout(data, { labelEvery: 3 });
  assert.equal(L.bars.filter((b) => b.label).length, 8);
  assert.equal(L.bars[1].fullLabel, "1");
});
