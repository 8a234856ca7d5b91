// A forgotten password: ask for a link by mail (/forgot), set a new password with it (/reset).
// Both need the server, so they are loaded only when opened.

import { api } from "../api.js";
import { el, showErrors } from "../lib/ui.js";
import { navigate } from "../router.js";

const OFFLINE = "No connection. Try again when you are online.";
const link = (href, text) => () => el("a", { class: "btn btn-link", href }, text);
const newLink = link("/forgot", "Ask for a new link");
const toSignIn = link("/signin", "Back to sign in");

// One field, its error beside it, a message for the rest, and a button that calls send(value).
function form(name, label, attrs, action, send, hint) {
  const id = `f-${name}`;
  const message = el("div", { class: "error-text", role: "alert" });
  const button = el("button", { class: "btn btn-primary btn-block", type: "submit" }, action);
  const node = el(
    "form",
    { class: "card stack", novalidate: true },
    el(
      "div",
      { class: "field" },
      el("label", { for: id }, label),
      el("input", { id, name, required: true, "aria-describedby": `${id}-error`, ...attrs }),
      el("p", { class: "error-text", id: `${id}-error`, "data-error-for": name }),
      hint && el("p", { class: "hint" }, hint),
    ),
    message,
    button,
  );
  node.addEventListener("submit", async (e) => {
    e.preventDefault();
    message.replaceChildren();
    showErrors(node, null);
    button.disabled = true;
    try {
      await send(node[name].value);
    } catch (err) {
      showErrors(node, err);
      if (!node.querySelector("[data-error-for]").textContent) {
        message.append(
          el("p", {}, err.status === 0 ? OFFLINE : err.message),
          err.errors?.token ? newLink() : "",
        );
      }
    } finally {
      button.disabled = false;
    }
  });
  return node;
}

export const forgot = {
  async mount(root) {
    root.append(el("h1", {}, "Forgot password"));
    let mail;
    try {
      ({ mail } = await api("/api/v1/auth/forgot"));
    } catch (err) {
      return root.append(el("p", {}, err.status === 0 ? OFFLINE : err.message));
    }
    if (!mail)
      return root.append(el("p", {}, "Ask the person who runs this Unknot server to reset it."));
    const box = form(
      "email",
      "Email",
      { type: "email", autocomplete: "email" },
      "Send",
      async (email) => {
        const { message } = await api("/api/v1/auth/forgot", { method: "POST", body: { email } });
        box.replaceWith(el("p", { class: "card", role: "status" }, message), toSignIn());
      },
    );
    root.append(el("p", {}, "We mail you a link to choose a new password."), box);
  },
};

export const reset = {
  mount(root, { token }) {
    root.append(el("h1", {}, "New password"));
    if (!token)
      return root.append(
        el("p", {}, "This link is not complete. Open it again from the mail."),
        newLink(),
      );
    const attrs = { type: "password", autocomplete: "new-password", minlength: 8 };
    const hint = "At least 8 characters. A few words that do not belong together work well.";
    root.append(
      form(
        "password",
        "New password",
        attrs,
        "Save",
        async (password) => {
          await api("/api/v1/auth/reset", { method: "POST", body: { token, password } });
          await navigate("/signin?changed=1", { replace: true });
        },
        hint,
      ),
    );
  },
};
