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
    el("div", { class: "checkin-scale" }, choices),
    hint && el("p", { class: "hint" }, hint),
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
    Object.entries(SCALES).map(([key, label]) =>
      group(
        key,
        label,
        null,
        ...Array.from({ length: 11 }, (_, n) =>
          choice(key, n, before?.[key] === n, n, `${label}: ${n}`),
        ),
      ),
    ),
    group(
      "crash",
      "Did you crash?",
      "A crash: a sudden drop in energy or strength after doing too much.",
      choice("crash", "yes", before?.crash === true, "Yes"),
      choice("crash", "no", before?.crash === false, "No"),
      choice("crash", "", before != null && before.crash == null, "Not sure"),
    ),
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
    const scales = Object.keys(SCALES).map((k) => [k, answer(data, k, Number)]);
    await save("checkins", {
      ...before,
      id: before?.id || (await checkinIdFor(day)),
      day,
      ...Object.fromEntries(scales),
      crash: answer(data, "crash", (v) => v === "yes"),
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
