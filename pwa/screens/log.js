// Log: jelly legs in one tap, knot and weakness forms with recent entries.

import { get, list, nowIso, onChange, remove, save } from "../store.js";
import { navigate } from "../router.js";
import { showRefused } from "../features/attention/refused.js";
import { placePicker } from "../features/bodymap/picker.js";
import { KNOT_HELPED, LOCATIONS } from "../features/log/knots.js";
import { collection, whenOf } from "../lib/collections.js";
import { capitalize } from "../lib/format.js";
import { LIMITS } from "../lib/limits.js";
import { limitText, tooLong } from "../lib/text-limit.js";
import { el, showErrors, toast } from "../lib/ui.js";
import {
  SCALE,
  SIDES,
  chips,
  labelOf,
  lower,
  opts,
  summary,
  whenText,
} from "../features/log/chips.js";
import { useStyles } from "../lib/styles.js";

const AREAS = LOCATIONS; // the body map's places, old words (legs, grip…) included
const ACTIVITIES = opts("Walking", "Stairs", "Housework", "Shopping");
const LASTED = [
  [15, "15 min"],
  [30, "30 min"],
  [60, "1 hour"],
  [120, "2 hours"],
  [240, "4 hours"],
  [720, "All day"],
].map(([value, label]) => ({ value, label }));
const STRONG = "0 = barely, 10 = worst";
const NOTES = { name: "notes", type: "notes", label: "Notes" };

const KNOT = {
  collection: "knots",
  noun: "knot",
  title: "Log a knot",
  recentTitle: "Recent knots",
  required: ["location", "Choose where the knot is, then Save."],
  blank: () => ({ location: null, side: null, intensity: null, helped: [], notes: null }),
  describe: (k) =>
    summary(labelOf(LOCATIONS, k.location), k.side, k.intensity, k.helped, KNOT_HELPED),
  fields: [
    { name: "location", type: "place", label: "Where?", sided: true },
    { name: "side", label: "Which side?", options: SIDES },
    { name: "intensity", label: `How strong? ${STRONG}`, options: SCALE, small: true },
    { name: "helped", label: "What helped?", options: KNOT_HELPED, multi: true },
    NOTES,
  ],
};

const WEAKNESS = {
  collection: "weakness",
  noun: "weakness",
  title: "Log weakness",
  recentTitle: "Recent weakness",
  required: ["body_area", "Choose where you feel weak, then Save."],
  blank: () => ({
    body_area: null,
    severity: null,
    after_activity: null,
    duration_minutes: null,
    jelly_legs: false,
    notes: null,
  }),
  describe: ({ jelly_legs: jelly, body_area: area, duration_minutes: d, ...w }) =>
    summary(
      jelly
        ? `Legs turned to jelly${area && area !== "legs" ? `, ${lower(AREAS, area)}` : ""}`
        : labelOf(AREAS, area),
      null,
      w.severity,
      null,
      null,
      w.after_activity && `after ${lower(ACTIVITIES, w.after_activity)}`,
      d != null && (LASTED.find((l) => l.value === d)?.label ?? `${d} min`),
    ),
  fields: [
    { name: "body_area", type: "place", label: "Where?", extra: ["whole body", "other"] },
    { name: "severity", label: `How bad? ${STRONG}`, options: SCALE, small: true },
    { name: "after_activity", type: "suggest", label: "After what?", options: ACTIVITIES },
    { name: "duration_minutes", label: "How long did it last?", options: LASTED },
    NOTES,
  ],
};

// Each field's error slot sits right under its label, where the eye lands with the focus.
const errorSlot = (name) => el("p", { class: "error-text", "data-error-for": name });

function notesField(f, draft) {
  const id = `f-${f.name}`;
  const area = el("textarea", { id, name: f.name, rows: "2" });
  const count = limitText(area, LIMITS.notes.max);
  area.addEventListener("input", () => {
    draft[f.name] = area.value.trim() ? area.value : null;
  });
  return {
    node: el(
      "div",
      { class: "field" },
      el("label", { for: id }, f.label),
      errorSlot(f.name),
      area,
      count,
    ),
    set(v) {
      area.value = v || "";
      count.refresh();
    },
  };
}

// Where, on the body map (a list on request); the map's side goes into the record's side.
function placeField(f, draft, changed) {
  const picker = placePicker({
    ...f,
    onChange: (where, side) => {
      draft[f.name] = where;
      if (f.sided) draft.side = side;
      changed(f.name);
    },
  });
  picker.node.querySelector("legend").after(errorSlot(f.name));
  return { node: picker.node, set: (v) => picker.set(v, f.sided ? draft.side : null) };
}

function field(f, draft, changed) {
  const id = `f-${f.name}`;
  if (f.type === "notes") return notesField(f, draft);
  if (f.type === "place") return placeField(f, draft, changed);
  const suggest = f.type === "suggest";
  const input = suggest && el("input", { id, name: f.name, type: "text", autocomplete: "off" });
  const count = suggest && limitText(input, LIMITS.after_activity.max);
  const known = (v) => f.options.find((o) => o.value === v);
  const group = chips({
    ...f,
    value: f.multi ? [] : null,
    onChange: (v) => {
      draft[f.name] = suggest ? v || null : v;
      if (suggest) input.value = v ? known(v).label : "";
      changed(f.name);
    },
  });
  group.node.querySelector("legend").after(errorSlot(f.name));
  if (!suggest) return group;
  input.addEventListener("input", () => {
    draft[f.name] = input.value.trim() || null;
    group.set(known(draft[f.name])?.value ?? null);
  });
  group.node.append(el("label", { class: "hint", for: id }, "Or in your words"), input, count);
  return {
    node: group.node,
    set(v) {
      input.value = known(v)?.label ?? v ?? "";
      group.set(known(v) ? v : null);
      count.refresh();
    },
  };
}

// {field: message} for what cannot be saved as it is: the required choice, text over its limit.
function problems(spec, draft) {
  const [required, message] = spec.required;
  const found = {};
  if (!draft[required]) found[required] = message;
  for (const f of spec.fields) {
    const max =
      f.type === "notes" ? LIMITS.notes.max : f.type === "suggest" && LIMITS.after_activity.max;
    const why = max && tooLong(draft[f.name], max);
    if (why) found[f.name] = why;
  }
  return found;
}

function entryForm(spec) {
  const draft = spec.blank(); // one object: the fields hold it
  let editing = false;
  const heading = el("h2", { id: `${spec.collection}-form-title` });
  const error = el("p", { class: "error-text", role: "alert" }); // the phone refused to save
  const done = el("p", { role: "status", class: "saved-text" });
  // The map's side and the side chips say the same.
  const changed = (name) => {
    const other = { side: "location", location: "side" }[name];
    built.find(([f]) => f.name === other)?.[1].set(draft[other]);
  };
  const built = spec.fields.map((f) => [f, field(f, draft, changed)]);
  const button = el("button", { class: "btn btn-primary btn-block", type: "submit" });
  const cancel = el(
    "button",
    { class: "btn btn-block", type: "button", onclick: () => reset() },
    "Cancel",
  );

  function fill(record, title, saveText) {
    for (const key in draft) delete draft[key];
    Object.assign(draft, record);
    for (const [f, x] of built) x.set(draft[f.name] ?? (f.multi ? [] : null));
    heading.textContent = title;
    button.textContent = saveText;
    cancel.hidden = !editing;
    error.textContent = "";
    showErrors(form, null, { focus: false });
  }

  function reset() {
    editing = false;
    fill(spec.blank(), spec.title, `Save ${spec.noun}`);
  }

  async function submit(event) {
    event.preventDefault();
    if (showErrors(form, { errors: problems(spec, draft) })) return;
    let saved;
    try {
      const when = collection(spec.collection).when;
      saved = await save(spec.collection, { ...draft, [when]: draft[when] || nowIso() });
    } catch (err) {
      console.error(err);
      // 422: the record check (store.js) says what the server would refuse
      error.textContent =
        err.status === 422
          ? err.message
          : "This phone did not let the app save. Try again; if it keeps failing, free some space.";
      return;
    }
    done.textContent = editing ? "Changes saved." : `Saved: ${spec.describe(saved)}.`;
    reset();
  }

  const form = el(
    "form",
    {
      class: "stack",
      "aria-labelledby": heading.id,
      "data-form": spec.collection,
      novalidate: true,
      onsubmit: submit,
    },
    heading,
    built.map(([, x]) => x.node),
    error,
    button,
    cancel,
    done,
  );
  reset();
  return {
    node: form,
    edit(record) {
      editing = true;
      fill(
        { ...record },
        `Change ${spec.noun} of ${whenText(whenOf(spec.collection, record))}`,
        "Save changes",
      );
      done.textContent = "";
      form.scrollIntoView({ block: "start" });
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    },
  };
}

// A record's notes in the list: the first lines, and all of them on "Show all".
function notesText(notes) {
  const text = el("p", { class: "entry-notes entry-notes-clamped", "data-notes": "" }, notes);
  const long = notes.length > 140 || notes.split("\n").length > 3;
  if (!long) return text;
  const toggle = el(
    "button",
    { class: "btn btn-link", type: "button", "aria-expanded": "false" },
    "Show all notes",
  );
  toggle.addEventListener("click", () => {
    const open = text.classList.toggle("entry-notes-clamped") === false;
    toggle.setAttribute("aria-expanded", open);
    toggle.textContent = open ? "Show less" : "Show all notes";
  });
  return [text, toggle];
}

async function renderRecent(host, spec, onEdit) {
  const when = (r) => whenOf(spec.collection, r);
  const entries = (await list(spec.collection))
    .sort((a, b) => Date.parse(when(b) || 0) - Date.parse(when(a) || 0))
    .slice(0, 10);
  const titleId = `${spec.collection}-recent-title`;
  const noun = spec.noun;
  const button = (action, text, cls, r, onclick) =>
    el(
      "button",
      { class: cls, type: "button", "data-action": action, onclick },
      text,
      el("span", { class: "visually-hidden" }, ` ${noun} of ${whenText(when(r))}`),
    );
  const remover = (r) => async () => {
    await remove(spec.collection, r.id);
    toast(`${capitalize(noun)} deleted.`, {
      label: "Undo",
      onClick: () => save(spec.collection, r),
    });
  };
  host.replaceChildren(
    el("h2", { id: titleId }, spec.recentTitle),
    entries.length
      ? el(
          "ul",
          { class: "list entries", "aria-labelledby": titleId },
          entries.map((r) =>
            el(
              "li",
              { "data-entry": r.id },
              el("p", { class: "entry-main" }, whenText(when(r))),
              el("p", { class: "entry-more" }, spec.describe(r)),
              r.notes && notesText(r.notes),
              el(
                "div",
                { class: "row" },
                button("change", "Change", "btn", r, () => onEdit(r)),
                button("delete", "Delete", "btn btn-danger", r, remover(r)),
              ),
            ),
          ),
        )
      : el("p", {}, "Nothing logged yet."),
  );
}

async function jelly() {
  const record = await save("weakness", {
    ...WEAKNESS.blank(),
    noted_at: nowIso(),
    body_area: "legs",
    jelly_legs: true,
  });
  toast("Saved: legs turned to jelly.", {
    label: "Undo",
    onClick: () => remove("weakness", record.id),
  });
}

let unsubscribe = null;

// A refused knot's or weakness note's fields on its form.
const REFUSED_FIELDS = Object.fromEntries(
  ["location", "body_area", "side", "intensity", "severity", "helped", "duration_minutes"]
    .map((name) => [name, `[data-chips=${name}]`])
    .concat([
      ["notes", "textarea[name=notes]"],
      ["after_activity", "[name=after_activity]"],
    ]),
);

// From "Needs a look": the record in its form, with the server's reasons under the fields.
async function editRefused(panel, id) {
  const record = await get(panel.collection, id);
  if (!record) return;
  panel.form.edit(record);
  await showRefused(panel.form.node, panel.collection, id, REFUSED_FIELDS);
}

export async function mount(root, params) {
  const { quick, tab } = params;
  // The home-screen shortcuts of an older manifest: water and magnesium are logged on /quick.
  if (quick === "water" || quick === "magnesium")
    return navigate(`/quick?log=${quick}`, { replace: true });
  await useStyles("bodymap");
  const screen = el("div", { class: "stack" }, el("h1", {}, "Log"));
  root.append(screen);

  const panels = {};
  for (const spec of [KNOT, WEAKNESS]) {
    const recent = el("section", { class: "card", "data-recent": spec.collection });
    const form = entryForm(spec);
    panels[spec.noun] = {
      collection: spec.collection,
      node: el(
        "div",
        { class: "stack", "data-panel": spec.collection },
        el("section", { class: "card" }, form.node),
        recent,
      ),
      refresh: () => renderRecent(recent, spec, form.edit),
      form,
    };
  }
  const tabs = el("div", { class: "row log-switch", role: "group", "aria-label": "What to log" });
  const host = el("div", {});
  const show = (kind) => {
    for (const b of tabs.children) b.setAttribute("aria-pressed", b.dataset.kind === kind);
    host.replaceChildren(panels[kind].node);
    history.replaceState(null, "", kind === "knot" ? "/log" : "/log?tab=weakness");
  };
  for (const kind in panels) {
    tabs.append(
      el(
        "button",
        { class: "btn", type: "button", "data-kind": kind, onclick: () => show(kind) },
        capitalize(kind),
      ),
    );
  }

  screen.append(
    el(
      "button",
      {
        class: "btn btn-primary btn-block log-jelly",
        type: "button",
        "data-action": "jelly",
        onclick: jelly,
      },
      "Legs turned to jelly",
    ),
    tabs,
    host,
    el("a", { class: "btn btn-block", href: "/body" }, "Where this week"),
    el("a", { class: "btn btn-block", href: "/helps" }, "What helps me"),
  );
  show(tab === "weakness" ? "weakness" : "knot");
  await Promise.all(Object.values(panels).map((p) => p.refresh()));
  if (params.edit) await editRefused(panels[tab === "weakness" ? "weakness" : "knot"], params.edit);
  unsubscribe = onChange(({ collection: c }) => {
    for (const p of Object.values(panels)) if (c === p.collection || c === "*") p.refresh();
  });
}

export function unmount() {
  unsubscribe?.();
  unsubscribe = null;
}
