// /cramp's "Past cramps": the newest 20 (or all), each a link to its edit form. Loaded after the
// timer shows: /cramp imports it lazily.

import { durationShort } from "../../lib/format.js";
import { el } from "../../lib/ui.js";
import { list } from "../../store.js";
import { placeLabel } from "../bodymap/picker.js";
import { summary, whenText } from "../log/chips.js";
import { triedOptions } from "./details.js";
import { crampSeconds } from "./length.js";
import { isRunning, newestFirst } from "./timer.js";

function pastItem(c) {
  const secs = crampSeconds(c);
  const more = summary(
    c.muscle && placeLabel(c.muscle),
    c.side,
    c.intensity,
    c.reliefs_helped,
    triedOptions(c.reliefs_helped || []),
  );
  return el(
    "li",
    {},
    el(
      "a",
      { class: "entry", href: `/cramp?edit=${encodeURIComponent(c.id)}`, "data-cramp": c.id },
      el("span", { class: "entry-main" }, whenText(c.started_at)),
      el("span", { class: "entry-value" }, secs == null ? "Not stopped" : durationShort(secs)),
      more && el("span", { class: "entry-more" }, more),
    ),
  );
}

// Fills host with the past cramps (all of them, or the newest 20 and "Show all").
export async function renderPast(host, all) {
  const past = newestFirst(await list("cramps")).filter((c) => c.started_at && !isRunning(c));
  const shown = all ? past : past.slice(0, 20);
  host.replaceChildren(
    ...[
      el("h2", { id: "past-cramps" }, "Past cramps"),
      past.length
        ? el("p", { class: "hint" }, `${past.length} in all. Tap one to change or delete it.`)
        : el("p", {}, "No cramps logged yet."),
      past.length &&
        el("ul", { class: "list entries", "aria-labelledby": "past-cramps" }, shown.map(pastItem)),
      shown.length < past.length &&
        el(
          "button",
          { class: "btn btn-block", type: "button", onclick: () => renderPast(host, true) },
          `Show all ${past.length}`,
        ),
    ].filter(Boolean),
  );
}
