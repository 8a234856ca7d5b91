// The knot and weakness logs share this: a form built from a plain spec (chips, text, notes)
// that saves a new entry or changes an old one, and a list of recent entries with Change and
// Delete (with Undo).

import { list, nowIso, remove, save } from "../store.js";
import { el, toast } from "../lib/ui.js";
import { chips, whenText } from "./log-chips.js";

const RECENT = 10;

/** A text field with chips that fill it in ("Walking", "Stairs"...). */
function suggestField(field, draft) {
  const input = el("input", { id: `f-${field.name}`, name: field.name, type: "text", maxlength: String(field.max || 200), autocomplete: "off" });
  const group = chips({
    name: field.name, label: field.label, options: field.options, value: null,
    onChange: (v) => {
      input.value = v ? field.options.find((o) => o.value === v).label : "";
      draft[field.name] = v || null;
    },
  });
  input.addEventListener("input", () => {
    draft[field.name] = input.value.trim() || null;
    group.set(field.options.find((o) => o.value === draft[field.name])?.value ?? null);
  });
  group.node.append(el("label", { class: "hint", for: input.id }, "Or in your words"), input);
  return {
    node: group.node,
    set(v) {
      input.value = field.options.find((o) => o.value === v)?.label ?? v ?? "";
      group.set(field.options.some((o) => o.value === v) ? v : null);
    },
  };
}

/** A notes box. */
function notesField(field, draft) {
  const area = el("textarea", { id: `f-${field.name}`, name: field.name, rows: "2", maxlength: "2000" });
  area.addEventListener("input", () => {
    draft[field.name] = area.value.trim() ? area.value : null;
  });
  return {
    node: el("div", { class: "field" }, el("label", { for: area.id }, field.label), area),
    set(v) {
      area.value = v || "";
    },
  };
}

/** One field of a spec: chips (one or several), a suggested text, or notes. */
function buildField(field, draft) {
  if (field.type === "suggest") return suggestField(field, draft);
  if (field.type === "notes") return notesField(field, draft);
  return chips({
    name: field.name, label: field.label, options: field.options, multi: field.multi, small: field.small,
    hint: field.hint, value: field.multi ? [] : null,
    onChange: (v) => {
      draft[field.name] = v;
    },
  });
}

/**
 * entryForm(spec, {onSaved}) -> {node, edit(record), reset()}.
 * spec: {collection, noun, title, fields: [{name, type?, label, options, multi, small}], required, blank()}.
 */
export function entryForm(spec, { onSaved } = {}) {
  // ONE draft object for the life of the form: the fields write into it.
  const draft = spec.blank();
  let editing = null;
  const heading = el("h2", { id: `${spec.collection}-form-title` }, spec.title);
  const error = el("p", { class: "error-text", role: "alert", "data-error-for": spec.required.name });
  const done = el("p", { role: "status", class: "saved-text" });
  const built = spec.fields.map((f) => ({ f, field: buildField(f, draft) }));
  const saveButton = el("button", { class: "btn btn-primary btn-block", type: "submit" }, `Save ${spec.noun}`);
  const cancel = el("button", { class: "btn btn-block", type: "button", hidden: true, onclick: () => reset() }, "Cancel");

  function fill(record) {
    for (const key of Object.keys(draft)) delete draft[key];
    Object.assign(draft, record);
    for (const { f, field } of built) field.set(draft[f.name] ?? (f.multi ? [] : null));
  }

  function reset() {
    editing = null;
    fill(spec.blank());
    heading.textContent = spec.title;
    saveButton.textContent = `Save ${spec.noun}`;
    cancel.hidden = true;
    error.textContent = "";
  }

  async function submit(event) {
    event.preventDefault();
    if (!draft[spec.required.name]) {
      error.textContent = spec.required.message;
      form.querySelector(`[data-chips=${spec.required.name}] .chip`)?.focus();
      return;
    }
    error.textContent = "";
    const record = { ...draft, noted_at: draft.noted_at || nowIso() };
    let saved;
    try {
      saved = await save(spec.collection, record);
    } catch (err) {
      console.error(err);
      error.textContent = "This phone did not let the app save. Try again; if it keeps failing, free some space.";
      return;
    }
    done.textContent = editing ? "Changes saved." : `Saved: ${spec.describe(saved)}.`;
    reset();
    if (onSaved) onSaved(saved);
  }

  const form = el(
    "form",
    { class: "stack", "aria-labelledby": heading.id, "data-form": spec.collection, novalidate: true, onsubmit: submit },
    heading,
    built.map(({ field }) => field.node),
    error,
    saveButton,
    cancel,
    done,
  );
  return {
    node: form,
    edit(record) {
      editing = record.id;
      fill({ ...record });
      heading.textContent = `Change ${spec.noun} of ${whenText(record.noted_at)}`;
      saveButton.textContent = "Save changes";
      cancel.hidden = false;
      done.textContent = "";
      form.scrollIntoView({ block: "start" });
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    },
    reset,
  };
}

/** Delete an entry and offer Undo. */
export async function removeWithUndo(collection, record, noun) {
  await remove(collection, record.id);
  toast(`${noun[0].toUpperCase()}${noun.slice(1)} deleted.`, { label: "Undo", onClick: () => save(collection, record) });
}

/** Fill `host` with the recent entries of a collection, each with Change and Delete. */
export async function renderRecent(host, spec, { onEdit }) {
  const entries = (await list(spec.collection))
    .sort((a, b) => Date.parse(b.noted_at || 0) - Date.parse(a.noted_at || 0))
    .slice(0, RECENT);
  const titleId = `${spec.collection}-recent-title`;
  host.replaceChildren(
    el("h2", { id: titleId }, spec.recentTitle),
    entries.length
      ? el("ul", { class: "list entries", "aria-labelledby": titleId },
        entries.map((r) =>
          el("li", { "data-entry": r.id },
            el("p", { class: "entry-main" }, whenText(r.noted_at)),
            el("p", { class: "entry-more" }, spec.describe(r)),
            el("div", { class: "row" },
              el("button", { class: "btn", type: "button", "data-action": "change", onclick: () => onEdit(r) },
                "Change", el("span", { class: "visually-hidden" }, ` ${spec.noun} of ${whenText(r.noted_at)}`)),
              el("button", { class: "btn btn-danger", type: "button", "data-action": "delete",
                onclick: () => removeWithUndo(spec.collection, r, spec.noun) },
              "Delete", el("span", { class: "visually-hidden" }, ` ${spec.noun} of ${whenText(r.noted_at)}`))))))
      : el("p", {}, "Nothing logged yet."),
  );
}
