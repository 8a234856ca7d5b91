// Everyday tasks to plan from: the built-in ones (changed ones are stored under a fixed id) and
// the person's own, in the "templates" collection. Shown folded on the Plan screen.
import { el, toast } from "../lib/ui.js";
import { remove } from "../store.js";
import { saveTemplate, templates } from "./plan-data.js";

function row(t, i, onSaved) {
  const id = (name) => `t-${name}-${i}`;
  const title = el("input", { id: id("title"), type: "text", maxlength: "200", required: true, value: t.title });
  const cost = el("input", { id: id("cost"), type: "number", inputmode: "numeric", min: "0", max: "20", value: String(t.energy_cost) });
  const minutes = el("input", { id: id("min"), type: "number", inputmode: "numeric", min: "1", max: "1440", value: String(t.minutes || 15) });
  const error = el("p", { class: "error-text", role: "alert" });
  const form = el("form", { class: "stack", novalidate: true, "data-template-edit": t.title },
    el("div", { class: "field" }, el("label", { for: id("title") }, "Task"), title),
    el("div", { class: "row" },
      el("div", { class: "field" }, el("label", { for: id("cost") }, "Points"), cost),
      el("div", { class: "field" }, el("label", { for: id("min") }, "Minutes"), minutes)),
    error,
    el("div", { class: "row" },
      el("button", { class: "btn btn-primary", type: "submit" }, t.id ? "Save" : "Add task"),
      t.id && !t.builtIn
        ? el("button", { class: "btn btn-danger", type: "button", onclick: async () => { await remove("templates", t.id); toast(`${t.title} removed.`); onSaved(); } }, "Remove")
        : null));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const c = Number(cost.value);
    const m = Number(minutes.value);
    if (!title.value.trim()) return void (error.textContent = "Give the task a name.");
    if (!(Number.isInteger(c) && c >= 0 && c <= 20)) return void (error.textContent = "Points from 0 to 20.");
    if (!(Number.isInteger(m) && m >= 1 && m <= 1440)) return void (error.textContent = "Minutes from 1 to 1440.");
    error.textContent = "";
    await saveTemplate({ ...t, title: title.value.trim(), energy_cost: c, minutes: m });
    toast(`${title.value.trim()} saved.`);
    onSaved();
  });
  return el("li", {}, form);
}

/** The folded editor; onChanged(list) is called with the new list after each change. */
export async function templatesEditor(onChanged) {
  const body = el("ul", { class: "list" });
  const draw = async () => {
    const all = await templates();
    body.replaceChildren(...all.map((t, i) => row(t, i, draw)), row({ title: "", energy_cost: 1, minutes: 15 }, "new", draw));
    onChanged(all);
  };
  await draw();
  return el("details", { class: "card plan-more", "data-templates": "" },
    el("summary", {}, "Change everyday tasks"), body);
}
