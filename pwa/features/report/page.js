// The doctor's page itself: a header (name only if typed), the sections, a footer; and the
// optional second page, every cramp and episode of the period. Also the text "Share" sends.
import { durationWords, plural } from "../../lib/format.js";
import { el } from "../../lib/ui.js";
import { APP_NAME, APP_VERSION } from "../../lib/version.js";
import { dayText } from "./figures.js";
import { sectionsOf } from "./sections.js";

export const DISCLAIMER = "Information recorded by the patient; not a diagnosis.";

const footer = (f, today) =>
  el(
    "footer",
    { class: "report-footer" },
    el(
      "p",
      {},
      `Period: ${f.period.words}. Made on ${dayText(today)} with ${APP_NAME} ${APP_VERSION}.`,
    ),
    el("p", { class: "report-disclaimer" }, DISCLAIMER),
  );

function head(f, name, title) {
  return el(
    "header",
    { class: "report-head" },
    el("h2", {}, title),
    name ? el("p", { class: "report-name", "data-name": "" }, `Name: ${name}`) : null,
    el("p", {}, f.period.words),
  );
}

export function firstPage(f, { name, today }) {
  return el(
    "article",
    { class: "report-page", "data-page": "1", "aria-label": "Page 1" },
    head(f, name, "Muscle symptoms: summary for the doctor"),
    el("div", { class: "report-sections" }, sectionsOf(f)),
    footer(f, today),
  );
}

const cell = (tag, text) => el(tag, {}, text);

export function rawPage(f, rows, { name, today }) {
  const table = rows.length
    ? el(
        "table",
        { class: "report-table" },
        el(
          "thead",
          {},
          el(
            "tr",
            {},
            [`When (${f.period.timeZone})`, "What", "Where", "Length", "Strength (0–10)"].map((t) =>
              cell("th", t),
            ),
          ),
        ),
        el(
          "tbody",
          {},
          rows.map((r) =>
            el(
              "tr",
              {},
              cell("td", r.when),
              cell("td", r.jelly ? `${r.kind} (legs turned to jelly)` : r.kind),
              cell("td", r.where),
              cell("td", r.length),
              cell("td", r.strength ?? ""),
            ),
          ),
        ),
      )
    : el("p", {}, "No cramps, knots or weakness logged in this period.");
  return el(
    "article",
    { class: "report-page report-raw", "data-page": "2", "aria-label": "Page 2" },
    head(f, name, "Every cramp, knot and weakness in the period"),
    table,
    footer(f, today),
  );
}

// The headline figures as plain text, for a message to the doctor.
export function shareText(f, name) {
  const c = f.cramps;
  const lines = [
    `${APP_NAME} summary${name ? ` for ${name}` : ""}, ${f.period.words}`,
    `Cramps: ${c.count} on ${plural(c.nights, "night")}` +
      (c.timed
        ? `; median ${durationWords(c.medianSeconds)}, longest ${durationWords(c.longestSeconds)}.`
        : "."),
    `Knots: ${f.knots.total} on ${plural(f.knots.days, "day")}. Weakness: ${f.weakness.total} on ${plural(f.weakness.days, "day")}.`,
    `Days over the energy budget: ${f.pacing.overDays}. Crashes: ${f.pacing.crashes.length}.`,
    `Magnesium logged on ${f.intakes.magnesium} of ${f.intakes.days} days; water on ${f.intakes.water}.`,
    DISCLAIMER,
  ];
  return lines.join("\n");
}
