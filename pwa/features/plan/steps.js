// The add form's steps: offered for a long task ("Split into shorter steps with rests"), never imposed.
import { DEFAULT_REST, splitIntoSteps } from "./pacing.js";
import { LIMITS, within } from "../../lib/limits.js";
import { readNumber } from "../../lib/numbers.js";
import { btn, el } from "../../lib/ui.js";
import { field, num, text } from "./fields.js";

const { task_minutes: MINUTES, rest_minutes: REST, steps: STEPS } = LIMITS;

function stepRow(st, s, i) {
  const edited = (change) => (e) => {
    change(e.target.value);
    st.edited = true;
  };
  return el(
    "li",
    { class: "plan-step-edit" },
    field(
      `Step ${i + 1}`,
      text(`s-title-${i}`, s.title, { oninput: edited((v) => (s.title = v)) }),
    ),
    el(
      "div",
      { class: "row" },
      field(
        "Minutes",
        num(`s-min-${i}`, MINUTES, s.minutes, { oninput: edited((v) => (s.minutes = Number(v))) }),
      ),
      btn(
        "Remove",
        () => {
          st.steps.splice(i, 1);
          st.edited = true;
          if (!st.steps.length) st.unsplit();
          else st.draw();
        },
        null,
        { "aria-label": `Remove step ${i + 1}` },
      ),
    ),
  );
}

// `title` and `minutes`: the form's inputs; `chunk`: the person's "split tasks longer than".
export function stepsEditor(chunk, title, minutes) {
  const rest = num("a-rest", REST, DEFAULT_REST);
  const list = el("ol", { class: "plan-steps-edit" });
  const st = { steps: [], edited: false, rest };
  const name = () => title.value.trim() || "Step";
  const add = btn(
    "Add a step",
    () => {
      st.steps.push({ title: name(), minutes: 5, done: false });
      st.edited = true;
      st.draw();
      list.querySelector(`#s-title-${st.steps.length - 1}`).focus();
    },
    null,
    { "data-step-add": "" },
  );
  const offer = btn("Split into shorter steps with rests", () => st.split(), null, {
    "data-split": "",
  });
  st.box = el(
    "fieldset",
    { class: "stack plan-split", hidden: true },
    el("legend", {}, "Steps with rests"),
    el("p", { class: "hint" }, "Shorter steps with rests between are easier on your muscles."),
    list,
    add,
    field("Rest between steps (minutes)", rest),
    btn("Do it in one go", () => st.unsplit(), null, { "data-unsplit": "" }),
  );
  st.node = el("div", { class: "stack" }, offer, st.box);
  st.draw = () => {
    list.replaceChildren(...st.steps.map((s, i) => stepRow(st, s, i)));
    add.hidden = st.steps.length >= STEPS.max;
  };
  st.on = () => st.steps.length > 0;
  st.split = () => {
    st.steps = splitIntoSteps({ title: name(), minutes: Number(minutes.value) }, chunk);
    st.edited = false;
    st.box.hidden = false;
    offer.hidden = true;
    st.draw();
    list.querySelector("input").focus();
  };
  st.unsplit = () => {
    st.steps = [];
    st.box.hidden = true;
    st.draw();
    st.offer();
    minutes.focus();
  };
  // Offered when the minutes are a whole, allowed number over `chunk`; unedited steps follow them.
  st.offer = () => {
    const m = Number(minutes.value);
    const long = within(m, MINUTES) && m > chunk;
    offer.hidden = st.on() || !long;
    if (st.on() && !st.edited && long) {
      st.steps = splitIntoSteps({ title: name(), minutes: m }, chunk);
      st.draw();
    }
  };
  st.load = (a) => {
    st.steps = (a?.steps || []).map((s) => ({ ...s }));
    st.edited = st.steps.length > 0;
    rest.value = a?.rest_minutes || DEFAULT_REST;
    st.box.hidden = !st.on();
    st.draw();
    st.offer();
  };
  // The steps as the server takes them, and what is wrong with them (by input id).
  st.read = (errs) => {
    if (!st.on()) return [];
    st.steps.forEach((s, i) => {
      const t = s.title.trim();
      if (!t) errs[`s-title-${i}`] = "Give the step a name.";
      else if ([...t].length > LIMITS.task_title.max)
        errs[`s-title-${i}`] = `At most ${LIMITS.task_title.max} characters.`;
      if (!within(s.minutes, MINUTES))
        errs[`s-min-${i}`] = `Minutes from ${MINUTES.min} to ${MINUTES.max}.`;
    });
    const total = st.steps.reduce((n, s) => n + (s.minutes || 0), 0);
    if (total > MINUTES.max)
      errs[`s-min-${st.steps.length - 1}`] =
        `All steps together: at most ${MINUTES.max} minutes (a whole day).`;
    const rested = readNumber(rest, "rest_minutes", { required: true }); // empty is not 0
    if (rested.error) errs["a-rest"] = rested.error;
    return st.steps.map((s) => ({ title: s.title.trim(), minutes: s.minutes, done: !!s.done }));
  };
  return st;
}
