// A cramp's details as big chips: muscle, side, how strong, what was tried, what helped, notes.
// All optional; every tap is saved at once, so nothing waits for a Save button.

import { RELIEFS } from "../lib/stats.js";
import { el } from "../lib/ui.js";
import { SCALE, SIDES, chips, labelOf, typed } from "./log-chips.js";

export const MUSCLES = [
  { value: "calf", label: "Calf" },
  { value: "foot", label: "Foot" },
  { value: "hamstring", label: "Hamstring" },
  { value: "thigh", label: "Thigh" },
  { value: "hand", label: "Hand" },
  { value: "neck/shoulder", label: "Neck / shoulder" },
  { value: "back", label: "Back" },
  { value: "other", label: "Other" },
];

// The same keys "What helps me" counts, with the chips' short labels.
export const TRIED = RELIEFS.map(({ key, short }) => ({ value: key, label: short }));

/** "Calf, left, 7 of 10" — the short summary of a cramp's details, or "". */
export function detailsText(cramp) {
  const parts = [];
  if (cramp.muscle) parts.push(labelOf(MUSCLES, cramp.muscle));
  if (cramp.side) parts.push(labelOf(SIDES, cramp.side).toLowerCase());
  if (cramp.intensity != null) parts.push(`${cramp.intensity} of 10`);
  if ((cramp.reliefs_helped || []).length) {
    parts.push(`helped: ${cramp.reliefs_helped.map((v) => labelOf(TRIED, v).toLowerCase()).join(", ")}`);
  }
  return parts.join(", ");
}

/** The details form for an editor: {node, flush} (flush saves text still being typed). */
export function crampDetails(editor) {
  const r = editor.record;
  const helpedOptions = (tried) => TRIED.filter((o) => tried.includes(o.value));
  const helpedHint = el("p", { class: "hint", "data-hint": "helped" }, "Tap what you tried first.");

  const muscle = chips({
    name: "muscle", label: "Which muscle?", options: MUSCLES, value: r.muscle,
    onChange: (v) => editor.change({ muscle: v }),
  });
  const side = chips({
    name: "side", label: "Which side?", options: SIDES, value: r.side,
    onChange: (v) => editor.change({ side: v }),
  });
  const intensity = chips({
    name: "intensity", label: "How strong? 0 = barely, 10 = worst", options: SCALE, value: r.intensity,
    small: true, onChange: (v) => editor.change({ intensity: v }),
  });
  const helped = chips({
    name: "helped", label: "What helped?", options: helpedOptions(r.reliefs_tried || []),
    value: r.reliefs_helped || [], multi: true,
    onChange: (v) => editor.change({ reliefs_helped: v }),
  });
  const showHelped = (tried) => {
    helped.node.hidden = tried.length === 0;
    helpedHint.hidden = tried.length > 0;
  };
  const tried = chips({
    name: "tried", label: "What did you try?", options: TRIED, value: r.reliefs_tried || [], multi: true,
    onChange: (v) => {
      // "Helped" only among the things tried: untapping a thing tried drops it from there too.
      const kept = (editor.record.reliefs_helped || []).filter((x) => v.includes(x));
      helped.setOptions(helpedOptions(v), kept);
      showHelped(v);
      editor.change({ reliefs_tried: v, reliefs_helped: kept });
    },
  });
  showHelped(r.reliefs_tried || []);

  const notes = el("textarea", { id: `notes-${r.id}`, name: "notes", rows: "3", maxlength: "2000" });
  notes.value = r.notes || "";
  const flush = typed(notes, (text) => editor.change({ notes: text.trim() ? text : null }));

  const node = el(
    "div",
    { class: "stack cramp-details" },
    muscle.node,
    side.node,
    intensity.node,
    tried.node,
    helped.node,
    helpedHint,
    el("div", { class: "field" }, el("label", { for: notes.id }, "Notes"), notes),
  );
  return { node, flush };
}
