// One-tap logs and snoozes, used by Today, the Log screen, /quick and the service worker.
// Never a dose: magnesium is logged with the form and amount the PERSON set in their
// magnesium reminder, or without an amount. No DOM at load time: the worker imports this too.

import { api } from "../api.js";
import { get, list, nowIso, remove, save } from "../store.js";
import { localDay } from "./day.js";
import { toast } from "./ui.js";

export const GLASS_ML = 250;
export const WATER_AMOUNTS = [150, 250, 500];

/** The form/amount/unit of the person's magnesium reminder (an enabled one first), or nulls. */
export async function magnesiumDetails(reminderId = null) {
  const none = { form: null, amount: null, unit: null };
  const pick = (r) => ({ form: r.form || null, amount: r.amount ?? null, unit: r.amount != null ? r.unit || null : null });
  if (reminderId) {
    const own = await get("reminders", reminderId);
    if (own && own.kind === "magnesium") return pick(own);
  }
  const set = (await list("reminders")).filter((r) => r.kind === "magnesium" && (r.form || r.amount != null));
  set.sort((a, b) => Number(Boolean(b.enabled)) - Number(Boolean(a.enabled)) || String(a.created_at).localeCompare(String(b.created_at)));
  return set.length ? pick(set[0]) : none;
}

/** "Magnesium citrate, 200 mg" — the person's own words, or "" when they set nothing. */
export function detailsText({ form, amount, unit } = {}) {
  const dose = amount != null ? `${amount}${unit ? ` ${unit}` : ""}` : "";
  return [form, dose].filter(Boolean).join(", ");
}

/** Save a glass of water now. */
export function logWater(amount = GLASS_ML) {
  return save("intakes", { kind: "water", amount, unit: "ml", form: null, taken_at: nowIso() });
}

/** Save "took magnesium" now, with the details the person set (or given ones). */
export async function logMagnesium(details = null) {
  const d = details || (await magnesiumDetails());
  return save("intakes", { kind: "magnesium", amount: d.amount ?? null, unit: d.unit ?? null, form: d.form ?? null, taken_at: nowIso() });
}

/** Log one quick item ("water" | "magnesium") and say so, with Undo. */
export async function quickLog(kind, amount = GLASS_ML, reminderId = null) {
  const record = kind === "water"
    ? await logWater(amount || GLASS_ML)
    : await logMagnesium(await magnesiumDetails(reminderId));
  const text = kind === "water" ? `Water saved (${record.amount} ml)` : "Magnesium saved";
  toast(text, { label: "Undo", onClick: () => remove("intakes", record.id) });
  return record;
}

/** Today's water (ml) and magnesium intakes, for the person's day (starting at startHour). */
export async function todayIntake(startHour = 4, now = new Date()) {
  const today = localDay(now, startHour);
  const todays = (await list("intakes")).filter((i) => i.taken_at && localDay(i.taken_at, startHour) === today);
  const water = todays.filter((i) => i.kind === "water").reduce((sum, i) => sum + (Number(i.amount) || 0), 0);
  const magnesium = todays.filter((i) => i.kind === "magnesium").sort((a, b) => Date.parse(a.taken_at) - Date.parse(b.taken_at));
  return { day: today, water, magnesium };
}

/**
 * Snooze a reminder for `minutes`. Online: the server's POST /reminders/<id>/snooze.
 * Without a connection (or when the server cannot do it yet): snoozed_until is saved in the
 * reminder on this phone and synced later — no push can arrive while offline anyway.
 * Resolves to "server" | "phone" | "failed".
 */
export async function snooze(reminderId, minutes) {
  try {
    await api(`/api/v1/reminders/${encodeURIComponent(reminderId)}/snooze`, { method: "POST", body: { minutes } });
    return "server";
  } catch (err) {
    if (err.status === 422 || err.status === 400) return "failed";
    const reminder = await get("reminders", reminderId);
    if (!reminder) return "failed";
    await save("reminders", { ...reminder, snoozed_until: nowIso(new Date(Date.now() + minutes * 60000)) });
    return "phone";
  }
}
