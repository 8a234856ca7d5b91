// /body: where knots, cramps and weakness came up this week, on the body map.

import { onChange } from "../store.js";
import { el } from "../lib/ui.js";
import { weekCounts, weekView } from "../features/bodymap/week.js";
import { useStyles } from "../lib/styles.js";

let unsubscribe = null;
let pending = null;

async function render(card) {
  card.replaceChildren(
    el("h2", { id: "week-map" }, "Last 7 days"),
    ...weekView(await weekCounts()),
  );
}

export async function mount(root) {
  await useStyles("bodymap");
  const card = el("section", { class: "card stack", "aria-labelledby": "week-map" });
  root.append(
    el(
      "div",
      { class: "stack" },
      el("h1", {}, "Where this week"),
      card,
      el("a", { class: "btn btn-block", href: "/log" }, "Log a knot or weakness"),
      el("a", { class: "btn btn-block", href: "/helps" }, "What helps me"),
    ),
  );
  await render(card);
  unsubscribe = onChange(() => {
    clearTimeout(pending);
    pending = setTimeout(() => render(card), 300);
  });
}

export function unmount() {
  clearTimeout(pending);
  unsubscribe?.();
  unsubscribe = null;
}
