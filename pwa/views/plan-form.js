// The form to add (or edit) an activity: everyday tasks to start from, energy cost, length, the
// offer to split a long task into steps with rest breaks (editable), and the warning BEFORE the
// day goes over its budget.
import { COSTS, DEFAULT_REST, checkAdd, costOf, splitIntoSteps } from "../lib/pacing.js";
import { el } from "../lib/ui.js";

const LEVELS = [["light", "Light"], ["moderate", "Moderate"], ["heavy", "Heavy"], ["custom", "Custom"]];
const pts = (n) => `${n} point${n === 1 ? "" : "s"}`;

function field(id, label, input, hint) {
  return el("div", { class: "field" }, el("label", { for: id }, label), input,
    hint ? el("p", { class: "hint" }, hint) : null, el("p", { class: "error-text", "data-error-for": id }));
}

/**
 * The activity form. ctx() -> {day, label ("today"|"tomorrow"), chunk, activities, budget};
 * onSave(fields, {editing, moveTo}) saves it; templates = [{title, energy_cost, minutes}].
 */
export function activityForm({ ctx, onSave, templates = [] }) {
  let editing = null;
  let steps = [];
  let stepsEdited = false;
  const title = el("input", { id: "a-title", name: "title", type: "text", maxlength: "200", required: true, autocomplete: "off" });
  const minutes = el("input", { id: "a-minutes", name: "minutes", type: "number", inputmode: "numeric", min: "1", max: "1440", value: "15" });
  const custom = el("input", { id: "a-custom", name: "custom", type: "number", inputmode: "numeric", min: "0", max: "20", value: "4" });
  const levels = el("fieldset", {}, el("legend", {}, "How much energy?"),
    LEVELS.map(([key, label]) => el("label", { class: "choice" },
      el("input", { type: "radio", name: "level", value: key, checked: key === "moderate" }),
      key === "custom" ? label : `${label} (${pts(COSTS[key])})`)),
    field("a-custom", "Custom points (0–20)", custom));
  const split = el("input", { id: "a-split", type: "checkbox", checked: true });
  const rest = el("input", { id: "a-rest", type: "number", inputmode: "numeric", min: "0", max: "240", value: String(DEFAULT_REST) });
  const stepList = el("ol", { class: "plan-steps-edit" });
  const splitBox = el("fieldset", { class: "stack plan-split", hidden: true },
    el("legend", {}, "Steps with rest breaks"),
    el("p", { class: "hint", "data-split-hint": "" }),
    el("label", { class: "choice" }, split, "Split into steps with rest breaks"),
    stepList,
    el("button", { class: "btn", type: "button", "data-step-add": "", onclick: () => { steps.push({ title: title.value.trim() || "Step", minutes: 5, done: false }); stepsEdited = true; drawSteps(); } }, "Add a step"),
    field("a-rest", "Rest between steps (minutes)", rest));
  const warning = el("div", { class: "plan-warning", role: "alert", hidden: true });
  const submit = el("button", { class: "btn btn-primary", type: "submit" }, "Add to plan");
  const cancel = el("button", { class: "btn", type: "button", hidden: true, onclick: () => reset() }, "Cancel editing");
  const heading = el("h2", { id: "add-h" }, "Add an activity");
  const picks = el("div", { class: "plan-templates row" });
  const drawPicks = (list) => picks.replaceChildren(...list.map((t) =>
    el("button", { class: "btn", type: "button", "data-template": t.title, onclick: () => useTemplate(t) },
      `${t.title} · ${pts(t.energy_cost)}${t.minutes ? ` · ${t.minutes} min` : ""}`)));
  drawPicks(templates);
  const form = el("form", { class: "card stack", novalidate: true, "aria-labelledby": "add-h", "data-plan-form": "" },
    heading,
    el("p", { class: "muted" }, "Start from an everyday task, or type your own."),
    picks,
    field("a-title", "What", title),
    levels,
    field("a-minutes", "How long (minutes)", minutes),
    splitBox,
    warning,
    el("div", { class: "row" }, submit, cancel));

  const level = () => form.querySelector("input[name=level]:checked")?.value || "moderate";
  const cost = () => costOf(level(), custom.value);
  const customField = levels.querySelector(".field");
  const showCustom = () => { customField.hidden = level() !== "custom"; };
  levels.addEventListener("change", showCustom);
  showCustom();

  function drawSteps() {
    stepList.replaceChildren(...steps.map((s, i) => el("li", { class: "plan-step-edit" },
      field(`s-title-${i}`, `Step ${i + 1}`, el("input", { id: `s-title-${i}`, type: "text", maxlength: "200", value: s.title,
        oninput: (e) => { s.title = e.target.value; stepsEdited = true; } })),
      el("div", { class: "row" },
        field(`s-min-${i}`, "Minutes", el("input", { id: `s-min-${i}`, type: "number", inputmode: "numeric", min: "1", max: "1440", value: String(s.minutes),
          oninput: (e) => { s.minutes = Number(e.target.value); stepsEdited = true; } })),
        el("button", { class: "btn btn-danger", type: "button", "aria-label": `Remove step ${i + 1}`,
          onclick: () => { steps.splice(i, 1); stepsEdited = true; drawSteps(); } }, "Remove")))));
  }

  function offerSplit() {
    const { chunk } = ctx();
    const m = Number(minutes.value) || 0;
    const show = m > chunk || steps.length > 1;
    splitBox.hidden = !show;
    if (!show) return;
    if (!stepsEdited) {
      steps = splitIntoSteps({ title: title.value.trim() || "Step", minutes: m }, chunk);
      drawSteps();
    }
    splitBox.querySelector("[data-split-hint]").textContent =
      `This is longer than ${chunk} minutes. Smaller steps with rests between them are easier on your muscles.`;
  }

  function useTemplate(t) {
    title.value = t.title;
    minutes.value = String(t.minutes || 15);
    const key = Object.keys(COSTS).find((k) => COSTS[k] === t.energy_cost);
    form.querySelector(`input[name=level][value=${key || "custom"}]`).checked = true;
    if (!key) custom.value = String(t.energy_cost);
    showCustom();
    stepsEdited = false;
    offerSplit();
    title.focus();
  }

  title.addEventListener("input", () => { if (!stepsEdited) offerSplit(); });
  minutes.addEventListener("input", () => { stepsEdited = false; offerSplit(); });

  function problems() {
    const errs = {};
    if (!title.value.trim()) errs["a-title"] = "Say what it is.";
    const m = Number(minutes.value);
    if (!(Number.isInteger(m) && m >= 1 && m <= 1440)) errs["a-minutes"] = "Minutes from 1 to 1440.";
    try { cost(); } catch (err) { errs["a-custom"] = err.message; }
    if (!splitBox.hidden && split.checked) {
      if (!steps.length) errs["a-rest"] = "Add at least one step, or untick the split.";
      steps.forEach((s, i) => {
        if (!s.title.trim()) errs[`s-title-${i}`] = "Give the step a name.";
        if (!(Number.isInteger(s.minutes) && s.minutes >= 1 && s.minutes <= 1440)) errs[`s-min-${i}`] = "Minutes from 1 to 1440.";
      });
      const r = Number(rest.value);
      if (!(Number.isInteger(r) && r >= 0 && r <= 240)) errs["a-rest"] = "Rest from 0 to 240 minutes.";
    }
    for (const slot of form.querySelectorAll("[data-error-for]")) slot.textContent = errs[slot.dataset.errorFor] || "";
    const first = Object.keys(errs)[0];
    if (first) form.querySelector(`#${first}`)?.focus();
    return Boolean(first);
  }

  function fields() {
    const useSteps = !splitBox.hidden && split.checked && steps.length > 0;
    const own = useSteps ? steps.map((s) => ({ title: s.title.trim(), minutes: s.minutes, done: Boolean(s.done) })) : [];
    return {
      title: title.value.trim(),
      energy_cost: cost(),
      minutes: useSteps ? own.reduce((n, s) => n + s.minutes, 0) : Number(minutes.value),
      steps: own,
      rest_minutes: useSteps && own.length > 1 ? Number(rest.value) : 0,
    };
  }

  async function commit(data, moveTo = null) {
    warning.hidden = true;
    await onSave(data, { editing, moveTo });
    reset();
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (problems()) return;
    const data = fields();
    const c = ctx();
    const others = c.activities.filter((a) => !editing || a.id !== editing.id);
    const check = checkAdd(others, { ...(editing || {}), ...data }, c.budget);
    if (!check.over) return commit(data);
    warning.replaceChildren(
      el("p", { "data-warning": "" }, check.warning),
      el("div", { class: "row" },
        el("button", { class: "btn", type: "button", "data-choice": "anyway", onclick: () => commit(data) }, editing ? "Save anyway" : "Add anyway"),
        c.label === "today"
          ? el("button", { class: "btn btn-primary", type: "button", "data-choice": "tomorrow", onclick: () => commit(data, "tomorrow") }, "Move to tomorrow")
          : null,
        el("button", { class: "btn", type: "button", "data-choice": "cancel", onclick: () => { warning.hidden = true; title.focus(); } }, "Cancel")));
    warning.hidden = false;
    warning.querySelector("button").focus();
  });

  function reset() {
    editing = null;
    form.reset();
    title.value = "";
    minutes.value = "15";
    custom.value = "4";
    rest.value = String(DEFAULT_REST);
    split.checked = true;
    form.querySelector("input[name=level][value=moderate]").checked = true;
    steps = [];
    stepsEdited = false;
    stepList.replaceChildren();
    splitBox.hidden = true;
    warning.hidden = true;
    heading.textContent = "Add an activity";
    submit.textContent = "Add to plan";
    cancel.hidden = true;
    picks.hidden = false;
    showCustom();
    for (const slot of form.querySelectorAll("[data-error-for]")) slot.textContent = "";
  }

  /** Show another list of everyday tasks to start from. */
  form.setTemplates = drawPicks;

  /** Load an activity into the form to change it (its steps included). */
  form.edit = (activity) => {
    reset();
    editing = activity;
    heading.textContent = `Change: ${activity.title}`;
    submit.textContent = "Save changes";
    cancel.hidden = false;
    picks.hidden = true;
    title.value = activity.title;
    minutes.value = String(activity.minutes || 15);
    const key = Object.keys(COSTS).find((k) => COSTS[k] === activity.energy_cost);
    form.querySelector(`input[name=level][value=${key || "custom"}]`).checked = true;
    if (!key) custom.value = String(activity.energy_cost);
    showCustom();
    steps = (activity.steps || []).map((s) => ({ ...s }));
    stepsEdited = steps.length > 0;
    split.checked = true;
    rest.value = String(activity.rest_minutes || DEFAULT_REST);
    drawSteps();
    offerSplit();
    form.scrollIntoView({ block: "start" });
    title.focus({ preventScroll: true });
  };
  return form;
}
