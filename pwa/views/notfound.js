// An address the app does not know.
import { el } from "../lib/ui.js";

export function mount(root) {
  root.append(
    el("h1", {}, "Nothing here"),
    el("p", {}, "This page does not exist."),
    el("a", { class: "btn btn-primary", href: "/" }, "Go to Today"),
  );
}
