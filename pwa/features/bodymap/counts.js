// How often each region came up: knots, cramps and weakness in a period, counted on the map.

import { whenOf } from "../../lib/collections.js";
import { cellsOf, wpiOf } from "./regions.js";

// The field each collection keeps its place in (side: cramps and knots only).
export const PLACE_FIELD = { cramps: "muscle", knots: "location", weakness: "body_area" };

// records: {cramps, knots, weakness} (lists of stored records; any may be missing), counted when
// dated in [since, until) (Dates or ms). A record counts once on every cell its place covers
// (an old "legs" on each leg region).
// -> {counts: {cell: n}, areas: WPI areas with a knot or cramp (weakness is not pain),
//     total: records on the map, elsewhere: records with a place not on the map ("other"),
//     unplaced: records with no place}
export function countsByRegion(records, since, until = Infinity) {
  const counts = {};
  const areas = new Set();
  let total = 0;
  let elsewhere = 0;
  let unplaced = 0;
  for (const [name, field] of Object.entries(PLACE_FIELD)) {
    for (const r of records[name] || []) {
      const at = Date.parse(whenOf(name, r));
      if (!(at >= +since && at < +until)) continue;
      if (!r[field]) {
        unplaced++;
        continue;
      }
      const cells = cellsOf(r[field], name === "weakness" ? null : r.side);
      if (!cells.length) {
        elsewhere++;
        continue;
      }
      total++;
      for (const cell of cells) {
        counts[cell] = (counts[cell] || 0) + 1;
        const area = name !== "weakness" && wpiOf(cell);
        if (area) areas.add(area);
      }
    }
  }
  return { counts, areas: [...areas].sort(), total, elsewhere, unplaced };
}
