// The morning check-in: how YESTERDAY went (fatigue, weakness, cramps, knots 0–10, a crash or
// not). Saved as a "checkins" record whose day is yesterday, under an id derived from that day,
// so a second check-in (or another phone) changes the same record.
import { el, toast } from "../lib/ui.js";
import { save } from "../store.js";
import { navigate } from "../router.js";
import { checkinFor, checkinIdFor, days } from "./plan-data.js";

const SCALES = [
  ["fatigue", "Tiredness (fatigue)", "0 = none, 10 = worst"],
  ["weakness", "Muscle weakness", "0 = none, 10 = worst"],
  ["cramps", "Cramps", "0 = none, 10 = worst"],
  ["knots", "Knots (tight, sore spots)", "0 = none, 10 = worst"],
];

function scale(name, label, hint, value) {
  return el("fieldset", { class: "field", "data-scale": name },
    el("legend", {}, label),
    el("div", { class: "checkin-scale" }, Array.from({ length: 11 }, (_, n) =>
      el("label", { class: "choice" },
        el("input", { type: "radio", name, value: String(n), checked: value === n, "aria-label": `${label}: ${n}` }),
        el("span", { "aria-hidden": "true" }, String(n))))),
    el("p", { class: "hint" }, `${hint}. Leave it if you are not sure.`));
}

function yesNo(name, label, value) {
  return el("fieldset", { class: "field", "data-scale": name },
    el("legend", {}, label),
    el("div", { class: "checkin-scale" },
      el("label", { class: "choice" }, el("input", { type: "radio", name, value: "yes", checked: value === true }), el("span", {}, "Yes")),
      el("label", { class: "choice" }, el("input", { type: "radio", name, value: "no", checked: value === false }), el("span", {}, "No"))),
    el("p", { class: "hint" }, "A crash: a sudden drop in energy or strength after doing too much."));
}

/** "Tuesday 24 November" for a "YYYY-MM-DD" day. */
function dayName(day) {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y, m - 1, d, 12).toLocaleDateString([], { weekday: "long", day: "numeric", month: "long" });
}

export async function mount(root) {
  const { yesterday } = await days();
  const before = await checkinFor(yesterday);
  const form = el("form", { class: "card stack", novalidate: true, "data-checkin-form": "" },
    SCALES.map(([name, label, hint]) => scale(name, label, hint, before ? before[name] : null)),
    yesNo("crash", "Did you crash?", before ? before.crash : null),
    el("div", { class: "field" },
      el("label", { for: "c-notes" }, "Anything else (optional)"),
      el("textarea", { id: "c-notes", name: "notes", rows: "2", maxlength: "2000" }, before?.notes || "")),
    el("button", { class: "btn btn-primary btn-block", type: "submit" }, before ? "Save changes" : "Save check-in"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const num = (k) => (data.get(k) === null ? null : Number(data.get(k)));
    const notes = String(data.get("notes") || "").trim();
    const id = before?.id || (await checkinIdFor(yesterday));
    await save("checkins", {
      ...(before || {}),
      id,
      day: yesterday,
      fatigue: num("fatigue"),
      weakness: num("weakness"),
      cramps: num("cramps"),
      knots: num("knots"),
      crash: data.get("crash") === "yes",
      notes: notes || null,
    });
    toast("Check-in saved. Thank you.");
    await navigate("/");
  });
  root.append(
    el("h1", {}, "Morning check-in"),
    el("p", {}, `How was yesterday, ${dayName(yesterday)}?`),
    before ? el("p", { class: "muted" }, "You already checked in. You can change it.") : "",
    form);
}
