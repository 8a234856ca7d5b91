// Small DOM helpers shared by the screens. Text goes in through textContent only.

/**
 * el("button", {class: "btn", type: "button", onclick: fn}, "Save") -> <button>.
 * Attributes: strings set attributes, functions under on* become listeners,
 * `dataset` an object; children: strings (as text), nodes, or null/false (skipped).
 */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key === "class") node.className = value;
    else if (key === "value" || key === "checked" || key === "disabled") node[key] = value;
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Show (or replace) a banner under the header: actions = [{label, onClick, primary}]. */
export function banner(id, text, actions = []) {
  const host = document.getElementById("banners");
  if (!host) return null;
  clearBanner(id);
  const node = el(
    "div",
    { class: "banner", role: "alert", dataset: { banner: id } },
    el("p", {}, text),
    actions.map((a) =>
      el("button", { class: a.primary ? "btn btn-primary" : "btn", type: "button", onclick: a.onClick }, a.label),
    ),
  );
  host.append(node);
  return node;
}

/** Remove a banner. */
export function clearBanner(id) {
  const host = document.getElementById("banners");
  host?.querySelector(`[data-banner="${id}"]`)?.remove();
}

let toastTimer = null;

/** A short message above the navigation for a few seconds, with an optional action (Undo). */
export function toast(text, action = null, ms = 6000) {
  let host = document.getElementById("toast");
  if (!host) {
    host = el("div", { id: "toast", class: "toast", role: "status", "aria-live": "polite" });
    document.body.append(host);
  }
  host.replaceChildren(el("p", {}, text));
  if (action) {
    host.append(
      el("button", {
        class: "btn",
        type: "button",
        onclick: () => {
          host.replaceChildren();
          action.onClick();
        },
      }, action.label),
    );
  }
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => host.replaceChildren(), ms);
}

/** Show the server's field errors under the fields of a form (elements [data-error-for=name]). */
export function showErrors(form, err) {
  const errors = (err && err.errors && (err.errors.json || err.errors)) || {};
  for (const slot of form.querySelectorAll("[data-error-for]")) {
    const found = errors[slot.dataset.errorFor];
    slot.textContent = Array.isArray(found) ? found.join(" ") : found ? String(found) : "";
  }
}

/** Plain words for a time today: "14:05". */
export function clock(iso) {
  return new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}
