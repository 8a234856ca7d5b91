// Toggle chips and small helpers for the logs and cramps.

import { el } from "../../lib/ui.js";

export function chips({ label, options, value = null, multi, onChange, name, small }) {
  const box = el("div", { class: small ? "chips chips-small" : "chips" });
  const node = el(
    "fieldset",
    { class: "chip-group", "data-chips": name },
    el("legend", {}, label),
    box,
  );
  let current;
  const pressed = (v) => (multi ? current.includes(v) : current === v);
  const set = (v) => {
    current = multi ? [...(v || [])] : v;
    for (const b of box.children) b.setAttribute("aria-pressed", pressed(b._value));
  };
  const tap = (v) => {
    set(
      multi
        ? pressed(v)
          ? current.filter((x) => x !== v)
          : [...current, v]
        : pressed(v)
          ? null
          : v,
    );
    onChange(multi ? [...current] : current);
  };
  const setOptions = (list, v) => {
    box.replaceChildren(
      ...list.map((o) =>
        Object.assign(
          el(
            "button",
            { class: "chip", type: "button", "data-value": o.value, onclick: () => tap(o.value) },
            o.label,
          ),
          { _value: o.value },
        ),
      ),
    );
    set(v);
  };
  setOptions(options, value);
  return { node, set, setOptions };
}

// "Label" (value: lower case) or "value=Label"
export const opts = (...items) =>
  items.map((s) => {
    const [label, value = label.toLowerCase()] = s.split("=").reverse();
    return { value, label };
  });

export const SCALE = Array.from({ length: 11 }, (_, i) => ({ value: i, label: String(i) })); // 0–10
export const SIDES = opts("Left", "Right", "Both");

export const labelOf = (options, value) => options.find((o) => o.value === value)?.label ?? value;
export const lower = (options, value) => labelOf(options, value).toLowerCase();

// "Upper back, left, 6 of 10, helped: heat"
export const summary = (first, side, strength, helped, helpOptions, ...more) =>
  [
    first,
    side && lower(SIDES, side),
    strength != null && `${strength} of 10`,
    helped?.length && `helped: ${helped.map((h) => lower(helpOptions, h)).join(", ")}`,
    ...more,
  ]
    .filter(Boolean)
    .join(", ");

export function whenText(iso) {
  const d = new Date(iso);
  return `${d.toLocaleDateString([], { weekday: "short", day: "numeric", month: "short" })}, ${d.toLocaleTimeString(
    [],
    { hour: "2-digit", minute: "2-digit" },
  )}`;
}

export function typed(input, fn) {
  let timer = null;
  let last = input.value;
  const now = () => {
    clearTimeout(timer);
    if (input.value === last) return;
    last = input.value;
    fn(last);
  };
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(now, 600);
  });
  input.addEventListener("change", now);
  return now; // call on leaving the screen: nothing typed is lost
}
