// /quick?kind=water|magnesium&reminder=<id>: the logger a notification opens (Safari and Firefox
// show no notification buttons); notifications shown before carry kind=hydration. Its water and
// magnesium panel is Today's too; below it, the one-tap fixes between episodes (quick/fixes.js).
import { quickLog, snooze } from "../features/quick/logs.js";
import { fixesPanel } from "../features/quick/fixes.js";
import { INTAKE_LABELS } from "../features/quick/kinds.js";
import { intakePanel } from "../features/quick/panel.js";
import { intakeOf } from "../lib/reminder-kinds.js";
import { btn, clock, el } from "../lib/ui.js";
import { get } from "../store.js";

function snoozeBlock(id) {
  const status = el("p", { class: "intake-figure", role: "status", "data-snooze-status": "" });
  const press = async (e, min) => {
    const b = e.currentTarget;
    b.disabled = true;
    status.textContent = "Snoozing…";
    const where = await snooze(id, min);
    b.disabled = false;
    const at = clock(Date.now() + min * 60000);
    status.textContent =
      {
        server: `Snoozed until ${at}.`,
        phone: `No connection: snoozed until ${at} on this phone; sent when you are online.`,
      }[where] || "The snooze did not work. Try again later.";
  };
  return el(
    "div",
    { class: "stack intake-block" },
    el("h2", {}, "Later"),
    el(
      "div",
      { class: "row" },
      [15, 60].map((min) =>
        btn(`Snooze ${min < 60 ? `${min} min` : "1 h"}`, (e) => press(e, min), "", {
          "data-snooze": min,
        }),
      ),
    ),
    status,
  );
}

let stops = [];

const heading = (kind) =>
  ({ water: "Time for some water", magnesium: "Time for magnesium" })[kind] ||
  (kind ? INTAKE_LABELS[kind] : "Water and magnesium");

// log=water|magnesium: a home-screen shortcut, logged at once (with Undo) and shown first.
export async function mount(root, { kind, reminder: id, log } = {}) {
  kind = intakeOf(kind);
  const shortcut = intakeOf(log);
  if (shortcut) {
    await quickLog(shortcut);
    history.replaceState(null, "", "/quick"); // a reload must not log it again
  }
  const r = id && (await get("reminders", id));
  const panel = el("div", { class: "stack" });
  const fixes = el(
    "section",
    { class: "stack quick-fixes", "aria-labelledby": "h-fixes" },
    el("h2", { id: "h-fixes" }, "Before bed"),
    el("a", { class: "btn btn-block", href: "/stretch" }, "Bedtime stretch (guided)"),
  );
  root.append(
    el(
      "div",
      { class: "stack quick" },
      el("h1", {}, heading(kind)),
      r?.title && el("p", { class: "muted" }, r.title),
      panel,
      fixes,
      id && snoozeBlock(id),
      el("a", { class: "btn btn-block", href: "/" }, "Back to Today"),
    ),
  );
  stops = [await intakePanel(panel, kind || shortcut, id), await fixesPanel(fixes)];
}

export function unmount() {
  for (const stop of stops) stop();
  stops = [];
}
