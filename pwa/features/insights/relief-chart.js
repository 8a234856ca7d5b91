// What helps me at a glance: for each thing tried during a cramp, the typical length with it and
// without it as two bars side by side, with their counts, in reliefAnswers' order (most helpful
// first). Uncertain ones are drawn faint and dashed, and say "uncertain" in words too.
// No style attributes (CSP): colours come from CSS.
import { minutesWords, plural } from "../../lib/format.js";
import { svg } from "../../lib/ui.js";

const W = 360;
const TAG = 64; // room for "with" / "without" before the bars
const VALUE = 112; // room after the longest bar for "12 min, 14 cramps"
const BAR = 16;
const ROW = 72;

export function reliefLayout(answers) {
  const shown = answers.filter((a) => a.enough);
  const max = Math.max(
    1,
    ...shown.flatMap((a) => [a.withIt, a.without].map((s) => s.medianSeconds)),
  );
  const room = W - TAG - VALUE;
  const bar = (s, y, kind) => {
    const width = Math.max(2, Math.round((s.medianSeconds / max) * room));
    return {
      kind,
      x: TAG,
      y,
      width,
      height: BAR,
      text: `${minutesWords(s.medianSeconds)}, ${plural(s.count, "cramp")}`,
    };
  };
  const rows = shown.map((a, i) => {
    const top = i * ROW;
    return {
      key: a.key,
      certain: a.certain,
      title: a.certain ? a.label : `${a.label} (uncertain)`,
      titleY: top + 16,
      bars: [bar(a.withIt, top + 24, "with"), bar(a.without, top + 46, "without")],
    };
  });
  return { width: W, height: rows.length * ROW, rows };
}

let count = 0;

export function reliefChart(answers, { label, summary }) {
  const L = reliefLayout(answers);
  const id = `relief-chart-${++count}`;
  const chart = svg("svg", {
    class: "chart",
    viewBox: `0 0 ${L.width} ${L.height}`,
    width: "100%",
    role: "img",
    focusable: "false",
    "aria-labelledby": `${id}-t`,
    "aria-describedby": `${id}-d`,
    fill: "currentColor",
    "data-relief-chart": "",
  });
  chart.append(svg("title", { id: `${id}-t` }, label), svg("desc", { id: `${id}-d` }, summary));
  for (const row of L.rows) {
    const g = svg("g", {
      class: row.certain ? "chart-row" : "chart-row chart-uncertain",
      "data-relief": row.key,
      "data-certain": String(row.certain),
    });
    g.append(
      svg("text", { class: "chart-label", x: 0, y: row.titleY, "font-size": 14 }, row.title),
    );
    for (const b of row.bars) {
      const rect = svg("rect", {
        class: `chart-bar chart-bar-${b.kind}`,
        x: b.x,
        y: b.y,
        width: b.width,
        height: b.height,
        rx: 3,
      });
      rect.append(svg("title", {}, `${b.kind === "with" ? "With it" : "Without it"}: ${b.text}`));
      const middle = b.y + b.height - 3;
      g.append(
        svg("text", { class: "chart-value", x: 0, y: middle, "font-size": 12 }, b.kind),
        rect,
        svg(
          "text",
          { class: "chart-value", x: b.x + b.width + 6, y: middle, "font-size": 12 },
          b.text,
        ),
      );
    }
    chart.append(g);
  }
  return chart;
}
