// Accounts on this device: sign up/in/out, settings, and whose records the store holds.
//
// Records made before any sign-in belong to nobody yet and are uploaded to the first account
// that signs in or up. When a DIFFERENT account signs in on a device holding another
// account's records, those are never mixed in: if all of them are uploaded they are removed
// from this device (they are safe in their account); if some are not uploaded yet, sign-in
// stops and asks (OtherAccountError) until the person removes them explicitly.

import { api } from "../api.js";
import * as store from "../store.js";
import { stopOnSignOut } from "./push.js";
import { refresh, syncNow } from "../sync.js";

export const DEFAULTS = {
  timezone: Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC",
  day_start_hour: 4,
  water_target_ml: 2000,
  energy_budget: 12,
  chunk_minutes: 15,
};

/** Sign-in refused on this device: another account's records are not uploaded yet. */
export class OtherAccountError extends Error {
  constructor(owner, pending) {
    super(
      `This phone holds ${pending} record${pending === 1 ? "" : "s"} of ${owner} that ` +
        "are not uploaded yet. Sign in as that account to upload them, or remove them from this phone.",
    );
    this.owner = owner;
    this.pending = pending;
  }
}

/** {email} of the account this device's records belong to, or null. */
export async function account() {
  return (await store.getMeta("account")) || null;
}

/** The person's settings: the server's copy with local changes, or the defaults. */
export async function profile() {
  return { ...DEFAULTS, ...((await store.getMeta("profile")) || {}) };
}

async function adopt(me, { fresh }) {
  if (fresh) await store.clearAll();
  const local = await store.getMeta("profile");
  await store.setMeta("account", { email: me.email });
  await store.setMeta("authLost", undefined);
  await store.setMeta("profile", { ...me });
  if (fresh) await store.setMeta("cursor", null);
  return local;
}

/**
 * Sign in (mode "signin") or create an account (mode "signup"), then upload this device's
 * records. discard: remove another account's records from this phone first.
 */
export async function signIn(email, password, { mode = "signin", discard = false } = {}) {
  const owner = await account();
  const switching = owner && owner.email !== email.trim().toLowerCase();
  if (switching && !discard) {
    const pending = await store.pendingCount();
    if (pending > 0) throw new OtherAccountError(owner.email, pending);
  }
  let me;
  if (mode === "signup") {
    const local = await profile();
    me = await api("/api/v1/auth/register", {
      method: "POST",
      body: { email, password, timezone: local.timezone },
    });
  } else {
    me = await api("/api/v1/auth/login", { method: "POST", body: { email, password } });
  }
  const localSettings = await adopt(me, { fresh: Boolean(switching) });
  if (mode === "signup" && localSettings && !switching) {
    // Settings chosen before the account existed go up with the records.
    const { day_start_hour, water_target_ml, energy_budget, chunk_minutes } = localSettings;
    const changes = Object.fromEntries(
      Object.entries({ day_start_hour, water_target_ml, energy_budget, chunk_minutes }).filter(
        ([, v]) => v !== undefined,
      ),
    );
    if (Object.keys(changes).length) await store.setMeta("settingsPending", changes);
  }
  await syncNow();
  return me;
}

/** Sign out. keep=false removes every record from this device (explicit choice). */
export async function signOut({ keep }) {
  await stopOnSignOut(); // while the session lasts, so the server can forget this phone
  await api("/api/v1/auth/logout", { method: "POST" });
  if (keep) await store.setMeta("authLost", "signed-out");
  else await store.clearAll();
  await refresh();
}

/** Remove every record from this device (the account on the server keeps its copy). */
export async function clearDevice() {
  await store.clearAll();
  await refresh();
}

/** Delete the account and everything in it, then this device's copy. */
export async function deleteAccount(password) {
  await api("/api/v1/me", { method: "DELETE", body: { password } });
  await store.clearAll();
  await refresh();
}

/** Change settings: kept here at once, sent to the server when signed in. */
export async function saveSettings(changes) {
  const current = (await store.getMeta("profile")) || {};
  await store.setMeta("profile", { ...current, ...changes });
  if (await account()) {
    const pending = (await store.getMeta("settingsPending")) || {};
    await store.setMeta("settingsPending", { ...pending, ...changes });
    await syncNow();
  }
}
