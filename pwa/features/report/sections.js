// The sections of the doctor's page, in order: each takes the figures (figures.js's
// reportFigures) and returns its <section>, or null to leave itself out. Add, replace or reorder
// sections in SECTIONS (e.g. an experiments section after "reliefs").
import { capitalize, durationWords, minutesWords, plural } from "../../lib/format.js";
import { el } from "../../lib/ui.js";
import { WPI_AREAS, placeLabel } from "../bodymap/regions.js";
import { shadedViews } from "../bodymap/figure.js";
import { nightsChart, trendLine } from "./charts.js";

const OWN_LOGS = "From the person's own logs; a pattern, not proof.";

const section = (key, title, ...body) =>
  el("section", { class: "report-section", "data-section": key }, el("h3", {}, title), ...body);

const counts = (rows, name = (r) => r.name) => rows.map((r) => `${name(r)} ${r.count}`).join(", ");

function cramps({ cramps: c }) {
  if (!c.count) return section("cramps", "Cramps", el("p", {}, "No cramps logged in this period."));
  const weeks = c.weeks.map((w) => w.nights).join(", ");
  const summary = `Nights with cramps, week by week: ${weeks}.`;
  return section(
    "cramps",
    "Cramps",
    el(
      "p",
      { class: "report-headline", "data-figure": "cramps" },
      `${plural(c.count, "cramp")} on ${plural(c.nights, "night")}.`,
    ),
    el(
      "p",
      { "data-figure": "lengths" },
      c.timed
        ? `Median length ${durationWords(c.medianSeconds)}, longest ${durationWords(c.longestSeconds)} (from ${plural(c.timed, "timed cramp")}).`
        : "No cramp was timed.",
      c.leftOut ? ` ${plural(c.leftOut, "length")} over 3 hours left out (a timer left on).` : "",
    ),
    el(
      "p",
      { class: "report-caption", "aria-hidden": "true" },
      "Nights with cramps, by week starting:",
    ),
    nightsChart(c.weeks, summary),
    el(
      "p",
      {},
      `Muscles: ${counts(c.muscles, (m) => capitalize(placeLabel(m.name))) || "none said"}` +
        (c.muscles.length && c.unsaidMuscle ? `; not said ${c.unsaidMuscle}.` : "."),
    ),
    el(
      "p",
      {},
      `Started: ${c.times
        .filter((t) => t.count)
        .map((t) => `${t.label}: ${t.count}`)
        .join("; ")}.`,
    ),
  );
}

function reliefLine(r) {
  const said = r.helped ? `, marked as helping ${plural(r.helped, "time")}` : "";
  const median = (side) => `${minutesWords(side.medianSeconds)} (${plural(side.count, "cramp")})`;
  const compare = r.enough
    ? `median ${median(r.with)} with it, ${median(r.without)} without${r.certain ? "" : " (uncertain: few cramps or lengths that overlap)"}`
    : `too few timed cramps to compare (${r.with.count} with it, ${r.without.count} without)`;
  return el(
    "li",
    { "data-relief": r.key },
    `${r.label}: tried in ${plural(r.tried, "cramp")}${said}; ${compare}.`,
  );
}

function reliefs({ reliefs: rs }) {
  return section(
    "reliefs",
    "What shortened the cramps",
    el("p", { class: "report-note" }, OWN_LOGS),
    rs.length
      ? el("ul", { class: "report-list" }, rs.map(reliefLine))
      : el("p", {}, "Nothing was marked as tried in this period."),
  );
}

// A finished experiment: its verdict in words, which carries its figures and days.
function experiments({ experiments: results }) {
  if (!results.length) return null;
  return section(
    "experiments",
    "Try it and see: personal experiments",
    el("p", { class: "report-note" }, OWN_LOGS),
    el(
      "ul",
      { class: "report-list" },
      results.map((r) => el("li", { "data-experiment": r.fix }, `${r.label}: ${r.verdict.text}`)),
    ),
  );
}

// The body map shaded by how often each place came up in the period (knots, cramps, weakness).
function whereMap({ counts, areas, total }) {
  if (!total) return null;
  return el(
    "div",
    { class: "report-map", "data-figure": "where" },
    el(
      "p",
      { class: "report-caption" },
      `Where, on the body map (darker: more often; ${areas.length} of ${WPI_AREAS.length} pain areas with a knot or cramp):`,
    ),
    el("div", { class: "report-map-views" }, shadedViews(counts, "report-map-view")),
  );
}

function knotsAndWeakness({ knots: k, weakness: w, where }) {
  const knots = k.total
    ? `Knots: ${plural(k.total, "knot")} on ${plural(k.days, "day")}. Where: ${counts(k.places, (p) => capitalize(placeLabel(p.name))) || "not said"}.` +
      (k.helped.length ? ` Marked as helping: ${counts(k.helped)}.` : "")
    : "Knots: none logged.";
  const weak = w.total
    ? `Weakness: ${plural(w.total, "time")} on ${plural(w.days, "day")}. Where: ${counts(w.places, (p) => capitalize(placeLabel(p.name))) || "not said"}.` +
      (w.jelly ? ` Legs turned to jelly: ${plural(w.jelly, "time")}.` : "")
    : "Weakness: none logged.";
  return section(
    "knots",
    "Knots and weakness",
    el("p", { "data-figure": "knots" }, knots),
    el("p", { "data-figure": "weakness" }, weak),
    whereMap(where),
  );
}

// " Came after an over-budget day: 8 the next day, 4 after 2 days; 1 with none in the week before."
function crashTiming(crashes) {
  const groups = new Map();
  for (const { after } of crashes) groups.set(after, (groups.get(after) || 0) + 1);
  const lags = [...groups].filter(([k]) => k).sort((a, b) => a[0] - b[0]);
  const said = lags.map(([k, n]) => (k === 1 ? `${n} the next day` : `${n} after ${k} days`));
  const none = groups.get(null);
  return (
    (said.length ? ` Came after an over-budget day: ${said.join(", ")}.` : "") +
    (none ? ` ${none} with no over-budget day in the week before.` : "")
  );
}

function pacing({ pacing: p }) {
  if (!p.plannedDays && !p.crashAnswers)
    return section("pacing", "Pacing", el("p", {}, "No days planned and no crashes answered."));
  return section(
    "pacing",
    "Pacing",
    el(
      "p",
      { "data-figure": "over" },
      p.plannedDays
        ? `Days over the energy budget (${plural(p.budget, "point")}): ${p.overDays} of ${plural(p.plannedDays, "day")} planned.`
        : "No days planned.",
    ),
    el(
      "p",
      { "data-figure": "crashes" },
      `Crashes: ${p.crashes.length} (of ${plural(p.crashAnswers, "morning")} answered).${crashTiming(p.crashes)}`,
    ),
    el(
      "p",
      {},
      p.held
        ? `Held without a crash: ${plural(p.held.points, "point")} a day or more, on ${plural(p.held.days, "day")}.`
        : "Too few days yet to say what budget holds without a crash.",
    ),
  );
}

function checkins({ checkins: series, woke, period }) {
  const answered = series.filter((s) => s.count);
  const unanswered = series.filter((s) => !s.count).map((s) => s.label.toLowerCase());
  const row = (s) =>
    el(
      "div",
      { class: "report-scale", "data-scale": s.key },
      el(
        "p",
        {},
        el("span", { class: "report-scale-name" }, s.label),
        `: median ${s.median}; first week ${s.first ?? "–"}, last week ${s.last ?? "–"} (${plural(s.count, "morning")}).`,
      ),
      trendLine(s, period.days),
    );
  return section(
    "checkins",
    "Morning check-ins (0 = none, 10 = worst; sleep the other way)",
    answered.length
      ? [
          ...answered.map(row),
          woke.answered
            ? el(
                "p",
                { "data-figure": "woke" },
                `Woke with a cramp: ${woke.yes} of ${plural(woke.answered, "morning")} answered.`,
              )
            : null,
          unanswered.length ? el("p", {}, `Not answered: ${unanswered.join(", ")}.`) : null,
        ]
      : el("p", {}, "No morning check-ins in this period."),
  );
}

function intakes({ intakes: i }) {
  return section(
    "intakes",
    "Magnesium and water logged",
    el(
      "p",
      { "data-figure": "intakes" },
      `Magnesium on ${i.magnesium} of ${i.days} days; water on ${i.water} of ${i.days} days.`,
    ),
  );
}

export const SECTIONS = [cramps, reliefs, experiments, knotsAndWeakness, pacing, checkins, intakes];

export const sectionsOf = (f, list = SECTIONS) => list.map((s) => s(f)).filter(Boolean);
