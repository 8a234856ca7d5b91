// Reminders: turn notifications on for this phone (asked only after a tap), and list, add,
// change, pause/resume, snooze and delete reminders (collection "reminders" in the store).

import { account } from "../lib/account.js";
import { pushState, turnOff, turnOn } from "../lib/push.js";
import { detailsText, snooze } from "../lib/quick.js";
import { clock, el, toast } from "../lib/ui.js";
import { list, onChange, remove, save } from "../store.js";
import { syncNow } from "../sync.js";
import { renderForm } from "./reminders-form.js";
import { KINDS, reminderName, scheduleText } from "./reminders-text.js";

const PUSH_TEXT = {
  on: "On: reminders pop up on this phone, also when Unknot is closed.",
  off: "Off: reminders do not pop up on this phone.",
  denied:
    "Notifications are blocked for Unknot on this phone. To allow them: open your browser's menu, " +
    "then Settings, Site settings, Notifications, and allow Unknot (on an installed app: your phone's " +
    "Settings, Apps or Notifications, Unknot). Then come back here.",
  unsupported: "This browser cannot show notifications. Your reminders are kept, but cannot pop up here.",
  "ios-install":
    "On iPhone and iPad, add Unknot to your Home Screen first: tap the Share button, then " +
    "\u201cAdd to Home Screen\u201d. Open Unknot from there and come back to this screen.",
};
const KIND_ORDER = ["magnesium", "hydration", "rest", "custom"];
const SNOOZES = [[15, "15 min"], [60, "1 h"]];

let stopChanges = null;
let onVisible = null;

// ---- This phone: notifications ----

async function renderPush(host, message = "") {
  const state = await pushState();
  const signedIn = Boolean(await account());
  const status = el("p", { class: "hint", role: "status", tabindex: "-1", "data-push-message": "" }, message);
  const parts = [el("h2", { id: "h-push" }, "On this phone"), el("p", { "data-push-state": state }, PUSH_TEXT[state])];
  if (state === "off" && !signedIn) {
    parts.push(
      el("p", {}, "Reminders are sent by the Unknot server, so they need an account."),
      el("div", { class: "row" },
        el("a", { class: "btn btn-primary", href: "/signin?mode=signup" }, "Create account"),
        el("a", { class: "btn", href: "/signin" }, "Sign in")));
  } else if (state === "off") {
    parts.push(
      el("button", { class: "btn btn-primary btn-block", type: "button", "data-push": "on", onclick: () => switchOn(host) }, "Turn on reminders on this phone"),
      el("p", { class: "hint" }, "Your phone will ask if Unknot may send notifications."));
  } else if (state === "on") {
    parts.push(el("button", { class: "btn", type: "button", "data-push": "off", onclick: () => switchOff(host) }, "Turn off on this phone"));
  } else if (state === "denied") {
    parts.push(el("button", { class: "btn", type: "button", "data-push": "check", onclick: () => renderPush(host) }, "Check again"));
  }
  parts.push(status);
  host.dataset.push = state;
  host.replaceChildren(...parts);
  return status;
}

function whyNot(err) {
  if (err.name === "TimeoutError") return "Your phone's push service is not answering. Check your connection and try again.";
  if (err.status === 401) return "Please sign in again first.";
  if (err.status === 0) return "No connection. Turning on reminders needs one.";
  return "Reminders could not be turned on in this browser. Please try again later.";
}

async function switchOn(host) {
  const button = host.querySelector("[data-push=on]");
  const status = host.querySelector("[data-push-message]");
  button.disabled = true;
  status.textContent = "Turning on\u2026";
  let message;
  try {
    const state = await turnOn();
    message = state === "on" ? "Reminders are on for this phone." : "";
  } catch (err) {
    message = whyNot(err);
  }
  (await renderPush(host, message)).focus();
}

async function switchOff(host) {
  await turnOff();
  (await renderPush(host, "Reminders are off for this phone.")).focus();
}

// ---- The list ----

function when(iso) {
  const at = new Date(iso);
  const today = new Date();
  const tomorrow = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 1);
  if (at.toDateString() === today.toDateString()) return `today at ${clock(iso)}`;
  if (at.toDateString() === tomorrow.toDateString()) return `tomorrow at ${clock(iso)}`;
  return `${at.toLocaleDateString([], { weekday: "short" })} at ${clock(iso)}`;
}

function statusText(r, now = Date.now()) {
  if (r.enabled === false) return "Paused";
  if (r.snoozed_until && Date.parse(r.snoozed_until) > now) return `Snoozed until ${clock(r.snoozed_until)}`;
  if (r.next_fire_at && Date.parse(r.next_fire_at) > now) return `On \u00b7 next ${when(r.next_fire_at)}`;
  return "On";
}

async function doSnooze(r, minutes) {
  const where = await snooze(r.id, minutes);
  const until = clock(new Date(Date.now() + minutes * 60000).toISOString());
  if (where === "server") {
    toast(`Snoozed until ${until}`);
    syncNow();
  } else if (where === "phone") {
    toast(`No connection: snoozed until ${until} on this phone, sent when you are back online.`);
  } else {
    toast("The snooze did not work. Please try again.");
  }
}

function snoozeBox(r) {
  const minutes = el("input", { type: "number", inputmode: "numeric", min: "5", max: "720", step: "5", id: `snz-${r.id}`, placeholder: "minutes" });
  const error = el("p", { class: "error-text", id: `snz-e-${r.id}` });
  const label = el("p", { class: "label", id: `snz-l-${r.id}` }, "Snooze for");
  minutes.setAttribute("aria-describedby", error.id);
  return el("div", { class: "stack reminders-snooze", hidden: true, "data-snooze-box": "" },
    label,
    el("div", { class: "row", role: "group", "aria-labelledby": label.id },
      SNOOZES.map(([m, text]) => el("button", { class: "btn", type: "button", "data-snooze": String(m), onclick: () => doSnooze(r, m) }, text))),
    el("div", { class: "field" },
      el("label", { for: minutes.id }, "Other (minutes)"),
      el("div", { class: "reminders-time" }, minutes,
        el("button", { class: "btn", type: "button", "data-snooze": "custom", onclick: () => {
          const m = Number(minutes.value);
          if (!Number.isInteger(m) || m < 5 || m > 720) {
            error.textContent = "Use a number of minutes from 5 to 720.";
            minutes.focus();
            return;
          }
          error.textContent = "";
          doSnooze(r, m);
        } }, "Snooze")),
      error));
}

function confirmBox(r) {
  return el("div", { class: "stack", hidden: true, "data-confirm-box": "" },
    el("p", { role: "alert" }, `Delete \u201c${reminderName(r)}\u201d? This cannot be undone.`),
    el("div", { class: "row" },
      el("button", { class: "btn btn-danger btn-primary", type: "button", "data-confirm": "delete", onclick: async () => {
        await remove("reminders", r.id);
        toast("Reminder deleted");
      } }, "Delete"),
      el("button", { class: "btn", type: "button", onclick: (e) => { e.currentTarget.closest("[data-confirm-box]").hidden = true; } }, "Keep it")));
}

function item(r, formHost) {
  const snoozes = snoozeBox(r);
  const confirm = confirmBox(r);
  const toggle = (box, button) => {
    box.hidden = !box.hidden;
    if (button) button.setAttribute("aria-expanded", String(!box.hidden));
  };
  const details = r.kind === "magnesium" ? detailsText(r) : "";
  const snoozeButton = el("button", { class: "btn", type: "button", "data-act": "snooze", "aria-expanded": "false", onclick: (e) => toggle(snoozes, e.currentTarget) }, "Snooze");
  return el("li", { class: "reminders-item stack", "data-reminder": r.id, "data-kind": r.kind },
    el("h3", {}, reminderName(r)),
    el("p", { "data-schedule": "" }, scheduleText(r, clock)),
    details ? el("p", { class: "muted" }, details) : null,
    el("p", { class: r.enabled === false ? "reminders-status is-paused" : "reminders-status", "data-status": "" }, statusText(r)),
    el("div", { class: "row" },
      el("button", { class: "btn", type: "button", "data-act": "edit", onclick: () => openForm(formHost, { reminder: r }) }, "Change"),
      el("button", { class: "btn", type: "button", "data-act": "toggle", onclick: async () => {
        await save("reminders", { ...r, enabled: r.enabled === false });
        toast(r.enabled === false ? "Reminder on again" : "Reminder paused");
      } }, r.enabled === false ? "Resume" : "Pause"),
      r.enabled === false ? null : snoozeButton,
      el("button", { class: "btn btn-danger", type: "button", "data-act": "delete", onclick: () => { confirm.hidden = false; confirm.querySelector("[data-confirm]").focus(); } }, "Delete")),
    snoozes,
    confirm);
}

function openForm(formHost, options) {
  renderForm(formHost, options);
  formHost.scrollIntoView({ block: "start" });
}

async function renderList(host, formHost) {
  const reminders = await list("reminders");
  reminders.sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || String(a.created_at).localeCompare(String(b.created_at)));
  host.replaceChildren(
    el("h2", { id: "h-list" }, "Your reminders"),
    reminders.length
      ? el("ul", { class: "list reminders-list" }, reminders.map((r) => item(r, formHost)))
      : el("p", { class: "muted" }, "No reminders yet."));
}

function addSection(formHost) {
  return el("section", { class: "card stack", "aria-labelledby": "h-add" },
    el("h2", { id: "h-add" }, "Add a reminder"),
    el("div", { class: "row" },
      KIND_ORDER.map((kind) => el("button", { class: "btn", type: "button", "data-add": kind, onclick: () => openForm(formHost, { kind }) }, KINDS[kind]))));
}

export async function mount(root) {
  const pushHost = el("section", { class: "card stack", "aria-labelledby": "h-push" });
  const formHost = el("div", { "data-form-host": "" });
  const listHost = el("section", { class: "card stack", "aria-labelledby": "h-list" });
  root.append(el("div", { class: "stack reminders" }, el("h1", {}, "Reminders"), pushHost, listHost, addSection(formHost), formHost));
  await Promise.all([renderPush(pushHost), renderList(listHost, formHost)]);
  stopChanges = onChange((change) => {
    if (change.collection === "reminders" || change.collection === "*") renderList(listHost, formHost);
  });
  // Back from the phone's settings (a permission changed): show the new state.
  onVisible = () => document.visibilityState === "visible" && renderPush(pushHost);
  document.addEventListener("visibilitychange", onVisible);
}

export function unmount() {
  if (stopChanges) stopChanges();
  if (onVisible) document.removeEventListener("visibilitychange", onVisible);
  stopChanges = onVisible = null;
}
