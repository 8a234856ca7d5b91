import { errorsByField } from "../api.js";

// el("button", {class: "btn", onclick: fn}, "Save"): text only, never HTML; skips null, false.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value == null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function")
      node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "class") node.className = value;
    else if (key === "value" || key === "checked" || key === "disabled") node[key] = value;
    else node.setAttribute(key, value === true ? "" : value);
  }
  node.append(...children.flat().filter((c) => c != null && c !== false));
  return node;
}

// svg("rect", {x: 0, width: 10}, "title text"): an SVG element, text only like el().
export function svg(tag, attrs = {}, text) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const k in attrs) node.setAttribute(k, attrs[k]);
  if (text != null) node.textContent = text;
  return node;
}

// A titled card: <section class="card stack"> labelled by its <h2 id>; with no title, the caller adds the <h2>.
export const card = (id, title, ...body) =>
  el(
    "section",
    { class: "card stack", "aria-labelledby": id },
    title != null && el("h2", { id }, title),
    ...body,
  );

export const btn = (label, onclick, cls, attrs) =>
  el("button", { class: cls ? `btn ${cls}` : "btn", type: "button", onclick, ...attrs }, label);

// quiet: news that can wait (a polite status, not an alert).
export function banner(id, text, actions = [], { quiet = false } = {}) {
  clearBanner(id);
  const node = el(
    "div",
    {
      class: quiet ? "banner banner-quiet" : "banner",
      role: quiet ? "status" : "alert",
      dataset: { banner: id },
    },
    el("p", {}, text),
    actions.map((a) => btn(a.label, a.onClick, a.primary && "btn-primary")),
  );
  document.getElementById("banners").append(node);
  return node;
}

export function clearBanner(id) {
  document.querySelector(`[data-banner="${id}"]`)?.remove();
}

let toastTimer = null;

export function toast(text, action = null, ms = 6000) {
  let host = document.getElementById("toast");
  if (!host) {
    host = el("div", { id: "toast", class: "toast", role: "status", "aria-live": "polite" });
    document.body.append(host);
  }
  host.replaceChildren(el("p", {}, text));
  if (action) {
    host.append(
      btn(action.label, () => {
        host.replaceChildren();
        action.onClick();
      }),
    );
  }
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => host.replaceChildren(), ms);
}

// The field an error slot [data-error-for=name] speaks of: by name, by id, or a chip group.
const fieldOf = (form, name) =>
  form.querySelector(`[name="${name}"]`) ||
  form.querySelector(`[data-chips="${name}"]`) ||
  form.querySelector(`#${CSS.escape(name)}`);

let slotIds = 0;

// Tie a slot to its field for screen readers: aria-invalid, and aria-describedby while it speaks.
function mark(field, slot, wrong) {
  slot.id ||= `error-${++slotIds}`;
  const ids = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  const kept = ids.filter((id) => id !== slot.id);
  const next = wrong ? [...kept, slot.id] : kept;
  if (next.length) field.setAttribute("aria-describedby", next.join(" "));
  else field.removeAttribute("aria-describedby");
  if (wrong) field.setAttribute("aria-invalid", "true");
  else field.removeAttribute("aria-invalid");
}

// Where the eye lands: the first wrong field and its message, together in the middle of the
// screen (clear of the header and tab bar), the field focused so its message is read out.
function bringIntoView({ slot, field }) {
  const box = field && slot.parentElement.contains(field) ? slot.parentElement : slot;
  const fits = box.getBoundingClientRect().height < window.innerHeight * 0.6;
  (fits ? box : slot).scrollIntoView({ block: "center" });
  const target = field?.matches("input, select, textarea, button")
    ? field
    : field?.querySelector("input, select, textarea, button");
  target?.focus({ preventScroll: true });
}

// Each field's error in plain words (errorsByField) in the slot beside its field; with `focus`,
// the first one is brought into view. -> true when a field shows one.
export function showErrors(form, err, { focus = true } = {}) {
  const errors = errorsByField(err);
  let first = null;
  for (const slot of form.querySelectorAll("[data-error-for]")) {
    const text = errors[slot.dataset.errorFor] || "";
    slot.textContent = text;
    const field = fieldOf(form, slot.dataset.errorFor);
    if (field) mark(field, slot, !!text);
    if (text && !first) first = { slot, field };
  }
  if (first && focus) bringIntoView(first);
  return !!first;
}

// The sentences of `err` that no field of the form has a slot for.
function unplaced(form, err) {
  const placed = new Set(
    [...form.querySelectorAll("[data-error-for]")].map((s) => s.dataset.errorFor),
  );
  return Object.entries(errorsByField(err))
    .filter(([name]) => !placed.has(name))
    .map(([, text]) => text);
}

// What a form says above its fields after `err`: what no field shows, else the summary if no
// field shows anything (one sentence once, never the same words twice).
export function formMessage(form, err) {
  showErrors(form, err);
  if (err?.status === 0) return err.message;
  const rest = unplaced(form, err);
  if (rest.length) return rest.join(" ");
  return Object.keys(errorsByField(err)).length ? "" : err?.message || "";
}

export const clock = (iso) =>
  new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

export const THEMES = { system: "Same as the phone", light: "Light", dark: "Dark" };

export function getTheme() {
  try {
    return THEMES[localStorage["unknot-theme"]] ? localStorage["unknot-theme"] : "system";
  } catch {
    return "system";
  }
}

export const applyTheme = (theme = getTheme()) => (document.documentElement.dataset.theme = theme);

export function setTheme(theme) {
  try {
    localStorage["unknot-theme"] = theme;
  } catch {} // no storage: until the page closes
  applyTheme(theme);
}
