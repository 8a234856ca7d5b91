// Today's cramp block: the biggest control starts the timer; while a cramp runs it reads
// "Cramp running 2:13 — open". Today may already hold the big start link ([data-action=cramp]):
// then this block drives that link rather than adding a second one, and shows the last cramp.

import { list, onChange } from "../store.js";
import { el } from "../lib/ui.js";
import { clockText, elapsedSeconds, isRunning, lengthSeconds, lengthText, newestFirst } from "./cramp-timer.js";
import { whenText } from "./log-chips.js";

const START_TEXT = "Cramp! Start timer";
let ticker = null;
let unsubscribe = null;

/** Show a running cramp (or none) on the big control. */
function paint(button, running, startText) {
  clearInterval(ticker);
  ticker = null;
  if (!running) {
    button.textContent = startText;
    button.setAttribute("href", "/cramp?start=1");
    delete button.dataset.running;
    return;
  }
  const tick = () => {
    button.textContent = `Cramp running ${clockText(elapsedSeconds(running.started_at))} — open`;
  };
  tick();
  button.setAttribute("href", "/cramp");
  button.dataset.running = "1";
  ticker = setInterval(tick, 1000);
}

export async function mount(host) {
  let button = document.querySelector("main [data-action=cramp]");
  const startText = button ? button.textContent : START_TEXT;
  if (!button) button = el("a", { class: "btn btn-huge", href: "/cramp?start=1", "data-action": "cramp" }, START_TEXT);
  const last = el("p", { "data-last-cramp": "" });
  host.setAttribute("aria-labelledby", "today-cramps-title");
  if (!button.isConnected) host.append(button);
  host.append(
    el("h2", { id: "today-cramps-title" }, "Cramps"),
    last,
    el("div", { class: "row" },
      el("a", { class: "btn", href: "/cramp" }, "Past cramps"),
      el("a", { class: "btn", href: "/helps" }, "What helps me")),
  );

  const render = async () => {
    const cramps = newestFirst(await list("cramps"));
    const running = cramps.find((c) => isRunning(c)) || null;
    paint(button, running, startText);
    const done = cramps.find((c) => c.ended_at);
    last.textContent = done
      ? `Last cramp: ${whenText(done.started_at)}, lasted ${lengthText(lengthSeconds(done))}.`
      : "No cramps logged yet.";
  };
  await render();
  unsubscribe = onChange((change) => {
    if (change.collection === "cramps" || change.collection === "*") render();
  });
}

export function unmount() {
  clearInterval(ticker);
  ticker = null;
  if (unsubscribe) unsubscribe();
  unsubscribe = null;
}
