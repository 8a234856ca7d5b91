// Settings' "Needs a look": the records the server refused, each in plain words, with the
// form that fixes it ("Fix it") or Delete (confirm, then Undo).
import { btn, card, el, toast } from "../../lib/ui.js";
import { attention, dismissAttention } from "../../sync.js";
import { deleteRefused, describe, fixPath, reasons } from "./refused.js";

async function attentionItem(entry, reload) {
  const path = fixPath(entry);
  const remove = async () => {
    if (!confirm(`Delete this for good? ${await describe(entry)}`)) return;
    const undo = await deleteRefused(entry);
    await reload();
    toast("Deleted.", undo && { label: "Undo", onClick: () => undo().then(reload) });
  };
  return el(
    "li",
    { class: "stack", "data-attention": entry.collection },
    el("p", { class: "attention-what" }, await describe(entry)),
    el(
      "ul",
      { class: "attention-why" },
      reasons(entry).map(([label, text]) => el("li", {}, label ? `${label}: ${text}` : text)),
    ),
    !path &&
      entry.collection !== "settings" &&
      el(
        "p",
        { class: "hint" },
        "This cannot be changed here: delete it, and log it again if you need it.",
      ),
    el(
      "div",
      { class: "row" },
      path && el("a", { class: "btn btn-primary", href: path, "data-action": "fix" }, "Fix it"),
      entry.collection === "settings"
        ? btn("OK", async () => {
            await dismissAttention(entry.id);
            await reload();
          })
        : btn("Delete", remove, "btn-danger", { "data-action": "delete" }),
    ),
  );
}

export async function attentionSection(reload) {
  const items = await attention();
  if (!items.length) return null;
  return card(
    "h-attention",
    "Needs a look",
    el(
      "p",
      {},
      "The server did not take these, so they are only on this phone. Fix each one, or delete it.",
    ),
    el(
      "ul",
      { class: "list", "data-attention-list": "" },
      await Promise.all(items.map((e) => attentionItem(e, reload))),
    ),
  );
}
