// Placeholder: the Cramp timer screen (replaced by its feature).
import { el } from "../lib/ui.js";

export function mount(root) {
  root.append(el("h1", {}, "Cramp timer"), el("p", {}, "Coming soon."));
}
