// Today's energy block: points left today, the activity running now, and the morning check-in
// about yesterday (offered from the start of the day until it is done or put off for today).
import { el } from "../lib/ui.js";
import { getMeta, onChange, setMeta } from "../store.js";
import { checkinFor, days, loadDay } from "./plan-data.js";
import { pointsLine } from "./plan-bar.js";
import { mmss, timerEvents, watchTimer } from "./plan-timer.js";

let stops = [];

async function draw(host) {
  const { me, today, yesterday } = await days();
  const data = await loadDay(today, me);
  const done = await checkinFor(yesterday);
  const later = (await getMeta("checkinLater")) === today;
  const ask = !done && !later
    ? el("div", { class: "stack", "data-checkin-prompt": "" },
      el("p", { class: "plan-phase" }, "Morning check-in: how was yesterday?"),
      el("div", { class: "row" },
        el("a", { class: "btn btn-primary", href: "/checkin" }, "Check in (1 minute)"),
        el("button", { class: "btn", type: "button", onclick: async () => { await setMeta("checkinLater", today); draw(host); } }, "Not today")))
    : null;
  host.replaceChildren(
    el("h2", { id: "today-plan-h" }, "Energy"),
    ask || "",
    data.activities.length || data.saved ? pointsLine(data.totals) : el("p", {}, `Your budget: ${me.energy_budget || 12} points a day.`),
    el("p", { class: "muted", "data-running": "", hidden: true }),
    el("a", { class: "btn", href: "/plan" }, data.activities.length ? "See today's plan" : "Plan today"));
  host.setAttribute("aria-labelledby", "today-plan-h");
}

export async function mount(host) {
  host.classList.add("stack");
  await draw(host);
  const redraw = (change) => {
    if (["plans", "activities", "checkins", "*"].includes(change.collection)) draw(host);
  };
  const onTick = (event) => {
    const line = host.querySelector("[data-running]");
    if (!line) return;
    const d = event.detail;
    line.hidden = !d;
    if (!d) return;
    const what = { step: "Doing now", rest: "Resting", ready: "Rest is over", finished: "All steps done" }[d.phase.kind];
    line.textContent = `${what}: ${d.activity.title}${d.phase.endsAt ? ` · ${mmss(d.phase.endsAt - Date.now())} left` : ""}`;
  };
  timerEvents.addEventListener("tick", onTick);
  stops = [onChange(redraw), () => timerEvents.removeEventListener("tick", onTick)];
  watchTimer();
}

export function unmount() {
  for (const stop of stops) stop();
  stops = [];
}
