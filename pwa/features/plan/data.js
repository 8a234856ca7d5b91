// Plan records on the device: a day's plan has an id made from its day, so two phones share it.
import { addDays, isoDate, localDay } from "../../lib/day.js";
import { TEMPLATES, dayTotals } from "./pacing.js";
import { profile } from "../../lib/account.js";
import { get, list, save } from "../../store.js";
import { derivedId } from "../../lib/derived-id.js";

export const checkinIdFor = (day) => derivedId("checkin", day);

// `checkin`: the day the check-in rates, the calendar day before now. Between midnight and the
// day start Plan's "today" is still the day before, but the day just lived is the one to rate
// (at 02:12 on Saturday that is Friday, not Thursday).
export async function days() {
  const me = await profile();
  const now = new Date();
  const today = localDay(now, me.day_start_hour);
  const checkin = addDays(isoDate(now), -1);
  return { me, today, tomorrow: addDays(today, 1), yesterday: addDays(today, -1), checkin };
}

export async function loadDay(day, me) {
  const id = await derivedId("plan", day);
  const stored = await get("plans", id);
  const plan = stored || { id, day, energy_budget: me.energy_budget, notes: null };
  const activities = (await list("activities"))
    .filter((a) => a.plan_id === id)
    .sort(
      (a, b) => (a.position ?? 0) - (b.position ?? 0) || (a.created_at < b.created_at ? -1 : 1),
    );
  return { plan, saved: !!stored, activities, totals: dayTotals(activities, plan.energy_budget) };
}

export async function savePlan(day, me, changes) {
  const d = await loadDay(day, me);
  if (!d.saved || changes) await save("plans", { ...d.plan, ...changes });
  return d;
}

export async function moveActivity(a, day, me) {
  const { plan, activities } = await savePlan(day, me);
  const position = activities.reduce((n, x) => Math.max(n, (x.position ?? 0) + 1), 0);
  return save("activities", { ...a, plan_id: plan.id, position });
}

export const addActivity = (day, me, f) =>
  moveActivity(
    {
      steps: [],
      rest_minutes: 0,
      ...f,
      minutes: f.minutes || null,
      status: "planned",
      spent_cost: null,
      started_at: null,
      ended_at: null,
    },
    day,
    me,
  );

// An edited built-in task is stored under its fixed id.
export async function templates() {
  const byId = new Map((await list("templates")).map((t) => [t.id, t]));
  const out = [];
  for (const { key, ...t } of TEMPLATES) {
    const id = await derivedId("template", key);
    out.push({ id, ...t, ...byId.get(id), builtIn: true });
    byId.delete(id);
  }
  return [...out, ...[...byId.values()].sort((a, b) => (a.title < b.title ? -1 : 1))];
}

export const saveTemplate = ({ builtIn, ...t }) => save("templates", t);

export async function checkinFor(day) {
  return (
    (await get("checkins", await checkinIdFor(day))) ||
    (await list("checkins")).find((c) => c.day === day)
  );
}

// When the usual budget changes, today's and tomorrow's plans that kept the usual one follow it;
// a day the person changed on Plan keeps its own.
export async function followUsualBudget(from, to) {
  if (from === to) return;
  const { me, today, tomorrow } = await days();
  for (const day of [today, tomorrow]) {
    const d = await loadDay(day, me);
    if (d.saved && d.plan.energy_budget === from)
      await save("plans", { ...d.plan, energy_budget: to });
  }
}
