// Today: the cramp button first, one-tap water and magnesium, the day's cramps and energy.
import { getMeta, list, onChange, setMeta } from "../store.js";
import { localDay } from "../lib/day.js";
import { clockText, countdownText, durationShort } from "../lib/format.js";
import { el } from "../lib/ui.js";
import { routerEvents } from "../router.js";
import { account, profile } from "../lib/account.js";
import { crampSeconds } from "../features/cramp/length.js";
import { alreadyStopped, askForgotten } from "../features/cramp/after.js";
import { elapsedSeconds, isRunning, newestFirst } from "../features/cramp/timer.js";
import { whenText } from "../features/log/chips.js";
import { intakePanel } from "../features/quick/panel.js";
import { checkinFor, days, loadDay } from "../features/plan/data.js";
import { pointsLine } from "../features/plan/bar.js";

const START = "Cramp! Start timer";
let stops = [];

// Points left, the activity running now, and the check-in about yesterday (offered from the start
// of the day until done or put off for today). -> stop()
async function energy(host) {
  const running = el("p", { class: "muted", hidden: true });
  const draw = async () => {
    const { me, today, yesterday, checkin } = await days();
    const [data, done, later] = await Promise.all([
      loadDay(today, me),
      checkinFor(checkin),
      getMeta("checkinLater"),
    ]);
    host.replaceChildren(
      el("h2", { id: "h-energy" }, "Energy"),
      !done &&
        later !== today &&
        checkin === yesterday && // offered from the day start, not in the night before it
        el(
          "div",
          { class: "stack", "data-checkin-prompt": "" },
          el("p", { class: "plan-phase" }, "Morning check-in: how was yesterday?"),
          el(
            "div",
            { class: "row" },
            el("a", { class: "btn btn-primary", href: "/checkin" }, "Check in (1 minute)"),
            el(
              "button",
              {
                class: "btn",
                type: "button",
                onclick: async () => {
                  await setMeta("checkinLater", today);
                  draw();
                },
              },
              "Not today",
            ),
          ),
        ),
      data.activities.length || data.saved
        ? pointsLine(data.totals)
        : el("p", {}, `Your budget: ${me.energy_budget} points a day.`),
      running,
      el(
        "a",
        { class: "btn", href: "/plan" },
        data.activities.length ? "See today's plan" : "Plan today",
      ),
    );
  };
  await draw();
  const stopLine = runningLine(running);
  const off = onChange(
    (c) => ["plans", "activities", "checkins", "*"].includes(c.collection) && draw(),
  );
  return () => {
    off();
    stopLine();
  };
}

// The activity running now, in one line (hidden while none runs). The activity timer loads after
// Today is ready (the route event): outside Today's budget. -> stop()
function runningLine(node) {
  let stopped = false;
  let stopTicks = () => {};
  const watch = async () => {
    const { PHASES, timerEvents, watchTimer } = await import("../features/plan/timer.js");
    if (stopped) return;
    const tick = ({ detail: d }) => {
      node.hidden = !d;
      if (d)
        node.textContent = `${PHASES[d.phase.kind]}: ${d.activity.title}${d.phase.endsAt ? ` · ${countdownText(d.phase.endsAt - Date.now())} left` : ""}`;
    };
    timerEvents.addEventListener("tick", tick);
    watchTimer();
    stopTicks = () => timerEvents.removeEventListener("tick", tick);
  };
  routerEvents.addEventListener("route", watch, { once: true });
  return () => {
    stopped = true;
    routerEvents.removeEventListener("route", watch);
    stopTicks();
  };
}

// In the evening, the bedtime card (the guided stretch, one-tap fixes), last but for the sign-up
// hint, and loaded after Today is ready: it adds nothing to Today's first load.
function bedtime(page, hint) {
  let open = true;
  const load = () =>
    import("../features/quick/fixes.js")
      .then((m) => m.bedtimeCard())
      .then((card) => {
        if (!card) return;
        if (!open) return card.stop();
        if (hint.isConnected) hint.before(card.node);
        else page.append(card.node);
        stops.push(card.stop);
      })
      .catch((err) => console.error(err));
  // After the route event that marks the app ready (app.js listens first).
  routerEvents.addEventListener("route", load, { once: true });
  stops.push(() => {
    open = false;
    routerEvents.removeEventListener("route", load);
  });
}

export async function mount(root) {
  stops = [];
  const date = new Date().toLocaleDateString([], {
    weekday: "long",
    day: "numeric",
    month: "long",
  });
  const big = el(
    "a",
    { class: "btn btn-huge", href: "/cramp?start=1", "data-action": "cramp" },
    START,
  );
  const intake = el(
    "section",
    { class: "card", "aria-labelledby": "h-intake" },
    el("h2", { id: "h-intake" }, "Water and magnesium"),
  );
  const last = el("p", { "data-last-cramp": "" });
  const plan = el("section", { class: "card stack", "aria-labelledby": "h-energy" });
  const hint = el("p", { class: "hint" });
  // Below the cramp button, so that it never moves.
  const after = alreadyStopped();
  const forgotten = el("section", {
    class: "card stack",
    "aria-labelledby": "h-forgotten",
    "data-forgotten": "",
  });
  const page = el(
    "div",
    { class: "stack" },
    el("h1", {}, "Today", el("span", { class: "visually-hidden" }, `, ${date}`)),
    big,
    after.node,
  );
  root.append(page);
  // The blocks below the button appear together once filled in: nothing on screen moves.
  const crampCard = el(
    "section",
    { class: "card", "aria-labelledby": "h-cramps" },
    el("h2", { id: "h-cramps" }, "Cramps"),
    last,
    el(
      "div",
      { class: "row" },
      el("a", { class: "btn", href: "/cramp" }, "Past cramps"),
      el("a", { class: "btn", href: "/helps" }, "What helps me"),
    ),
  );

  let ticker;
  stops.push(() => clearInterval(ticker));
  const cramps = async () => {
    const [me, all] = await Promise.all([profile(), list("cramps")]);
    const sorted = newestFirst(all);
    const running = sorted.find((c) => isRunning(c));
    // A forgotten cramp (never stopped) is a cramp too, its length unknown until asked.
    const done = sorted.find((c) => c.started_at && !isRunning(c));
    const today = localDay(new Date(), me.day_start_hour);
    const count = all.filter(
      (c) => c.started_at && localDay(c.started_at, me.day_start_hour) === today,
    ).length;
    clearInterval(ticker);
    big.href = running ? "/cramp" : "/cramp?start=1";
    after.setHidden(Boolean(running));
    if (running) {
      big.dataset.running = "1";
      const tick = () => {
        big.textContent = `Cramp running ${clockText(elapsedSeconds(running.started_at))} — open`;
      };
      tick();
      ticker = setInterval(tick, 1000);
    } else {
      delete big.dataset.running;
      big.textContent = START;
    }
    const secs = done && crampSeconds(done);
    last.textContent = done
      ? `${count} today. Last: ${whenText(done.started_at)}, ${secs == null ? "length not known" : `lasted ${durationShort(secs)}`}.`
      : "No cramps logged yet.";
    await askForgotten(forgotten);
  };
  const signup = account().then(
    (me) =>
      me ||
      hint.append(
        "Saved on this phone only. ",
        el("a", { href: "/signin?mode=signup" }, "Create an account"),
      ),
  );
  // A block that fails to draw is left out; the rest of Today (and sync, after it) still starts.
  const blocks = new Set([forgotten, intake, crampCard, plan, hint]);
  const alone = (host, work) =>
    work.catch((err) => {
      console.error(err);
      blocks.delete(host);
      return () => {};
    });
  const [a, b] = await Promise.all([
    alone(intake, intakePanel(intake)),
    alone(plan, energy(plan)),
    alone(crampCard, cramps()),
    alone(hint, signup),
  ]);
  page.append(...blocks);
  bedtime(page, hint);
  // The experiment line, last and loaded after Today is ready: outside Today's budget.
  const experiment = el("p", { hidden: true, "data-experiment": "" });
  page.append(experiment);
  const line = () =>
    import("../features/experiments/line.js")
      .then((m) => m.experimentLine(experiment))
      .catch(console.error);
  // After the route event that marks the app ready (app.js listens first).
  routerEvents.addEventListener("route", line, { once: true });
  stops.push(() => routerEvents.removeEventListener("route", line));
  stops.push(
    a,
    b,
    onChange((c) => ["cramps", "*"].includes(c.collection) && cramps()),
    onChange((c) => ["experiments", "experiment_days", "*"].includes(c.collection) && line()),
  );
}

export function unmount() {
  for (const stop of stops) stop();
  stops = [];
}
