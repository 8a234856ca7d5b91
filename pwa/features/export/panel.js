// Settings' "Your data": everything on this phone as one JSON file, or one list as CSV.
import { COLLECTIONS } from "../../lib/collections.js";
import { plural } from "../../lib/format.js";
import { btn, el, toast } from "../../lib/ui.js";

// The file makers load on the first tap, not with Settings.
async function run(make) {
  try {
    const { name, count } = await make(await import("./download.js"));
    toast(`Downloaded ${name} (${plural(count, "record")}).`);
  } catch (err) {
    console.error(err);
    toast("The file could not be made. Try again, or restart the app.");
  }
}

// signedIn: also offer the account's copy, for a phone that has not pulled everything yet.
export function exportPanel({ signedIn }) {
  return [
    el(
      "p",
      {},
      "Download a copy of everything on this phone. It works offline, with or without an account.",
    ),
    btn("Download everything (JSON)", () => run((m) => m.downloadEverything()), "btn-block", {
      "data-export": "everything",
    }),
    el(
      "details",
      { class: "export-lists" },
      el("summary", { class: "btn btn-link" }, "One list for a spreadsheet (CSV)"),
      el(
        "div",
        { class: "stack" },
        COLLECTIONS.map(({ name, label }) =>
          btn(
            [label, el("span", { class: "visually-hidden" }, " (CSV)")],
            () => run((m) => m.downloadList(name)),
            "btn-block",
            { "data-export": name },
          ),
        ),
      ),
    ),
    signedIn &&
      el(
        "p",
        { class: "hint" },
        "These files hold what is on this phone. On a new phone, wait until it says Synced, " +
          "or download your account's copy from the server:",
      ),
    signedIn &&
      el(
        "a",
        { class: "btn btn-block", href: "/api/v1/export", download: true, "data-export": "server" },
        "Download from your account (JSON)",
      ),
  ];
}
