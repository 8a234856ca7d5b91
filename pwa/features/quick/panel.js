// Today's water and magnesium panel, also the body of /quick (the logger a notification opens).
import { detailsText, magnesiumDetails, quickLog } from "./logs.js";
import { profile } from "../../lib/account.js";
import { localDay } from "../../lib/day.js";
import { clock, el } from "../../lib/ui.js";
import { list, onChange } from "../../store.js";

const button = (cls, attrs, onclick, text) =>
  el("button", { class: cls, type: "button", ...attrs, onclick }, text);
const MAIN = "btn btn-primary btn-block intake-main";
const water = (ml, cls = "btn", attrs) =>
  button(cls, { "data-water": ml, ...attrs }, () => quickLog("water", ml), `Drank ${ml} ml`);

// Water and magnesium into host, `first` first, kept up to date. -> stop()
export async function intakePanel(host, first, reminderId) {
  const figure = (kind) =>
    el("p", { class: "intake-figure", "data-intake": kind, "aria-live": "polite" });
  const ml = figure("water");
  const mg = figure("magnesium");
  ml.dataset.summary = "water";
  const bar = el("progress", { class: "intake-progress", "aria-label": "Water today" });
  const details = el("p", { class: "hint", "data-intake": "magnesium-details" });
  const blocks = [
    [
      ml,
      bar,
      water(250, MAIN, { "data-quick": "water" }),
      el("div", { class: "row" }, water(150), water(500)),
    ],
    [
      mg,
      button(
        MAIN,
        { "data-magnesium": "took", "data-quick": "magnesium" },
        () => quickLog("magnesium", null, reminderId),
        "Took magnesium",
      ),
      details,
    ],
  ];
  if (first === "magnesium") blocks.reverse();
  host.append(...blocks.map((b) => el("div", { class: "stack intake-block" }, b)));

  const update = async () => {
    const me = await profile();
    const day = localDay(new Date(), me.day_start_hour);
    let drunk = 0;
    let last = null;
    for (const i of await list("intakes")) {
      if (!i.taken_at || localDay(i.taken_at, me.day_start_hour) !== day) continue;
      if (i.kind === "water") drunk += Number(i.amount) || 0;
      else if (i.kind === "magnesium" && !(Date.parse(last) > Date.parse(i.taken_at)))
        last = i.taken_at;
    }
    const target = Number(me.water_target_ml) || 0;
    ml.textContent = `Water: ${drunk} ml${target ? ` of ${target} ml` : ""}`;
    bar.max = target || 1;
    bar.value = Math.min(drunk, bar.max);
    bar.setAttribute("aria-valuetext", ml.textContent);
    mg.textContent = last ? `Magnesium: taken at ${clock(last)}` : "Magnesium: not yet today";
    const own = detailsText(await magnesiumDetails(reminderId));
    details.textContent = own && `Saved as you set it: ${own}.`;
  };
  await update();
  return onChange((c) => ["intakes", "reminders", "*"].includes(c.collection) && update());
}
