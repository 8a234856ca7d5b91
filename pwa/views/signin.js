// Sign in, or create an account (?mode=signup). Records already on this phone are uploaded after.

import { OtherAccountError, signIn } from "../lib/account.js";
import { el, showErrors } from "../lib/ui.js";
import { navigate } from "../router.js";

function field(name, label, attrs) {
  const id = `f-${name}`;
  return el(
    "div",
    { class: "field" },
    el("label", { for: id }, label),
    el("input", { id, name, "aria-describedby": `${id}-error`, ...attrs }),
    el("p", { class: "error-text", id: `${id}-error`, "data-error-for": name }),
  );
}

export function mount(root, params) {
  const signup = params.mode === "signup";
  const message = el("p", { class: "error-text", role: "alert" });
  const discardBox = el("div");
  const submit = el("button", { class: "btn btn-primary btn-block", type: "submit" }, signup ? "Create account" : "Sign in");
  const form = el(
    "form",
    { class: "card stack", novalidate: true },
    field("email", "Email", { type: "email", autocomplete: "email", required: true, inputmode: "email" }),
    field("password", "Password", {
      type: "password",
      autocomplete: signup ? "new-password" : "current-password",
      required: true,
      minlength: signup ? "8" : null,
    }),
    signup ? el("p", { class: "hint" }, "At least 8 characters.") : null,
    message,
    discardBox,
    submit,
  );

  async function go({ discard = false } = {}) {
    const data = new FormData(form);
    message.textContent = "";
    discardBox.replaceChildren();
    showErrors(form, null);
    submit.disabled = true;
    try {
      await signIn(String(data.get("email")), String(data.get("password")), {
        mode: signup ? "signup" : "signin",
        discard,
      });
      await navigate(params.next && params.next.startsWith("/") ? params.next : "/", { replace: true });
    } catch (err) {
      if (err instanceof OtherAccountError) {
        message.textContent = err.message;
        discardBox.append(
          el("button", { class: "btn btn-danger btn-block", type: "button", onclick: () => go({ discard: true }) },
            "Remove them from this phone and continue"),
        );
      } else {
        message.textContent = err.status === 0 ? "No connection. Try again when you are online." : err.message;
        showErrors(form, err);
      }
    } finally {
      submit.disabled = false;
    }
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    go();
  });
  root.append(
    el("h1", {}, signup ? "Create an account" : "Sign in"),
    el("p", {}, "An account keeps a copy of your records safe and on your other devices. Records on this phone are uploaded."),
    form,
    el(
      "p",
      {},
      signup ? "Have an account? " : "New here? ",
      el("a", { href: signup ? "/signin" : "/signin?mode=signup" }, signup ? "Sign in" : "Create an account"),
    ),
  );
}
