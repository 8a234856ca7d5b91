// The form to add or change one reminder. Magnesium: the form and amount are the person's
// own (never proposed); hydration: every N minutes inside a daily window; others: times.

import { el, toast } from "../lib/ui.js";
import { save } from "../store.js";
import { checkReminder, DAY_NAMES, duration, KINDS } from "./reminders-text.js";

const INTERVALS = [30, 45, 60, 90, 120, 180];
const NAGS = [15, 30, 60];

function errorSlot(name) {
  return el("p", { class: "error-text", "data-error-for": name, id: `e-${name}` });
}

function field(id, label, input, name, hint = null) {
  input.id = id;
  input.setAttribute("aria-describedby", [hint ? `${id}-hint` : null, `e-${name}`].filter(Boolean).join(" "));
  return el("div", { class: "field" },
    el("label", { for: id }, label),
    input,
    hint ? el("p", { class: "hint", id: `${id}-hint` }, hint) : null,
    errorSlot(name));
}

function timeInput(value, index) {
  return el("input", { type: "time", step: "60", value: value || "", "data-time": "", "aria-label": `Time ${index + 1}`, required: true });
}

function timesFieldset(times) {
  const list = el("div", { class: "stack reminders-times" });
  const row = (value) => {
    const input = timeInput(value, list.children.length);
    const line = el("div", { class: "reminders-time" }, input,
      el("button", { class: "btn", type: "button", onclick: () => {
        if (list.children.length > 1) line.remove();
        else input.value = "";
        [...list.querySelectorAll("[data-time]")].forEach((t, i) => t.setAttribute("aria-label", `Time ${i + 1}`));
      } }, "Remove"));
    list.append(line);
    return input;
  };
  for (const t of times.length ? times : [""]) row(t);
  return el("fieldset", { class: "field", "aria-describedby": "e-times" },
    el("legend", {}, "At what time"),
    list,
    el("button", { class: "btn", type: "button", "data-add-time": "", onclick: () => row("").focus() }, "Add a time"),
    errorSlot("times"));
}

function daysFieldset(days) {
  const set = new Set(days || []);
  return el("fieldset", { class: "field", "aria-describedby": "r-days-hint" },
    el("legend", {}, "On which days"),
    el("div", { class: "reminders-days" },
      DAY_NAMES.map((name, i) => el("label", { class: "choice" },
        el("input", { type: "checkbox", name: "days", value: String(i + 1), checked: set.has(i + 1) }),
        name))),
    el("p", { class: "hint", id: "r-days-hint" }, "None ticked: every day."));
}

function intervalFields(r) {
  const every = el("select", { name: "interval_minutes" },
    INTERVALS.map((m) => el("option", { value: String(m), selected: m === (r.interval_minutes || 120) }, `Every ${duration(m)}`)));
  return el("div", { class: "stack" },
    field("r-interval", "How often", every, "interval_minutes", "Skipped when you are already on pace for your water today."),
    el("div", { class: "row" },
      field("r-from", "From", el("input", { type: "time", step: "60", name: "window_start", value: r.window_start || "08:00", required: true }), "window_start"),
      field("r-until", "Until", el("input", { type: "time", step: "60", name: "window_end", value: r.window_end || "20:00", required: true }), "window_end")));
}

function magnesiumFields(r) {
  const amount = el("input", { type: "number", name: "amount", inputmode: "decimal", min: "0", step: "any", value: r.amount ?? "", placeholder: "as your doctor or pharmacist advised" });
  const unit = el("select", { name: "unit" },
    [["mg", "mg"], ["ml", "ml"]].map(([v, t]) => el("option", { value: v, selected: (r.unit || "mg") === v }, t)));
  return el("div", { class: "stack" },
    field("r-form", "Form (optional)", el("input", { type: "text", name: "form", maxlength: "60", autocomplete: "off", value: r.form || "", placeholder: "as on the package" }), "form"),
    field("r-amount", "Amount (optional)", amount, "amount", "Unknot never suggests an amount: use what your doctor or pharmacist advised, or leave it empty."),
    field("r-unit", "Unit", unit, "unit"));
}

function nagFields(r) {
  const on = r.nag_after_minutes != null;
  const after = el("select", { name: "nag_after_minutes" },
    NAGS.map((m) => el("option", { value: String(m), selected: m === (r.nag_after_minutes || 30) }, `After ${duration(m)}`)));
  const when = field("r-nag", "Once more", after, "nag_after_minutes");
  when.hidden = !on;
  const box = el("input", { type: "checkbox", name: "nag", checked: on, onchange: () => { when.hidden = !box.checked; } });
  return el("div", { class: "stack" },
    el("label", { class: "choice" }, box, "Remind me once more if I have not logged it"),
    when);
}

/** Read the form into a reminder record (only the fields of its kind). */
function readForm(form, base) {
  const kind = base.kind;
  const value = (name) => (form.elements[name] ? form.elements[name].value.trim() : "");
  const r = { ...base, title: value("title") || null };
  r.days = [...form.querySelectorAll("input[name=days]:checked")].map((c) => Number(c.value));
  if (kind === "hydration") {
    Object.assign(r, { times: [], interval_minutes: Number(value("interval_minutes")), window_start: value("window_start"), window_end: value("window_end") });
  } else if (!r.fire_at) {
    const times = [...form.querySelectorAll("[data-time]")].map((t) => t.value).filter(Boolean);
    Object.assign(r, { times: [...new Set(times)].sort(), interval_minutes: null, window_start: null, window_end: null });
  }
  if (kind === "magnesium") {
    const amount = value("amount");
    r.form = value("form") || null;
    r.amount = amount === "" ? null : Number(amount);
    r.unit = r.amount == null ? null : value("unit") || "mg";
  } else {
    Object.assign(r, { form: null, amount: null, unit: null });
  }
  const nag = form.elements.nag;
  r.nag_after_minutes = nag && nag.checked ? Number(value("nag_after_minutes")) : null;
  return r;
}

/** Show the form in host for a new reminder of `kind`, or to change `reminder`. */
export function renderForm(host, { kind = "custom", reminder = null, onDone = () => {} } = {}) {
  const base = reminder ? { ...reminder } : { kind, enabled: true, times: [], days: [] };
  const close = () => {
    host.replaceChildren();
    onDone();
  };
  const form = el("form", { class: "card stack", novalidate: true, "aria-labelledby": "h-rform", "data-reminder-form": base.kind });
  const heading = el("h2", { id: "h-rform", tabindex: "-1" }, reminder ? `Change: ${reminder.title || KINDS[base.kind]}` : `New reminder: ${KINDS[base.kind]}`);
  form.append(
    heading,
    field("r-title", "Name (optional)", el("input", { type: "text", name: "title", maxlength: "120", autocomplete: "off", value: base.title || "", placeholder: KINDS[base.kind] }), "title"),
    base.kind === "hydration" ? intervalFields(base) : base.fire_at ? null : timesFieldset(base.times || []),
    base.kind === "magnesium" ? magnesiumFields(base) : null,
    daysFieldset(base.days),
    base.kind === "magnesium" || base.kind === "hydration" ? nagFields(base) : null,
    el("p", { class: "error-text", role: "alert", "data-form-error": "" }),
    el("div", { class: "row" },
      el("button", { class: "btn btn-primary", type: "submit" }, "Save reminder"),
      el("button", { class: "btn", type: "button", onclick: close }, "Cancel")));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const record = readForm(form, base);
    const errors = checkReminder(record);
    for (const slot of form.querySelectorAll("[data-error-for]")) slot.textContent = errors[slot.dataset.errorFor] || "";
    form.querySelector("[data-form-error]").textContent = Object.keys(errors).length ? "Please check the form." : "";
    if (Object.keys(errors).length) {
      const first = form.querySelector(`[name="${Object.keys(errors)[0]}"], [data-time]`);
      if (first) first.focus();
      return;
    }
    await save("reminders", record);
    toast(reminder ? "Reminder changed" : "Reminder saved");
    close();
  });
  host.replaceChildren(form);
  heading.focus();
  return form;
}
