// Settings, online only: the signed-in devices and a password change (imported when opened).

import * as accounts from "../../lib/account.js";
import { btn, clock, el, showErrors, toast } from "../../lib/ui.js";
import { syncNow } from "../../sync.js";

const midnight = (d) => new Date(d).setHours(0, 0, 0, 0);

// "just now", "today at 14:05", "yesterday at 09:10", "3 November"
function seen(iso) {
  const days = Math.round((midnight(Date.now()) - midnight(iso)) / 864e5);
  if (Date.now() - new Date(iso) < 6e5) return "just now";
  if (days < 2) return `${days ? "yesterday" : "today"} at ${clock(iso)}`;
  return new Date(iso).toLocaleDateString([], { day: "numeric", month: "long" });
}

// 401 without a field: this device was signed out elsewhere. Sync notes it; Settings then asks to sign in.
function failed(err) {
  if (err.status === 401 && !err.errors?.current_password) syncNow();
  else toast(err.message);
}

function devices(section, reload) {
  const list = el("ul", { class: "list devices", "data-devices": "" });
  const draw = async () => {
    const found = await accounts.devices().catch(failed);
    list.replaceChildren(
      ...(found || []).map((d) =>
        el(
          "li",
          { class: "row" },
          el(
            "p",
            {},
            el("strong", {}, d.device),
            el("br"),
            d.current ? "This phone" : `Last seen ${seen(d.last_seen_at)}`,
          ),
          !d.current &&
            btn(
              "Sign out",
              async () => {
                await accounts
                  .signOutDevice(d.id)
                  .then(() => toast(`${d.device} is signed out.`), failed);
                draw();
              },
              null,
              { "aria-label": `Sign out ${d.device}` },
            ),
        ),
      ),
    );
  };
  const everywhere = async () => {
    if (!confirm("Sign out on every device, this phone too? Your records stay on this phone."))
      return;
    await accounts
      .signOut({ keep: true, everywhere: true })
      .then(() => toast("Signed out everywhere."), failed);
    reload();
  };
  draw();
  return [section("Signed-in devices", list, btn("Sign out everywhere", everywhere)), draw];
}

function password(section, field, email, redraw) {
  const input = (name, autocomplete) =>
    el("input", { name, type: "password", autocomplete, required: true });
  const form = el(
    "form",
    { class: "stack", novalidate: true },
    el("input", { type: "email", autocomplete: "username", value: email, hidden: true }),
    field("current_password", "Current password", input("current_password", "current-password")),
    field("new_password", "New password", input("new_password", "new-password")),
    el("p", { class: "hint" }, "At least 8 characters. Your other devices will be signed out."),
    el("button", { class: "btn btn-primary", type: "submit" }, "Change password"),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    const [current, fresh] = [form.current_password.value, form.new_password.value];
    const errors = {
      current_password: !current && "Type your password.",
      new_password: fresh.length < 8 && "At least 8 characters.",
    };
    showErrors(form, { errors });
    if (!current || fresh.length < 8) return;
    try {
      await accounts.changePassword(current, fresh);
      form.reset();
      toast("Password changed. Your other devices are signed out.");
      redraw();
    } catch (err) {
      showErrors(form, err);
      if (!err.errors?.current_password && !err.errors?.json) failed(err);
    }
  });
  return section("Change password", form);
}

export function sections({ section, field, reload }, email) {
  const [list, redraw] = devices(section, reload);
  return [list, password(section, field, email, redraw)];
}
