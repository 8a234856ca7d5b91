// Settings: account, your day, look, records the server refused, your data, delete account.

import * as accounts from "../lib/account.js";
import { THEMES, getTheme, setTheme } from "../lib/theme.js";
import { el, showErrors, toast } from "../lib/ui.js";
import { navigate } from "../router.js";
import { pendingCount } from "../store.js";
import { attention, dismissAttention, events, syncState } from "../sync.js";

const COLLECTIONS = ["cramps", "knots", "weakness", "intakes", "plans", "activities", "checkins", "reminders"];
let stop = null;

function section(title, ...children) {
  return el("section", { class: "card stack", "aria-labelledby": `h-${title.replace(/\W+/g, "-")}` },
    el("h2", { id: `h-${title.replace(/\W+/g, "-")}` }, title), ...children);
}

async function accountSection() {
  const me = await accounts.account();
  const state = syncState();
  if (!me) {
    return section("Account",
      el("p", {}, "You have no account: your records are saved on this phone only."),
      el("div", { class: "row" },
        el("a", { class: "btn btn-primary", href: "/signin?mode=signup" }, "Create account"),
        el("a", { class: "btn", href: "/signin" }, "Sign in")));
  }
  if (state.phase === "signin") {
    return section("Account",
      el("p", {}, state.signedOut ? `Signed out. Records of ${me.email} are kept on this phone.` : `Please sign in again as ${me.email}. Nothing is lost.`),
      el("a", { class: "btn btn-primary", href: "/signin" }, "Sign in"),
      el("button", { class: "btn btn-danger", type: "button", onclick: () => confirmClear() }, "Remove records from this phone"));
  }
  const box = el("div", { class: "stack" });
  const ask = async () => {
    const pending = await pendingCount();
    box.replaceChildren(
      el("p", { role: "alert" }, pending
        ? `Keep your records on this phone? ${pending} change${pending === 1 ? " is" : "s are"} not uploaded yet: removing them loses ${pending === 1 ? "it" : "them"}.`
        : "Keep your records on this phone? They are safe in your account either way."),
      el("div", { class: "row" },
        el("button", { class: "btn btn-primary", type: "button", "data-signout": "keep", onclick: () => out(true) }, "Keep on this phone"),
        el("button", { class: "btn btn-danger", type: "button", "data-signout": "clear", onclick: () => out(false) }, "Remove from this phone"),
        el("button", { class: "btn", type: "button", onclick: () => box.replaceChildren() }, "Cancel")));
  };
  const out = async (keep) => {
    try {
      await accounts.signOut({ keep });
      toast(keep ? "Signed out. Your records stay on this phone." : "Signed out. Records removed from this phone.");
      await navigate("/settings", { replace: true });
    } catch (err) {
      toast(err.status === 0 ? "No connection: signing out needs one." : err.message);
    }
  };
  return section("Account",
    el("p", {}, `Signed in as ${me.email}.`),
    el("button", { class: "btn", type: "button", onclick: ask }, "Sign out"),
    box);
}

async function confirmClear() {
  const pending = await pendingCount();
  const text = pending
    ? `Remove every record from this phone? ${pending} change${pending === 1 ? " is" : "s are"} not uploaded and will be lost.`
    : "Remove every record from this phone? Your account keeps its copy.";
  if (!window.confirm(text)) return;
  await accounts.clearDevice();
  toast("Records removed from this phone.");
  await navigate("/settings", { replace: true });
}

function select(name, label, options, value) {
  return el("div", { class: "field" },
    el("label", { for: `s-${name}` }, label),
    el("select", { id: `s-${name}`, name },
      options.map(([v, text]) => el("option", { value: String(v), selected: String(v) === String(value) }, text))),
    el("p", { class: "error-text", "data-error-for": name }));
}

function number(name, label, value, min, max, hint) {
  return el("div", { class: "field" },
    el("label", { for: `s-${name}` }, label),
    el("input", { id: `s-${name}`, name, type: "number", inputmode: "numeric", min, max, value: String(value) }),
    hint ? el("p", { class: "hint" }, hint) : null,
    el("p", { class: "error-text", "data-error-for": name }));
}

async function daySection() {
  const p = await accounts.profile();
  let zones = [p.timezone];
  try {
    zones = Intl.supportedValuesOf("timeZone");
    if (!zones.includes(p.timezone)) zones = [p.timezone, ...zones];
  } catch {
    // Older browsers: only the current zone.
  }
  const hours = Array.from({ length: 13 }, (_, h) => [h, `${String(h).padStart(2, "0")}:00`]);
  const form = el("form", { class: "stack", novalidate: true },
    select("timezone", "Time zone", zones.map((z) => [z, z.replace(/_/g, " ")]), p.timezone),
    select("day_start_hour", "My day starts at", hours, p.day_start_hour),
    el("p", { class: "hint" }, "Before this hour, it still counts as the day before."),
    number("water_target_ml", "Water goal a day (ml)", p.water_target_ml, 0, 10000),
    number("energy_budget", "Energy budget a day (points)", p.energy_budget, 1, 100),
    number("chunk_minutes", "Split tasks longer than (minutes)", p.chunk_minutes, 5, 240),
    el("button", { class: "btn btn-primary", type: "submit" }, "Save"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const changes = {
      timezone: String(data.get("timezone")),
      day_start_hour: Number(data.get("day_start_hour")),
      water_target_ml: Number(data.get("water_target_ml")),
      energy_budget: Number(data.get("energy_budget")),
      chunk_minutes: Number(data.get("chunk_minutes")),
    };
    const errors = {};
    if (!(changes.water_target_ml >= 0 && changes.water_target_ml <= 10000)) errors.water_target_ml = "Between 0 and 10000.";
    if (!(changes.energy_budget >= 1 && changes.energy_budget <= 100)) errors.energy_budget = "Between 1 and 100.";
    if (!(changes.chunk_minutes >= 5 && changes.chunk_minutes <= 240)) errors.chunk_minutes = "Between 5 and 240.";
    showErrors(form, { errors });
    if (Object.keys(errors).length) return;
    await accounts.saveSettings(changes);
    toast("Settings saved.");
  });
  return section("Your day", form);
}

function lookSection() {
  const current = getTheme();
  const names = { system: "Same as the phone", light: "Light", dark: "Dark" };
  return section("Look",
    el("fieldset", {},
      el("legend", {}, "Colours"),
      THEMES.map((t) => el("label", { class: "choice" },
        el("input", { type: "radio", name: "theme", value: t, checked: t === current, onchange: () => setTheme(t) }),
        names[t]))));
}

async function attentionSection() {
  const items = await attention();
  if (!items.length) return null;
  const describe = (errors) => Object.entries(errors || {})
    .map(([field, msgs]) => `${field}: ${Array.isArray(msgs) ? msgs.join(" ") : typeof msgs === "object" ? JSON.stringify(msgs) : msgs}`)
    .join("; ");
  return section("Needs attention",
    el("p", {}, "The server did not accept these. They are still on this phone."),
    el("ul", { class: "list", "data-attention": "" }, items.map((item) => el("li", {},
      el("p", {}, `${item.collection}: ${describe(item.errors) || "refused"}`),
      el("button", { class: "btn", type: "button", onclick: async () => { await dismissAttention(item.id); await navigate("/settings", { replace: true }); } }, "Dismiss")))));
}

async function dataSection() {
  const me = await accounts.account();
  const signedIn = me && syncState().phase !== "signin";
  return section("Your data",
    signedIn
      ? el("div", { class: "stack" },
        el("a", { class: "btn", href: "/api/v1/export", download: "unknot-export.json" }, "Download everything (JSON)"),
        el("details", {}, el("summary", { class: "btn btn-link" }, "Download one list as CSV"),
          el("ul", { class: "list" }, COLLECTIONS.map((c) => el("li", {},
            el("a", { href: `/api/v1/export?format=csv&collection=${c}`, download: `unknot-${c}.csv` }, c))))))
      : el("p", {}, "Sign in to download your records."),
    me ? null : el("button", { class: "btn btn-danger", type: "button", onclick: confirmClear }, "Remove records from this phone"));
}

function deleteSection() {
  const form = el("form", { class: "stack", novalidate: true },
    el("p", {}, "This deletes your account and every record in it, for good. It cannot be undone."),
    el("div", { class: "field" },
      el("label", { for: "d-password" }, "Your password"),
      el("input", { id: "d-password", name: "password", type: "password", autocomplete: "current-password", required: true }),
      el("p", { class: "error-text", "data-error-for": "password" })),
    el("label", { class: "choice" }, el("input", { type: "checkbox", name: "sure", required: true }), "Yes, delete everything"),
    el("p", { class: "error-text", role: "alert", "data-error-for": "sure" }),
    el("button", { class: "btn btn-danger btn-primary", type: "submit" }, "Delete my account"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    if (!data.get("sure")) {
      showErrors(form, { errors: { sure: "Tick the box to confirm." } });
      return;
    }
    try {
      await accounts.deleteAccount(String(data.get("password")));
      toast("Your account and its records are deleted.");
      await navigate("/", { replace: true });
    } catch (err) {
      showErrors(form, err.status === 0 ? { errors: { sure: "No connection. Try again when online." } } : err);
      if (err.status !== 0 && !form.querySelector("[data-error-for=password]").textContent) {
        showErrors(form, { errors: { sure: err.message } });
      }
    }
  });
  return section("Delete account", form);
}

export async function mount(root) {
  const me = await accounts.account();
  const parts = await Promise.all([accountSection(), daySection(), attentionSection(), dataSection()]);
  root.append(el("h1", {}, "Settings"), el("div", { class: "stack" }, parts[0], parts[2], parts[1], lookSection(), parts[3],
    me && syncState().phase !== "signin" ? deleteSection() : null));
  let last = syncState().phase;
  const onStatus = () => {
    if (syncState().phase !== last && (last === "signin" || syncState().phase === "signin")) navigate("/settings", { replace: true });
    last = syncState().phase;
  };
  events.addEventListener("status", onStatus);
  stop = () => events.removeEventListener("status", onStatus);
}

export function unmount() {
  if (stop) stop();
}
