// The activity form (everyday tasks to start from, cost, length, steps with rest breaks, the
// warning BEFORE the day goes over budget) and the editor of the everyday tasks.
import { COSTS, DEFAULT_REST, checkAdd, costOf, pts, splitIntoSteps } from "../lib/pacing.js";
import { el, toast } from "../lib/ui.js";
import { remove } from "../store.js";
import { saveTemplate, templates } from "./plan-data.js";

const num = (id, min, max, value, more) => el("input", { id, type: "number", inputmode: "numeric", min, max, value, ...more });
const text = (id, value, more) => el("input", { id, type: "text", maxlength: 200, value, ...more });
const btn = (label, onclick, cls = "btn", more) => el("button", { class: cls, type: "button", onclick, ...more }, label);
const whole = (n, min, max) => Number.isInteger(n) && n >= min && n <= max;

/** A labelled input with a slot for its error. */
const field = (id, label, input) => el("div", { class: "field" }, el("label", { for: id }, label), input,
  el("p", { class: "error-text", "data-error-for": id }));

/** A long task offered as steps of at most `chunk` minutes with rests between; all editable. */
function stepsEditor(chunk) {
  let steps = [];
  let edited = false;
  let title = "";
  const split = el("input", { id: "a-split", type: "checkbox", checked: true });
  const rest = num("a-rest", 0, 240, DEFAULT_REST);
  const list = el("ol", { class: "plan-steps-edit" });
  const draw = () => list.replaceChildren(...steps.map((s, i) => {
    const change = (key) => (e) => {
      s[key] = key === "minutes" ? Number(e.target.value) : e.target.value;
      edited = true;
    };
    return el("li", { class: "plan-step-edit" },
      field(`s-title-${i}`, `Step ${i + 1}`, text(`s-title-${i}`, s.title, { oninput: change("title") })),
      el("div", { class: "row" },
        field(`s-min-${i}`, "Minutes", num(`s-min-${i}`, 1, 1440, s.minutes, { oninput: change("minutes") })),
        el("button", { class: "btn btn-danger", type: "button", "aria-label": `Remove step ${i + 1}`,
          onclick: () => { steps.splice(i, 1); edited = true; draw(); } }, "Remove")));
  }));
  const add = () => {
    steps.push({ title: title || "Step", minutes: 5, done: false });
    edited = true;
    draw();
    list.querySelector(`#s-title-${steps.length - 1}`).focus();
  };
  const node = el("fieldset", { class: "stack plan-split", hidden: true },
    el("legend", {}, "Steps with rest breaks"),
    el("p", { class: "hint" }, `This is longer than ${chunk} minutes. Smaller steps with rests between them are easier on your muscles.`),
    el("label", { class: "choice" }, split, "Split into steps with rest breaks"),
    list,
    el("button", { class: "btn", type: "button", "data-step-add": "", onclick: add }, "Add a step"),
    field("a-rest", "Rest between steps (minutes)", rest));
  const used = () => !node.hidden && split.checked;
  const load = (a) => {
    steps = (a?.steps || []).map((s) => ({ ...s }));
    edited = steps.length > 0;
    split.checked = true;
    rest.value = a?.rest_minutes || DEFAULT_REST;
    node.hidden = true;
    draw();
  };
  return {
    node, load,
    /** Show when longer than a chunk; propose steps until the person edits them. */
    offer(newTitle, minutes, fresh) {
      title = newTitle;
      if (fresh) edited = false;
      node.hidden = !(minutes > chunk || steps.length > 1);
      if (node.hidden || edited) return;
      steps = splitIntoSteps({ title: title || "Step", minutes }, chunk);
      draw();
    },
    errors() {
      const errs = {};
      if (!used()) return errs;
      if (!steps.length) errs["a-rest"] = "Add at least one step, or untick the split.";
      steps.forEach((s, i) => {
        if (!s.title.trim()) errs[`s-title-${i}`] = "Give the step a name.";
        if (!whole(s.minutes, 1, 1440)) errs[`s-min-${i}`] = "Minutes from 1 to 1440.";
      });
      if (!whole(Number(rest.value), 0, 240)) errs["a-rest"] = "Rest from 0 to 240 minutes.";
      return errs;
    },
    /** {steps, rest_minutes, minutes} when split, else null. */
    value() {
      if (!used() || !steps.length) return null;
      const own = steps.map((s) => ({ title: s.title.trim(), minutes: s.minutes, done: !!s.done }));
      return { steps: own, rest_minutes: own.length > 1 ? Number(rest.value) : 0, minutes: own.reduce((n, s) => n + s.minutes, 0) };
    },
  };
}

/**
 * ctx() -> {label ("today"|"tomorrow"), activities, budget}; onSave(fields, {editing, moveTo}).
 * form.edit(activity) loads an activity to change; form.setTemplates(list) redraws the task buttons.
 */
export function activityForm({ ctx, onSave, chunk }) {
  let editing = null;
  const stepper = stepsEditor(chunk);
  const title = text("a-title", "", { required: true, autocomplete: "off" });
  const minutes = num("a-minutes", 1, 1440, 15);
  const custom = num("a-custom", 0, 20, 4);
  const customField = field("a-custom", "Custom points (0–20)", custom);
  const levels = el("fieldset", {}, el("legend", {}, "How much energy?"),
    ["light", "moderate", "heavy", "custom"].map((key) => el("label", { class: "choice" },
      el("input", { type: "radio", name: "level", value: key }),
      key[0].toUpperCase() + key.slice(1) + (COSTS[key] ? ` (${pts(COSTS[key])})` : ""))),
    customField);
  const warning = el("div", { class: "plan-warning", role: "alert", hidden: true });
  const submit = el("button", { class: "btn btn-primary", type: "submit" });
  const cancel = btn("Cancel editing", () => reset());
  const heading = el("h2", { id: "add-h" });
  const picks = el("div", { class: "plan-templates row" });
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

  const level = () => form.querySelector("input[name=level]:checked").value;
  const showCustom = () => { customField.hidden = level() !== "custom"; };
  levels.addEventListener("change", showCustom);
  const offerSplit = (fresh) => stepper.offer(title.value.trim(), Number(minutes.value) || 0, fresh);
  title.addEventListener("input", () => offerSplit());
  minutes.addEventListener("input", () => offerSplit(true));
  const slots = () => form.querySelectorAll("[data-error-for]");

  /** Fill the form from a task or an activity. */
  function fill(t) {
    title.value = t.title;
    minutes.value = t.minutes || 15;
    const key = Object.keys(COSTS).find((k) => COSTS[k] === t.energy_cost) || "custom";
    form.querySelector(`input[name=level][value=${key}]`).checked = true;
    if (key === "custom") custom.value = t.energy_cost;
    showCustom();
  }

  function reset(a = null) {
    editing = a;
    warning.hidden = true;
    heading.textContent = a ? `Change: ${a.title}` : "Add an activity";
    submit.textContent = a ? "Save changes" : "Add to plan";
    cancel.hidden = !a;
    picks.hidden = !!a;
    custom.value = 4;
    fill(a || { title: "", minutes: 15, energy_cost: 2 });
    stepper.load(a);
    for (const slot of slots()) slot.textContent = "";
  }
  reset();

  form.setTemplates = (list) => picks.replaceChildren(...list.map((t) =>
    el("button", { class: "btn", type: "button", "data-template": t.title,
      onclick: () => { fill(t); offerSplit(true); title.focus(); } },
    `${t.title} · ${pts(t.energy_cost)}${t.minutes ? ` · ${t.minutes} min` : ""}`)));

  form.edit = (a) => {
    reset(a);
    offerSplit();
    form.scrollIntoView({ block: "start" });
    title.focus({ preventScroll: true });
  };

  const commit = async (data, moveTo = null) => {
    warning.hidden = true;
    await onSave(data, { editing, moveTo });
    reset();
  };

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const errs = {};
    if (!title.value.trim()) errs["a-title"] = "Say what it is.";
    if (!whole(Number(minutes.value), 1, 1440)) errs["a-minutes"] = "Minutes from 1 to 1440.";
    let cost;
    try { cost = costOf(level(), custom.value); } catch (err) { errs["a-custom"] = err.message; }
    Object.assign(errs, stepper.errors());
    for (const slot of slots()) slot.textContent = errs[slot.dataset.errorFor] || "";
    const first = Object.keys(errs)[0];
    if (first) return form.querySelector(`#${first}`).focus();
    const split = stepper.value();
    const data = {
      title: title.value.trim(), energy_cost: cost,
      minutes: split ? split.minutes : Number(minutes.value),
      steps: split ? split.steps : [], rest_minutes: split ? split.rest_minutes : 0,
    };
    const c = ctx();
    const check = checkAdd(c.activities.filter((a) => a.id !== editing?.id), { ...editing, ...data }, c.budget);
    if (!check.over) return commit(data);
    const choice = (key, label, onclick, cls) => btn(label, onclick, cls, { "data-choice": key });
    warning.replaceChildren(
      el("p", { "data-warning": "" }, check.warning),
      el("div", { class: "row" },
        c.label === "today" && choice("tomorrow", "Move to tomorrow", () => commit(data, "tomorrow"), "btn btn-primary"),
        choice("anyway", editing ? "Save anyway" : "Add anyway", () => commit(data)),
        choice("cancel", "Cancel", () => { warning.hidden = true; title.focus(); })));
    warning.hidden = false;
    warning.querySelector("button").focus();
  });
  return form;
}

/** One everyday task to change (or, with no id, to add). */
function taskRow(t, i, onSaved) {
  const id = (name) => `t-${name}-${i}`;
  const title = text(id("title"), t.title, { required: true });
  const cost = num(id("cost"), 0, 20, t.energy_cost);
  const minutes = num(id("min"), 1, 1440, t.minutes || 15);
  const error = el("p", { class: "error-text", role: "alert" });
  const labelled = (label, input) => el("div", { class: "field" }, el("label", { for: input.id }, label), input);
  const form = el("form", { class: "stack", novalidate: true, "data-template-edit": t.title },
    labelled("Task", title),
    el("div", { class: "row" }, labelled("Points", cost), labelled("Minutes", minutes)),
    error,
    el("div", { class: "row" },
      el("button", { class: "btn btn-primary", type: "submit" }, t.id ? "Save" : "Add task"),
      t.id && !t.builtIn && btn("Remove", async () => { await remove("templates", t.id); toast(`${t.title} removed.`); onSaved(); }, "btn btn-danger")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const name = title.value.trim();
    const c = Number(cost.value);
    const m = Number(minutes.value);
    error.textContent = !name ? "Give the task a name." : !whole(c, 0, 20) ? "Points from 0 to 20."
      : !whole(m, 1, 1440) ? "Minutes from 1 to 1440." : "";
    if (error.textContent) return;
    await saveTemplate({ ...t, title: name, energy_cost: c, minutes: m });
    toast(`${name} saved.`);
    onSaved();
  });
  return el("li", {}, form);
}

/** The folded editor of everyday tasks; onChanged(list) after each change. */
export async function templatesEditor(onChanged) {
  const body = el("ul", { class: "list" });
  const draw = async () => {
    const all = await templates();
    body.replaceChildren(...all.map((t, i) => taskRow(t, i, draw)), taskRow({ title: "", energy_cost: 1, minutes: 15 }, "new", draw));
    onChanged(all);
  };
  await draw();
  return el("details", { class: "card plan-more", "data-templates": "" }, el("summary", {}, "Change everyday tasks"), body);
}
