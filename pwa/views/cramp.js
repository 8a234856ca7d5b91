// The cramp timer. /cramp?start=1 (home-screen shortcut, Today's big button) starts it at once:
// the running cramp is saved before anything is drawn. While it runs: the time, one big Stop,
// what helps right now, details saved at each tap. /cramp?edit=<id> changes or deletes a past one.

import { get, nowIso, onChange } from "../store.js";
import { el } from "../lib/ui.js";
import {
  clockText, crampEditor, elapsedSeconds, isRunning, keepAwake, lengthSeconds, lengthText, runningCramp, startCramp,
} from "./cramp-timer.js";

// The details chips and past cramps load after the timer shows (budget: 1 s).
let more = null;
const parts = () => (more ||= import("./cramp-details.js"));

let root = null;
let ticker = null;
let unsubscribe = null;
let flush = null;
let editor = null;
let phase = null; // "idle" | "running" | "stopped"

function clearScreen() {
  clearInterval(ticker);
  flush?.();
  flush = null;
  root.replaceChildren();
}

function show(next, record) {
  phase = next;
  clearScreen();
  editor = record && crampEditor(record);
  keepAwake(next === "running");
}

const button = (action, cls, onclick, text) => el("button", { class: `btn ${cls}`, type: "button", "data-action": action, onclick }, text);

function detailsCard(hint) {
  const mine = editor;
  const card = el("section", { class: "card", "aria-labelledby": "details-title" },
    el("h2", { id: "details-title" }, "Details"), el("p", { class: "hint" }, hint));
  parts().then(({ crampDetails }) => {
    if (editor !== mine || !card.isConnected) return; // the screen moved on meanwhile
    const form = crampDetails(mine);
    flush = form.flush;
    card.append(form.node);
  });
  return card;
}

function pastCard() {
  const host = el("section", { class: "card", "data-past": "" });
  parts().then(({ renderPast }) => renderPast(host));
  return host;
}

/** Move focus to the new main element after a change in place (Start, Stop). */
function focusOn(selector) {
  const node = root.querySelector(selector);
  if (!node) return;
  if (!node.matches("button, a")) node.tabIndex = -1;
  node.focus({ preventScroll: true });
}

/** Say plainly that the phone refused to save (storage full or blocked): nothing silent. */
function cannotSave(err) {
  console.error(err);
  root.prepend(el("p", { class: "error-text", role: "alert" }, "This phone did not let the app save. Try again; if it keeps failing, free some space."));
}

async function start() {
  try {
    showRunning((await startCramp()).record);
    focusOn("[data-action=stop]");
  } catch (err) {
    cannotSave(err);
  }
}

function showIdle() {
  show("idle");
  root.append(
    el("h1", {}, "Cramp timer"),
    button("start", "btn-huge", start, "Start cramp timer"),
    el("p", { class: "hint" }, "One tap. Details can wait until it is over."),
    el("a", { class: "btn btn-block", href: "/helps" }, "What helps me"),
    pastCard(),
  );
}

function showRunning(record) {
  show("running", record);
  const face = el("p", { class: "cramp-clock", role: "timer", "data-timer": "running" });
  const tick = () => (face.textContent = clockText(elapsedSeconds(record.started_at)));
  tick();
  ticker = setInterval(tick, 500);
  const since = el("p", { class: "hint cramp-since" });
  root.append(el("h1", { class: "cramp-title" }, "Cramp timer"), face, since);
  performance.mark("timer-running");
  // After the mark: the first use of the locale's time format is slow on a cold start.
  const at = new Date(record.started_at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  since.textContent = `Started at ${at}. It keeps counting if you close the app.`;
  root.append(
    button("stop", "btn-huge", stop, "Stop — it is over"),
    el("section", { class: "card cramp-moment", "aria-labelledby": "moment-title" },
      el("h2", { id: "moment-title" }, "Right now"),
      el("ul", { class: "cramp-moment-list" },
        el("li", {}, "Stretch the muscle gently"), el("li", {}, "Heat or a warm compress"))),
    detailsCard("All optional. Saved as you tap."),
    pastCard(),
  );
}

async function stop() {
  if (phase !== "running") return;
  phase = "stopped";
  flush?.();
  try {
    await editor.change({ ended_at: nowIso() });
  } catch (err) {
    phase = "running";
    return cannotSave(err);
  }
  showStopped(editor.record);
  focusOn("[data-saved]");
}

function showStopped(record) {
  show("stopped", record);
  root.append(
    el("h1", {}, "Cramp timer"),
    el("p", { class: "cramp-saved", role: "status", "data-saved": "" }, `Saved. ${lengthText(lengthSeconds(record))}`),
    button("start", "btn-block", start, "Another cramp? Start timer"),
    detailsCard("Fill in what you can, now or later. Saved as you tap."),
    button("done", "btn-primary btn-block", () => {
      showIdle();
      focusOn("h1");
    }, "Done"),
    pastCard(),
  );
}

/** Another tab or device stopped or deleted the cramp on show; keep the list fresh. */
async function changed({ collection: c, id }) {
  if (c !== "cramps" && c !== "*") return;
  const past = root.querySelector("[data-past]");
  if (past) parts().then(({ renderPast }) => renderPast(past));
  if (phase !== "running" || (id !== editor.record.id && c !== "*")) return;
  const now = await get("cramps", editor.record.id);
  if (phase !== "running") return;
  if (!now) showIdle();
  else if (now.ended_at) showStopped(now);
}

export async function mount(target, params) {
  root = el("div", { class: "stack" });
  target.append(root);
  unsubscribe = onChange(changed);
  phase = null;
  if (params.edit) {
    flush = await (await parts()).mountEdit(root, params.edit);
    return;
  }
  let record = null;
  let failed = null;
  try {
    record = params.start === "1" ? (await startCramp()).record : await runningCramp();
  } catch (err) {
    failed = err;
  }
  if (params.start) history.replaceState(null, "", "/cramp"); // so a reload shows this cramp, not a new one
  if (isRunning(record)) showRunning(record);
  else showIdle();
  if (failed) cannotSave(failed);
}

export function unmount() {
  clearScreen();
  keepAwake(false);
  unsubscribe?.();
  unsubscribe = null;
  editor = null;
}
