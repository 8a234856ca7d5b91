// Reminders screen; notifications are asked for only after a tap.

import { LIMITS } from "../lib/limits.js";
import { numberAttrs, readNumber } from "../lib/numbers.js";
import { limitText, tooLong } from "../lib/text-limit.js";
import { detailsText, snooze } from "../features/quick/logs.js";
import { ringCard, ringState, WONT_RING } from "../features/reminders/ring.js";
import { KINDS, kindOf } from "../lib/reminder-kinds.js";
import { btn, card, clock, el, showErrors, toast } from "../lib/ui.js";
import { get, list, onChange, remove, save } from "../store.js";
import { showRefused } from "../features/attention/refused.js";
import { syncNow } from "../sync.js";

const ORDER = Object.keys(KINDS);
// The experiments screen adds (and stops) its own reminders.
const ADDABLE = ORDER.filter((k) => !KINDS[k].experiment);
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
let stop, formHost, ring;

const row = (...kids) => el("div", { class: "row" }, ...kids);
const nameOf = (r) => r.title?.trim() || kindOf(r.kind).label;

function duration(min) {
  const h = Math.floor(min / 60),
    m = min % 60;
  return [h && `${h} h`, (m || !h) && `${m} min`].filter(Boolean).join(" ");
}

function schedule(r) {
  const times = [...(r.times || [])].sort();
  if (r.fire_at && !times.length && !r.interval_minutes) return `Once at ${clock(r.fire_at)}`;
  const set = [...new Set(r.days)].filter((d) => d >= 1 && d <= 7).sort(); // ISO days
  const days =
    { "": "Every day", 1234567: "Every day", 12345: "Mon to Fri", 67: "Sat and Sun" }[
      set.join("")
    ] ?? set.map((d) => DAYS[d - 1]).join(", ");
  if (r.interval_minutes) {
    return `${days}, every ${duration(r.interval_minutes)} from ${r.window_start || "00:00"} to ${r.window_end || "23:59"}`;
  }
  if (!times.length) return "No time set";
  return `${days} at ${times.length > 1 ? `${times.slice(0, -1).join(", ")} and ${times.at(-1)}` : times[0]}`;
}

function statusText(r) {
  const at = new Date(r.next_fire_at);
  const days = Math.round(
    (new Date(at).setHours(0, 0, 0, 0) - new Date().setHours(0, 0, 0, 0)) / 864e5,
  );
  return r.enabled === false
    ? "Paused"
    : ring !== "on"
      ? WONT_RING[ring]
      : Date.parse(r.snoozed_until) > Date.now()
        ? `Snoozed until ${clock(r.snoozed_until)}`
        : at > Date.now()
          ? `On \u00b7 next ${["today", "tomorrow"][days] ?? at.toLocaleDateString([], { weekday: "short" })} at ${clock(at)}`
          : "On";
}

async function doSnooze(r, m) {
  const where = await snooze(r.id, m);
  const until = clock(Date.now() + m * 60000);
  if (where === "server") syncNow();
  toast(
    where === "server"
      ? `Snoozed until ${until}`
      : where === "phone"
        ? `Offline: snoozed until ${until} on this phone, sent once online.`
        : "The snooze did not work. Please try again.",
  );
}

function snoozeBox(r) {
  const id = `snz-${r.id}`;
  const error = el("p", { class: "error-text", id: `${id}-e` });
  const input = el("input", {
    ...numberAttrs("snooze_minutes"),
    id,
    placeholder: "minutes",
    "aria-describedby": error.id,
  });
  return el(
    "div",
    { class: "stack reminders-snooze", hidden: true },
    el("p", { class: "label", id: `${id}-l` }, "Snooze for"),
    el(
      "div",
      { class: "row", role: "group", "aria-labelledby": `${id}-l` },
      [15, 60].map((m) => btn(duration(m), () => doSnooze(r, m), "", { "data-snooze": m })),
    ),
    el(
      "div",
      { class: "field" },
      el("label", { for: id }, "Other (minutes)"),
      el(
        "div",
        { class: "reminders-time" },
        input,
        btn(
          "Snooze",
          () => {
            const m = readNumber(input, "snooze_minutes", { required: true });
            error.textContent = m.error || "";
            if (!m.error) return doSnooze(r, m.value);
            input.setAttribute("aria-invalid", "true");
            input.focus();
          },
          "",
          { "data-snooze": "custom" },
        ),
      ),
      error,
    ),
  );
}

function item(r) {
  const paused = r.enabled === false;
  const snoozes = snoozeBox(r);
  const details = kindOf(r.kind).form.includes("dose") && detailsText(r);
  const { screen } = kindOf(r.kind);
  const confirm = el(
    "div",
    { class: "stack", hidden: true, "data-confirm-box": "" },
    el("p", { role: "alert" }, `Delete \u201c${nameOf(r)}\u201d? This cannot be undone.`),
    row(
      btn(
        "Delete",
        async () => {
          await remove("reminders", r.id);
          toast("Reminder deleted");
        },
        "btn-danger btn-primary",
        { "data-confirm": "delete" },
      ),
      btn("Keep it", () => {
        confirm.hidden = true;
      }),
    ),
  );
  return el(
    "li",
    { class: "reminders-item stack", "data-reminder": r.id, "data-kind": r.kind },
    el("h3", {}, nameOf(r)),
    el("p", { "data-schedule": "" }, schedule(r)),
    details ? el("p", { class: "muted" }, details) : null,
    screen && el("a", { class: "btn btn-block", href: screen[0], "data-act": "open" }, screen[1]),
    el(
      "p",
      {
        class: `reminders-status${paused ? " is-paused" : ring !== "on" ? " reminders-wont" : ""}`,
        "data-status": "",
      },
      statusText(r),
    ),
    row(
      btn("Change", () => openForm(r.kind, r), "", { "data-act": "edit" }),
      btn(
        paused ? "Resume" : "Pause",
        async () => {
          await save("reminders", { ...r, enabled: paused });
          toast(paused ? "Reminder on again" : "Reminder paused");
        },
        "",
        { "data-act": "toggle" },
      ),
      !paused &&
        btn(
          "Snooze",
          (e) => {
            snoozes.hidden = !snoozes.hidden;
            e.currentTarget.setAttribute("aria-expanded", !snoozes.hidden);
          },
          "",
          { "data-act": "snooze", "aria-expanded": "false" },
        ),
      btn(
        "Delete",
        () => {
          confirm.hidden = false;
          confirm.querySelector("[data-confirm]").focus();
        },
        "btn-danger",
        { "data-act": "delete" },
      ),
    ),
    snoozes,
    confirm,
  );
}

async function renderList(host) {
  const all = await list("reminders");
  all.sort(
    (a, b) =>
      ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) ||
      String(a.created_at).localeCompare(b.created_at),
  );
  host.replaceChildren(
    el("h2", { id: "h-list" }, "Your reminders"),
    all.length
      ? el("ul", { class: "list" }, all.map(item))
      : el("p", { class: "muted" }, "No reminders yet."),
  );
}

// The form. Magnesium: form and amount are the person's own, never proposed.

function field(label, input, hint) {
  const id = `r-${input.name}`;
  input.id = id;
  if (hint) input.setAttribute("aria-describedby", `${id}-h`);
  return el(
    "div",
    { class: "field" },
    el("label", { for: id }, label),
    errorSlot(input.name),
    input,
    input.dataset.limit && limitText(input, Number(input.dataset.limit)),
    hint && el("p", { class: "hint", id: `${id}-h` }, hint),
  );
}

const errorSlot = (n) => el("p", { class: "error-text", "data-error-for": n, id: `e-${n}` });
const textInput = (name, value, placeholder, limit) =>
  el("input", {
    type: "text",
    name,
    "data-limit": limit,
    autocomplete: "off",
    value: value || "",
    placeholder,
  });
const time = (attrs) => el("input", { type: "time", step: 60, required: true, ...attrs });
const select = (name, values, pick, label) =>
  el(
    "select",
    { name },
    values.map((v) => el("option", { value: v, selected: v === pick }, label(v))),
  );

function timesFieldset(times) {
  const box = el("div", { class: "stack" });
  const label = () =>
    box.querySelectorAll("[data-time]").forEach((t, i) => {
      t.setAttribute("aria-label", `Time ${i + 1}`);
    });
  const add = (value) => {
    const input = time({ name: "times", value, "data-time": "" });
    const line = el(
      "div",
      { class: "reminders-time" },
      input,
      btn("Remove", () => {
        if (box.children.length > 1) line.remove();
        else input.value = "";
        label();
      }),
    );
    box.append(line);
    label();
    return input;
  };
  (times.length ? times : [""]).forEach(add);
  return el(
    "fieldset",
    { class: "field", "aria-describedby": "e-times" },
    el("legend", {}, "At what time"),
    box,
    btn("Add a time", () => add("").focus()),
    errorSlot("times"),
  );
}

function kindFields(r) {
  const parts = kindOf(r.kind).form;
  if (parts.includes("window")) {
    return [
      field(
        "How often",
        select(
          "interval_minutes",
          [30, 45, 60, 90, 120, 180],
          r.interval_minutes || 120,
          (m) => `Every ${duration(m)}`,
        ),
        "Skipped when you are on pace for your water.",
      ),
      row(
        field("From", time({ name: "window_start", value: r.window_start || "08:00" })),
        field("Until", time({ name: "window_end", value: r.window_end || "20:00" })),
      ),
    ];
  }
  const times = r.fire_at ? null : timesFieldset(r.times || []);
  if (!parts.includes("dose")) return [times];
  const amount = el("input", {
    name: "amount",
    ...numberAttrs("dose_amount"),
    value: r.amount ?? "",
    placeholder: "as your doctor or pharmacist advised",
  });
  return [
    times,
    field("Form (optional)", textInput("form", r.form, "as on the package", LIMITS.dose_form.max)),
    field(
      "Amount (optional)",
      amount,
      "Unknot never suggests an amount: use what your doctor or pharmacist advised, or leave it empty.",
    ),
    field("Unit", select("unit", ["mg", "ml"], r.unit || "mg", String)),
  ];
}

function nagFields(r) {
  const on = r.nag_after_minutes != null;
  const after = field(
    "Once more",
    select(
      "nag_after_minutes",
      [15, 30, 60],
      r.nag_after_minutes || 30,
      (m) => `After ${duration(m)}`,
    ),
  );
  after.hidden = !on;
  return [
    el(
      "label",
      { class: "choice" },
      el("input", {
        type: "checkbox",
        name: "nag",
        checked: on,
        onchange: (e) => {
          after.hidden = !e.target.checked;
        },
      }),
      "Remind me once more if I have not logged it",
    ),
    after,
  ];
}

// [record, {field: problem}]
function readForm(form, base) {
  const fd = new FormData(form);
  const val = (n) => fd.get(n)?.trim() ?? "";
  const r = {
    ...base,
    title: val("title") || null,
    days: fd.getAll("days").map(Number),
    form: null,
    amount: null,
    unit: null,
  };
  const e = {};
  const parts = kindOf(r.kind).form;
  if (parts.includes("window")) {
    Object.assign(r, {
      times: [],
      interval_minutes: Number(val("interval_minutes")),
      window_start: val("window_start"),
      window_end: val("window_end"),
    });
    if (!r.window_start) e.window_start = "Choose a start time.";
    if (!r.window_end) e.window_end = "Choose an end time.";
  } else if (!r.fire_at) {
    Object.assign(r, {
      times: [...new Set(fd.getAll("times").filter(Boolean))].sort(),
      interval_minutes: null,
      window_start: null,
      window_end: null,
    });
    if (!r.times.length) e.times = "Choose at least one time.";
  }
  if (parts.includes("dose")) {
    // Optional: empty is "not given" (null), never 0.
    const amount = readNumber(form.elements.amount, "dose_amount");
    Object.assign(r, {
      form: val("form") || null,
      amount: amount.value ?? null,
      unit: amount.value != null ? val("unit") || "mg" : null,
    });
    if (amount.error) e.amount = amount.error;
  }
  for (const [name, limit] of [
    ["title", LIMITS.reminder_title],
    ["form", LIMITS.dose_form],
  ]) {
    const why = tooLong(fd.get(name), limit.max);
    if (why) e[name] = why;
  }
  r.nag_after_minutes = fd.get("nag") ? Number(val("nag_after_minutes")) : null;
  return [r, e];
}

function openForm(kind, reminder) {
  const base = reminder ? { ...reminder } : { kind, enabled: true, times: [], days: [] };
  const heading = el(
    "h2",
    { id: "h-rform", tabindex: "-1" },
    reminder ? `Change: ${nameOf(reminder)}` : `New reminder: ${kindOf(kind).label}`,
  );
  const form = el(
    "form",
    {
      class: "card stack",
      novalidate: true,
      "aria-labelledby": "h-rform",
      "data-reminder-form": kind,
    },
    heading,
    field(
      "Name (optional)",
      textInput("title", base.title, kindOf(kind).label, LIMITS.reminder_title.max),
    ),
    kindFields(base),
    el(
      "fieldset",
      { class: "field", "aria-describedby": "r-days-hint" },
      el("legend", {}, "On which days"),
      el(
        "div",
        { class: "reminders-days" },
        DAYS.map((d, i) =>
          el(
            "label",
            { class: "choice" },
            el("input", {
              type: "checkbox",
              name: "days",
              value: i + 1,
              checked: base.days?.includes(i + 1),
            }),
            d,
          ),
        ),
      ),
      el("p", { class: "hint", id: "r-days-hint" }, "None ticked: every day."),
    ),
    kindOf(kind).form.includes("nag") ? nagFields(base) : null,
    el("p", { class: "error-text", role: "alert", "data-form-error": "" }),
    row(
      el("button", { class: "btn btn-primary", type: "submit" }, "Save reminder"),
      btn("Cancel", () => formHost.replaceChildren()),
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const [record, errors] = readForm(form, base);
    const bad = showErrors(form, { errors });
    form.querySelector("[data-form-error]").textContent = bad ? "Please check the form." : "";
    if (bad) return;
    await save("reminders", record);
    toast(reminder ? "Reminder changed" : "Reminder saved");
    formHost.replaceChildren();
  });
  formHost.replaceChildren(form);
  heading.focus();
  formHost.scrollIntoView({ block: "start" });
}

// From "Needs a look": the reminder in its form, with the server's reasons under the fields.
async function editRefused(id) {
  const r = await get("reminders", id);
  if (!r || !KINDS[r.kind]) return;
  openForm(r.kind, r);
  const fields = { title: "[name=title]", amount: "[name=amount]", form: "[name=form]" };
  await showRefused(formHost.firstChild, "reminders", id, fields);
}

export async function mount(root, { edit } = {}) {
  const [pushHost, listHost] = [card("h-push"), card("h-list")];
  formHost = el("div");
  const add = card(
    "h-add",
    "Add a reminder",
    row(
      ADDABLE.map((kind) => btn(KINDS[kind].label, () => openForm(kind), "", { "data-add": kind })),
    ),
  );
  root.append(
    el(
      "div",
      { class: "stack reminders" },
      el("h1", {}, "Reminders"),
      pushHost,
      listHost,
      add,
      formHost,
    ),
  );
  // Whether reminders can ring here decides the card and every reminder's line.
  const refresh = async (message = "") => {
    ring = await ringState();
    const status = ringCard(pushHost, ring, refresh, message);
    await renderList(listHost);
    return status;
  };
  await refresh();
  if (edit) await editRefused(edit);
  const off = onChange(
    (c) => (c.collection === "reminders" || c.collection === "*") && renderList(listHost),
  );
  // back from the phone's settings: show the new permission
  const onVisible = () => document.visibilityState === "visible" && refresh();
  document.addEventListener("visibilitychange", onVisible);
  stop = () => {
    off();
    document.removeEventListener("visibilitychange", onVisible);
  };
}

export function unmount() {
  stop?.();
  stop = null;
}
