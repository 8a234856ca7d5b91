// Cramp timer; /cramp?start=1 saves a running cramp before drawing; /cramp?edit=<id> edits a past one.

import { get, list, nowIso, onChange, remove, save } from "../store.js";
import { navigate } from "../router.js";
import { clockText, durationShort } from "../lib/format.js";
import { CRAMP, LIMITS } from "../lib/limits.js";
import { limitText, tooLong } from "../lib/text-limit.js";
import { card, el, showErrors, toast } from "../lib/ui.js";
import { SCALE, SIDES, chips, summary, typed, whenText } from "../features/log/chips.js";
import {
  crampEditor,
  elapsedSeconds,
  isRunning,
  keepAwake,
  newestFirst,
  runningCramp,
  startCramp,
} from "../features/cramp/timer.js";
import { crampProblem, crampSeconds } from "../features/cramp/length.js";
import { alreadyStopped } from "../features/cramp/after.js";
import { showRefused } from "../features/attention/refused.js";

// Loaded after the timer shows (budget: 1 s and 25 KB brotli), in a later task than the one
// drawing it: the reliefs' names and the body map. Things taken between cramps (magnesium,
// water) are not offered, but an older cramp that lists them keeps them.
let TRIED = null;
let BETWEEN = null;
let map = null;
let loading = null;
const chip = ({ key, short }) => ({ value: key, label: short });
const later = () =>
  (loading ||= new Promise((next) => setTimeout(next))
    .then(() =>
      Promise.all([
        import("../features/insights/reliefs.js"),
        import("../features/bodymap/picker.js"),
      ]),
    )
    .then(([{ RELIEFS, BETWEEN_EPISODES }, picker]) => {
      TRIED = RELIEFS.map(chip);
      BETWEEN = BETWEEN_EPISODES.map(chip);
      map = picker;
    }));
const triedOptions = (tried = []) => [...TRIED, ...BETWEEN.filter((o) => tried.includes(o.value))];

let root = null;
let ticker = null;
let unsubscribe = null;
let flush = null;
let editor = null;
let phase = null;

const button = (action, cls, onclick, text) =>
  el("button", { class: `btn ${cls}`, type: "button", "data-action": action, onclick }, text);

function crampDetails(ed) {
  const r = ed.record;
  const offered = triedOptions(r.reliefs_tried || []);
  const among = (tried) => offered.filter((o) => tried.includes(o.value));
  const pick = (name, label, options, small) =>
    chips({
      name,
      label,
      options,
      small,
      value: r[name],
      onChange: (v) => ed.change({ [name]: v }),
    }).node;
  const hint = el("p", { class: "hint", "data-hint": "helped" }, "Tap what you tried first.");
  const helped = chips({
    name: "helped",
    label: "What helped?",
    options: among(r.reliefs_tried || []),
    value: r.reliefs_helped,
    multi: true,
    onChange: (v) => ed.change({ reliefs_helped: v }),
  });
  const showHelped = (tried) => {
    helped.node.hidden = !tried.length;
    hint.hidden = !!tried.length;
  };
  const tried = chips({
    name: "tried",
    label: "What did you try?",
    options: offered,
    value: r.reliefs_tried,
    multi: true,
    onChange: (v) => {
      // "Helped" only among the things tried.
      const kept = (ed.record.reliefs_helped || []).filter((x) => v.includes(x));
      helped.setOptions(among(v), kept);
      showHelped(v);
      ed.change({ reliefs_tried: v, reliefs_helped: kept });
    },
  });
  showHelped(r.reliefs_tried || []);
  const notes = el("textarea", { id: `notes-${r.id}`, name: "notes", rows: "3", value: r.notes });
  const count = limitText(notes, LIMITS.notes.max);
  const notesError = el("p", { class: "error-text", "data-error-for": "notes" });
  // The muscle on the body map; its side and the side chips say the same.
  const side = chips({
    name: "side",
    label: "Which side?",
    options: SIDES,
    value: r.side,
    onChange: (v) => {
      ed.change({ side: v });
      muscle.set(ed.record.muscle, v);
    },
  });
  const muscle = map.placePicker({
    name: "muscle",
    label: "Which muscle?",
    sided: true,
    onChange: (where, s) => {
      ed.change({ muscle: where, side: s });
      side.set(s);
    },
  });
  muscle.set(r.muscle, r.side);
  const node = el(
    "div",
    { class: "stack cramp-details" },
    muscle.node,
    side.node,
    pick("intensity", "How strong? 0 = barely, 10 = worst", SCALE, true),
    tried.node,
    helped.node,
    hint,
    el(
      "div",
      { class: "field" },
      el("label", { for: notes.id }, "Notes"),
      notesError,
      notes,
      count,
    ),
  );
  // Saved as typed, but only whole: text over the limit waits, saying why, until shortened.
  const keep = (text) => {
    const why = tooLong(text, LIMITS.notes.max);
    showErrors(node, { errors: { notes: why } }, { focus: false });
    if (!why) ed.change({ notes: text.trim() ? text : null });
  };
  return { node, flush: typed(notes, keep) };
}

function detailsCard(hint) {
  const node = card("details-title", "Details", el("p", { class: "hint" }, hint));
  later().then(() => {
    if (!node.isConnected) return;
    const form = crampDetails(editor);
    flush = form.flush;
    node.append(form.node);
  });
  return node;
}

async function renderPast(host, all) {
  await later();
  const past = newestFirst(await list("cramps")).filter((c) => c.started_at && !isRunning(c));
  const shown = all ? past : past.slice(0, 20);
  const item = (c) => {
    const secs = crampSeconds(c);
    const more = summary(
      c.muscle && map.placeLabel(c.muscle),
      c.side,
      c.intensity,
      c.reliefs_helped,
      triedOptions(c.reliefs_helped || []),
    );
    return el(
      "li",
      {},
      el(
        "a",
        { class: "entry", href: `/cramp?edit=${encodeURIComponent(c.id)}`, "data-cramp": c.id },
        el("span", { class: "entry-main" }, whenText(c.started_at)),
        el("span", { class: "entry-value" }, secs == null ? "Not stopped" : durationShort(secs)),
        more && el("span", { class: "entry-more" }, more),
      ),
    );
  };
  host.replaceChildren(
    ...[
      el("h2", { id: "past-cramps" }, "Past cramps"),
      past.length
        ? el("p", { class: "hint" }, `${past.length} in all. Tap one to change or delete it.`)
        : el("p", {}, "No cramps logged yet."),
      past.length &&
        el("ul", { class: "list entries", "aria-labelledby": "past-cramps" }, shown.map(item)),
      shown.length < past.length &&
        el(
          "button",
          { class: "btn btn-block", type: "button", onclick: () => renderPast(host, true) },
          `Show all ${past.length}`,
        ),
    ].filter(Boolean),
  );
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
  const past = el("section", { class: "card", "data-past": "" });
  root.append(el("h1", {}, "Cramp timer"), ...nodes, past);
  renderPast(past);
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
  show(
    "idle",
    null,
    button("start", "btn-huge", start, "Start cramp timer"),
    el("p", { class: "hint" }, "One tap. Details can wait until it is over."),
    alreadyStopped().node,
    el("a", { class: "btn btn-block", href: "/helps" }, "What helps me"),
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

async function showEdit(id) {
  await later();
  const r = await get("cramps", id);
  if (!r) {
    return root.append(
      el("h1", {}, "Cramp details"),
      el("p", {}, "This cramp is not on this phone (it may have been deleted)."),
      el("a", { class: "btn btn-primary", href: "/cramp" }, "Back to cramps"),
    );
  }
  if (isRunning(r)) return navigate("/cramp", { replace: true });
  const ed = crampEditor(r);
  const told = () =>
    `${whenText(ed.record.started_at)} · ${durationShort(crampSeconds(ed.record))}`;
  const shown = el("p", { class: "big-text", "data-summary": "cramp" }, told());
  const secs = crampSeconds(r);
  const input = (id, label, attrs, cls) =>
    el("div", { class: cls }, el("label", { for: id }, label), el("input", { id, ...attrs }));
  const num = (max, v) => ({
    type: "number",
    inputmode: "numeric",
    min: "0",
    max,
    step: "1",
    value: secs == null ? "" : v,
  });
  const error = el("p", { class: "error-text", role: "alert" });
  const times = el(
    "section",
    { class: "card stack", "aria-labelledby": "when-title" },
    el("h2", { id: "when-title" }, "When and how long"),
    input(
      "cramp-start",
      "Started",
      { type: "datetime-local", value: nowIso(new Date(r.started_at)).slice(0, 16) },
      "field",
    ),
    el(
      "fieldset",
      { class: "field" },
      el("legend", {}, "How long it lasted"),
      el(
        "div",
        { class: "row" },
        input("cramp-min", "Minutes", num(String(CRAMP.max_minutes), Math.floor(secs / 60))),
        input("cramp-sec", "Seconds", num("59", secs % 60)),
      ),
    ),
    error,
  );
  const [startInput, minutes, seconds] = times.querySelectorAll("input");
  times.onchange = async () => {
    const was = ed.record;
    const start = new Date(startInput.value || was.started_at);
    const m = minutes.value === "" ? null : +minutes.value;
    const s = +seconds.value;
    // Whole minutes and seconds as shown (2.5 or "1e" is refused, not read as 2:30 or empty).
    const unread = minutes.validity.badInput || seconds.validity.badInput;
    const whole = Number.isInteger(m) && Number.isInteger(s);
    const bad =
      unread ||
      Number.isNaN(start.getTime()) ||
      (m != null && !(whole && m >= 0 && s >= 0 && s < 60));
    const length = m != null ? m * 60 + s : was.ended_at ? crampSeconds(was) || 0 : null;
    const next = !bad && {
      started_at: nowIso(start),
      ...(length != null && { ended_at: nowIso(new Date(+start + length * 1000)) }),
    };
    // Said before anything is saved: the server would refuse it.
    error.textContent = bad ? "Use whole minutes and 0–59 seconds." : crampProblem(next) || "";
    if (error.textContent) return;
    await ed.change(next);
    shown.textContent = told();
  };
  const form = crampDetails(ed);
  flush = form.flush;
  const remover = async () => {
    flush(); // typed text goes into the copy Undo restores
    const kept = ed.record;
    await remove("cramps", kept.id);
    await navigate("/cramp", { replace: true });
    toast("Cramp deleted.", { label: "Undo", onClick: () => save("cramps", kept) });
  };
  root.append(
    el("h1", {}, "Cramp details"),
    shown,
    el("a", { class: "btn btn-primary btn-block", href: "/cramp", "data-action": "done" }, "Done"),
    times,
    card("details-title", "Details", el("p", { class: "hint" }, "Saved as you tap."), form.node),
    button("delete", "btn-danger btn-block", remover, "Delete this cramp"),
  );
  await showRefused(root, "cramps", id, REFUSED_FIELDS); // from "Needs a look"
}

// A refused cramp's fields on this screen.
const REFUSED_FIELDS = {
  notes: "textarea[name=notes]",
  muscle: "[data-chips=muscle]",
  intensity: "[data-chips=intensity]",
};

// Another tab may stop or delete the cramp on show.
async function changed({ collection: c, id }) {
  if (c !== "cramps" && c !== "*") return;
  const past = root.querySelector("[data-past]");
  if (past) renderPast(past);
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
  if (edit) return showEdit(edit);
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
