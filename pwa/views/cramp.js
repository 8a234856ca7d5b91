// The cramp timer. /cramp?start=1 (the home-screen shortcut, Today's big button) starts it at
// once: the running cramp is saved before anything is drawn. While it runs: the time, one big
// Stop, what helps right now, and optional details saved at each tap. /cramp?edit=<id> changes
// or deletes a past cramp.

import { get, nowIso, onChange } from "../store.js";
import { el } from "../lib/ui.js";
import {
  clockText, crampEditor, elapsedSeconds, isRunning, keepAwake, lengthSeconds, lengthText, runningCramp,
  startCramp,
} from "./cramp-timer.js";

// The details chips and the list of past cramps load after the timer shows (budget: 1 s).
let loading = null;
function parts() {
  if (!loading) {
    loading = Promise.all([import("./cramp-details.js"), import("./cramp-list.js")])
      .then(([details, past]) => ({ ...details, ...past }));
  }
  return loading;
}

let root = null;
let ticker = null;
let unsubscribe = null;
let flush = null;
let editor = null;
let phase = null; // "idle" | "running" | "stopped"

function clearScreen() {
  clearInterval(ticker);
  ticker = null;
  if (flush) flush();
  flush = null;
  root.replaceChildren();
}

/** The stopwatch, counted from started_at on every tick. */
function stopwatch(startedAt) {
  const face = el("p", { class: "cramp-clock", role: "timer", "data-timer": "running" },
    clockText(elapsedSeconds(startedAt)));
  ticker = setInterval(() => {
    face.textContent = clockText(elapsedSeconds(startedAt));
  }, 500);
  return face;
}

/** "Stretch the muscle gently", "Heat or a warm compress": what acts right away. */
function inTheMoment() {
  return el(
    "section",
    { class: "card cramp-moment", "aria-labelledby": "moment-title" },
    el("h2", { id: "moment-title" }, "Right now"),
    el("ul", { class: "cramp-moment-list" },
      el("li", {}, "Stretch the muscle gently"),
      el("li", {}, "Heat or a warm compress")),
  );
}

function detailsCard(hint) {
  const mine = editor;
  const card = el(
    "section",
    { class: "card", "aria-labelledby": "details-title" },
    el("h2", { id: "details-title" }, "Details"),
    el("p", { class: "hint" }, hint),
  );
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

/** Move focus to a screen's new main element after a change in place (Start, Stop). */
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
    const { record } = await startCramp();
    showRunning(record);
    focusOn("[data-action=stop]");
  } catch (err) {
    cannotSave(err);
  }
}

function showIdle() {
  phase = "idle";
  clearScreen();
  editor = null;
  keepAwake(false);
  root.append(
    el("h1", {}, "Cramp timer"),
    el("button", { class: "btn btn-huge", type: "button", "data-action": "start", onclick: start }, "Start cramp timer"),
    el("p", { class: "hint" }, "One tap. Details can wait until it is over."),
    el("a", { class: "btn btn-block", href: "/helps" }, "What helps me"),
    pastCard(),
  );
}

function showRunning(record) {
  phase = "running";
  clearScreen();
  editor = crampEditor(record);
  const since = el("p", { class: "hint cramp-since" });
  root.append(el("h1", { class: "cramp-title" }, "Cramp timer"), stopwatch(record.started_at), since);
  performance.mark("timer-running");
  // After the mark: the first use of the locale's time format is slow on a cold start.
  const started = new Date(record.started_at).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  since.textContent = `Started at ${started}. It keeps counting if you close the app.`;
  root.append(
    el("button", { class: "btn btn-huge", type: "button", "data-action": "stop", onclick: stop }, "Stop — it is over"),
    inTheMoment(),
    detailsCard("All optional. Saved as you tap."),
    pastCard(),
  );
  keepAwake(true);
}

async function stop() {
  if (phase !== "running") return;
  phase = "stopped";
  if (flush) flush();
  try {
    await editor.change({ ended_at: nowIso() });
  } catch (err) {
    phase = "running";
    cannotSave(err);
    return;
  }
  showStopped(editor.record);
  focusOn("[data-saved]");
}

function showStopped(record) {
  phase = "stopped";
  clearScreen();
  keepAwake(false);
  editor = crampEditor(record);
  root.append(
    el("h1", {}, "Cramp timer"),
    el("p", { class: "cramp-saved", role: "status", "data-saved": "" }, `Saved. ${lengthText(lengthSeconds(record))}`),
    el("button", { class: "btn btn-block", type: "button", "data-action": "start", onclick: start }, "Another cramp? Start timer"),
    detailsCard("Fill in what you can, now or later. Saved as you tap."),
    el("button", { class: "btn btn-primary btn-block", type: "button", "data-action": "done", onclick: done }, "Done"),
    pastCard(),
  );
}

function done() {
  showIdle();
  focusOn("h1");
}

/** Another tab or device stopped or deleted the cramp on show; keep the list fresh. */
async function changed(change) {
  if (change.collection !== "cramps" && change.collection !== "*") return;
  const past = root.querySelector("[data-past]");
  if (past) parts().then(({ renderPast }) => renderPast(past));
  if (phase !== "running" || (change.id !== editor.record.id && change.collection !== "*")) return;
  const now = await get("cramps", editor.record.id);
  if (phase !== "running") return;
  if (!now) showIdle();
  else if (now.ended_at) showStopped(now);
}

export async function mount(target, params) {
  root = el("div", { class: "stack" });
  target.append(root);
  unsubscribe = onChange(changed);
  if (params.edit) {
    phase = null;
    const { mountEdit } = await import("./cramp-edit.js");
    flush = (await mountEdit(root, params.edit)).flush;
    return;
  }
  let record = null;
  let failed = null;
  try {
    if (params.start === "1") ({ record } = await startCramp());
    else record = await runningCramp();
  } catch (err) {
    failed = err;
  }
  // Drop ?start so a reload shows this cramp instead of starting another.
  if (params.start) history.replaceState(null, "", "/cramp");
  if (record && isRunning(record)) showRunning(record);
  else showIdle();
  if (failed) cannotSave(failed);
}

export function unmount() {
  clearScreen();
  keepAwake(false);
  if (unsubscribe) unsubscribe();
  unsubscribe = null;
  editor = null;
}
