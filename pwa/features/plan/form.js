// Plan's add/change form: title, minutes and points; steps only when the person asks for them.
import { COSTS, checkAdd, costOf, pts } from "./pacing.js";
import { capitalize } from "../../lib/format.js";
import { LIMITS, within } from "../../lib/limits.js";
import { btn, el, showErrors, toast } from "../../lib/ui.js";
import { save } from "../../store.js";
import { addActivity, days, loadDay, moveActivity } from "./data.js";
import { field, num, text } from "./fields.js";
import { stepsEditor } from "./steps.js";

export { field, num, text };
const { task_minutes: MINUTES, energy_cost: COST, task_title: TITLE } = LIMITS;
const tooLong = `At most ${MINUTES.max} minutes (a whole day).`;

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
    field("How long (minutes)", minutes),
    levels,
    st.node,
    warning,
    el("div", { class: "row" }, submit, cancel),
  );
  const f = {
    chunk,
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
  f.st.offer();
  showErrors(f.form);
}

function read(f) {
  const { title, minutes, st } = f;
  const errs = {};
  const name = title.value.trim();
  if (!name) errs["a-title"] = "Say what it is.";
  else if ([...name].length > TITLE.max) errs["a-title"] = `At most ${TITLE.max} characters.`;
  const m = Number(minutes.value);
  if (!within(m, MINUTES))
    errs["a-minutes"] =
      m > MINUTES.max ? tooLong : `Minutes from ${MINUTES.min} to ${MINUTES.max}.`;
  let cost;
  try {
    cost = costOf(level(f), f.custom.value);
  } catch (err) {
    errs["a-custom"] = err.message;
  }
  const own = st.read(errs);
  const data = { title: name, energy_cost: cost, minutes: m, steps: own, rest_minutes: 0 };
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
    f.chunk,
  );
  const { lighter } = check;
  warning.hidden = !check.over;
  if (!check.over) return false;
  const choice = (key, label, onclick, cls) => btn(label, onclick, cls, { "data-choice": key });
  warning.replaceChildren(
    el("p", { "data-warning": "" }, check.warning),
    el(
      "div",
      { class: "row" },
      lighter &&
        choice(
          "lighter",
          `${editing ? "Save" : "Add"} the lighter version (${pts(lighter.energy_cost)})`,
          () => commit(f, { ...data, ...lighter }),
          "btn-primary",
        ),
      which === "today" &&
        choice(
          "tomorrow",
          "Move to tomorrow",
          () => commit(f, data, true),
          !lighter && "btn-primary",
        ),
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
  // A duration beyond a day is said at once, and never turned into steps.
  f.minutes.addEventListener("input", () => {
    const slot = form.querySelector("[data-error-for=a-minutes]");
    slot.textContent = Number(f.minutes.value) > MINUTES.max ? tooLong : "";
    st.offer();
  });
  reset(f);
  form.setTemplates = (list) =>
    f.picks.replaceChildren(
      ...list.map((t) =>
        btn(
          `${t.title} · ${pts(t.energy_cost)}${t.minutes ? ` · ${t.minutes} min` : ""}`,
          () => {
            fill(f, t);
            st.offer();
            title.focus();
          },
          null,
          { "data-template": t.title },
        ),
      ),
    );
  form.edit = (a) => {
    reset(f, a);
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
