// What helps me at a glance: for each thing tried during a cramp, the typical length with it and
// without it as two bars one above the other, with their counts, in reliefAnswers' order (most
// helpful first). Uncertain ones are drawn faint and dashed, and say "uncertain" in words too.
// The words are HTML, so they grow with the person's text size; the bars are SVG, sized by
// attributes (CSP: no style attributes), coloured from CSS.
import { minutesWords, plural } from "../../lib/format.js";
import { el, svg } from "../../lib/ui.js";

// Rows for the answers with a figure: each bar's share of the longest bar shown (0 to 1].
export function reliefLayout(answers) {
  const shown = answers.filter((a) => a.enough);
  const max = Math.max(
    1,
    ...shown.flatMap((a) => [a.withIt, a.without].map((s) => s.medianSeconds)),
  );
  const bar = (s, kind) => ({
    kind,
    share: Math.max(0.02, s.medianSeconds / max),
    text: `${minutesWords(s.medianSeconds)}, ${plural(s.count, "cramp")}`,
  });
  return shown.map((a) => ({
    key: a.key,
    certain: a.certain,
    title: a.certain ? a.label : `${a.label} (uncertain)`,
    bars: [bar(a.withIt, "with"), bar(a.without, "without")],
  }));
}

// The longest bar takes the whole line; its words go under it.
const barSvg = (b) => {
  const width = `${Math.round(b.share * 1000) / 10}%`;
  const drawing = svg("svg", {
    class: "relief-bar",
    viewBox: "0 0 100 12",
    preserveAspectRatio: "none",
    width,
    height: "1em",
    focusable: "false",
    "aria-hidden": "true",
  });
  drawing.append(
    svg("rect", {
      class: `chart-bar chart-bar-${b.kind}`,
      x: 1,
      y: 1,
      width: 98,
      height: 10,
      rx: 2,
      "vector-effect": "non-scaling-stroke",
    }),
  );
  return drawing;
};

// One figure read out as `label` and `summary` (the sentences); its parts are for the eye.
export function reliefChart(answers, { label, summary }) {
  return el(
    "figure",
    {
      class: "relief-chart",
      role: "img",
      "aria-label": `${label}. ${summary}`,
      "data-relief-chart": "",
    },
    reliefLayout(answers).map((row) =>
      el(
        "div",
        {
          class: row.certain ? "relief-row" : "relief-row chart-uncertain",
          "data-relief": row.key,
          "data-certain": String(row.certain),
        },
        el("p", { class: "relief-title" }, row.title),
        row.bars.map((b) =>
          el(
            "div",
            { class: "relief-line", "data-bar": b.kind },
            el("span", { class: "relief-tag" }, b.kind),
            el(
              "span",
              { class: "relief-track" },
              barSvg(b),
              el("span", { class: "relief-value" }, b.text),
            ),
          ),
        ),
      ),
    ),
  );
}
