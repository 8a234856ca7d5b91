// Water and magnesium in one tap, with today's water against the person's target.
// A Today section (mount/unmount), and the panel /quick shows too (intakePanel).

import { profile } from "../lib/account.js";
import { detailsText, GLASS_ML, magnesiumDetails, quickLog, todayIntake } from "../lib/quick.js";
import { clock, el } from "../lib/ui.js";
import { onChange } from "../store.js";

const OTHER_AMOUNTS = [150, 500];

function waterBlock(refs, headingTag) {
  refs.waterText = el("p", { class: "intake-figure", "data-intake": "water" });
  refs.progress = el("progress", { class: "intake-progress", max: "100", value: "0", "aria-label": "Water today" });
  return el("div", { class: "stack intake-block" },
    el(headingTag, {}, "Water"),
    refs.waterText,
    refs.progress,
    el("button", { class: "btn btn-primary btn-block intake-main", type: "button", "data-water": String(GLASS_ML), onclick: () => quickLog("water", GLASS_ML) }, `Drank ${GLASS_ML} ml`),
    el("div", { class: "row" },
      OTHER_AMOUNTS.map((ml) => el("button", { class: "btn", type: "button", "data-water": String(ml), onclick: () => quickLog("water", ml) }, `Drank ${ml} ml`))));
}

function magnesiumBlock(refs, headingTag, reminderId) {
  refs.magnesiumText = el("p", { class: "intake-figure", "data-intake": "magnesium" });
  refs.details = el("p", { class: "hint", "data-intake": "magnesium-details" });
  return el("div", { class: "stack intake-block" },
    el(headingTag, {}, "Magnesium"),
    refs.magnesiumText,
    el("button", { class: "btn btn-primary btn-block intake-main", type: "button", "data-magnesium": "took", onclick: () => quickLog("magnesium", null, reminderId) }, "Took magnesium"),
    refs.details);
}

async function update(refs, reminderId) {
  const me = await profile();
  const { water, magnesium } = await todayIntake(me.day_start_hour);
  const target = Number(me.water_target_ml) || 0;
  if (refs.waterText) {
    refs.waterText.textContent = target ? `${water} of ${target} ml today` : `${water} ml today`;
    refs.progress.max = target || 1;
    refs.progress.value = Math.min(water, target || 1);
    refs.progress.setAttribute("aria-valuetext", refs.waterText.textContent);
  }
  if (refs.magnesiumText) {
    const last = magnesium[magnesium.length - 1];
    refs.magnesiumText.textContent = last ? `Taken today at ${clock(last.taken_at)}` : "Not taken yet today";
    const own = detailsText(await magnesiumDetails(reminderId));
    refs.details.textContent = own ? `Saved as you set it: ${own}.` : "";
  }
}

/**
 * Build the panel into host: which block comes first ("water" | "magnesium"), or only one.
 * Returns a function that stops it updating.
 */
export async function intakePanel(host, { first = "water", only = null, reminderId = null, headingTag = "h3" } = {}) {
  const refs = {};
  const blocks = {
    water: () => waterBlock(refs, headingTag),
    magnesium: () => magnesiumBlock(refs, headingTag, reminderId),
  };
  const order = only ? [only] : first === "magnesium" ? ["magnesium", "water"] : ["water", "magnesium"];
  host.append(...order.map((name) => blocks[name]()));
  await update(refs, reminderId);
  return onChange((change) => {
    if (["intakes", "reminders", "*"].includes(change.collection)) update(refs, reminderId);
  });
}

let stop = null;

/** The Today section. */
export async function mount(host) {
  host.classList.add("intake");
  host.setAttribute("aria-labelledby", "h-intake");
  host.append(el("h2", { id: "h-intake" }, "Water and magnesium"));
  stop = await intakePanel(host, { headingTag: "h3" });
}

export function unmount() {
  if (stop) stop();
  stop = null;
}
