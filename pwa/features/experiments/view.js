// Parts of the experiments screen: the plan as a line of blocks, and a result in words and figures.
import { el } from "../../lib/ui.js";
import { armLine } from "./analysis.js";
import { fixWords } from "./fixes.js";
import { blockOf, blocksOf } from "./plan.js";

const short = (day) =>
  new Date(`${day}T12:00`).toLocaleDateString([], { day: "numeric", month: "short" });

// The plan as a calendar line: one cell per block, "with" filled, today's block marked.
export function calendarLine(e, today) {
  const now = today && blockOf(e, today);
  return el(
    "ol",
    { class: "exp-line", "aria-label": "The plan, block by block", "data-plan": "" },
    blocksOf(e).map((b) =>
      el(
        "li",
        {
          class: "exp-block",
          "data-arm": b.arm,
          "aria-current": now?.index === b.index ? "step" : null,
        },
        el("span", { class: "exp-arm" }, b.arm === "with" ? "With" : "Without"),
        el("span", { class: "exp-days" }, `${short(b.from)}–${short(b.to)}`),
      ),
    ),
  );
}

// The verdict first, then the figures per arm and per block, and the days it rests on.
export function resultView(e, r) {
  return el(
    "div",
    { class: "stack", "data-result": r.verdict.kind },
    el("p", { class: "exp-verdict" }, r.verdict.text),
    el(
      "ul",
      { class: "exp-figures" },
      el("li", {}, `With ${fixWords(e)}: ${armLine(r.arms.with)}.`),
      el("li", {}, `Without: ${armLine(r.arms.without)}.`),
      el(
        "li",
        {},
        `You said you did it on ${r.adherence.yes} of ${r.adherence.days} "with" days` +
          (r.adherence.unanswered ? ` (${r.adherence.unanswered} not answered).` : "."),
      ),
    ),
    el(
      "details",
      {},
      el("summary", {}, "Block by block"),
      el(
        "ul",
        {},
        r.blocks
          .filter((b) => b.nights)
          .map((b) =>
            el(
              "li",
              {},
              `${short(b.from)}–${short(b.to)}, ${b.arm}: ${b.crampNights} of ${b.nights} nights with a cramp`,
            ),
          ),
      ),
    ),
  );
}
