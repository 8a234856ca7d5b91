// The body map as elements: the front and back figures shaded by counts, each captioned. Used by
// the week view and the doctor's page (no store here, so the report's figures stay testable).
import { el } from "../../lib/ui.js";
import { VIEW_NAMES, bodyMapSvg } from "./map.js";
import { VIEWS } from "./regions.js";

const drawn = (text) =>
  document.importNode(new DOMParser().parseFromString(text, "image/svg+xml").documentElement, true);

// The front and back figures shaded by counts, each captioned: the week view's and the report's.
export const shadedViews = (counts, className = "bm-week-view") =>
  VIEWS.map((view) =>
    el(
      "figure",
      { class: className },
      drawn(bodyMapSvg({ view, counts })),
      el("figcaption", {}, VIEW_NAMES[view]),
    ),
  );
