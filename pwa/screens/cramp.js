// Cramp timer; /cramp?start=1 saves a running cramp before drawing; /cramp?edit=<id> edits a past one.

import { get, nowIso, onChange } from "../store.js";
import { clockText, durationShort } from "../lib/format.js";
import { card, el } from "../lib/ui.js";
import {
  crampEditor,
  elapsedSeconds,
  isRunning,
  keepAwake,
  runningCramp,
  startCramp,
} from "../features/cramp/timer.js";
import { crampSeconds } from "../features/cramp/length.js";
import { useStyles } from "../lib/styles.js";

// Only the timer loads before it shows (budget: 1 s and 25 KB brotli). The rest is imported in
// a later task than the one drawing it: the details form (with the body map and the reliefs),
// past cramps and "It already stopped". The edit screen (?edit=<id>) is a module of its own.
const later = (load) => new Promise((next) => setTimeout(next)).then(load);
// The details form draws the body map: its sheet comes with it.
const details = () =>
  later(() =>
    Promise.all([import("../features/cramp/details.js"), useStyles("bodymap")]).then(([m]) => m),
  );
const past = () => later(() => import("../features/cramp/past.js"));

let root = null;
let ticker = null;
let unsubscribe = null;
let flush = null;
let editor = null;
let phase = null;

const button = (action, cls, onclick, text) =>
  el("button", { class: `btn ${cls}`, type: "button", "data-action": action, onclick }, text);

function detailsCard(hint) {
  const node = card("details-title", "Details", el("p", { class: "hint" }, hint));
  details().then(({ crampDetails }) => {
    if (!node.isConnected) return;
    const form = crampDetails(editor);
    flush = form.flush;
    node.append(form.node);
  });
  return node;
}

function showPast(host) {
  past().then(({ renderPast }) => host.isConnected && renderPast(host));
}

function clearScreen() {
  clearInterval(ticker);
  flush?.();
  flush = null;
  root.replaceChildren();
}

function show(next, record, ...nodes) {
  phase = next;
  clearScreen();
  editor = record && crampEditor(record);
  keepAwake(next === "running");
  const pastCard = el("section", { class: "card", "data-past": "" });
  root.append(el("h1", {}, "Cramp timer"), ...nodes, pastCard);
  showPast(pastCard);
}

function focusOn(selector) {
  const node = root.querySelector(selector);
  if (!node) return;
  if (!node.matches("button, a")) node.tabIndex = -1;
  node.focus({ preventScroll: true });
}

function cannotSave(err) {
  console.error(err);
  root.prepend(
    el(
      "p",
      { class: "error-text", role: "alert" },
      "This phone did not let the app save. Try again; if it keeps failing, free some space.",
    ),
  );
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
  const already = el("div"); // "It already stopped", once loaded
  show(
    "idle",
    null,
    button("start", "btn-huge", start, "Start cramp timer"),
    el("p", { class: "hint" }, "One tap. Details can wait until it is over."),
    already,
    el("a", { class: "btn btn-block", href: "/helps" }, "What helps me"),
  );
  later(() => import("../features/cramp/after.js")).then(
    ({ alreadyStopped }) => already.isConnected && already.replaceWith(alreadyStopped().node),
  );
}

function showRunning(record) {
  const face = el("p", { class: "cramp-clock", role: "timer", "data-timer": "running" });
  const since = el("p", { class: "hint cramp-since" });
  show(
    "running",
    record,
    face,
    button("stop", "btn-huge", stop, "Stop — it is over"),
    since, // under Stop: at large text, Stop stays on the first screen
    el(
      "section",
      { class: "card cramp-moment", "aria-labelledby": "moment-title" },
      el("h2", { id: "moment-title" }, "Right now"),
      el(
        "ul",
        { class: "cramp-moment-list" },
        el("li", {}, "Stretch the muscle gently"),
        el("li", {}, "Heat or a warm compress"),
      ),
    ),
    detailsCard("All optional. Saved as you tap."),
  );
  const tick = () => (face.textContent = clockText(elapsedSeconds(record.started_at)));
  tick();
  ticker = setInterval(tick, 500);
  performance.mark("timer-running");
  // After the mark: the first use of the locale's time format is slow on a cold start.
  const at = new Date(record.started_at).toLocaleTimeString([], {
    hour: "2-digit",
    minute: "2-digit",
  });
  since.textContent = `Started at ${at}. It keeps counting if you close the app.`;
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
  show(
    "stopped",
    record,
    el(
      "p",
      { class: "cramp-saved", role: "status", "data-saved": "" },
      `Saved. ${durationShort(crampSeconds(record))}`,
    ),
    button("start", "btn-block", start, "Another cramp? Start timer"),
    detailsCard("Fill in what you can, now or later. Saved as you tap."),
    button(
      "done",
      "btn-primary btn-block",
      () => {
        showIdle();
        focusOn("h1");
      },
      "Done",
    ),
  );
}

// Another tab may stop or delete the cramp on show.
async function changed({ collection: c, id }) {
  if (c !== "cramps" && c !== "*") return;
  const pastCard = root.querySelector("[data-past]");
  if (pastCard) showPast(pastCard);
  if (phase !== "running" || (id !== editor.record.id && c !== "*")) return;
  const now = await get("cramps", editor.record.id);
  if (phase !== "running") return;
  if (!now) showIdle();
  else if (now.ended_at) showStopped(now);
}

export async function mount(target, { edit, start: go }) {
  root = el("div", { class: "stack" });
  target.append(root);
  unsubscribe = onChange(changed);
  phase = null;
  if (edit) {
    const [{ showEdit }] = await Promise.all([
      import("../features/cramp/edit.js"),
      useStyles("bodymap"),
    ]);
    return showEdit(root, edit, (form) => (flush = form));
  }
  let record = null;
  let failed = null;
  try {
    record = go === "1" ? (await startCramp()).record : await runningCramp();
  } catch (err) {
    failed = err;
  }
  if (go) history.replaceState(null, "", "/cramp"); // a reload must not start another
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
