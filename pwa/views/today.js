// Today: the cramp button first, one-tap water and magnesium, the day's cramps and energy.
import { list, onChange } from "../store.js";
import { localDay } from "../lib/day.js";
import { el } from "../lib/ui.js";
import { account, profile } from "../lib/account.js";
import { clockText, elapsedSeconds, isRunning, lengthSeconds, lengthText, newestFirst } from "./cramp-timer.js";
import { whenText } from "./log-chips.js";
import { intakePanel } from "./quick.js";

const START = "Cramp! Start timer";
let stops = [];

export async function mount(root) {
  stops = [];
  const date = new Date().toLocaleDateString([], { weekday: "long", day: "numeric", month: "long" });
  const big = el("a", { class: "btn btn-huge", href: "/cramp?start=1", "data-action": "cramp" }, START);
  const intake = el("section", { class: "card", "aria-labelledby": "h-intake" }, el("h2", { id: "h-intake" }, "Water and magnesium"));
  const last = el("p", { "data-last-cramp": "" });
  const energy = el("section", { class: "card stack", hidden: true });
  const hint = el("p", { class: "hint" });
  root.append(el("div", { class: "stack" },
    el("h1", {}, "Today", el("span", { class: "visually-hidden" }, `, ${date}`)),
    big,
    intake,
    el("section", { class: "card", "aria-labelledby": "h-cramps" },
      el("h2", { id: "h-cramps" }, "Cramps"),
      last,
      el("div", { class: "row" },
        el("a", { class: "btn", href: "/cramp" }, "Past cramps"),
        el("a", { class: "btn", href: "/helps" }, "What helps me"))),
    energy,
    hint));

  let ticker;
  stops.push(() => clearInterval(ticker));
  const cramps = async () => {
    const [me, all] = await Promise.all([profile(), list("cramps")]);
    const sorted = newestFirst(all);
    const running = sorted.find((c) => isRunning(c));
    const done = sorted.find((c) => c.ended_at);
    const today = localDay(new Date(), me.day_start_hour);
    const count = all.filter((c) => c.started_at && localDay(c.started_at, me.day_start_hour) === today).length;
    clearInterval(ticker);
    big.href = running ? "/cramp" : "/cramp?start=1";
    if (running) {
      big.dataset.running = "1";
      const tick = () => { big.textContent = `Cramp running ${clockText(elapsedSeconds(running.started_at))} — open`; };
      tick();
      ticker = setInterval(tick, 1000);
    } else {
      delete big.dataset.running;
      big.textContent = START;
    }
    last.textContent = done
      ? `${count} today. Last: ${whenText(done.started_at)}, lasted ${lengthText(lengthSeconds(done))}.`
      : "No cramps logged yet.";
  };
  // Energy has the heaviest imports: loaded on the side, left out if it fails.
  const plan = import("./today-plan.js")
    .then(async (m) => {
      stops.push(await m.energy(energy));
      energy.hidden = false;
    })
    .catch((err) => {
      console.error(err);
      energy.remove();
    });
  const signup = account().then((me) => me || hint.append("Saved on this phone only. ", el("a", { href: "/signin?mode=signup" }, "Create an account")));
  stops.push(await intakePanel(intake), onChange((c) => ["cramps", "*"].includes(c.collection) && cramps()));
  await Promise.all([cramps(), plan, signup]);
}

export function unmount() {
  for (const stop of stops) stop();
  stops = [];
}
