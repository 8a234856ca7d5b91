// /helps: figures from the person's logs, each with its count, or how many more are needed.

import { list, onChange } from "../store.js";
import { profile } from "../lib/account.js";
import { MIN_FOR_PATTERN as MIN, barChart, whatHelps } from "../features/insights/stats.js";
import {
  BETWEEN_EPISODES,
  MIN_CLEAR,
  MIN_EACH_SIDE,
  helpedWords,
} from "../features/insights/reliefs.js";
import { reliefChart } from "../features/insights/relief-chart.js";
import { GOOD_SLEEP, POOR_SLEEP, sleepNights } from "../features/insights/sleep.js";
import { capitalize, minutesWords, plural } from "../lib/format.js";
import { el } from "../lib/ui.js";
import { labelOf } from "../features/log/chips.js";
import { KNOT_HELPED, LOCATIONS } from "../features/log/knots.js";

let unsubscribe = null;
let pending = null;

function figure(id, title, count, ...body) {
  return el(
    "section",
    { class: "card insight", "aria-labelledby": `${id}-t`, "data-figure": id },
    el("h2", { id: `${id}-t` }, title),
    el("p", { class: "insight-count", "data-count": id }, count),
    ...body,
  );
}

function gated(
  id,
  title,
  n,
  min,
  [one, many = one + "s"],
  body,
  tail = "",
  few = `${plural(n, one, many)}${tail || " so far"}`,
) {
  if (n >= min) return figure(id, title, `From ${plural(n, one, many)}${tail}`, ...body());
  return figure(
    id,
    title,
    few,
    el(
      "p",
      { class: "insight-need", "data-need": "" },
      `Not enough yet: log ${plural(min - n, `more ${one}`, `more ${many}`)} to see this.`,
    ),
  );
}

// A figure with a hint under it (what was left out of it), if any.
const withNote = (node, note) => {
  if (note) node.append(el("p", { class: "hint", "data-left-out": "" }, note));
  return node;
};

const chart = (rows, label, summary, noun, labelEvery) => [
  barChart(rows, { label, summary, labelEvery, valueLabel: (n) => plural(n, noun) }),
  el("p", {}, summary),
];

// What shortened cramps: one line each (the answer first), then the two lengths side by side.
function reliefsCard(answers) {
  const shown = answers.filter((r) => r.enough);
  const between = BETWEEN_EPISODES.map((r) => r.label.toLowerCase()).join(" and ");
  return el(
    "section",
    { class: "card insight", "aria-labelledby": "reliefs-t", "data-figure": "reliefs" },
    el("h2", { id: "reliefs-t" }, "What shortened your cramps"),
    answers.length
      ? el(
          "ul",
          { class: "list" },
          answers.map((r) =>
            el(
              "li",
              {
                "data-relief": r.key,
                "data-enough": String(r.enough),
                "data-certain": String(r.certain),
              },
              [r.sentence, helpedWords(r)].filter(Boolean).join(" "),
            ),
          ),
        )
      : el(
          "p",
          { "data-need": "" },
          "Nothing marked as tried yet. During or after a cramp, tap what you tried and what helped.",
        ),
    shown.length
      ? reliefChart(answers, {
          label: "Typical cramp length with and without each thing tried",
          summary: shown.map((r) => r.sentence).join(" "),
        })
      : null,
    el(
      "p",
      { class: "hint" },
      "The middle length of your cramps with and without each thing. " +
        `Uncertain: fewer than ${MIN_CLEAR} of each, or lengths that overlap a lot. ` +
        "A pattern, not proof: long cramps may simply get more things tried.",
    ),
    el(
      "p",
      { "data-between": "" },
      `${capitalize(between)} act over days, not during a cramp, so they are not compared here. `,
      el("a", { href: "/experiments" }, "Try it and see"),
      " tests them.",
    ),
  );
}

function sleepCard(n) {
  const total = n.poor.nights + n.good.nights;
  return figure(
    "sleep",
    "Sleep and night cramps",
    n.enough ? `From ${plural(total, "night")}` : `${plural(total, "night")} so far`,
    el("p", { "data-sleep": n.enough ? "ready" : "need" }, n.text),
    el(
      "p",
      { class: "hint" },
      `Poor sleep: ${POOR_SLEEP} or less out of 10; good: ${GOOD_SLEEP} or more. ` +
        "A cramp night: a cramp logged from 6 pm until your day starts, or waking with one. " +
        "Only nights with a check-in the next morning count.",
    ),
  );
}

async function render(root) {
  const me = await profile();
  const [cramps, knots, weakness, checkins] = await Promise.all(
    ["cramps", "knots", "weakness", "checkins"].map(list),
  );
  const opts = { startHour: me.day_start_hour };
  const s = whatHelps({ cramps, knots, weakness }, opts);
  const { durations: d, weeks: w, hours: h, knots: k, weakness: wk } = s;
  const tried = s.reliefs.filter((r) => r.tried);
  const nights = sleepNights({ cramps, checkins }, opts);
  const n = w.weeks.length;

  root.replaceChildren(
    el("h1", {}, "What helps me"),
    el(
      "p",
      { class: "hint" },
      "From your own logs on this phone. Information, not medical advice.",
    ),
    reliefsCard(tried),
    withNote(
      gated(
        "durations",
        "How long your cramps last",
        d.count,
        MIN_EACH_SIDE,
        ["cramp"],
        () => [
          el("p", { class: "big-number" }, minutesWords(d.medianSeconds)),
          el("p", {}, "That is the middle value: half of your cramps were shorter, half longer."),
        ],
        "",
        `${plural(d.count, "finished cramp")} so far`,
      ),
      d.note,
    ),
    sleepCard(nights),
    gated(
      "weeks",
      "Cramps per week",
      w.total,
      MIN,
      ["cramp"],
      () =>
        chart(
          w.weeks.map((b) => ({ label: b.label, value: b.count })),
          `Cramps per week, last ${n} weeks`,
          w.text,
          "cramp",
        ),
      ` in the last ${n} weeks`,
    ),
    gated("hours", "When cramps start", h.total, MIN, ["cramp"], () =>
      chart(
        h.hours.map((x) => ({ label: x.label, value: x.count })),
        "Cramps by the hour they started",
        h.text,
        "cramp",
        3,
      ),
    ),
    gated("knots", "Knots by place", k.total, MIN, ["knot"], () => [
      ...chart(
        k.locations.map((l) => ({ label: labelOf(LOCATIONS, l.name), value: l.count })),
        "Knots by place",
        k.text,
        "knot",
      ),
      k.helped.length
        ? el(
            "p",
            {},
            `Marked as helping: ${k.helped
              .map((x) => `${labelOf(KNOT_HELPED, x.name).toLowerCase()} (${x.count})`)
              .join(", ")}.`,
          )
        : null,
    ]),
    gated("weakness", "Weakness", wk.total, MIN, ["entry", "entries"], () => [
      el("p", {}, wk.text),
      el("p", {}, `Legs turned to jelly: ${plural(wk.jelly, "time")}.`),
    ]),
    el(
      "p",
      {},
      "For an appointment: ",
      el("a", { href: "/report" }, "Report for your doctor"),
      ", one page to print or share.",
    ),
    el(
      "p",
      {},
      "Something new or worrying? ",
      el("a", { href: "/learn#learn-doctor" }, "When to see a doctor"),
      ".",
    ),
  );
}

export async function mount(root) {
  const host = el("div", { class: "stack" });
  const where = el("a", { class: "btn btn-block", href: "/body" }, "Where this week (body map)");
  root.append(host, where);
  await render(host);
  unsubscribe = onChange(() => {
    // Many changes arrive together after a sync: draw once.
    clearTimeout(pending);
    pending = setTimeout(() => render(host), 300);
  });
}

export function unmount() {
  clearTimeout(pending);
  unsubscribe?.();
  unsubscribe = null;
}
