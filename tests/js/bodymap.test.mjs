// The body map's table, its mapping of stored places (old words included), the week's counts and
// the drawing, on constructed records.
import test from "node:test";
import assert from "node:assert/strict";
import {
  COARSE,
  REGIONS,
  WPI_AREAS,
  cellsIn,
  cellsOf,
  placeLabel,
  shapeOf,
  wpiOf,
  zoneOf,
} from "../../pwa/features/bodymap/regions.js";
import { countsByRegion } from "../../pwa/features/bodymap/counts.js";
import { bodyMapSvg, level } from "../../pwa/features/bodymap/map.js";
import { afterTap, placeText } from "../../pwa/features/bodymap/picker.js";

const DAY = 86400e3;
const NOW = Date.parse("2026-03-10T12:00:00+01:00");
const at = (days) => new Date(NOW - days * DAY).toISOString();

test("the 19 Widespread Pain Index areas are all on the map, and nothing else counts as one", () => {
  assert.equal(WPI_AREAS.length, 19);
  const reached = new Set(cellsIn("front").concat(cellsIn("back")).map(wpiOf).filter(Boolean));
  assert.deepEqual([...reached].sort(), [...WPI_AREAS].sort());
  assert.equal(wpiOf("hand|left"), null);
  assert.equal(wpiOf("foot|right"), null);
  assert.equal(wpiOf("buttock|left"), "hip|left");
  assert.equal(wpiOf("calf|right"), "lower leg|right");
});

test("the muscles cramps and knots favour are regions, left and right", () => {
  for (const key of [
    "calf",
    "foot",
    "hamstring",
    "thigh",
    "shin",
    "forearm",
    "hand",
    "shoulder",
    "hip",
    "buttock",
  ])
    assert.deepEqual(cellsOf(key, "both"), [`${key}|left`, `${key}|right`], key);
  for (const key of ["neck", "upper back", "lower back", "chest", "abdomen"])
    assert.deepEqual(cellsOf(key, "left"), [`${key}|`], key);
  assert.equal(new Set(REGIONS.map((r) => r.key)).size, REGIONS.length);
});

test("old words show as the regions they cover; other places are not on the map", () => {
  assert.deepEqual(cellsOf("legs", "left"), [
    "thigh|left",
    "hamstring|left",
    "shin|left",
    "calf|left",
  ]);
  assert.equal(cellsOf("legs", null).length, 8);
  assert.deepEqual(cellsOf("back", "left"), ["upper back|", "lower back|"]);
  assert.deepEqual(cellsOf("neck/shoulder", "right"), ["neck|", "shoulder|right"]);
  assert.deepEqual(cellsOf("grip"), ["hand|left", "hand|right"]);
  for (const none of ["other", "whole body", "my left ear", null])
    assert.deepEqual(cellsOf(none), []);
  for (const [word, keys] of Object.entries(COARSE)) {
    assert.ok(
      keys.every((k) => REGIONS.some((r) => r.key === k)),
      word,
    );
    assert.notEqual(placeLabel(word), word, `${word} has a label`);
  }
  assert.equal(placeLabel("upper arm"), "Upper arm");
  assert.equal(placeLabel("neck/shoulder"), "Neck / shoulder");
});

test("sides: the front view shows the person's right on the viewer's left, the back view not", () => {
  const [fx] = shapeOf("shoulder|right", "front");
  const [bx] = shapeOf("shoulder|right", "back");
  assert.ok(fx < 50 && bx > 50);
  assert.equal(shapeOf("calf|left", "front"), null); // a calf is seen from the back
  assert.equal(shapeOf("shin|left", "back"), null);
});

test("every region's close-up holds it, at least 8 units a side (48 px at 6 px a unit)", () => {
  for (const view of ["front", "back"]) {
    for (const cell of cellsIn(view)) {
      const { cells, box } = zoneOf(cell, view);
      assert.ok(cells.includes(cell), cell);
      const [x, y, w, h] = shapeOf(cell, view);
      assert.ok(x >= box[0] && y >= box[1] && x + w <= box[0] + box[2] && y + h <= box[1] + box[3]);
      assert.ok(w >= 9 && h >= 7, `${cell} is ${w}x${h}`);
      assert.ok(box[2] <= 42, `${cell}'s close-up is ${box[2]} wide`);
    }
  }
});

test("week counts: each record once per cell, in the period only, pain areas from knots and cramps", () => {
  const records = {
    knots: [
      { noted_at: at(1), location: "shoulder", side: "left" },
      { noted_at: at(2), location: "shoulder", side: "left" },
      { noted_at: at(3), location: "legs", side: "right" }, // an old coarse word
      { noted_at: at(8), location: "neck", side: null }, // older than a week
      { noted_at: at(1), location: "other", side: null },
    ],
    cramps: [
      { started_at: at(0.5), muscle: "calf", side: "both" },
      { started_at: at(0.2), muscle: null, side: null }, // no place said
    ],
    weakness: [
      { noted_at: at(1), body_area: "thigh" },
      { noted_at: at(2), body_area: "whole body" },
    ],
  };
  const week = countsByRegion(records, NOW - 7 * DAY, NOW + 1);
  assert.equal(week.counts["shoulder|left"], 2);
  assert.equal(week.counts["calf|left"], 1);
  assert.equal(week.counts["calf|right"], 2); // the cramp and the old "legs, right"
  assert.equal(week.counts["thigh|left"], 1); // weakness has no side: both
  assert.equal(week.counts["thigh|right"], 2);
  assert.equal(week.counts["neck|"], undefined);
  assert.equal(week.total, 5);
  assert.equal(week.elsewhere, 2);
  assert.equal(week.unplaced, 1);
  assert.deepEqual(week.areas, [
    "lower leg|left",
    "lower leg|right",
    "shoulder girdle|left",
    "upper leg|right",
  ]);
  assert.deepEqual(countsByRegion({}, 0).counts, {});
  assert.equal(countsByRegion(records, NOW - 7 * DAY, NOW - 2.5 * DAY).total, 1);
});

test("the drawing: shade in steps, counts written, chosen cells pressed, labelled", () => {
  assert.deepEqual(
    [0, 1, 2, 3].map((n) => level(n, 3)),
    [0, 1, 2, 3],
  );
  assert.deepEqual(
    [1, 5, 10].map((n) => level(n, 10)),
    [1, 2, 3],
  );
  const still = bodyMapSvg({ view: "back", counts: { "calf|left": 3, "neck|": 1 } });
  assert.match(still, /role="img" aria-label="Body seen from the back: [^"]*left calf 3/);
  assert.match(still, /data-cell="calf\|left"[^>]*\/><text[^>]*>3<\/text>/);
  assert.doesNotMatch(still, /role="button"/);
  const picker = bodyMapSvg({ view: "front", selected: ["shoulder|left"], interactive: true });
  assert.match(picker, /aria-label="Left shoulder" aria-pressed="true"/);
  assert.match(picker, /aria-label="Right shoulder" aria-pressed="false"/);
  assert.equal((picker.match(/role="button"/g) || []).length, cellsIn("front").length);
});

test("taps: a second tap takes it off, the other side makes both, no side for weakness", () => {
  assert.deepEqual(afterTap("calf|left", null, null, true), ["calf", "left"]);
  assert.deepEqual(afterTap("calf|left", "calf", "left", true), [null, null]);
  assert.deepEqual(afterTap("calf|right", "calf", "left", true), ["calf", "both"]);
  assert.deepEqual(afterTap("calf|right", "calf", "both", true), ["calf", "left"]);
  assert.deepEqual(afterTap("neck|", "calf", "left", true), ["neck", "left"]); // the side said
  assert.deepEqual(afterTap("neck|", null, null, true), ["neck", null]);
  assert.deepEqual(afterTap("neck|", "neck", "right", true), [null, "right"]);
  assert.deepEqual(afterTap("thigh|left", null, null, false), ["thigh", null]);
  assert.equal(placeText("calf", "left"), "Left calf");
  assert.equal(placeText("calf", "both"), "Calf, both sides");
  assert.equal(placeText("legs", "right"), "Legs, right");
});
