// Records the server refused (sync.js keeps them as "attention"): what a person reads about
// one, the form that fixes it, its reasons under that form's fields, and deleting it.
import { errorsByField } from "../../api.js";
import { whenOf } from "../../lib/collections.js";
import { capitalize } from "../../lib/format.js";
import { el } from "../../lib/ui.js";
import * as store from "../../store.js";
import { attention, dismissAttention } from "../../sync.js";
import { whenText } from "../log/chips.js";

// The form that changes a record of each collection; the others are only deleted.
const FORMS = {
  cramps: (id) => `/cramp?edit=${id}`,
  knots: (id) => `/log?edit=${id}`,
  weakness: (id) => `/log?tab=weakness&edit=${id}`,
  activities: (id) => `/plan?edit=${id}`,
  reminders: (id) => `/reminders?edit=${id}`,
};

const NOUNS = {
  cramps: "A cramp",
  knots: "A knot",
  weakness: "A weakness note",
  intakes: "A water, magnesium or bedtime log",
  plans: "A day's plan",
  activities: "A planned task",
  templates: "An everyday task",
  checkins: "A check-in",
  reminders: "A reminder",
  settings: "A change to your settings",
};

// Fields as the forms name them.
const LABELS = {
  title: "Name",
  energy_cost: "Points",
  spent_cost: "Points spent",
  rest_minutes: "Rest",
  muscle: "Which muscle",
  location: "Where",
  body_area: "Where",
  intensity: "How strong",
  severity: "How bad",
  after_activity: "After what",
  energy_budget: "Energy budget",
  _schema: "",
};

export const fixPath = (entry) => FORMS[entry.collection]?.(entry.id) || null;

export const refusal = async (collection, id) =>
  (await attention()).find((e) => e.collection === collection && e.id === id);

// [field label, plain sentence] for each reason the server gave.
export function reasons(entry) {
  if (typeof entry.errors === "string") return [["", entry.errors]];
  const found = Object.entries(errorsByField(entry)).map(([field, text]) => [
    LABELS[field] ?? capitalize(field.replace(/_/g, " ")),
    text,
  ]);
  return found.length ? found : [["", "The server did not say why."]];
}

// "A planned task: Groceries" or "A knot: Tue 24 Nov, 09:12", from the copy on this phone.
export async function describe(entry) {
  const noun = NOUNS[entry.collection] || "A record";
  const r = (await store.get(entry.collection, entry.id).catch(() => null)) || entry.data || {};
  const when =
    NOUNS[entry.collection] && entry.collection !== "settings" && whenOf(entry.collection, r);
  const text = r.title || (when && whenText(when));
  return text ? `${noun}: ${text}` : noun;
}

// Deletes the record (its deletion syncs) and the notice; returns an Undo that puts both back.
export async function deleteRefused(entry) {
  const kept = await store.get(entry.collection, entry.id);
  if (kept) await store.remove(entry.collection, entry.id);
  await dismissAttention(entry.id);
  // put back as it was: the server refuses it again, and it shows up here again
  return kept ? () => store.save(entry.collection, kept, { restore: true }) : null;
}

// The fields a node shows: a leaf of the error shape ("steps.0.title") → its path with "#" for
// list positions ("steps.#.title"), the index, and the messages.
function leaves(value, path = []) {
  if (typeof value === "string") return [[path, [value]]];
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return [[path, value]];
  if (!value || typeof value !== "object") return [];
  return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
}

// Puts a refused record's reasons under the form's fields: `fields` maps a field ("notes") or a
// list's item field ("steps.#.title") to the selector of its input, "%" standing for the item's
// position ("#s-title-%"); reasons with no field on the form go in a note under its heading.
// Does nothing when the record was not refused.
export async function showRefused(host, collection, id, fields = {}) {
  const entry = await refusal(collection, id);
  if (!entry) return null;
  for (const node of host.querySelectorAll("[data-refused]")) node.remove();
  const given = entry.errors?.data || entry.errors || {};
  const errors = typeof given === "string" ? { _: given } : given; // a reason with no field
  const elsewhere = {};
  for (const [path, messages] of leaves(errors)) {
    const index = path.find((p) => /^\d+$/.test(p));
    const key = path.map((p) => (/^\d+$/.test(p) ? "#" : p)).join(".");
    const input = fields[key] && host.querySelector(fields[key].replace("%", index));
    if (!input) {
      elsewhere[path[0]] = errors[path[0]];
      continue;
    }
    const text = messages.map((m) => errorsByField({ errors: { x: m } }).x).join(" ");
    const slot = el("p", { class: "error-text", "data-refused": key }, text);
    (input.closest(".field") || input).after(slot);
  }
  const rest = reasons({ errors: Object.keys(elsewhere).join() === "_" ? elsewhere._ : elsewhere });
  const note = el(
    "div",
    { class: "refused-note", "data-refused": "", role: "status" },
    el("p", {}, "The server did not take this yet: change what is marked below."),
    Object.keys(elsewhere).length
      ? el(
          "ul",
          {},
          rest.map(([label, text]) => el("li", {}, label ? `${label}: ${text}` : text)),
        )
      : null,
  );
  const heading = host.querySelector("h1, h2");
  if (heading) heading.after(note);
  else host.prepend(note);
  return entry;
}
