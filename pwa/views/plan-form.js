// The form to add (or edit) an activity: everyday tasks to start from, energy cost, length, the
// offer to split a long task into steps with rest breaks (editable), and the warning BEFORE the
// day goes over its budget.
import { COSTS, checkAdd, costOf } from "../lib/pacing.js";
import { el } from "../lib/ui.js";
import { field, stepsEditor } from "./plan-steps.js";

const LEVELS = [["light", "Light"], ["moderate", "Moderate"], ["heavy", "Heavy"], ["custom", "Custom"]];
const pts = (n) => `${n} point${n === 1 ? "" : "s"}`;

/**
 * The activity form. ctx() -> {label ("today"|"tomorrow"), activities, budget}; chunk = the
 * person's chunk length; onSave(fields, {editing, moveTo}) saves; templates = [{title, energy_cost, minutes}].
 */
export function activityForm({ ctx, onSave, chunk, templates = [] }) {
  let editing = null;
  const stepper = stepsEditor(chunk);
  const title = el("input", { id: "a-title", name: "title", type: "text", maxlength: "200", required: true, autocomplete: "off" });
  const minutes = el("input", { id: "a-minutes", name: "minutes", type: "number", inputmode: "numeric", min: "1", max: "1440", value: "15" });
  const custom = el("input", { id: "a-custom", name: "custom", type: "number", inputmode: "numeric", min: "0", max: "20", value: "4" });
  const levels = el("fieldset", {}, el("legend", {}, "How much energy?"),
    LEVELS.map(([key, label]) => el("label", { class: "choice" },
      el("input", { type: "radio", name: "level", value: key, checked: key === "moderate" }),
      key === "custom" ? label : `${label} (${pts(COSTS[key])})`)),
    field("a-custom", "Custom points (0–20)", custom));
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
    stepper.node,
    warning,
    el("div", { class: "row" }, submit, cancel));

  const level = () => form.querySelector("input[name=level]:checked")?.value || "moderate";
  const cost = () => costOf(level(), custom.value);
  const customField = levels.querySelector(".field");
  const showCustom = () => { customField.hidden = level() !== "custom"; };
  levels.addEventListener("change", showCustom);
  showCustom();

  const offerSplit = (opts) => stepper.offer(title.value.trim(), Number(minutes.value) || 0, opts);

  function useTemplate(t) {
    title.value = t.title;
    minutes.value = String(t.minutes || 15);
    const key = Object.keys(COSTS).find((k) => COSTS[k] === t.energy_cost);
    form.querySelector(`input[name=level][value=${key || "custom"}]`).checked = true;
    if (!key) custom.value = String(t.energy_cost);
    showCustom();
    offerSplit({ fresh: true });
    title.focus();
  }

  title.addEventListener("input", () => offerSplit());
  minutes.addEventListener("input", () => offerSplit({ fresh: true }));

  function problems() {
    const errs = {};
    if (!title.value.trim()) errs["a-title"] = "Say what it is.";
    const m = Number(minutes.value);
    if (!(Number.isInteger(m) && m >= 1 && m <= 1440)) errs["a-minutes"] = "Minutes from 1 to 1440.";
    try { cost(); } catch (err) { errs["a-custom"] = err.message; }
    Object.assign(errs, stepper.errors());
    for (const slot of form.querySelectorAll("[data-error-for]")) slot.textContent = errs[slot.dataset.errorFor] || "";
    const first = Object.keys(errs)[0];
    if (first) form.querySelector(`#${first}`)?.focus();
    return Boolean(first);
  }

  function fields() {
    const split = stepper.value();
    return {
      title: title.value.trim(),
      energy_cost: cost(),
      minutes: split ? split.minutes : Number(minutes.value),
      steps: split ? split.steps : [],
      rest_minutes: split ? split.rest_minutes : 0,
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
        c.label === "today"
          ? el("button", { class: "btn btn-primary", type: "button", "data-choice": "tomorrow", onclick: () => commit(data, "tomorrow") }, "Move to tomorrow")
          : null,
        el("button", { class: "btn", type: "button", "data-choice": "anyway", onclick: () => commit(data) }, editing ? "Save anyway" : "Add anyway"),
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
    form.querySelector("input[name=level][value=moderate]").checked = true;
    stepper.reset();
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
    stepper.load(activity);
    offerSplit();
    form.scrollIntoView({ block: "start" });
    title.focus({ preventScroll: true });
  };
  return form;
}
