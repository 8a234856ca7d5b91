// /cramp?edit=<id>: one past cramp's times, details and Delete (with Undo). Loaded only when a
// past cramp is opened: /cramp imports it lazily.

import { CRAMP } from "../../lib/limits.js";
import { durationShort } from "../../lib/format.js";
import { card, el, toast } from "../../lib/ui.js";
import { navigate } from "../../router.js";
import { get, nowIso, remove, save } from "../../store.js";
import { showRefused } from "../attention/refused.js";
import { whenText } from "../log/chips.js";
import { crampDetails } from "./details.js";
import { crampProblem, crampSeconds } from "./length.js";
import { crampEditor, isRunning } from "./timer.js";

// A refused cramp's fields on this screen.
const REFUSED_FIELDS = {
  notes: "textarea[name=notes]",
  muscle: "[data-chips=muscle]",
  intensity: "[data-chips=intensity]",
};

// Started, and how long in minutes and seconds; said wrong before anything is saved.
function timesCard(ed, onSaved) {
  const r = ed.record;
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
    onSaved();
  };
  return times;
}

// Draws the edit screen into root; onForm(flush) receives the details form's flush (typed text
// not saved yet) as soon as the form exists.
export async function showEdit(root, id, onForm) {
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
  const times = timesCard(ed, () => (shown.textContent = told()));
  const form = crampDetails(ed);
  onForm(form.flush);
  const remover = async () => {
    form.flush(); // typed text goes into the copy Undo restores
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
    el(
      "button",
      {
        class: "btn btn-danger btn-block",
        type: "button",
        "data-action": "delete",
        onclick: remover,
      },
      "Delete this cramp",
    ),
  );
  await showRefused(root, "cramps", id, REFUSED_FIELDS); // from "Needs a look"
}
