// The morning check-in about YESTERDAY: one "checkins" record whose id comes from the day, so
// checking in again (or on another phone) changes the same record.
import { LIMITS } from "../lib/limits.js";
import { dayWords } from "../lib/day.js";
import { limitText, tooLong } from "../lib/text-limit.js";
import { el, showErrors, toast } from "../lib/ui.js";
import { save } from "../store.js";
import { navigate } from "../router.js";
import { checkinFor, checkinIdFor, days } from "../features/plan/data.js";

const SCALES = {
  fatigue: "Tiredness (fatigue)",
  weakness: "Muscle weakness",
  cramps: "Cramps",
  knots: "Knots (tight, sore spots)",
};

const NIGHT_SCALES = ["sleep", "stiffness"];

const choice = (name, value, checked, text, label) =>
  el(
    "label",
    { class: "choice" },
    el("input", { type: "radio", name, value, checked, "aria-label": label }),
    el("span", { "aria-hidden": label && "true" }, text),
  );

const group = (name, legend, hint, ...choices) =>
  el(
    "fieldset",
    { class: "field", "data-scale": name },
    el("legend", {}, legend),
    hint && el("p", { class: "hint" }, hint),
    el("div", { class: "checkin-scale" }, choices),
  );

// 0 to 10 as radios, `label: n` read aloud; the night's two scales say their own ends.
const scale = (key, label, hint, before) =>
  group(
    key,
    label,
    hint,
    ...Array.from({ length: 11 }, (_, n) =>
      choice(key, n, before?.[key] === n, n, `${label}: ${n}`),
    ),
  );

// Yes / No / Not sure: "Not sure" (or nothing chosen) is null, never a "no".
const yesNo = (key, legend, hint, before, said = null) =>
  group(
    key,
    legend,
    hint,
    choice(key, "yes", before?.[key] === true, "Yes", said && `${said}: Yes`),
    choice(key, "no", before?.[key] === false, "No", said && `${said}: No`),
    choice(key, "", before != null && before[key] == null, "Not sure", said && `${said}: Not sure`),
  );

// A radio left unchosen is null: skipped, never a "no" or a 0.
const answer = (data, key, read) =>
  data.get(key) == null || data.get(key) === "" ? null : read(data.get(key));

export async function mount(root) {
  const { checkin: day } = await days();
  const before = await checkinFor(day);
  const notes = el("textarea", { id: "c-notes", name: "notes", rows: "2" }, before?.notes || "");
  const form = el(
    "form",
    { class: "card stack", novalidate: true, "data-checkin-form": "" },
    el("p", { class: "hint" }, "0 = none, 10 = worst. Skip any you are not sure of."),
    Object.entries(SCALES).map(([key, label]) => scale(key, label, null, before)),
    yesNo(
      "crash",
      "Did you crash?",
      "A crash: a sudden drop in energy or strength after doing too much.",
      before,
    ),
    el("h2", {}, "Last night"),
    scale("sleep", "How did you sleep?", "0 = very badly, 10 = very well.", before),
    yesNo("woke_with_cramp", "Woke with a cramp?", null, before, "Woke with a cramp"),
    scale("stiffness", "Morning stiffness", "0 = none, 10 = worst.", before),
    el(
      "div",
      { class: "field" },
      el("label", { for: "c-notes" }, "Anything else (optional)"),
      el("p", { class: "error-text", "data-error-for": "notes" }),
      notes,
      limitText(notes, LIMITS.notes.max),
    ),
    el(
      "button",
      { class: "btn btn-primary btn-block", type: "submit" },
      before ? "Save changes" : "Save check-in",
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    if (showErrors(form, { errors: { notes: tooLong(data.get("notes"), LIMITS.notes.max) } }))
      return;
    const scales = [...Object.keys(SCALES), ...NIGHT_SCALES].map((k) => [
      k,
      answer(data, k, Number),
    ]);
    const yes = (v) => v === "yes";
    await save("checkins", {
      ...before,
      id: before?.id || (await checkinIdFor(day)),
      day,
      ...Object.fromEntries(scales),
      crash: answer(data, "crash", yes),
      woke_with_cramp: answer(data, "woke_with_cramp", yes),
      notes: String(data.get("notes") || "").trim() || null,
    });
    toast("Check-in saved. Thank you.");
    await navigate("/");
  });
  root.append(
    el("h1", {}, "Morning check-in"),
    el("p", { class: "checkin-day", "data-checkin-day": day }, `How was ${dayWords(day)}?`),
    before ? el("p", { class: "muted" }, "Already done: you can change it.") : "",
    form,
  );
}
