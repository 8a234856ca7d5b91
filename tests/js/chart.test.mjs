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

test("relief chart: two bars per relief with a figure, in the given order, uncertain marked", async () => {
  const { reliefLayout } = await import("../../pwa/features/insights/relief-chart.js");
  const side = (count, medianSeconds) => ({ count, medianSeconds });
  const rows = reliefLayout([
    {
      key: "heat",
      label: "Heat",
      enough: true,
      certain: true,
      withIt: side(9, 60),
      without: side(9, 180),
    },
    {
      key: "walk",
      label: "Walk",
      enough: true,
      certain: false,
      withIt: side(3, 240),
      without: side(4, 120),
    },
    {
      key: "massage",
      label: "Massage",
      enough: false,
      certain: false,
      withIt: side(1, null),
      without: side(9, 90),
    },
  ]);
  assert.deepEqual(
    rows.map((r) => r.key),
    ["heat", "walk"],
    "no row without a figure",
  );
  const [heat, walk] = rows;
  assert.equal(heat.title, "Heat");
  assert.equal(walk.title, "Walk (uncertain)");
  assert.deepEqual(
    heat.bars.map((b) => b.kind),
    ["with", "without"],
  );
  assert.equal(walk.bars[0].share, 1, "the longest bar takes the whole line");
  assert.equal(heat.bars[1].share, 3 * heat.bars[0].share, "lengths in proportion");
  assert.equal(heat.bars[0].text, "1 min, 9 cramps");
});
