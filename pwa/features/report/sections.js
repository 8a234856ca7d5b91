// The sections of the doctor's page, in order: each takes the figures (figures.js's
// reportFigures) and returns its <section>, or null to leave itself out. Add, replace or reorder
// sections in SECTIONS (e.g. an experiments section after "reliefs").
import { durationWords, plural } from "../../lib/format.js";
import { el } from "../../lib/ui.js";
import { nightsChart, trendLine } from "./charts.js";

const OWN_LOGS = "From the person's own logs; a pattern, not proof.";

const section = (key, title, ...body) =>
  el("section", { class: "report-section", "data-section": key }, el("h3", {}, title), ...body);

const counts = (rows, name = (r) => r.name) => rows.map((r) => `${name(r)} ${r.count}`).join(", ");
const capital = (s) => s[0].toUpperCase() + s.slice(1);

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
    nightsChart(c.weeks, summary),
    el("p", { class: "visually-hidden" }, summary),
    el(
      "p",
      {},
      `Muscles: ${counts(c.muscles, (m) => capital(m.name)) || "none said"}` +
        (c.muscles.length && c.unsaidMuscle ? `; not said ${c.unsaidMuscle}.` : "."),
    ),
    el(
      "p",
      {},
      `Started: ${counts(
        c.times.filter((t) => t.count),
        (t) => t.label,
      )}.`,
    ),
  );
}

function reliefLine(r) {
  const said = r.helped ? `, marked as helping ${plural(r.helped, "time")}` : "";
  const compare = r.enough
    ? `median length with it ${durationWords(r.with.medianSeconds)} (${plural(r.with.count, "cramp")}), without it ${durationWords(r.without.medianSeconds)} (${plural(r.without.count, "cramp")})`
    : `too few timed cramps with and without it to compare (${r.with.count} and ${r.without.count})`;
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

function knotsAndWeakness({ knots: k, weakness: w }) {
  const knots = k.total
    ? `Knots: ${plural(k.total, "knot")} on ${plural(k.days, "day")}. Where: ${counts(k.places, (p) => capital(p.name)) || "not said"}.` +
      (k.helped.length ? ` Marked as helping: ${counts(k.helped)}.` : "")
    : "Knots: none logged.";
  const weak = w.total
    ? `Weakness: ${plural(w.total, "time")} on ${plural(w.days, "day")}. Where: ${counts(w.places, (p) => capital(p.name)) || "not said"}.` +
      (w.jelly ? ` Legs turned to jelly: ${plural(w.jelly, "time")}.` : "")
    : "Weakness: none logged.";
  return section(
    "knots",
    "Knots and weakness",
    el("p", { "data-figure": "knots" }, knots),
    el("p", { "data-figure": "weakness" }, weak),
  );
}

function pacing({ pacing: p }) {
  if (!p.plannedDays && !p.crashAnswers)
    return section("pacing", "Pacing", el("p", {}, "No days planned and no crashes answered."));
  const after = p.crashes.map((c) =>
    c.after ? plural(c.after, "day") : "none in the week before",
  );
  return section(
    "pacing",
    "Pacing",
    el(
      "p",
      { "data-figure": "over" },
      `Days over the energy budget (${plural(p.budget, "point")}): ${p.overDays} of ${plural(p.plannedDays, "day")} planned.`,
    ),
    el(
      "p",
      { "data-figure": "crashes" },
      `Crashes: ${p.crashes.length} (of ${plural(p.crashAnswers, "morning")} answered).` +
        (after.length ? ` Days after an over-budget day: ${after.join("; ")}.` : ""),
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

function checkins({ checkins: series, period }) {
  const any = series.some((s) => s.count);
  const row = (s) =>
    el(
      "div",
      { class: "report-scale", "data-scale": s.key },
      el("p", { class: "report-scale-name" }, s.label),
      trendLine(s, period.days),
      el(
        "p",
        { class: "report-scale-text" },
        s.count
          ? `Median ${s.median}; first week ${s.first ?? "–"}, last week ${s.last ?? "–"} (${plural(s.count, "morning")}).`
          : "No answers.",
      ),
    );
  return section(
    "checkins",
    "Morning check-ins (0 = none, 10 = worst)",
    any ? series.map(row) : el("p", {}, "No morning check-ins in this period."),
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

export const SECTIONS = [cramps, reliefs, knotsAndWeakness, pacing, checkins, intakes];

export const sectionsOf = (f, list = SECTIONS) => list.map((s) => s(f)).filter(Boolean);
