// /quick?kind=magnesium|hydration&reminder=<id>: the one-screen logger a notification opens
// (on Safari and Firefox, which show no notification buttons, and on a tap on its body).
// Everything works offline: logs go to the store; a snooze without a connection is kept on
// the phone and sent later.

import { snooze } from "../lib/quick.js";
import { el } from "../lib/ui.js";
import { get } from "../store.js";
import { intakePanel } from "./today-intake.js";

let stop = null;

const SNOOZES = [
  [15, "Snooze 15 min"],
  [60, "Snooze 1 h"],
];

function untilText(minutes) {
  const at = new Date(Date.now() + minutes * 60000);
  return at.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

function snoozeBlock(reminderId) {
  const status = el("p", { class: "intake-figure", role: "status", "data-snooze-status": "" });
  const buttons = SNOOZES.map(([minutes, label]) =>
    el("button", {
      class: "btn",
      type: "button",
      "data-snooze": String(minutes),
      onclick: async (event) => {
        const button = event.currentTarget;
        button.disabled = true;
        status.textContent = "Snoozing…";
        const where = await snooze(reminderId, minutes);
        button.disabled = false;
        if (where === "server") status.textContent = `Snoozed. I will remind you again at ${untilText(minutes)}.`;
        else if (where === "phone") status.textContent = `No connection: the snooze (until ${untilText(minutes)}) is saved on this phone and sent when you are back online.`;
        else status.textContent = "The snooze did not work. Please try again later.";
      },
    }, label));
  return el("div", { class: "stack intake-block" },
    el("h2", {}, "Later"),
    el("div", { class: "row" }, buttons),
    status);
}

export async function mount(root, params = {}) {
  const reminderId = params.reminder || null;
  const kind = params.kind === "hydration" || params.kind === "water" ? "water" : params.kind === "magnesium" ? "magnesium" : null;
  const reminder = reminderId ? await get("reminders", reminderId) : null;
  const title = kind === "magnesium" ? "Time for magnesium" : kind === "water" ? "Time for some water" : "Water and magnesium";
  const panel = el("div", { class: "stack" });
  root.append(
    el("div", { class: "stack quick" },
      el("h1", {}, title),
      reminder && reminder.title ? el("p", { class: "muted" }, reminder.title) : null,
      el("p", { class: "muted" }, "One tap saves it, also without a connection."),
      panel,
      reminderId ? snoozeBlock(reminderId) : null,
      el("a", { class: "btn btn-block", href: "/" }, "Back to Today")));
  stop = await intakePanel(panel, { first: kind || "water", reminderId, headingTag: "h2" });
}

export function unmount() {
  if (stop) stop();
  stop = null;
}
