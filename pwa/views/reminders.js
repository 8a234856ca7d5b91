// Placeholder: the Reminders screen (replaced by its feature).
import { el } from "../lib/ui.js";

export function mount(root) {
  root.append(el("h1", {}, "Reminders"), el("p", {}, "Coming soon."));
}
