// The body map's one table: every place a person can point at, how it is stored, which of the 19
// Widespread Pain Index areas (2016 fibromyalgia criteria) it counts for, and its shape.
//
// Stored as before, in the same fields: a cramp's `muscle`, a knot's `location`, weakness'
// `body_area` hold the region's `key` (lower case, as the word chips stored), and `side`
// (cramps and knots) says "left", "right" or "both". Weakness has no side: it shows on both.
// A sided region with no side saved, or "both", shows on both sides.
//
// Shapes: [x, y, width, height] in a figure 100 wide and 192 tall. A sided region's shape is the
// one on the viewer's left; its other side is the mirror image. Seen from the front, the viewer's
// left is the person's right; seen from the back, it is their left.
// `zone`: the close-up a tap opens, so that every region is big enough for a finger.

export const REGIONS = [
  { key: "jaw", label: "Jaw", sided: true, wpi: "jaw", zone: "head", front: [40, 14, 10, 10] },
  {
    key: "neck",
    label: "Neck",
    wpi: "neck",
    zone: "head",
    front: [43, 24, 14, 7],
    back: [42, 22, 16, 9],
  },
  {
    key: "shoulder",
    label: "Shoulder",
    sided: true,
    wpi: "shoulder girdle",
    zone: "arm",
    front: [24, 31, 18, 9],
    back: [24, 31, 18, 9],
  },
  {
    key: "upper arm",
    label: "Upper arm",
    sided: true,
    wpi: "upper arm",
    zone: "arm",
    front: [21, 41, 11, 26],
    back: [21, 41, 11, 26],
  },
  {
    key: "forearm",
    label: "Forearm",
    sided: true,
    wpi: "lower arm",
    zone: "hand",
    front: [18, 69, 11, 25],
    back: [18, 69, 11, 25],
  },
  {
    key: "hand",
    label: "Hand",
    sided: true,
    wpi: null,
    zone: "hand",
    front: [15, 96, 12, 13],
    back: [15, 96, 12, 13],
  },
  { key: "chest", label: "Chest", wpi: "chest", zone: "trunk", front: [34, 41, 32, 18] },
  { key: "abdomen", label: "Belly", wpi: "abdomen", zone: "trunk", front: [36, 60, 28, 20] },
  {
    key: "upper back",
    label: "Upper back",
    wpi: "upper back",
    zone: "trunk",
    back: [34, 41, 32, 20],
  },
  {
    key: "lower back",
    label: "Lower back",
    wpi: "lower back",
    zone: "trunk",
    back: [36, 62, 28, 18],
  },
  { key: "hip", label: "Hip", sided: true, wpi: "hip", zone: "thigh", front: [36, 81, 13, 13] },
  {
    key: "buttock",
    label: "Buttock",
    sided: true,
    wpi: "hip",
    zone: "thigh",
    back: [36, 81, 13, 15],
  },
  {
    key: "thigh",
    label: "Thigh",
    sided: true,
    wpi: "upper leg",
    zone: "thigh",
    front: [36, 95, 13, 40],
  },
  {
    key: "hamstring",
    label: "Hamstring",
    sided: true,
    wpi: "upper leg",
    zone: "thigh",
    back: [36, 97, 13, 38],
  },
  {
    key: "shin",
    label: "Shin",
    sided: true,
    wpi: "lower leg",
    zone: "foot",
    front: [37, 137, 11, 40],
  },
  {
    key: "calf",
    label: "Calf",
    sided: true,
    wpi: "lower leg",
    zone: "foot",
    back: [37, 137, 11, 40],
  },
  {
    key: "foot",
    label: "Foot",
    sided: true,
    wpi: null,
    zone: "foot",
    front: [35, 179, 13, 10],
    back: [35, 179, 13, 10],
  },
];

// The close-ups: "head" and "trunk" show both sides, the others one side at a time.
export const ZONES = {
  head: { label: "Head and neck", both: true },
  trunk: { label: "Chest, belly and back", both: true },
  arm: { label: "Shoulder and upper arm" },
  hand: { label: "Forearm and hand" },
  thigh: { label: "Hip and thigh" },
  foot: { label: "Lower leg and foot" },
};

// The 19 Widespread Pain Index areas: 7 on each side and 5 in the middle.
export const WPI_AREAS = [
  ...["jaw", "shoulder girdle", "upper arm", "lower arm", "hip", "upper leg", "lower leg"].flatMap(
    (a) => [`${a}|left`, `${a}|right`],
  ),
  ..."neck,upper back,lower back,chest,abdomen".split(",").map((a) => `${a}|`),
];

// What the word chips stored before the map, as the regions they cover. "other", "whole body"
// and anything typed elsewhere are not on the map (counted apart as "elsewhere").
export const COARSE = {
  legs: ["thigh", "hamstring", "shin", "calf"],
  arms: ["upper arm", "forearm"],
  shoulders: ["shoulder"],
  hips: ["hip", "buttock"],
  back: ["upper back", "lower back"],
  "neck/shoulder": ["neck", "shoulder"],
  grip: ["hand"],
};
const OLD_LABELS = {
  legs: "Legs",
  arms: "Arms",
  shoulders: "Shoulders",
  hips: "Hips",
  back: "Back",
  "neck/shoulder": "Neck / shoulder",
  grip: "Grip",
  "whole body": "Whole body",
  other: "Other",
};

export const VIEWS = ["front", "back"];
export const regionOf = (key) => REGIONS.find((r) => r.key === key);

// A region on one side: "calf|left"; a region in the middle: "neck|".
export const cellId = (key, side) => `${key}|${side || ""}`;
export const sidesOf = (region) => (region.sided ? ["left", "right"] : [""]);

// Every cell a stored place covers: ("calf", "left") -> ["calf|left"]; ("legs", "both") ->
// both legs' regions; ("other") -> [].
export function cellsOf(where, side) {
  const keys = COARSE[where] || (regionOf(where) ? [where] : []);
  return keys.flatMap((key) => {
    const r = regionOf(key);
    if (!r.sided) return [cellId(key)];
    const sides = side === "left" || side === "right" ? [side] : ["left", "right"];
    return sides.map((s) => cellId(key, s));
  });
}

// The WPI area a cell counts for ("hip|left"), or null (hands and feet are not WPI areas).
export function wpiOf(cell) {
  const [key, side] = cell.split("|");
  const wpi = regionOf(key)?.wpi;
  return wpi ? `${wpi}|${side}` : null;
}

// "Left calf", "Neck"
export function cellLabel(cell) {
  const [key, side] = cell.split("|");
  const label = regionOf(key).label;
  return side ? `${side === "left" ? "Left" : "Right"} ${label.toLowerCase()}` : label;
}

// How a stored place reads: "Calf", "Legs", or the text itself.
export const placeLabel = (where) => regionOf(where)?.label ?? OLD_LABELS[where] ?? where;

// Word-chip choices for "Show as a list": every region, then `extra` ("other", "whole body").
export const placeOptions = (...extra) =>
  [...REGIONS.map((r) => r.key), ...extra].map((value) => ({ value, label: placeLabel(value) }));

// Every place a label is known for, old chips' words included (for labelOf in lists, export).
export const PLACES = placeOptions(...Object.keys(OLD_LABELS));

// Where a region's cell is drawn in a view: [x, y, w, h], or null if not seen from there.
export function shapeOf(cell, view) {
  const [key, side] = cell.split("|");
  const r = regionOf(key);
  const base = r?.[view];
  if (!base) return null;
  const [x, y, w, h] = base;
  const viewerLeft = view === "front" ? "right" : "left";
  return !side || side === viewerLeft ? base : [100 - x - w, y, w, h];
}

// Every cell seen in a view, in reading order (top to bottom, the viewer's left first).
export function cellsIn(view) {
  const cells = REGIONS.flatMap((r) => sidesOf(r).map((s) => cellId(r.key, s)));
  return cells
    .map((cell) => [cell, shapeOf(cell, view)])
    .filter(([, s]) => s)
    .sort(([, a], [, b]) => a[1] - b[1] || a[0] - b[0])
    .map(([cell]) => cell);
}

// The close-up a cell opens in a view: its zone's cells (one side, or both for head and trunk)
// and the window around them [x, y, w, h].
export function zoneOf(cell, view) {
  const [key, side] = cell.split("|");
  const zone = regionOf(key).zone;
  const cells = cellsIn(view).filter((c) => {
    const [k, s] = c.split("|");
    return regionOf(k).zone === zone && (ZONES[zone].both || !s || s === side);
  });
  const boxes = cells.map((c) => shapeOf(c, view));
  const x = Math.min(...boxes.map((b) => b[0])) - 4;
  const y = Math.min(...boxes.map((b) => b[1])) - 4;
  const w = Math.max(...boxes.map((b) => b[0] + b[2])) + 4 - x;
  const h = Math.max(...boxes.map((b) => b[1] + b[3])) + 4 - y;
  return { zone, label: ZONES[zone].label, cells, box: [x, y, w, h] };
}
