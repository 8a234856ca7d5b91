// Today: the cramp button first, one-tap logs, and a short summary of the day.
// Other features add their own blocks through views/today-sections.js.

import { list, onChange } from "../store.js";
import { localDay } from "../lib/day.js";
import { quickLog } from "../lib/quick.js";
import { el } from "../lib/ui.js";
import { account, profile } from "../lib/account.js";
import SECTIONS from "./today-sections.js";

let unsubscribe = null;
let mounted = [];

// Built at once with placeholders (so nothing below moves), filled in when the store answers.
function summaryCard() {
  const item = (name) => el("li", { "data-summary": name }, "…");
  const items = { water: item("water"), magnesium: item("magnesium"), cramps: item("cramps") };
  const node = el(
    "section",
    { class: "card", "aria-live": "polite" },
    el("h2", {}, "So far today"),
    el("ul", { class: "list" }, items.water, items.magnesium, items.cramps),
  );
  return { node, items };
}

async function summary({ items }) {
  const me = await profile();
  const today = localDay(new Date(), me.day_start_hour);
  const inToday = (iso) => iso && localDay(iso, me.day_start_hour) === today;
  const [intakes, cramps] = await Promise.all([list("intakes"), list("cramps")]);
  const todays = intakes.filter((i) => inToday(i.taken_at));
  const water = todays.filter((i) => i.kind === "water").reduce((sum, i) => sum + (i.amount || 0), 0);
  const magnesium = todays.filter((i) => i.kind === "magnesium").length;
  const crampCount = cramps.filter((c) => inToday(c.started_at)).length;
  items.water.textContent = `Water: ${water} ml of ${me.water_target_ml} ml`;
  items.magnesium.textContent = magnesium ? "Magnesium: taken" : "Magnesium: not yet";
  items.cramps.textContent = `Cramps: ${crampCount}`;
}

export async function mount(root) {
  const dateText = new Date().toLocaleDateString([], { weekday: "long", day: "numeric", month: "long" });
  const card = summaryCard();
  const sections = el("div", { class: "stack" });
  const signupHint = el("p", { class: "hint" });
  root.append(
    el(
      "div",
      { class: "stack" },
      el("h1", {}, "Today", el("span", { class: "visually-hidden" }, `, ${dateText}`)),
      el("a", { class: "btn btn-huge", href: "/cramp?start=1", "data-action": "cramp" }, "Cramp! Start timer"),
      el(
        "div",
        { class: "row" },
        el("button", { class: "btn btn-primary", type: "button", "data-quick": "water", onclick: () => quickLog("water") }, "+ Water"),
        el("button", { class: "btn btn-primary", type: "button", "data-quick": "magnesium", onclick: () => quickLog("magnesium") }, "Took magnesium"),
      ),
      card.node,
      signupHint,
      sections,
    ),
  );
  // The summary, the sign-up hint and the feature blocks load side by side.
  const hint = account().then((me) => {
    if (me) return;
    signupHint.append(
      "Saved on this phone only. ",
      el("a", { href: "/signin?mode=signup" }, "Create an account"),
    );
  });
  mounted = [];
  const blocks = SECTIONS.map(async (url) => {
    // In the listed order, whatever order they load in; shown whole once mounted, so that
    // nothing jumps while a block fills in.
    const host = el("section", { class: "card", hidden: true });
    sections.append(host);
    try {
      const section = await import(url);
      await section.mount(host);
      host.hidden = false;
      mounted.push(section);
    } catch (err) {
      console.error(err);
      host.remove();
    }
  });
  await Promise.all([summary(card), hint, ...blocks]);
  // Many changes at once (a sync pull) redraw the summary once.
  let timer = null;
  unsubscribe = onChange(() => {
    clearTimeout(timer);
    timer = setTimeout(() => summary(card), 100);
  });
}

export function unmount() {
  if (unsubscribe) unsubscribe();
  for (const section of mounted) if (section.unmount) section.unmount();
  mounted = [];
}
