// Can reminders ring on this phone? What is missing, in plain words, and the one step that fixes it.

import { account } from "../../lib/account.js";
import { pushState, pushSupport, turnOff, turnOn } from "../../lib/push.js";
import { btn, el } from "../../lib/ui.js";

// "on", "no-account", "off", "denied", "unsupported" or "ios-install". What the phone itself
// refuses comes first: signing in would not make a reminder ring there.
export async function ringState() {
  if (await account()) return pushState();
  const s = pushSupport();
  return ["unsupported", "ios-install", "denied"].includes(s) ? s : "no-account";
}

// A reminder's line in the list when it cannot ring.
export const WONT_RING = {
  "no-account": "Won't ring: you are not signed in",
  off: "Won't ring: notifications are off on this phone",
  denied: "Won't ring: notifications are blocked on this phone",
  unsupported: "Won't ring: this browser cannot show notifications",
  "ios-install": "Won't ring: Unknot is not on your Home Screen yet",
};

const SAYS = {
  on: "On: reminders ring on this phone, also when Unknot is closed.",
  "no-account":
    "Your reminders won't ring: you are not signed in. Reminders come from your account.",
  off: "Your reminders won't ring: notifications are off on this phone.",
  denied:
    "Your reminders won't ring: notifications are blocked for Unknot. In your browser's site " +
    "settings (or the phone's settings for the installed app), allow Unknot to notify you, then " +
    "come back here.",
  unsupported:
    "Your reminders can't ring here: this browser cannot show notifications. Your reminders are kept.",
  "ios-install":
    "Your reminders won't ring yet: on iPhone and iPad, first add Unknot to your Home Screen " +
    "(Share, then \u201cAdd to Home Screen\u201d) and open it from there.",
};
const FAILED = {
  TimeoutError: "No answer from the push service: check your connection and try again.",
  401: "Please sign in again first.",
  0: "No connection. Turning on notifications needs one.",
};

const link = (href, text, cls = "") => el("a", { class: `btn ${cls}`, href }, text);

async function switchOn(button, status) {
  button.disabled = true;
  status.textContent = "Turning on\u2026";
  try {
    return (await turnOn()) === "on" ? "Notifications are on: your reminders will ring." : "";
  } catch (err) {
    return (
      FAILED[err.name] ||
      FAILED[err.status] ||
      "Notifications could not be turned on here. Try again later."
    );
  }
}

// The one step that fixes `state` (or turns reminders off); done(text) redraws and says it.
function steps(state, status, done) {
  if (state === "no-account") {
    return [
      link("/signin", "Sign in to get reminders", "btn-primary btn-block"),
      link("/signin?mode=signup", "New here? Create account", "btn-block"),
    ];
  }
  if (state === "off") {
    return [
      btn(
        "Turn on notifications",
        async (e) => done(await switchOn(e.currentTarget, status)),
        "btn-primary btn-block",
        { "data-push": "on" },
      ),
      el("p", { class: "hint" }, "Your phone will ask if Unknot may send notifications."),
    ];
  }
  if (state === "on") {
    const off = async () => {
      await turnOff();
      done("Reminders are off for this phone.");
    };
    return [btn("Turn off on this phone", off, "", { "data-push": "off" })];
  }
  if (state === "denied") return [btn("Check again", () => done(""), "", { "data-push": "check" })];
  return [];
}

// Draws the "On this phone" card for `state`; redraw(text) finds the state again and redraws
// the screen. Returns the card's status line.
export function ringCard(host, state, redraw, message = "") {
  const status = el(
    "p",
    { class: "hint", role: "status", tabindex: "-1", "data-push-message": "" },
    message,
  );
  const done = async (text) => (await redraw(text)).focus();
  host.replaceChildren(
    el("h2", { id: "h-push" }, "On this phone"),
    el(
      "p",
      { class: state === "on" ? "" : "reminders-wont", "data-push-state": state },
      SAYS[state],
    ),
    ...steps(state, status, done),
    status,
  );
  return status;
}
