// Today's energy block: points left, the activity running now, and the check-in about yesterday
// (offered from the start of the day until done or put off for today).
import { el } from "../lib/ui.js";
import { getMeta, onChange, setMeta } from "../store.js";
import { checkinFor, days, loadDay } from "./plan-data.js";
import { pointsLine } from "./plan-bar.js";
import { mmss, timerEvents, watchTimer } from "./plan-timer.js";

const PHASES = { step: "Doing now", rest: "Resting", ready: "Rest is over", finished: "All steps done" };

// Fills host; -> stop()
export async function energy(host) {
  const running = el("p", { class: "muted", hidden: true });
  const draw = async () => {
    const { me, today, yesterday } = await days();
    const [data, done, later] = await Promise.all([loadDay(today, me), checkinFor(yesterday), getMeta("checkinLater")]);
    host.replaceChildren(
      el("h2", { id: "h-energy" }, "Energy"),
      !done && later !== today && el("div", { class: "stack", "data-checkin-prompt": "" },
        el("p", { class: "plan-phase" }, "Morning check-in: how was yesterday?"),
        el("div", { class: "row" },
          el("a", { class: "btn btn-primary", href: "/checkin" }, "Check in (1 minute)"),
          el("button", { class: "btn", type: "button", onclick: async () => { await setMeta("checkinLater", today); draw(); } }, "Not today"))),
      data.activities.length || data.saved ? pointsLine(data.totals) : el("p", {}, `Your budget: ${me.energy_budget || 12} points a day.`),
      running,
      el("a", { class: "btn", href: "/plan" }, data.activities.length ? "See today's plan" : "Plan today"));
  };
  host.setAttribute("aria-labelledby", "h-energy");
  await draw();
  const tick = ({ detail: d }) => {
    running.hidden = !d;
    if (d) running.textContent = `${PHASES[d.phase.kind]}: ${d.activity.title}${d.phase.endsAt ? ` · ${mmss(d.phase.endsAt - Date.now())} left` : ""}`;
  };
  timerEvents.addEventListener("tick", tick);
  watchTimer();
  const off = onChange((c) => ["plans", "activities", "checkins", "*"].includes(c.collection) && draw());
  return () => {
    off();
    timerEvents.removeEventListener("tick", tick);
  };
}
