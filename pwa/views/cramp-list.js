// Past cramps, newest first, with how long each lasted; each one opens for editing.

import { list } from "../store.js";
import { el } from "../lib/ui.js";
import { detailsText } from "./cramp-details.js";
import { isRunning, lengthSeconds, lengthText, newestFirst } from "./cramp-timer.js";
import { whenText } from "./log-chips.js";

const FIRST = 20;

/** One past cramp as a link to its details. */
function item(cramp) {
  const secs = lengthSeconds(cramp);
  const details = detailsText(cramp);
  return el(
    "li",
    {},
    el(
      "a",
      { class: "entry", href: `/cramp?edit=${encodeURIComponent(cramp.id)}`, "data-cramp": cramp.id },
      el("span", { class: "entry-main" }, whenText(cramp.started_at)),
      el("span", { class: "entry-value" }, secs == null ? "Not stopped" : lengthText(secs)),
      details ? el("span", { class: "entry-more" }, details) : null,
    ),
  );
}

/** Fill `host` with the list of finished (and forgotten) cramps. */
export async function renderPast(host, { all = false } = {}) {
  const past = newestFirst(await list("cramps")).filter((c) => c.started_at && !isRunning(c));
  const shown = all ? past : past.slice(0, FIRST);
  host.replaceChildren(...[
    el("h2", { id: "past-cramps" }, "Past cramps"),
    past.length
      ? el("p", { class: "hint" }, `${past.length} in all. Tap one to change or delete it.`)
      : el("p", {}, "No cramps logged yet."),
    past.length ? el("ul", { class: "list entries", "aria-labelledby": "past-cramps" }, shown.map(item)) : null,
    shown.length < past.length
      ? el("button", { class: "btn btn-block", type: "button", onclick: () => renderPast(host, { all: true }) },
        `Show all ${past.length}`)
      : null,
  ].filter(Boolean));
}
