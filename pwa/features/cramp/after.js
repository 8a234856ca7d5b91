// The moment after a cramp: log one that already stopped (two taps), and ask once how long a
// forgotten one (never stopped, over 3 hours old) lasted. Used by Today and /cramp.

import { getMeta, get, list, nowIso, remove, save, setMeta } from "../../store.js";
import { clock, el, toast } from "../../lib/ui.js";
import { chips } from "../log/chips.js";
import { crampProblem, stoppedAgo } from "./length.js";
import { blankCramp, isForgotten, newestFirst } from "./timer.js";

// Lengths a person can guess at 3 a.m., in minutes; "about" is said with them.
const GUESSES = [1, 2, 5, 10, 20];
const AGO = [
  { value: 0, label: "Just now" },
  { value: 15, label: "15 min ago" },
  { value: 60, label: "1 hour ago" },
  { value: 180, label: "3 hours ago" },
];
const ASKED = "crampLengthAsked"; // meta: ids of forgotten cramps already asked about
const RECENT = 48 * 3600e3; // an older forgotten cramp is not asked about (it stays in the list)
const about = (minutes) => `About ${minutes} min`;
const choice = (text, onclick, attrs) =>
  el("button", { class: "btn", type: "button", onclick, ...attrs }, text);

let panels = 0;

// "It already stopped": a button that opens when (default: just now) and about how long; a
// length saves the cramp. -> {node, setHidden(bool)}
export function alreadyStopped() {
  const id = `already-${++panels}`;
  let ago = 0;
  const when = chips({
    name: "stopped-ago",
    label: "When did it stop?",
    options: AGO,
    value: ago,
    onChange: (v) => {
      if (v == null)
        when.set(ago); // one is always chosen
      else ago = v;
    },
  });
  const status = el("p", { role: "status", "data-already-status": "" });
  const error = el("p", { class: "error-text", role: "alert" });
  const open = (yes) => {
    toggle.setAttribute("aria-expanded", String(yes));
    panel.hidden = !yes;
  };
  let saving = false; // a second tap before the first save ends is the same cramp
  const store = async (minutes) => {
    if (saving) return;
    const { start, end } = stoppedAgo(ago, minutes);
    const record = blankCramp(nowIso(new Date(start)), nowIso(new Date(end)));
    error.textContent = crampProblem(record) || "";
    if (error.textContent) return;
    saving = true;
    const saved = await save("cramps", record).finally(() => {
      saving = false;
    });
    open(false);
    ago = 0;
    when.set(ago);
    const said = `Cramp saved: ${about(minutes).toLowerCase()}, stopped at ${clock(end)}.`;
    status.replaceChildren(
      `${said} `,
      el("a", { href: `/cramp?edit=${encodeURIComponent(saved.id)}` }, "Add details"),
    );
    toast(said, {
      label: "Undo",
      onClick: async () => {
        await remove("cramps", saved.id);
        status.replaceChildren();
      },
    });
  };
  const toggle = el(
    "button",
    {
      class: "btn btn-block",
      type: "button",
      "aria-expanded": "false",
      "aria-controls": id,
      "data-action": "already-stopped",
      onclick: () => open(panel.hidden),
    },
    "It already stopped? Log it",
  );
  const panel = el(
    "div",
    { id, class: "card stack", hidden: true, "data-already": "" },
    when.node,
    el(
      "fieldset",
      { class: "chip-group" },
      el("legend", {}, "About how long? Tap one to save."),
      el(
        "div",
        { class: "row" },
        GUESSES.map((m) => choice(about(m), () => store(m), { "data-minutes": m })),
      ),
    ),
    error,
  );
  const node = el("div", { class: "stack", "data-already-stopped": "" }, toggle, panel, status);
  return { node, setHidden: (hidden) => (node.hidden = hidden) };
}

// The newest forgotten cramp not asked about yet, or null.
async function unasked() {
  const asked = (await getMeta(ASKED)) || [];
  const cramps = newestFirst(await list("cramps"));
  const recent = (c) => Date.now() - Date.parse(c.started_at) < RECENT;
  return cramps.find((c) => isForgotten(c) && recent(c) && !asked.includes(c.id)) || null;
}

async function markAsked(id, yes = true) {
  const asked = ((await getMeta(ASKED)) || []).filter((x) => x !== id);
  await setMeta(ASKED, yes ? [...asked, id].slice(-200) : asked);
}

const fromText = (iso) => {
  const d = new Date(iso);
  if (d.toDateString() === new Date().toDateString()) return clock(iso);
  return `${d.toLocaleDateString([], { weekday: "long" })} ${clock(iso)}`;
};

// Fills host with the question about a forgotten cramp, once per cramp; hides host otherwise.
// Call again on changes. -> whether it asks
export async function askForgotten(host) {
  const c = await unasked();
  host.hidden = !c;
  if (!c) {
    host.replaceChildren();
    return false;
  }
  const answer = async (minutes) => {
    const before = (await get("cramps", c.id)) || c;
    if (minutes != null) {
      const end = Date.parse(c.started_at) + minutes * 60000;
      await save("cramps", { ...before, ended_at: nowIso(new Date(end)) });
    }
    await markAsked(c.id);
    askForgotten(host);
    toast(minutes == null ? "Kept without a length." : `Saved: ${about(minutes).toLowerCase()}.`, {
      label: "Undo",
      onClick: async () => {
        if (minutes != null) await save("cramps", before);
        await markAsked(c.id, false);
        askForgotten(host);
      },
    });
  };
  host.replaceChildren(
    el(
      "h2",
      { id: "h-forgotten" },
      `Your cramp from ${fromText(c.started_at)} is still running. How long did it last?`,
    ),
    el(
      "div",
      { class: "row" },
      [1, 5, 15, 30].map((m) => choice(about(m), () => answer(m), { "data-minutes": m })),
      choice("Not sure", () => answer(null), { "data-minutes": "unsure" }),
    ),
  );
  host.dataset.forgotten = c.id;
  return true;
}
