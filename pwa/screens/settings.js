// Settings, and the Sign in screen.

import * as accounts from "../lib/account.js";
import {
  THEMES,
  btn,
  card,
  el,
  formMessage,
  getTheme,
  setTheme,
  showErrors,
  toast,
} from "../lib/ui.js";
import { exportPanel } from "../features/export/panel.js";
import { numberAttrs, readNumber } from "../lib/numbers.js";
import { closedNotice, inviteField, signupMode } from "../features/account/signup.js";
import { plural } from "../lib/format.js";
import { followUsualBudget } from "../features/plan/data.js";
import { navigate } from "../router.js";
import { pendingCount } from "../store.js";
import { statusEvents, syncState } from "../sync.js";
import { attentionSection } from "../features/attention/list.js";

// Profile numbers: the label, and the field's limits (named as the field).
const NUMBERS = {
  water_target_ml: "Water goal a day (ml)",
  energy_budget: "Usual energy budget a day (points)",
  chunk_minutes: "Split tasks longer than (minutes)",
};
let stop = null;

const reload = () => navigate("/settings", { replace: true });
const lost = (n) => `${plural(n, "change")} not uploaded yet will be lost.`;
const errorSlot = (name, attrs) =>
  el("p", { class: "error-text", "data-error-for": name, ...attrs });

const section = (title, ...children) => card(`h-${title.replace(/\W+/g, "-")}`, title, ...children);

function field(name, label, control, id = `s-${name}`) {
  control.id = id;
  control.setAttribute("aria-describedby", `${id}-error`);
  return el(
    "div",
    { class: "field" },
    el("label", { for: id }, label),
    control,
    errorSlot(name, { id: `${id}-error` }),
  );
}

async function confirmClear() {
  const n = await pendingCount();
  if (
    !confirm(`Remove every record from this phone? ${n ? lost(n) : "Your account keeps its copy."}`)
  )
    return;
  await accounts.clearDevice();
  toast("Records removed from this phone.");
  await reload();
}

const removeButton = () => btn("Remove records from this phone", confirmClear, "btn-danger");

function accountSection(me, state) {
  if (!me) {
    return section(
      "Account",
      el("p", {}, "You have no account: records stay on this phone."),
      el(
        "div",
        { class: "row" },
        el("a", { class: "btn btn-primary", href: "/signin?mode=signup" }, "Create account"),
        el("a", { class: "btn", href: "/signin" }, "Sign in"),
      ),
    );
  }
  if (state.phase === "signin") {
    return section(
      "Account",
      el(
        "p",
        {},
        state.signedOut
          ? `Signed out. Records of ${me.email} are kept on this phone.`
          : `Please sign in again as ${me.email}. Nothing is lost.`,
      ),
      el("a", { class: "btn btn-primary", href: "/signin" }, "Sign in"),
      removeButton(),
    );
  }
  const box = el("div", { class: "stack" });
  const out = async (keep) => {
    try {
      await accounts.signOut({ keep });
      toast(
        `Signed out. ${keep ? "Your records stay on this phone." : "Records removed from this phone."}`,
      );
      await reload();
    } catch (err) {
      toast(err.status === 0 ? "No connection: signing out needs one." : err.message);
    }
  };
  const ask = async () => {
    const n = await pendingCount();
    box.replaceChildren(
      el(
        "p",
        { role: "alert" },
        "Keep your records on this phone? ",
        n ? `If not, ${lost(n)}` : "Your account has them anyway.",
      ),
      el(
        "div",
        { class: "row" },
        btn("Keep on this phone", () => out(true), "btn-primary", { "data-signout": "keep" }),
        btn("Remove from this phone", () => out(false), "btn-danger", { "data-signout": "clear" }),
        btn("Cancel", () => box.replaceChildren()),
      ),
    );
  };
  return section("Account", el("p", {}, `Signed in as ${me.email}.`), btn("Sign out", ask), box);
}

async function daySection() {
  const p = await accounts.profile();
  const zones = new Set([p.timezone, ...(Intl.supportedValuesOf?.("timeZone") || [])]);
  const select = (name, label, options) =>
    field(
      name,
      label,
      el(
        "select",
        { name },
        options.map(([v, text]) =>
          el("option", { value: v, selected: String(v) === String(p[name]) }, text),
        ),
      ),
    );
  const form = el(
    "form",
    { class: "stack", novalidate: true },
    select(
      "timezone",
      "Time zone",
      [...zones].map((z) => [z, z.replace(/_/g, " ")]),
    ),
    select(
      "day_start_hour",
      "My day starts at",
      [...Array(13).keys()].map((h) => [h, `${h < 10 ? "0" : ""}${h}:00`]),
    ),
    el("p", { class: "hint" }, "Before this hour, it still counts as the day before."),
    Object.entries(NUMBERS).flatMap(([name, label]) => [
      field(name, label, el("input", { name, ...numberAttrs(name), value: p[name] })),
      name === "energy_budget" &&
        el("p", { class: "hint" }, "Plan's − and + change one day only; that day shows it."),
    ]),
    el("button", { class: "btn btn-primary", type: "submit" }, "Save"),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const data = Object.fromEntries(new FormData(form));
    const changes = { timezone: data.timezone, day_start_hour: Number(data.day_start_hour) };
    const errors = {};
    for (const name of Object.keys(NUMBERS)) {
      // Each is needed (there is always a budget); empty is never taken as 0.
      const { value, error } = readNumber(form.elements[name], name, { required: true });
      changes[name] = value;
      if (error) errors[name] = error;
    }
    if (showErrors(form, { errors })) return;
    const before = (await accounts.profile()).energy_budget;
    await accounts.saveSettings(changes);
    await followUsualBudget(before, changes.energy_budget); // days that kept the usual one
    toast("Settings saved.");
  });
  return section("Your day", form);
}

function lookSection() {
  return section(
    "Look",
    el(
      "fieldset",
      {},
      el("legend", {}, "Colours"),
      Object.entries(THEMES).map(([t, name]) =>
        el(
          "label",
          { class: "choice" },
          el("input", {
            type: "radio",
            name: "theme",
            value: t,
            checked: t === getTheme(),
            onchange: () => setTheme(t),
          }),
          name,
        ),
      ),
    ),
  );
}

function dataSection(me, signedIn) {
  return section(
    "Your data",
    el(
      "p",
      {},
      el("a", { href: "/report" }, "Report for your doctor"),
      ": one page to print or share.",
    ),
    ...exportPanel({ signedIn }),
    !me && removeButton(),
  );
}

function deleteSection() {
  const form = el(
    "form",
    { class: "stack", novalidate: true },
    el("p", {}, "This deletes your account and all its records, for good."),
    field(
      "password",
      "Your password",
      el("input", {
        name: "password",
        type: "password",
        autocomplete: "current-password",
        required: true,
      }),
      "d-password",
    ),
    el(
      "label",
      { class: "choice" },
      el("input", { type: "checkbox", name: "sure", required: true }),
      "Yes, delete everything",
    ),
    errorSlot("sure", { role: "alert" }),
    el("button", { class: "btn btn-danger btn-primary", type: "submit" }, "Delete my account"),
  );
  const fail = (sure) => showErrors(form, { errors: { sure } });
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    if (!form.sure.checked) return fail("Tick the box to confirm.");
    try {
      await accounts.deleteAccount(form.password.value);
      toast("Your account and its records are deleted.");
      await navigate("/", { replace: true });
    } catch (err) {
      if (err.status === 0) return fail("No connection. Try again when online.");
      showErrors(form, err);
      if (!form.querySelector("[data-error-for=password]").textContent) fail(err.message);
    }
  });
  return section("Delete account", form);
}

// Devices and the password change work only online: their module is loaded then, not before.
function onlineSections(me) {
  if (!navigator.onLine) return section("Devices and password", el("p", {}, "Needs a connection."));
  const box = el("div", { class: "stack" });
  import("../features/account/devices.js").then((m) =>
    box.append(...m.sections({ section, field, reload }, me.email)),
  );
  return box;
}

export async function mount(root, { look }) {
  const me = await accounts.account();
  const state = syncState();
  const signedIn = me && state.phase !== "signin";
  root.append(
    el("h1", {}, "Settings"),
    el(
      "div",
      { class: "stack" },
      accountSection(me, state),
      await attentionSection(reload),
      await daySection(),
      lookSection(),
      dataSection(me, signedIn),
      signedIn && onlineSections(me),
      signedIn && deleteSection(),
    ),
  );
  // from the "needs a look" notice
  if (look) root.querySelector("#h-attention")?.scrollIntoView({ block: "start" });
  let last = state.phase;
  const onStatus = ({ detail: { phase } }) => {
    if (phase !== last && (last === "signin" || phase === "signin")) reload();
    last = phase;
  };
  statusEvents.addEventListener("status", onStatus);
  stop = () => statusEvents.removeEventListener("status", onStatus);
}

export const unmount = () => stop?.();

export const signin = {
  async mount(root, { mode, changed, invite, path }) {
    const up = mode === "signup" || path === "/signup";
    const allowed = up ? await signupMode(invite) : "open";
    if (allowed === "closed") return root.append(...closedNotice());
    const message = el("p", { class: "error-text", role: "alert" });
    const discard = el("div");
    const submit = el(
      "button",
      { class: "btn btn-primary btn-block", type: "submit" },
      up ? "Create account" : "Sign in",
    );
    const input = (name, label, attrs) =>
      field(name, label, el("input", { name, required: true, ...attrs }), `f-${name}`);
    const form = el(
      "form",
      { class: "card stack", novalidate: true },
      up && allowed === "invite" && inviteField(field, invite),
      input("email", "Email", { type: "email", autocomplete: "email" }),
      input("password", "Password", {
        type: "password",
        autocomplete: `${up ? "new" : "current"}-password`,
        minlength: up && 8,
      }),
      up &&
        el(
          "p",
          { class: "hint" },
          "At least 8 characters. A few words that do not belong together work well.",
        ),
      message,
      discard,
      submit,
    );
    const go = async (remove) => {
      message.textContent = "";
      discard.replaceChildren();
      showErrors(form, null);
      submit.disabled = true;
      try {
        await accounts.signIn(form.email.value, form.password.value, {
          mode: up ? "signup" : "signin",
          discard: remove,
          invite: form.invite?.value,
        });
        await navigate("/", { replace: true });
      } catch (err) {
        if (err instanceof accounts.OtherAccountError) {
          message.textContent = err.message;
          discard.append(
            btn("Remove them from this phone and continue", () => go(true), "btn-danger btn-block"),
          );
        } else
          message.textContent =
            err.status === 0
              ? "No connection. Try again when you are online."
              : formMessage(form, err);
      } finally {
        submit.disabled = false;
      }
    };
    form.addEventListener("submit", (e) => {
      e.preventDefault();
      go(false);
    });
    root.append(
      el("h1", {}, up ? "Create an account" : "Sign in"),
      changed
        ? el("p", { class: "card", role: "status" }, "Your password is changed. Sign in with it.")
        : el(
            "p",
            {},
            "An account keeps your records safe and on your other devices. Records on this phone are uploaded.",
          ),
      form,
      up ? "" : el("a", { class: "btn btn-link", href: "/forgot" }, "Forgot password?"),
      el(
        "p",
        {},
        up ? "Have an account? " : "New here? ",
        el(
          "a",
          { href: up ? "/signin" : "/signin?mode=signup" },
          up ? "Sign in" : "Create an account",
        ),
      ),
    );
  },
};
