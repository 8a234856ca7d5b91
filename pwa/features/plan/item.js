// One planned activity as one line (title, minutes, points, state); steps and actions when opened.
import { pts } from "./pacing.js";
import { btn, el, toast } from "../../lib/ui.js";
import { remove, save } from "../../store.js";
import { days, moveActivity } from "./data.js";
import { costChooser, startStep } from "./timer.js";

const STATE = { doing: "Doing now", done: "Done", stopped: "Stopped early", skipped: "Skipped" };
// Which activities the person opened: Plan redraws on every change and keeps them open.
const opened = new Set();

function stateText(a) {
  const logged = a.status === "done" || a.status === "stopped";
  const cost = logged && a.spent_cost != null && a.spent_cost !== a.energy_cost;
  return STATE[a.status] ? STATE[a.status] + (cost ? `, ${pts(a.spent_cost)}` : "") : "";
}

function line(a) {
  const meta = [a.minutes && `${a.minutes} min`, pts(a.energy_cost)].filter(Boolean).join(" · ");
  const state = stateText(a);
  return el(
    "summary",
    { class: "plan-line" },
    el("span", { class: "plan-line-title" }, a.title),
    el(
      "span",
      { class: "plan-line-meta" },
      meta,
      state && el("span", { class: "plan-line-state", "data-state": a.status }, state),
    ),
  );
}

function stepList(a, steps) {
  const toggle = (i) => (e) =>
    save("activities", {
      ...a,
      steps: steps.map((x, j) => (j === i ? { ...x, done: e.target.checked } : x)),
    });
  return el(
    "div",
    { class: "stack" },
    el("p", { class: "muted" }, `${steps.length} steps, ${a.rest_minutes} min rest between`),
    el(
      "ol",
      { class: "plan-steps" },
      steps.map((s, i) =>
        el(
          "li",
          {},
          el(
            "label",
            { class: "choice" },
            el("input", {
              type: "checkbox",
              checked: !!s.done,
              "data-step": i,
              onchange: toggle(i),
            }),
            `${s.title} (${s.minutes} min)`,
          ),
        ),
      ),
    ),
  );
}

// The rarer actions, folded under "More".
function moreActions(a, { which, me, runs }) {
  const logged = a.status === "done" || a.status === "stopped";
  const other = which === "today" ? "tomorrow" : "today";
  const act = (key, label, onclick, cls) => btn(label, onclick, cls, { "data-act": key });
  const extra = [
    !logged &&
      !runs &&
      act("move", `Move to ${other}`, async () => {
        await moveActivity(a, (await days())[other], me);
        toast(`Moved to ${other}.`);
      }),
    !logged &&
      !runs &&
      a.status !== "skipped" &&
      act("skip", "Skip it", () => save("activities", { ...a, status: "skipped" })),
    !runs &&
      act(
        "remove",
        "Remove",
        async () => {
          await remove("activities", a.id);
          toast(`${a.title} removed.`, { label: "Undo", onClick: () => save("activities", a) });
        },
        "btn-danger",
      ),
  ].filter(Boolean);
  return (
    extra.length > 0 &&
    el(
      "details",
      { class: "plan-more" },
      el("summary", {}, "More"),
      el("div", { class: "row" }, extra),
    )
  );
}

// ctx: {running, which, me, onEdit(a)}.
export function activityItem(a, ctx) {
  const steps = a.steps || [];
  const many = steps.length > 1;
  const logged = a.status === "done" || a.status === "stopped";
  const runs = ctx.running?.activity.id === a.id;
  const open = !logged && a.status !== "skipped" && ctx.which === "today";
  const next = Math.max(
    0,
    steps.findIndex((s) => !s.done),
  );
  const act = (key, label, onclick, cls) => btn(label, onclick, cls, { "data-act": key });
  const more = el("div", { class: "stack" });
  const log = () => {
    more.replaceChildren(
      costChooser(a.energy_cost, async (n) => {
        await save("activities", { ...a, status: "done", spent_cost: n });
        toast(`${a.title}: logged ${pts(n)}.`);
      }),
    );
    more.querySelector("button").focus();
  };
  const item = el(
    "details",
    { class: "plan-item", open: runs || opened.has(a.id) },
    line(a),
    el(
      "div",
      { class: "stack plan-item-body" },
      many && stepList(a, steps),
      el(
        "div",
        { class: "row" },
        open &&
          !ctx.running &&
          act(
            "start",
            many ? `Start step ${next + 1}` : "Start",
            async () => {
              await startStep(a, next);
              scrollTo(0, 0);
            },
            "btn-primary",
          ),
        open && !runs && act("log", "Log it done", log),
        act("edit", "Change", () => ctx.onEdit(a)),
      ),
      moreActions(a, { ...ctx, runs }),
      more,
    ),
  );
  item.addEventListener("toggle", () => (item.open ? opened.add(a.id) : opened.delete(a.id)));
  return el("li", { class: "plan-activity", dataset: { activity: a.id, status: a.status } }, item);
}
