// Big toggle chips for the logs: one choice (tap again to clear) or several. Each chip is a
// <button aria-pressed> at least 48px high, in a <fieldset> named by its <legend>.

import { el } from "../lib/ui.js";

let count = 0;

/**
 * chips({label, options: [{value, label}], value, multi, onChange, name, hint, small}) ->
 * {node, set(value), setOptions(options, value)}. value is one value (or null), or an array
 * when multi. onChange(newValue) is called after every tap.
 */
export function chips({ label, options, value = null, multi = false, onChange, name, hint, small = false }) {
  const id = `chips-${name || ++count}`;
  const box = el("div", { class: small ? "chips chips-small" : "chips" });
  const hintNode = hint ? el("p", { class: "hint", id: `${id}-hint` }, hint) : null;
  const node = el(
    "fieldset",
    { class: "chip-group", "data-chips": name || null, "aria-describedby": hint ? `${id}-hint` : null },
    el("legend", {}, label),
    hintNode,
    box,
  );
  let current = multi ? [...(value || [])] : value;
  let opts = options;

  const pressed = (v) => (multi ? current.includes(v) : current === v);

  function paint() {
    for (const button of box.children) {
      button.setAttribute("aria-pressed", String(pressed(button._value)));
    }
  }

  function tap(v) {
    if (multi) current = pressed(v) ? current.filter((x) => x !== v) : [...current, v];
    else current = pressed(v) ? null : v;
    paint();
    onChange(multi ? [...current] : current);
  }

  function build() {
    box.replaceChildren(
      ...opts.map((o) => {
        const button = el(
          "button",
          { class: "chip", type: "button", "data-value": String(o.value), onclick: () => tap(o.value) },
          o.label,
        );
        button._value = o.value;
        return button;
      }),
    );
    paint();
  }

  build();
  return {
    node,
    set(v) {
      current = multi ? [...(v || [])] : v;
      paint();
    },
    setOptions(newOptions, v) {
      opts = newOptions;
      current = multi ? [...(v || [])] : v;
      build();
    },
  };
}

/** 0–10 as chips. */
export const SCALE = Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) }));

export const SIDES = [
  { value: "left", label: "Left" },
  { value: "right", label: "Right" },
  { value: "both", label: "Both" },
];

/** Plain label of a stored value, or the value itself. */
export function labelOf(options, value) {
  return options.find((o) => o.value === value)?.label ?? value;
}

/** "Tue 24 Nov, 03:12" for an ISO moment. */
export function whenText(iso) {
  const d = new Date(iso);
  const day = d.toLocaleDateString([], { weekday: "short", day: "numeric", month: "short" });
  const time = d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  return `${day}, ${time}`;
}

/** Call fn(text) for text typed into a field: after a pause, and at once on leaving it. */
export function typed(input, fn, wait = 600) {
  let timer = null;
  let last = input.value;
  const now = () => {
    clearTimeout(timer);
    timer = null;
    if (input.value === last) return;
    last = input.value;
    fn(input.value);
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(now, wait);
  });
  input.addEventListener("change", now);
  return now; // call on leaving the screen, so nothing typed is lost
}
