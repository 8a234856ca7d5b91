// One-tap logs used by Today, the Log screen and the home-screen shortcuts.
// Never a dose: magnesium is logged as taken, without an amount.

import { nowIso, remove, save } from "../store.js";
import { toast } from "./ui.js";

export const GLASS_ML = 250;

/** Save a glass of water now. */
export function logWater(amount = GLASS_ML) {
  return save("intakes", { kind: "water", amount, unit: "ml", form: null, taken_at: nowIso() });
}

/** Save "took magnesium" now. */
export function logMagnesium() {
  return save("intakes", { kind: "magnesium", amount: null, unit: null, form: null, taken_at: nowIso() });
}

/** Log one quick item ("water" | "magnesium") and say so, with Undo. */
export async function quickLog(kind) {
  const record = kind === "water" ? await logWater() : await logMagnesium();
  const text = kind === "water" ? `Water saved (${GLASS_ML} ml)` : "Magnesium saved";
  toast(text, { label: "Undo", onClick: () => remove("intakes", record.id) });
  return record;
}
