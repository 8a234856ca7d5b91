// Plan data on the device: one plan per day (a fixed id derived from the day, so two phones
// planning the same day write the same record), its activities, check-ins and templates.
import { addDays, localDay } from "../lib/day.js";
import { TEMPLATES, dayTotals } from "../lib/pacing.js";
import { profile } from "../lib/account.js";
import { get, list, save } from "../store.js";

/**
 * A UUID made from a name: SHA-256 of "unknot:<kind>:<key>", shaped as an RFC 9562 version 8
 * ("custom") UUID. The same name gives the same id on every device.
 */
export async function derivedId(kind, key) {
  const bytes = new Uint8Array(
    await crypto.subtle.digest("SHA-256", new TextEncoder().encode(`unknot:${kind}:${key}`)),
  ).slice(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const h = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export const planIdFor = (day) => derivedId("plan", day);
export const checkinIdFor = (day) => derivedId("checkin", day);
export const templateIdFor = (key) => derivedId("template", key);

/** The person's settings and their today/tomorrow/yesterday. */
export async function days(now = new Date()) {
  const me = await profile();
  const today = localDay(now, me.day_start_hour);
  return { me, today, tomorrow: addDays(today, 1), yesterday: addDays(today, -1) };
}

/** The day's plan (saved, or not yet: `saved` says) and its activities in order, with totals. */
export async function loadDay(day, me) {
  const id = await planIdFor(day);
  const stored = await get("plans", id);
  const plan = stored || { id, day, energy_budget: me.energy_budget || 12 };
  const activities = (await list("activities"))
    .filter((a) => a.plan_id === id)
    .sort((a, b) => (a.position ?? 0) - (b.position ?? 0) || (a.created_at < b.created_at ? -1 : 1));
  return { plan, saved: Boolean(stored), activities, totals: dayTotals(activities, plan.energy_budget) };
}

/** Save the day's plan (creating it on first use); changes = {energy_budget}. */
export async function savePlan(day, me, changes = {}) {
  const id = await planIdFor(day);
  const stored = await get("plans", id);
  const plan = stored || { id, day, energy_budget: me.energy_budget || 12, notes: null };
  if (stored && !Object.keys(changes).length) return stored;
  return save("plans", { ...plan, ...changes });
}

/** Add an activity to a day's plan, at the end. */
export async function addActivity(day, me, fields) {
  const plan = await savePlan(day, me);
  const { activities } = await loadDay(day, me);
  const position = activities.reduce((n, a) => Math.max(n, (a.position ?? 0) + 1), 0);
  return save("activities", {
    plan_id: plan.id,
    title: fields.title,
    energy_cost: fields.energy_cost,
    minutes: fields.minutes || null,
    steps: fields.steps || [],
    rest_minutes: fields.rest_minutes || 0,
    status: "planned",
    spent_cost: null,
    position,
    started_at: null,
    ended_at: null,
  });
}

/** Move an activity to another day's plan (at its end). */
export async function moveActivity(activity, day, me) {
  const plan = await savePlan(day, me);
  const { activities } = await loadDay(day, me);
  const position = activities.reduce((n, a) => Math.max(n, (a.position ?? 0) + 1), 0);
  return save("activities", { ...activity, plan_id: plan.id, position });
}

/** Everyday tasks: the person's own and the built-in ones (an edited built-in replaces it). */
export async function templates() {
  const stored = await list("templates");
  const byId = new Map(stored.map((t) => [t.id, t]));
  const out = [];
  for (const t of TEMPLATES) {
    const id = await templateIdFor(t.key);
    const own = byId.get(id);
    byId.delete(id);
    out.push({ ...(own || { id, title: t.title, energy_cost: t.energy_cost, minutes: t.minutes }), builtIn: true });
  }
  const rest = [...byId.values()].sort((a, b) => (a.title < b.title ? -1 : 1));
  return [...out, ...rest.map((t) => ({ ...t, builtIn: false }))];
}

/** Save a template (built-in ones are stored under their fixed id once edited). */
export function saveTemplate(t) {
  const { builtIn, ...record } = t;
  void builtIn;
  return save("templates", record);
}

/** The check-in about `day`, if there is one. */
export async function checkinFor(day) {
  const own = await get("checkins", await checkinIdFor(day));
  return own || (await list("checkins")).find((c) => c.day === day);
}
