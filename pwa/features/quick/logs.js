// One-tap logs and snoozes; the service worker imports this too (no DOM at load time).
// Never a dose: magnesium gets the form and amount the person set in a reminder, or none.
import { api } from "../../api.js";
import { FIXES, INTAKE_LABELS } from "./kinds.js";
import { get, list, nowIso, remove, save } from "../../store.js";
import { clock, toast } from "../../lib/ui.js";

// That reminder's details, else those of the person's magnesium reminders (enabled first, then oldest).
export async function magnesiumDetails(reminderId) {
  let r = reminderId && (await get("reminders", reminderId));
  if (r?.kind !== "magnesium") {
    const set = (await list("reminders")).filter(
      (x) => x.kind === "magnesium" && (x.form || x.amount != null),
    );
    r =
      set.sort(
        (a, b) =>
          !!b.enabled - !!a.enabled || String(a.created_at).localeCompare(String(b.created_at)),
      )[0] || {};
  }
  return {
    form: r.form || null,
    amount: r.amount ?? null,
    unit: r.amount != null ? r.unit || null : null,
  };
}

// "citrate, 200 mg": the person's own words, or "".
export const detailsText = ({ form, amount, unit } = {}) =>
  [form, amount != null && `${amount}${unit ? ` ${unit}` : ""}`].filter(Boolean).join(", ");

// What a repeated tap means. The same water button again within BOUNCE_MS is a finger bounce,
// not a second glass (a second glass comes after drinking the first). "Took magnesium" again
// within SAME_DOSE_MS is the same dose, tapped twice or from a notification too: a person taking
// a second dose says so (the toast offers it). A fix between episodes (a stretch, a bath, heat)
// logged again within SAME_DOSE_MS is the same one too.
export const BOUNCE_MS = 2000;
export const SAME_DOSE_MS = 15 * 60000;

// The intake just saved that this one would repeat, or null.
async function repeatOf({ kind, amount }) {
  const within = kind === "water" ? BOUNCE_MS : SAME_DOSE_MS;
  const recent = (i) => Math.abs(Date.now() - Date.parse(i.taken_at)) < within;
  const same = (i) => i.kind === kind && (kind !== "water" || i.amount === amount);
  return (await list("intakes")).find((i) => same(i) && recent(i)) || null;
}

// One log of a kind at a time, across tabs and the worker: a second tap sees the first's record.
const chains = {};
function oneAtATime(kind, work) {
  if (globalThis.navigator?.locks) return navigator.locks.request(`unknot-intake-${kind}`, work);
  chains[kind] = (chains[kind] || Promise.resolve()).then(work, work);
  return chains[kind];
}

// Save the intake unless it repeats one just saved. -> {record, added}
const logOnce = (intake, again = false) =>
  oneAtATime(intake.kind, async () => {
    const repeated = !again && (await repeatOf(intake));
    if (repeated) return { record: repeated, added: false };
    return { record: await save("intakes", { ...intake, taken_at: nowIso() }), added: true };
  });

export const logWater = (amount = 250) =>
  logOnce({ kind: "water", amount, unit: "ml", form: null });

// again: a second dose the person confirmed.
export async function logMagnesium(d, again = false) {
  d ||= await magnesiumDetails();
  const dose = { amount: d.amount ?? null, unit: d.unit ?? null, form: d.form ?? null };
  return logOnce({ kind: "magnesium", ...dose }, again);
}

// A fix between episodes (kinds.js FIXES) done now; form: the person's own detail, e.g. the
// guided stretch's "4 of 4 stretches". -> {record, added}
export function logFix(kind, form = null) {
  if (!Object.hasOwn(FIXES, kind)) throw new Error(`Not a fix between episodes: ${kind}`);
  return logOnce({ kind, amount: null, unit: null, form });
}

const undo = (r) => ({ label: "Undo", onClick: () => remove("intakes", r.id) });

// Say a log and offer Undo; a repeat within a bounce says nothing (the first toast stays).
export function tell({ record: r, added }, reminderId) {
  const water = r.kind === "water";
  const fix = Object.hasOwn(FIXES, r.kind);
  if (added && !water) return toast(`${INTAKE_LABELS[r.kind]} saved`, undo(r));
  if (added) return toast(`Water saved (${r.amount} ml)`, undo(r));
  if (water || Date.now() - Date.parse(r.taken_at) < BOUNCE_MS) return;
  if (fix) return toast(`${INTAKE_LABELS[r.kind]} already saved at ${clock(r.taken_at)}.`);
  toast(`Magnesium already saved at ${clock(r.taken_at)}: one dose.`, {
    label: "Another dose",
    onClick: async () => {
      const d = await magnesiumDetails(reminderId);
      tell(await logMagnesium(d, true), reminderId);
    },
  });
}

// Log "water", "magnesium" or a fix now (once: see BOUNCE_MS) and say so, with Undo.
// -> {record, added}
export async function quickLog(kind, amount, reminderId) {
  let logged;
  if (kind === "water") logged = await logWater(amount || 250);
  else if (kind === "magnesium") logged = await logMagnesium(await magnesiumDetails(reminderId));
  else logged = await logFix(kind);
  tell(logged, reminderId);
  return logged;
}

// -> "server" | "phone" (offline, or the server cannot yet: kept in the reminder, synced later) | "failed"
export async function snooze(id, minutes) {
  try {
    await api(`/api/v1/reminders/${encodeURIComponent(id)}/snooze`, {
      method: "POST",
      body: { minutes },
    });
    return "server";
  } catch (err) {
    const r = [400, 422].includes(err.status) ? null : await get("reminders", id);
    if (!r) return "failed";
    try {
      await save("reminders", {
        ...r,
        snoozed_until: nowIso(new Date(Date.now() + minutes * 60000)),
      });
    } catch {
      return "failed"; // the record check refused it (a reminder the server refused too)
    }
    return "phone";
  }
}
