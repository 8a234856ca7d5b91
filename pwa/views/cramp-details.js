// The Cramp screen's later parts: the details chips, the past cramps, and /cramp?edit=<id>.

import { get, list, nowIso, remove, save } from "../store.js";
import { navigate } from "../router.js";
import { RELIEFS } from "../lib/stats.js";
import { el, toast } from "../lib/ui.js";
import { SCALE, SIDES, chips, labelOf, opts, summary, typed, whenText } from "./log-chips.js";
import { crampEditor, isRunning, lengthSeconds, lengthText, newestFirst } from "./cramp-timer.js";

const MUSCLES = opts("Calf", "Foot", "Hamstring", "Thigh", "Hand", "neck/shoulder=Neck / shoulder", "Back", "Other");
// The keys "What helps me" counts, with the chips' short labels.
const TRIED = RELIEFS.map(({ key, short }) => ({ value: key, label: short }));

/** A cramp's details as chips, all optional, each tap saved: {node, flush} (flush saves text being typed). */
export function crampDetails(editor) {
  const r = editor.record;
  const among = (tried) => TRIED.filter((o) => tried.includes(o.value));
  const pick = (name, label, options, small) =>
    chips({ name, label, options, small, value: r[name], onChange: (v) => editor.change({ [name]: v }) }).node;
  const hint = el("p", { class: "hint", "data-hint": "helped" }, "Tap what you tried first.");
  const helped = chips({
    name: "helped", label: "What helped?", options: among(r.reliefs_tried || []), value: r.reliefs_helped, multi: true,
    onChange: (v) => editor.change({ reliefs_helped: v }),
  });
  const showHelped = (tried) => {
    helped.node.hidden = !tried.length;
    hint.hidden = !!tried.length;
  };
  const tried = chips({
    name: "tried", label: "What did you try?", options: TRIED, value: r.reliefs_tried, multi: true,
    onChange: (v) => {
      // "Helped" only among the things tried: untapping one drops it from there too.
      const kept = (editor.record.reliefs_helped || []).filter((x) => v.includes(x));
      helped.setOptions(among(v), kept);
      showHelped(v);
      editor.change({ reliefs_tried: v, reliefs_helped: kept });
    },
  });
  showHelped(r.reliefs_tried || []);
  const notes = el("textarea", { id: `notes-${r.id}`, name: "notes", rows: "3", maxlength: "2000", value: r.notes });
  const node = el("div", { class: "stack cramp-details" },
    pick("muscle", "Which muscle?", MUSCLES),
    pick("side", "Which side?", SIDES),
    pick("intensity", "How strong? 0 = barely, 10 = worst", SCALE, true),
    tried.node, helped.node, hint,
    el("div", { class: "field" }, el("label", { for: notes.id }, "Notes"), notes));
  return { node, flush: typed(notes, (text) => editor.change({ notes: text.trim() ? text : null })) };
}

/** Fill host with the finished (and forgotten) cramps, newest first, each opening its edit view. */
export async function renderPast(host, all) {
  const past = newestFirst(await list("cramps")).filter((c) => c.started_at && !isRunning(c));
  const shown = all ? past : past.slice(0, 20);
  const item = (c) => {
    const secs = lengthSeconds(c);
    const more = summary(c.muscle && labelOf(MUSCLES, c.muscle), c.side, c.intensity, c.reliefs_helped, TRIED);
    return el("li", {}, el("a", { class: "entry", href: `/cramp?edit=${encodeURIComponent(c.id)}`, "data-cramp": c.id },
      el("span", { class: "entry-main" }, whenText(c.started_at)),
      el("span", { class: "entry-value" }, secs == null ? "Not stopped" : lengthText(secs)),
      more && el("span", { class: "entry-more" }, more)));
  };
  host.replaceChildren(...[
    el("h2", { id: "past-cramps" }, "Past cramps"),
    past.length
      ? el("p", { class: "hint" }, `${past.length} in all. Tap one to change or delete it.`)
      : el("p", {}, "No cramps logged yet."),
    past.length && el("ul", { class: "list entries", "aria-labelledby": "past-cramps" }, shown.map(item)),
    shown.length < past.length &&
      el("button", { class: "btn btn-block", type: "button", onclick: () => renderPast(host, true) }, `Show all ${past.length}`),
  ].filter(Boolean));
}

const told = (r) => `${whenText(r.started_at)} · ${lengthText(lengthSeconds(r))}`;

/** When it started and how long it lasted, as plain inputs. */
function timesCard(editor, shown) {
  const secs = lengthSeconds(editor.record);
  const num = (id, max, v) => el("input", { id, type: "number", inputmode: "numeric", min: "0", max, step: "1", value: secs == null ? "" : v });
  const startInput = el("input", { id: "cramp-start", type: "datetime-local", value: nowIso(new Date(editor.record.started_at)).slice(0, 16) });
  const minutes = num("cramp-min", "600", Math.floor(secs / 60));
  const seconds = num("cramp-sec", "59", secs % 60);
  const error = el("p", { class: "error-text", role: "alert" });

  const apply = async () => {
    const was = editor.record;
    const start = new Date(startInput.value || was.started_at);
    const m = minutes.value === "" ? null : +minutes.value;
    const s = +seconds.value;
    if (isNaN(start) || (m != null && !(m >= 0 && s >= 0 && s < 60))) {
      error.textContent = "Use whole minutes and 0–59 seconds.";
      return;
    }
    error.textContent = "";
    // The length given, or else the one it had, counted from the (maybe moved) start.
    const length = m != null ? m * 60 + s : was.ended_at ? lengthSeconds(was) || 0 : null;
    const fields = { started_at: nowIso(start) };
    if (length != null) fields.ended_at = nowIso(new Date(+start + length * 1000));
    await editor.change(fields);
    shown.textContent = told(editor.record);
  };
  for (const input of [startInput, minutes, seconds]) input.addEventListener("change", apply);

  const field = (input, label) => el("div", {}, el("label", { for: input.id }, label), input);
  return el("section", { class: "card stack", "aria-labelledby": "when-title" },
    el("h2", { id: "when-title" }, "When and how long"),
    el("div", { class: "field" }, el("label", { for: "cramp-start" }, "Started"), startInput),
    el("fieldset", { class: "field" },
      el("legend", {}, "How long it lasted"),
      el("div", { class: "row" }, field(minutes, "Minutes"), field(seconds, "Seconds"))),
    error);
}

/** Mount the edit view; returns the flush that saves text still being typed (or null). */
export async function mountEdit(root, id) {
  const record = await get("cramps", id);
  if (!record) {
    root.append(
      el("h1", {}, "Cramp details"),
      el("p", {}, "This cramp is not on this phone (it may have been deleted)."),
      el("a", { class: "btn btn-primary", href: "/cramp" }, "Back to cramps"),
    );
    return null;
  }
  if (isRunning(record)) {
    await navigate("/cramp", { replace: true });
    return null;
  }
  const editor = crampEditor(record);
  const shown = el("p", { class: "big-text", "data-summary": "cramp" }, told(record));
  const form = crampDetails(editor);
  const remover = async () => {
    form.flush(); // text being typed goes into the copy Undo brings back, not after the delete
    const kept = editor.record;
    await remove("cramps", kept.id);
    await navigate("/cramp", { replace: true });
    toast("Cramp deleted.", { label: "Undo", onClick: () => save("cramps", kept) });
  };
  root.append(
    el("h1", {}, "Cramp details"),
    shown,
    el("a", { class: "btn btn-primary btn-block", href: "/cramp", "data-action": "done" }, "Done"),
    timesCard(editor, shown),
    el("section", { class: "card", "aria-labelledby": "details-title" },
      el("h2", { id: "details-title" }, "Details"),
      el("p", { class: "hint" }, "Saved as you tap."),
      form.node),
    el("button", { class: "btn btn-danger btn-block", type: "button", "data-action": "delete", onclick: remover }, "Delete this cramp"),
  );
  return form.flush;
}
