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

// Each field's error in plain words under it; returns the sentences the form has no place for.
export function showErrors(form, err) {
  const errors = errorsByField(err);
  const slots = [...form.querySelectorAll("[data-error-for]")];
  for (const slot of slots) slot.textContent = errors[slot.dataset.errorFor] || "";
  const placed = new Set(slots.map((s) => s.dataset.errorFor));
  return Object.entries(errors)
    .filter(([name]) => !placed.has(name))
    .map(([, text]) => text);
}

// What a form says above its fields after `err`: what no field shows, else the summary if no
// field shows anything (one sentence once, never the same words twice).
export function formMessage(form, err) {
  const rest = showErrors(form, err);
  if (err?.status === 0) return err.message;
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
