// Records made before any sign-in go to the first account. Another account's records never mix
// in: sign-in stops (OtherAccountError) while some are not uploaded.

import { api } from "../api.js";
import * as store from "../store.js";
import { SETTINGS_DEFAULTS } from "./defaults.js";
import { plural } from "./format.js";

// Sync and push load when they are needed (signing in or out, a changed setting), not with every
// screen that reads the account: Today shows before them (its budget: README, "The app on the
// phone").
const sync = () => import("../sync.js");
const push = () => import("./push.js");

export class OtherAccountError extends Error {
  constructor(owner, n) {
    super(
      `This phone holds ${plural(n, "record")} of ${owner} that are not uploaded yet. ` +
        "Sign in as that account to upload them, or remove them from this phone.",
    );
  }
}

export const account = async () => (await store.getMeta("account")) || null;

export const profile = async () => ({ ...SETTINGS_DEFAULTS, ...(await store.getMeta("profile")) });

export async function signIn(email, password, { mode = "signin", discard = false, invite } = {}) {
  const owner = await account();
  const switching = owner && owner.email !== email.trim().toLowerCase();
  const pending = await store.pendingCount();
  if (switching && !discard && pending) throw new OtherAccountError(owner.email, pending);
  const signup = mode === "signup";
  const local = await store.getMeta("profile");
  const body = { email, password };
  if (signup) body.timezone = (await profile()).timezone;
  if (signup && invite) body.invite = invite;
  const me = await api(`/api/v1/auth/${signup ? "register" : "login"}`, { method: "POST", body });
  if (switching) await store.clearAll();
  await store.setMeta("account", { email: me.email });
  await store.setMeta("authLost", undefined);
  await store.setMeta("profile", me);
  if (signup && local && !switching) {
    // settings chosen before the account existed (the time zone went with the sign-up)
    const changes = Object.entries(local).filter(
      ([k]) => k in SETTINGS_DEFAULTS && k !== "timezone",
    );
    if (changes.length) await store.setMeta("settingsPending", Object.fromEntries(changes));
  }
  await (await push()).keepOnAfterSignIn();
  await (await sync()).syncNow();
  return me;
}

async function clear() {
  await store.clearAll();
  await (await sync()).readStatus();
}

// everywhere: every device of the account, this one included.
export async function signOut({ keep, everywhere = false }) {
  await (await push()).stopOnSignOut(); // while the session lasts
  await api(everywhere ? "/api/v1/me/sessions" : "/api/v1/auth/logout", {
    method: everywhere ? "DELETE" : "POST",
  });
  if (!keep) return clear();
  await store.setMeta("authLost", "signed-out");
  await (await sync()).readStatus();
}

export const clearDevice = clear;

export async function deleteAccount(password) {
  await api("/api/v1/me", { method: "DELETE", body: { password } });
  await clear();
}

export async function saveSettings(changes) {
  await store.setMeta("profile", { ...(await store.getMeta("profile")), ...changes });
  if (await account()) {
    await store.setMeta("settingsPending", {
      ...(await store.getMeta("settingsPending")),
      ...changes,
    });
    await (await sync()).syncNow();
  }
}

export const devices = () => api("/api/v1/me/sessions");

export const signOutDevice = (id) => api(`/api/v1/me/sessions/${id}`, { method: "DELETE" });

// The server signs every other device out.
export const changePassword = (current_password, new_password) =>
  api("/api/v1/me/password", { method: "POST", body: { current_password, new_password } });
