// "What helps me" (/helps): figures from the person's own logs, computed on the phone by
// pwa/lib/stats.js. A figure is shown only with enough entries behind it, always with its
// count; otherwise the screen says how many more are needed.

import { list, onChange } from "../store.js";
import { profile } from "../lib/account.js";
import { barChart } from "../lib/chart.js";
import {
  MIN_EACH_SIDE, MIN_FOR_PATTERN, formatDuration, plural, whatHelps,
} from "../lib/stats.js";
import { el } from "../lib/ui.js";
import { KNOT_HELPED, LOCATIONS } from "./log-knot.js";
import { labelOf } from "./log-chips.js";

let unsubscribe = null;
let pending = null;

/** A card with a heading, its count line ("from 14 cramps") and its body. */
function figure(id, title, count, ...body) {
  return el(
    "section",
    { class: "card insight", "aria-labelledby": `${id}-title`, "data-figure": id },
    el("h2", { id: `${id}-title` }, title),
    count ? el("p", { class: "insight-count", "data-count": id }, count) : null,
    ...body,
  );
}

/** "Not enough yet: log 3 more cramps to see this." */
function needMore(n, noun, nouns = noun + "s") {
  return el("p", { class: "insight-need", "data-need": "" }, `Not enough yet: log ${n} more ${n === 1 ? noun : nouns} to see this.`);
}

function durationsFigure(d) {
  if (d.count < MIN_EACH_SIDE) {
    return figure("durations", "How long your cramps last", `${plural(d.count, "finished cramp")} so far`,
      needMore(MIN_EACH_SIDE - d.count, "cramp"));
  }
  return figure("durations", "How long your cramps last", `From ${plural(d.count, "cramp")}`,
    el("p", { class: "big-number" }, formatDuration(d.medianSeconds)),
    el("p", {}, "That is the middle value: half of your cramps were shorter, half longer."));
}

function reliefsFigure(reliefs) {
  const tried = reliefs.filter((r) => r.tried);
  const body = tried.length
    ? el("ul", { class: "list" }, tried.map((r) => el("li", { "data-relief": r.key, "data-enough": String(r.enough) }, r.text)))
    : el("p", { "data-need": "" }, "Nothing marked as tried yet. During or after a cramp, tap what you tried and what helped.");
  return figure("reliefs", "What you tried", null,
    el("p", { class: "hint" },
      `Each compares your own cramps with and without it, once there are ${MIN_EACH_SIDE} of each. ` +
      "It is a pattern, not proof: a long cramp may simply get more things tried."),
    body);
}

function weeksFigure(weeks) {
  if (weeks.total < MIN_FOR_PATTERN) {
    return figure("weeks", "Cramps per week", `${plural(weeks.total, "cramp")} in the last ${weeks.weeks.length} weeks`,
      needMore(MIN_FOR_PATTERN - weeks.total, "cramp"));
  }
  const chart = barChart(weeks.weeks.map((w) => ({ label: w.label, value: w.count })), {
    label: `Cramps per week, last ${weeks.weeks.length} weeks`,
    summary: weeks.text,
    valueLabel: (n) => plural(n, "cramp"),
  });
  return figure("weeks", "Cramps per week", `From ${plural(weeks.total, "cramp")} in the last ${weeks.weeks.length} weeks`,
    chart, el("p", {}, weeks.text));
}

function hoursFigure(hours) {
  if (!hours.enough) {
    return figure("hours", "When cramps start", `${plural(hours.total, "cramp")} so far`,
      needMore(MIN_FOR_PATTERN - hours.total, "cramp"));
  }
  const chart = barChart(hours.hours.map((h) => ({ label: h.label, value: h.count })), {
    label: "Cramps by the hour they started",
    summary: hours.text,
    valueLabel: (n) => plural(n, "cramp"),
    labelEvery: 3,
  });
  return figure("hours", "When cramps start", `From ${plural(hours.total, "cramp")}`, chart, el("p", {}, hours.text));
}

function knotsFigure(knots) {
  if (!knots.enough) {
    return figure("knots", "Knots by place", `${plural(knots.total, "knot")} so far`,
      needMore(MIN_FOR_PATTERN - knots.total, "knot"));
  }
  const text = `Most knots were in the ${labelOf(LOCATIONS, knots.locations[0].name).toLowerCase()}: ` +
    `${knots.locations[0].count} of ${knots.total}.`;
  const chart = barChart(knots.locations.map((l) => ({ label: labelOf(LOCATIONS, l.name), value: l.count })), {
    label: "Knots by place", summary: text, valueLabel: (n) => plural(n, "knot"),
  });
  const helped = knots.helped.length
    ? el("p", {}, "Marked as helping: " +
      knots.helped.map((h) => `${labelOf(KNOT_HELPED, h.name).toLowerCase()} (${h.count})`).join(", ") + ".")
    : null;
  return figure("knots", "Knots by place", `From ${plural(knots.total, "knot")}`, chart, el("p", {}, text), helped);
}

function weaknessFigure(w) {
  if (!w.enough) {
    return figure("weakness", "Weakness", `${plural(w.total, "entry", "entries")} so far`,
      needMore(MIN_FOR_PATTERN - w.total, "entry", "entries"));
  }
  return figure("weakness", "Weakness", `From ${plural(w.total, "entry", "entries")}`,
    el("p", {}, w.text),
    el("p", {}, `Legs turned to jelly: ${plural(w.jelly, "time")}.`));
}

async function render(root) {
  const me = await profile();
  const [cramps, knots, weakness] = await Promise.all([list("cramps"), list("knots"), list("weakness")]);
  const s = whatHelps({ cramps, knots, weakness }, { startHour: me.day_start_hour ?? 4 });
  root.replaceChildren(
    el("h1", {}, "What helps me"),
    el("p", { class: "hint" }, "From your own logs on this phone. Information, not medical advice."),
    durationsFigure(s.durations),
    reliefsFigure(s.reliefs),
    weeksFigure(s.weeks),
    hoursFigure(s.hours),
    knotsFigure(s.knots),
    weaknessFigure(s.weakness),
    el("p", {}, "Something new or worrying? ", el("a", { href: "/learn#learn-doctor" }, "When to see a doctor"), "."),
  );
}

export async function mount(root) {
  const host = el("div", { class: "stack" });
  root.append(host);
  await render(host);
  unsubscribe = onChange(() => {
    // Many changes arrive together after a sync: draw once.
    clearTimeout(pending);
    pending = setTimeout(() => render(host), 300);
  });
}

export function unmount() {
  clearTimeout(pending);
  if (unsubscribe) unsubscribe();
  unsubscribe = null;
}
