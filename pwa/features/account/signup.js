// Who may sign up on this server (UNKNOT_SIGNUPS): the invite code field and the closed notice.

import { api } from "../../api.js";
import { el } from "../../lib/ui.js";

// "open", "invite" or "closed". Offline: a code in the link means invite; else the form shows
// and the server says no if it must when the phone is back online.
export async function signupMode(code) {
  try {
    return (await api("/api/v1/auth/signup-mode")).mode;
  } catch {
    return code ? "invite" : "open";
  }
}

// The invite code, prefilled from the link (/signup?invite=CODE). `field` is the form's own.
export function inviteField(field, code) {
  const input = el("input", {
    name: "invite",
    required: true,
    autocomplete: "off",
    autocapitalize: "none",
    spellcheck: "false",
    value: code || "",
  });
  return [
    field("invite", "Invite code", input, "f-invite"),
    el(
      "p",
      { class: "hint" },
      "Sign-ups here are by invite. The person who runs this Unknot gives you the code or link.",
    ),
  ];
}

// What the sign-up screen shows when sign-ups are closed: sign in, or carry on without one.
export const closedNotice = () => [
  el("h1", {}, "Sign-ups are closed"),
  el(
    "div",
    { class: "card stack", role: "status", "data-signups": "closed" },
    el("p", {}, "No new accounts can be made on this Unknot. If you have an account, sign in."),
    el("p", {}, "Without an account the app works as before: your records stay on this phone."),
    el("a", { class: "btn btn-primary btn-block", href: "/signin" }, "Sign in"),
    el("a", { class: "btn btn-block", href: "/" }, "Go to Today"),
  ),
];
