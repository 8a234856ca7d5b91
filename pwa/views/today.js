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

async function summary(node) {
  const me = await profile();
  const today = localDay(new Date(), me.day_start_hour);
  const inToday = (iso) => iso && localDay(iso, me.day_start_hour) === today;
  const [intakes, cramps] = await Promise.all([list("intakes"), list("cramps")]);
  const todays = intakes.filter((i) => inToday(i.taken_at));
  const water = todays.filter((i) => i.kind === "water").reduce((sum, i) => sum + (i.amount || 0), 0);
  const magnesium = todays.filter((i) => i.kind === "magnesium").length;
  const crampCount = cramps.filter((c) => inToday(c.started_at)).length;
  node.replaceChildren(
    el("h2", {}, "So far today"),
    el(
      "ul",
      { class: "list" },
      el("li", { "data-summary": "water" }, `Water: ${water} ml of ${me.water_target_ml} ml`),
      el("li", { "data-summary": "magnesium" }, magnesium ? "Magnesium: taken" : "Magnesium: not yet"),
      el("li", { "data-summary": "cramps" }, `Cramps: ${crampCount}`),
    ),
  );
}

export async function mount(root) {
  const dateText = new Date().toLocaleDateString([], { weekday: "long", day: "numeric", month: "long" });
  const summaryNode = el("section", { class: "card", "aria-live": "polite" });
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
      summaryNode,
      sections,
      signupHint,
    ),
  );
  if (!(await account())) {
    signupHint.append(
      "Your records are saved on this phone. ",
      el("a", { href: "/signin?mode=signup" }, "Create an account"),
      " to keep a copy safe.",
    );
  }
  await summary(summaryNode);
  unsubscribe = onChange(() => summary(summaryNode));
  mounted = [];
  for (const url of SECTIONS) {
    try {
      const section = await import(url);
      const host = el("section", { class: "card" });
      sections.append(host);
      await section.mount(host);
      mounted.push(section);
    } catch (err) {
      console.error(err);
    }
  }
}

export function unmount() {
  if (unsubscribe) unsubscribe();
  for (const section of mounted) if (section.unmount) section.unmount();
  mounted = [];
}
