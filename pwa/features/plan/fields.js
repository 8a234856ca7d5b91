// Plan's form fields (bounds: entries of lib/limits.js); the add form, its steps and the task editor share them.
import { el } from "../../lib/ui.js";

// `limit`: an entry of LIMITS.
export const num = (id, { min, max }, value, more) =>
  el("input", { id, type: "number", inputmode: "numeric", min, max, value, ...more });
// No maxlength: it cuts a pasted title silently; the forms say when a title is too long.
export const text = (id, value, more) => el("input", { id, type: "text", value, ...more });
export const field = (
  label,
  input,
  slot = el("p", { class: "error-text", "data-error-for": input.id }),
) => el("div", { class: "field" }, el("label", { for: input.id }, label), input, slot);
