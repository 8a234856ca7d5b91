// /quick?kind=water|magnesium&reminder=<id>: the logger a notification opens (Safari and Firefox
// show no notification buttons); notifications shown before carry kind=hydration. Its water and
// magnesium panel is Today's too.
import { detailsText, magnesiumDetails, quickLog, snooze } from "../lib/quick.js";
import { profile } from "../lib/account.js";
import { localDay } from "../lib/day.js";
import { intakeOf } from "../lib/reminder-kinds.js";
import { clock, el } from "../lib/ui.js";
import { get, list, onChange } from "../store.js";

const button = (cls, attrs, onclick, text) => el("button", { class: cls, type: "button", ...attrs, onclick }, text);
const MAIN = "btn btn-primary btn-block intake-main";
const water = (ml, cls = "btn", attrs) => button(cls, { "data-water": ml, ...attrs }, () => quickLog("water", ml), `Drank ${ml} ml`);

// Water and magnesium into host, `first` first, kept up to date. -> stop()
export async function intakePanel(host, first, reminderId) {
  const figure = (kind) => el("p", { class: "intake-figure", "data-intake": kind, "aria-live": "polite" });
  const ml = figure("water");
  const mg = figure("magnesium");
  ml.dataset.summary = "water";
  const bar = el("progress", { class: "intake-progress", "aria-label": "Water today" });
  const details = el("p", { class: "hint", "data-intake": "magnesium-details" });
  const blocks = [
    [ml, bar, water(250, MAIN, { "data-quick": "water" }), el("div", { class: "row" }, water(150), water(500))],
    [mg, button(MAIN, { "data-magnesium": "took", "data-quick": "magnesium" }, () => quickLog("magnesium", null, reminderId), "Took magnesium"), details],
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
      else if (i.kind === "magnesium" && !(Date.parse(last) > Date.parse(i.taken_at))) last = i.taken_at;
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

function snoozeBlock(id) {
  const status = el("p", { class: "intake-figure", role: "status", "data-snooze-status": "" });
  const press = async (e, min) => {
    const b = e.currentTarget;
    b.disabled = true;
    status.textContent = "Snoozing…";
    const where = await snooze(id, min);
    b.disabled = false;
    const at = clock(Date.now() + min * 60000);
    status.textContent = {
      server: `Snoozed until ${at}.`,
      phone: `No connection: snoozed until ${at} on this phone; sent when you are online.`,
    }[where] || "The snooze did not work. Try again later.";
  };
  return el("div", { class: "stack intake-block" },
    el("h2", {}, "Later"),
    el("div", { class: "row" }, [15, 60].map((min) =>
      button("btn", { "data-snooze": min }, (e) => press(e, min), `Snooze ${min < 60 ? `${min} min` : "1 h"}`))),
    status);
}

let stop;

export async function mount(root, { kind, reminder: id } = {}) {
  kind = intakeOf(kind);
  const r = id && (await get("reminders", id));
  const panel = el("div", { class: "stack" });
  root.append(el("div", { class: "stack quick" },
    el("h1", {}, kind ? `Time for ${kind === "water" ? "some water" : "magnesium"}` : "Water and magnesium"),
    r?.title && el("p", { class: "muted" }, r.title),
    panel,
    id && snoozeBlock(id),
    el("a", { class: "btn btn-block", href: "/" }, "Back to Today")));
  stop = await intakePanel(panel, kind, id);
}

export const unmount = () => stop?.();
