// Plan's add/change form, and field helpers plan.js shares.
import { COSTS, DEFAULT_REST, checkAdd, costOf, pts, splitIntoSteps } from "./pacing.js";
import { capitalize } from "../../lib/format.js";
import { LIMITS } from "../../lib/limits.js";
import { btn, el, showErrors, toast } from "../../lib/ui.js";
import { save } from "../../store.js";
import { addActivity, days, loadDay, moveActivity } from "./data.js";

// `limit`: an entry of LIMITS.
export const num = (id, { min, max }, value, more) =>
  el("input", { id, type: "number", inputmode: "numeric", min, max, value, ...more });
export const text = (id, value, more) =>
  el("input", { id, type: "text", maxlength: LIMITS.task_title.max, value, ...more });
export const whole = (n, { min, max }) => Number.isInteger(n) && n >= min && n <= max;
const { task_minutes: MINUTES, rest_minutes: REST, energy_cost: COST } = LIMITS;
export const field = (
  label,
  input,
  slot = el("p", { class: "error-text", "data-error-for": input.id }),
) => el("div", { class: "field" }, el("label", { for: input.id }, label), input, slot);

// A task longer than `chunk` minutes is offered as steps, re-proposed until the person edits them.
function stepsEditor(chunk, title, minutes) {
  const split = el("input", { id: "a-split", type: "checkbox", checked: true });
  const rest = num("a-rest", REST, DEFAULT_REST);
  const stepList = el("ol", { class: "plan-steps-edit" });
  const st = { steps: [], edited: false, split, rest };
  const edit = () => {
    st.edited = true;
  };
  const drawSteps = () =>
    stepList.replaceChildren(
      ...st.steps.map((s, i) =>
        el(
          "li",
          { class: "plan-step-edit" },
          field(
            `Step ${i + 1}`,
            text(`s-title-${i}`, s.title, {
              oninput: (e) => {
                s.title = e.target.value;
                edit();
              },
            }),
          ),
          el(
            "div",
            { class: "row" },
            field(
              "Minutes",
              num(`s-min-${i}`, MINUTES, s.minutes, {
                oninput: (e) => {
                  s.minutes = Number(e.target.value);
                  edit();
                },
              }),
            ),
            btn(
              "Remove",
              () => {
                st.steps.splice(i, 1);
                edit();
                drawSteps();
              },
              "btn-danger",
              { "aria-label": `Remove step ${i + 1}` },
            ),
          ),
        ),
      ),
    );
  st.box = el(
    "fieldset",
    { class: "stack plan-split", hidden: true },
    el("legend", {}, "Steps with rest breaks"),
    el(
      "p",
      { class: "hint" },
      `Longer than ${chunk} minutes: smaller steps with rests between are easier on your muscles.`,
    ),
    el("label", { class: "choice" }, split, "Split into steps"),
    stepList,
    btn(
      "Add a step",
      () => {
        st.steps.push({ title: title.value.trim() || "Step", minutes: 5, done: false });
        edit();
        drawSteps();
        stepList.querySelector(`#s-title-${st.steps.length - 1}`).focus();
      },
      null,
      { "data-step-add": "" },
    ),
    field("Rest between steps (minutes)", rest),
  );
  const box = st.box;
  st.on = () => !box.hidden && split.checked;
  st.offer = (fresh) => {
    const m = Number(minutes.value) || 0;
    if (fresh) st.edited = false;
    box.hidden = !(m > chunk || st.steps.length > 1);
    if (box.hidden || st.edited) return;
    st.steps = splitIntoSteps({ title: title.value.trim() || "Step", minutes: m }, chunk);
    drawSteps();
  };
  st.load = (a) => {
    st.steps = (a?.steps || []).map((s) => ({ ...s }));
    st.edited = st.steps.length > 0;
    split.checked = true;
    rest.value = a?.rest_minutes || DEFAULT_REST;
    box.hidden = true;
    drawSteps();
  };
  return st;
}

function build(chunk, context) {
  const title = text("a-title", "", { required: true, autocomplete: "off" });
  const minutes = num("a-minutes", MINUTES, 15);
  const custom = num("a-custom", COST, 4);
  const customField = field(`Custom points (${COST.min}–${COST.max})`, custom);
  const st = stepsEditor(chunk, title, minutes);
  const levels = el(
    "fieldset",
    {},
    el("legend", {}, "How much energy?"),
    [...Object.keys(COSTS), "custom"].map((key) =>
      el(
        "label",
        { class: "choice" },
        el("input", { type: "radio", name: "level", value: key }),
        capitalize(key) + (COSTS[key] ? ` (${pts(COSTS[key])})` : ""),
      ),
    ),
    customField,
  );
  const warning = el("div", { class: "plan-warning", role: "alert", hidden: true });
  const submit = btn("", null, "btn-primary", { type: "submit" });
  const cancel = btn("Cancel editing", () => reset(f));
  const heading = el("h2", { id: "add-h" });
  const picks = el("div", { class: "plan-templates row" });
  const form = el(
    "form",
    { class: "card stack", novalidate: true, "aria-labelledby": "add-h", "data-plan-form": "" },
    heading,
    el("p", { class: "muted" }, "Start from an everyday task, or type your own."),
    picks,
    field("What", title),
    levels,
    field("How long (minutes)", minutes),
    st.box,
    warning,
    el("div", { class: "row" }, submit, cancel),
  );
  const f = {
    context,
    editing: null,
    title,
    minutes,
    custom,
    customField,
    st,
    levels,
    warning,
    submit,
    cancel,
    heading,
    picks,
    form,
  };
  return f;
}

const level = (f) => f.form.querySelector("input[name=level]:checked").value;
const showCustom = (f) => {
  f.customField.hidden = level(f) !== "custom";
};

function fill(f, t) {
  f.title.value = t.title;
  f.minutes.value = t.minutes || 15;
  const key = Object.keys(COSTS).find((k) => COSTS[k] === t.energy_cost) || "custom";
  f.form.querySelector(`input[name=level][value=${key}]`).checked = true;
  if (key === "custom") f.custom.value = t.energy_cost;
  showCustom(f);
}

function reset(f, a = null) {
  f.editing = a;
  f.st.load(a);
  f.warning.hidden = true;
  f.heading.textContent = a ? `Change: ${a.title}` : "Add an activity";
  f.submit.textContent = a ? "Save changes" : "Add to plan";
  f.cancel.hidden = !a;
  f.picks.hidden = !!a;
  f.custom.value = 4;
  fill(f, a || { title: "", minutes: 15, energy_cost: 2 });
  showErrors(f.form);
}

function read(f) {
  const { title, minutes, st } = f;
  const errs = {};
  if (!title.value.trim()) errs["a-title"] = "Say what it is.";
  if (!whole(Number(minutes.value), MINUTES))
    errs["a-minutes"] = `Minutes from ${MINUTES.min} to ${MINUTES.max}.`;
  let cost;
  try {
    cost = costOf(level(f), f.custom.value);
  } catch (err) {
    errs["a-custom"] = err.message;
  }
  if (st.on()) {
    if (!st.steps.length) errs["a-rest"] = "Add at least one step, or untick the split.";
    st.steps.forEach((s, i) => {
      if (!s.title.trim()) errs[`s-title-${i}`] = "Give the step a name.";
      if (!whole(s.minutes, MINUTES))
        errs[`s-min-${i}`] = `Minutes from ${MINUTES.min} to ${MINUTES.max}.`;
    });
    if (!whole(Number(st.rest.value), REST))
      errs["a-rest"] = `Rest from ${REST.min} to ${REST.max} minutes.`;
  }
  const own = st.on()
    ? st.steps.map((s) => ({ title: s.title.trim(), minutes: s.minutes, done: !!s.done }))
    : [];
  const data = {
    title: title.value.trim(),
    energy_cost: cost,
    minutes: Number(minutes.value),
    steps: own,
    rest_minutes: 0,
  };
  if (own.length)
    Object.assign(data, {
      minutes: own.reduce((n, s) => n + s.minutes, 0),
      rest_minutes: own.length > 1 ? Number(st.rest.value) : 0,
    });
  return { data, errs };
}

async function commit(f, data, moveTo) {
  const { editing } = f;
  const d = await days();
  const day = moveTo ? d.tomorrow : f.context().day;
  let done = editing ? "saved" : "added";
  if (!editing) await addActivity(day, d.me, data);
  else if (moveTo) await moveActivity({ ...editing, ...data }, day, d.me);
  else await save("activities", { ...editing, ...data });
  if (moveTo)
    done = editing
      ? "moved to tomorrow"
      : `added to tomorrow. Points left tomorrow: ${(await loadDay(day, d.me)).totals.remaining}`;
  toast(`${data.title} ${done}.`);
  reset(f);
}

function warnOver(f, data) {
  const { editing, warning } = f;
  const {
    data: { plan, activities },
    which,
  } = f.context();
  const check = checkAdd(
    activities.filter((a) => a.id !== editing?.id),
    { ...editing, ...data },
    plan.energy_budget,
  );
  warning.hidden = !check.over;
  if (!check.over) return false;
  const choice = (key, label, onclick, cls) => btn(label, onclick, cls, { "data-choice": key });
  warning.replaceChildren(
    el("p", { "data-warning": "" }, check.warning),
    el(
      "div",
      { class: "row" },
      which === "today" &&
        choice("tomorrow", "Move to tomorrow", () => commit(f, data, true), "btn-primary"),
      choice("anyway", editing ? "Save anyway" : "Add anyway", () => commit(f, data)),
      choice("cancel", "Cancel", () => {
        warning.hidden = true;
        f.title.focus();
      }),
    ),
  );
  warning.querySelector("button").focus();
  return true;
}

// context() gives Plan's shown {day, data} and `which` day.
export function activityForm(chunk, context) {
  const f = build(chunk, context);
  const { form, title, st } = f;
  f.levels.addEventListener("change", () => showCustom(f));
  title.addEventListener("input", () => st.offer());
  f.minutes.addEventListener("input", () => st.offer(true));
  reset(f);
  form.setTemplates = (list) =>
    f.picks.replaceChildren(
      ...list.map((t) =>
        btn(
          `${t.title} · ${pts(t.energy_cost)}${t.minutes ? ` · ${t.minutes} min` : ""}`,
          () => {
            fill(f, t);
            st.offer(true);
            title.focus();
          },
          null,
          { "data-template": t.title },
        ),
      ),
    );
  form.edit = (a) => {
    reset(f, a);
    st.offer();
    form.scrollIntoView({ block: "start" });
    title.focus({ preventScroll: true });
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const { data, errs } = read(f);
    showErrors(form, { errors: errs });
    const first = Object.keys(errs)[0];
    if (first) return form.querySelector(`#${first}`).focus();
    if (!warnOver(f, data)) commit(f, data);
  });
  return form;
}
