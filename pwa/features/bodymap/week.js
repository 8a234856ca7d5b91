// "Where this week": the map shaded by how often each region came up in the last 7 days, the
// count on each region, and how many of the 19 pain areas had a knot or cramp.

import { list } from "../../store.js";
import { plural } from "../../lib/format.js";
import { el } from "../../lib/ui.js";
import { countsByRegion } from "./counts.js";
import { shadedViews } from "./figure.js";
import { WPI_AREAS, cellLabel } from "./regions.js";

const WEEK = 7 * 86400e3;

// The last 7 days from the store -> countsByRegion's figures.
export async function weekCounts(now = Date.now()) {
  const [cramps, knots, weakness] = await Promise.all(
    ["cramps", "knots", "weakness"].map((name) => list(name)),
  );
  return countsByRegion({ cramps, knots, weakness }, now - WEEK, now + 1);
}

// The card's content: the sentence, the two figures, and the counts as a list (the same numbers
// for screen readers and for anyone who prefers words).
export function weekView({ counts, areas, total, elsewhere }) {
  const cells = Object.keys(counts).sort((a, b) => counts[b] - counts[a]);
  return [
    el(
      "p",
      { class: "big-text", "data-areas": areas.length },
      `${areas.length} of ${WPI_AREAS.length} pain areas this week`,
    ),
    el(
      "p",
      { class: "hint" },
      "Areas of the Widespread Pain Index with a knot or cramp logged in the last 7 days. " +
        "Darker means more often; the number is how many times.",
    ),
    el("div", { class: "bm-week" }, shadedViews(counts)),
    total
      ? el(
          "ul",
          { class: "list bm-counts", "data-counts": "" },
          cells.map((c) =>
            el("li", { "data-cell": c }, `${cellLabel(c)}: ${plural(counts[c], "time")}`),
          ),
        )
      : el("p", {}, "No knots, cramps or weakness logged on the map in the last 7 days."),
    elsewhere > 0 && el("p", {}, `Not on the map (other places): ${plural(elsewhere, "time")}.`),
  ].filter(Boolean);
}
