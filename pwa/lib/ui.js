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

export function banner(id, text, actions = []) {
  clearBanner(id);
  const node = el(
    "div",
    { class: "banner", role: "alert", dataset: { banner: id } },
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

export function showErrors(form, err) {
  const errors = err?.errors?.json || err?.errors || {};
  for (const slot of form.querySelectorAll("[data-error-for]")) {
    const found = errors[slot.dataset.errorFor];
    slot.textContent = Array.isArray(found) ? found.join(" ") : found || "";
  }
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
