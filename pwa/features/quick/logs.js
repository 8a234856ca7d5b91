// One-tap logs and snoozes; the service worker imports this too (no DOM at load time).
// Never a dose: magnesium gets the form and amount the person set in a reminder, or none.
import { api } from "../../api.js";
import { get, list, nowIso, remove, save } from "../../store.js";
import { toast } from "../../lib/ui.js";

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

export const logWater = (amount = 250) =>
  save("intakes", { kind: "water", amount, unit: "ml", form: null, taken_at: nowIso() });

export async function logMagnesium(d) {
  d ||= await magnesiumDetails();
  return save("intakes", {
    kind: "magnesium",
    amount: d.amount ?? null,
    unit: d.unit ?? null,
    form: d.form ?? null,
    taken_at: nowIso(),
  });
}

// Log "water" or "magnesium" now and say so, with Undo.
export async function quickLog(kind, amount, reminderId) {
  const water = kind === "water";
  const r = water
    ? await logWater(amount || 250)
    : await logMagnesium(await magnesiumDetails(reminderId));
  toast(water ? `Water saved (${r.amount} ml)` : "Magnesium saved", {
    label: "Undo",
    onClick: () => remove("intakes", r.id),
  });
  return r;
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
    await save("reminders", {
      ...r,
      snoozed_until: nowIso(new Date(Date.now() + minutes * 60000)),
    });
    return "phone";
  }
}
