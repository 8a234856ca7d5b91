// A cramp's details form (muscle on the body map, side, strength, what was tried and helped,
// notes), saved as the person taps. Loaded after the timer shows: /cramp imports it lazily.

import { LIMITS } from "../../lib/limits.js";
import { limitText, tooLong } from "../../lib/text-limit.js";
import { el, showErrors } from "../../lib/ui.js";
import { placePicker } from "../bodymap/picker.js";
import { BETWEEN_EPISODES, RELIEFS } from "../insights/reliefs.js";
import { SCALE, SIDES, chips, typed } from "../log/chips.js";

// The reliefs a cramp's form offers, as chip options: what acts during a cramp. Things taken
// between cramps (magnesium, water) are not offered, but an older cramp that lists them keeps them.
const chip = ({ key, short }) => ({ value: key, label: short });
export const TRIED = RELIEFS.map(chip);
const BETWEEN = BETWEEN_EPISODES.map(chip);
export const triedOptions = (tried = []) => [
  ...TRIED,
  ...BETWEEN.filter((o) => tried.includes(o.value)),
];

// The form for the cramp an editor holds (features/cramp/timer.js crampEditor).
// -> {node, flush()}: flush saves text typed but not yet saved.
export function crampDetails(ed) {
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
  const muscle = placePicker({
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
