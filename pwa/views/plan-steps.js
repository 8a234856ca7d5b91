// The steps editor of the activity form: a long task offered as steps of at most the person's
// chunk length with rest breaks between them; titles and minutes can be changed, steps added
// and removed.
import { DEFAULT_REST, splitIntoSteps } from "../lib/pacing.js";
import { el } from "../lib/ui.js";

/** A labelled input with a slot for its error (shared with plan-form.js). */
export function field(id, label, input, hint) {
  return el("div", { class: "field" }, el("label", { for: id }, label), input,
    hint ? el("p", { class: "hint" }, hint) : null, el("p", { class: "error-text", "data-error-for": id }));
}

const minutesOk = (n, max = 1440) => Number.isInteger(n) && n >= 0 && n <= max;

/** The editor: {node, offer(title, minutes), load(activity), reset(), errors(), value()}. */
export function stepsEditor(chunk) {
  let steps = [];
  let edited = false;
  let title = "";
  const split = el("input", { id: "a-split", type: "checkbox", checked: true });
  const rest = el("input", { id: "a-rest", type: "number", inputmode: "numeric", min: "0", max: "240", value: String(DEFAULT_REST) });
  const list = el("ol", { class: "plan-steps-edit" });
  const hint = el("p", { class: "hint" },
    `This is longer than ${chunk} minutes. Smaller steps with rests between them are easier on your muscles.`);
  const add = () => {
    steps.push({ title: title || "Step", minutes: 5, done: false });
    edited = true;
    draw();
    list.querySelector(`#s-title-${steps.length - 1}`)?.focus();
  };
  const node = el("fieldset", { class: "stack plan-split", hidden: true },
    el("legend", {}, "Steps with rest breaks"), hint,
    el("label", { class: "choice" }, split, "Split into steps with rest breaks"),
    list,
    el("button", { class: "btn", type: "button", "data-step-add": "", onclick: add }, "Add a step"),
    field("a-rest", "Rest between steps (minutes)", rest));

  function stepRow(s, i) {
    const change = (key) => (e) => {
      s[key] = key === "minutes" ? Number(e.target.value) : e.target.value;
      edited = true;
    };
    const drop = () => {
      steps.splice(i, 1);
      edited = true;
      draw();
    };
    return el("li", { class: "plan-step-edit" },
      field(`s-title-${i}`, `Step ${i + 1}`, el("input", { id: `s-title-${i}`, type: "text", maxlength: "200", value: s.title, oninput: change("title") })),
      el("div", { class: "row" },
        field(`s-min-${i}`, "Minutes", el("input", { id: `s-min-${i}`, type: "number", inputmode: "numeric", min: "1", max: "1440", value: String(s.minutes), oninput: change("minutes") })),
        el("button", { class: "btn btn-danger", type: "button", "aria-label": `Remove step ${i + 1}`, onclick: drop }, "Remove")));
  }

  function draw() {
    list.replaceChildren(...steps.map(stepRow));
  }

  /** Show the offer when the task is longer than a chunk; propose steps until the person edits them. */
  function offer(newTitle, minutes, { fresh = false } = {}) {
    title = newTitle;
    if (fresh) edited = false;
    node.hidden = !(minutes > chunk || steps.length > 1);
    if (node.hidden || edited) return;
    steps = splitIntoSteps({ title: title || "Step", minutes }, chunk);
    draw();
  }

  function load(activity) {
    steps = (activity.steps || []).map((s) => ({ ...s }));
    edited = steps.length > 0;
    split.checked = true;
    rest.value = String(activity.rest_minutes || DEFAULT_REST);
    draw();
  }

  function reset() {
    steps = [];
    edited = false;
    split.checked = true;
    rest.value = String(DEFAULT_REST);
    list.replaceChildren();
    node.hidden = true;
  }

  const used = () => !node.hidden && split.checked && steps.length > 0;

  /** Problems by input id. */
  function errors() {
    const errs = {};
    if (node.hidden || !split.checked) return errs;
    if (!steps.length) errs["a-rest"] = "Add at least one step, or untick the split.";
    steps.forEach((s, i) => {
      if (!s.title.trim()) errs[`s-title-${i}`] = "Give the step a name.";
      if (!(minutesOk(s.minutes) && s.minutes >= 1)) errs[`s-min-${i}`] = "Minutes from 1 to 1440.";
    });
    if (!minutesOk(Number(rest.value), 240)) errs["a-rest"] = "Rest from 0 to 240 minutes.";
    return errs;
  }

  /** {steps, rest_minutes, minutes} when split, else null. */
  function value() {
    if (!used()) return null;
    const own = steps.map((s) => ({ title: s.title.trim(), minutes: s.minutes, done: Boolean(s.done) }));
    return {
      steps: own,
      rest_minutes: own.length > 1 ? Number(rest.value) : 0,
      minutes: own.reduce((n, s) => n + s.minutes, 0),
    };
  }

  return { node, offer, load, reset, errors, value };
}
