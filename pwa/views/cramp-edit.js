// /cramp?edit=<id>: change a past cramp (when, how long, details) or delete it, with Undo.

import { get, nowIso, remove, save } from "../store.js";
import { navigate } from "../router.js";
import { el, toast } from "../lib/ui.js";
import { crampDetails } from "./cramp-details.js";
import { crampEditor, isRunning, lengthSeconds, lengthText } from "./cramp-timer.js";
import { whenText } from "./log-chips.js";

const pad = (n) => String(n).padStart(2, "0");

/** The value of an <input type=datetime-local> for an ISO moment, in local time. */
function localInput(iso) {
  const d = new Date(iso);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** When it started and how long it lasted, as plain inputs. */
function timesCard(editor, summary) {
  const r = editor.record;
  const secs = lengthSeconds(r);
  const startInput = el("input", { id: "cramp-start", type: "datetime-local", value: localInput(r.started_at) });
  const minutes = el("input", {
    id: "cramp-min", type: "number", inputmode: "numeric", min: "0", max: "600", step: "1",
    value: secs == null ? "" : String(Math.floor(secs / 60)),
  });
  const seconds = el("input", {
    id: "cramp-sec", type: "number", inputmode: "numeric", min: "0", max: "59", step: "1",
    value: secs == null ? "" : String(secs % 60),
  });
  const error = el("p", { class: "error-text", role: "alert" });

  const apply = async () => {
    const start = startInput.value ? new Date(startInput.value) : new Date(editor.record.started_at);
    const m = minutes.value === "" ? null : Number(minutes.value);
    const s = seconds.value === "" ? 0 : Number(seconds.value);
    if (Number.isNaN(start.getTime()) || (m != null && !(m >= 0 && s >= 0 && s < 60))) {
      error.textContent = "Use whole minutes and 0–59 seconds.";
      return;
    }
    error.textContent = "";
    const fields = { started_at: nowIso(start) };
    if (m != null) fields.ended_at = nowIso(new Date(start.getTime() + (m * 60 + s) * 1000));
    else if (editor.record.ended_at) {
      fields.ended_at = nowIso(new Date(start.getTime() + (lengthSeconds(editor.record) || 0) * 1000));
    }
    await editor.change(fields);
    summary.textContent = `${whenText(editor.record.started_at)} · ${lengthText(lengthSeconds(editor.record))}`;
  };
  for (const input of [startInput, minutes, seconds]) input.addEventListener("change", apply);

  return el(
    "section",
    { class: "card stack", "aria-labelledby": "when-title" },
    el("h2", { id: "when-title" }, "When and how long"),
    el("div", { class: "field" }, el("label", { for: "cramp-start" }, "Started"), startInput),
    el(
      "fieldset",
      { class: "field" },
      el("legend", {}, "How long it lasted"),
      el("div", { class: "row" },
        el("div", {}, el("label", { for: "cramp-min" }, "Minutes"), minutes),
        el("div", {}, el("label", { for: "cramp-sec" }, "Seconds"), seconds)),
    ),
    error,
  );
}

/** Delete, then offer Undo (the same record saved again). */
async function deleteCramp(editor, flush) {
  flush(); // text still being typed goes into the copy Undo brings back, not after the delete
  const kept = editor.record;
  await remove("cramps", kept.id);
  await navigate("/cramp", { replace: true });
  toast("Cramp deleted.", { label: "Undo", onClick: () => save("cramps", kept) });
}

/** Mount the edit view; returns {flush} to save text still being typed. */
export async function mountEdit(root, id) {
  const record = await get("cramps", id);
  if (!record) {
    root.append(
      el("h1", {}, "Cramp details"),
      el("p", {}, "This cramp is not on this phone (it may have been deleted)."),
      el("a", { class: "btn btn-primary", href: "/cramp" }, "Back to cramps"),
    );
    return { flush: null };
  }
  if (isRunning(record)) {
    await navigate("/cramp", { replace: true });
    return { flush: null };
  }
  const editor = crampEditor(record);
  const summary = el("p", { class: "big-text", "data-summary": "cramp" },
    `${whenText(record.started_at)} · ${lengthText(lengthSeconds(record))}`);
  const form = crampDetails(editor);
  root.append(
    el("h1", {}, "Cramp details"),
    summary,
    el("a", { class: "btn btn-primary btn-block", href: "/cramp", "data-action": "done" }, "Done"),
    timesCard(editor, summary),
    el("section", { class: "card", "aria-labelledby": "details-title" },
      el("h2", { id: "details-title" }, "Details"),
      el("p", { class: "hint" }, "Saved as you tap."),
      form.node),
    el("button", { class: "btn btn-danger btn-block", type: "button", "data-action": "delete",
      onclick: () => deleteCramp(editor, form.flush) }, "Delete this cramp"),
  );
  return { flush: form.flush };
}
