// The activity timer: one step, then its rest break, then the next step when the person is ready.
// Its state is a few timestamps in meta ("activityTimer"), so a reload (or a closed app) picks up
// where it was. When a step starts, a one-off "rest" reminder is saved for the step's end so the
// server can send a push if the app is closed; it is removed once the step ends here. The in-app
// nudge (a banner, announced, and a short vibration) needs no server.
import { DEFAULT_CHUNK } from "../lib/pacing.js";
import { banner, clearBanner, el } from "../lib/ui.js";
import { get, getMeta, nowIso, remove, save, setMeta } from "../store.js";

const KEY = "activityTimer";
const MIN = 60000;
const LATE = 10 * MIN; // a nudge more than this late (app closed meanwhile) is not shown
/** Fires "tick" (detail = {state, activity, phase} or null) every second while a timer runs. */
export const timerEvents = new EventTarget();

/** The steps the timer runs: the activity's own, or the whole activity as one step. */
export function stepsOf(activity) {
  if ((activity.steps || []).length) return activity.steps;
  return [{ title: activity.title, minutes: activity.minutes || DEFAULT_CHUNK, done: false }];
}

/**
 * Where the timer is at `now`: {kind: "step", endsAt} while a step runs; {kind: "rest", endsAt}
 * during the break after it; {kind: "ready", next, since} when the break is over; {kind:
 * "finished", since} after the last step.
 */
export function phaseOf(state, activity, now = Date.now()) {
  const steps = stepsOf(activity);
  const step = steps[Math.min(state.step, steps.length - 1)];
  const plannedEnd = state.started_at + step.minutes * MIN;
  if (state.ended_at == null && now < plannedEnd) return { kind: "step", endsAt: plannedEnd };
  const stepEnd = state.ended_at ?? plannedEnd;
  if (state.step >= steps.length - 1) return { kind: "finished", since: stepEnd };
  const restEnd = stepEnd + (activity.rest_minutes || 0) * MIN;
  if (now < restEnd) return { kind: "rest", endsAt: restEnd, since: stepEnd };
  return { kind: "ready", next: state.step + 1, since: restEnd };
}

/** "4:05" for a number of milliseconds. */
export function mmss(ms) {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** The running timer {state, activity}, or null. */
export async function current() {
  const state = await getMeta(KEY);
  if (!state) return null;
  const activity = await get("activities", state.activity_id);
  if (!activity || ["done", "stopped", "skipped"].includes(activity.status)) {
    await setMeta(KEY, undefined);
    if (state.reminder_id) await dropReminder(state.reminder_id);
    return null;
  }
  return { state, activity };
}

async function dropReminder(id) {
  if (await get("reminders", id)) await remove("reminders", id);
}

/** Start step `index` of an activity: the timer, the activity's status and the rest reminder. */
export async function startStep(activity, index = 0) {
  const running = await getMeta(KEY);
  if (running && running.activity_id !== activity.id) throw new Error("Another activity is running.");
  if (running && running.reminder_id) await dropReminder(running.reminder_id);
  const now = Date.now();
  const ends = now + stepsOf(activity)[index].minutes * MIN;
  const reminder = await save("reminders", {
    kind: "rest", title: "Time to rest", enabled: true, fire_at: nowIso(new Date(ends)), times: [], days: [],
  });
  await save("activities", { ...activity, status: "doing", started_at: activity.started_at || nowIso(new Date(now)) });
  await setMeta(KEY, {
    activity_id: activity.id, step: index, started_at: now, ended_at: null, reminder_id: reminder.id, nudged: -1, rested: -1,
  });
  clearBanner("rest");
  watchTimer();
  await tick();
}

/** The person ends the step now (early, or on time). */
export async function endStepNow() {
  const state = await getMeta(KEY);
  if (!state || state.ended_at != null) return;
  await setMeta(KEY, { ...state, ended_at: Date.now() });
  await tick();
}

/** Log the activity as done or stopped with what it cost, and end the timer. */
export async function finish(spentCost, status = "done") {
  const cur = await current();
  await setMeta(KEY, undefined);
  clearBanner("rest");
  if (cur) {
    if (cur.state.reminder_id) await dropReminder(cur.state.reminder_id);
    const fresh = await get("activities", cur.activity.id);
    await save("activities", { ...fresh, status, spent_cost: spentCost, ended_at: nowIso() });
  }
  timerEvents.dispatchEvent(new CustomEvent("tick", { detail: null }));
}

/** The in-app nudge: a banner (announced), a short vibration if there is one. */
function nudge(text, urgent = true) {
  const node = banner("rest", text, [{ label: "OK", onClick: () => clearBanner("rest") }]);
  if (node) {
    node.classList.add("plan-nudge");
    if (!urgent) node.setAttribute("role", "status");
  }
  if (urgent && navigator.vibrate) {
    try {
      navigator.vibrate(200);
    } catch {
      // Not allowed here: the banner is enough.
    }
  }
}

let busy = false;

/** Bring the stored state up to date (tick off ended steps, remove the reminder, nudge). */
export async function tick() {
  if (busy) return;
  busy = true;
  try {
    const cur = await current();
    if (!cur) {
      stopWatch();
      timerEvents.dispatchEvent(new CustomEvent("tick", { detail: null }));
      return;
    }
    const state = { ...cur.state };
    let activity = cur.activity;
    const now = Date.now();
    const phase = phaseOf(state, activity, now);
    if (phase.kind !== "step") {
      if (state.reminder_id) {
        await dropReminder(state.reminder_id);
        state.reminder_id = null;
      }
      const steps = activity.steps || [];
      if (steps[state.step] && !steps[state.step].done) {
        const ticked = steps.map((s, i) => (i === state.step ? { ...s, done: true } : s));
        activity = await save("activities", { ...activity, steps: ticked });
      }
      const stepEnd = phase.kind === "rest" || phase.kind === "finished" ? phase.since : null;
      if (state.nudged !== state.step) {
        state.nudged = state.step;
        if (phase.kind === "rest") nudge(`Time to rest. Rest for ${activity.rest_minutes} minutes.`);
        else if (phase.kind === "finished" && now - stepEnd < LATE) nudge("Time to rest. That was the last step.");
        else if (phase.kind === "ready" && !activity.rest_minutes && now - phase.since < LATE) {
          state.rested = state.step; // no break planned: one nudge, not two
          nudge("Step done. Rest a moment, then start the next step when you are ready.");
        }
      }
      if (phase.kind === "ready" && state.rested !== state.step) {
        state.rested = state.step;
        if (now - phase.since < LATE) nudge("Rest is over. Start the next step when you are ready.", false);
      }
      await setMeta(KEY, state);
    }
    timerEvents.dispatchEvent(new CustomEvent("tick", { detail: { state, activity, phase } }));
  } finally {
    busy = false;
  }
}

let interval = null;

/** Keep the timer up to date every second while one runs (on any screen once loaded). */
export function watchTimer() {
  if (interval) return;
  interval = setInterval(tick, 1000);
  tick();
}

function stopWatch() {
  clearInterval(interval);
  interval = null;
}

/** Buttons to log what an activity cost: 0–3 points, or the planned cost if higher. */
export function costChooser(planned, onPick, label = "What did it cost?") {
  const options = [...new Set([0, 1, 2, 3, planned || 0])].sort((a, b) => a - b);
  return el("fieldset", { class: "plan-cost" },
    el("legend", {}, label),
    el("div", { class: "row" }, options.map((n) =>
      el("button", { class: n === planned ? "btn btn-primary" : "btn", type: "button", "data-cost": String(n), onclick: () => onPick(n) },
        `${n} point${n === 1 ? "" : "s"}`))));
}

/** The card for the running activity: the countdown, the step and what can be done now. */
export function timerCard(detail) {
  const { state, activity, phase } = detail;
  const steps = stepsOf(activity);
  const step = steps[state.step];
  const now = Date.now();
  const card = el("section", { class: "card stack plan-timer", "aria-labelledby": "timer-h", dataset: { phase: phase.kind } });
  const countText = phase.endsAt ? mmss(phase.endsAt - now) : "";
  const stepLine = steps.length > 1 ? `Step ${state.step + 1} of ${steps.length}: ${step.title}` : activity.title;
  const phaseText = {
    step: "Doing now",
    rest: "Time to rest",
    ready: "Rest is over",
    finished: "All steps done",
  }[phase.kind];
  card.append(
    el("h2", { id: "timer-h" }, activity.title),
    el("p", { class: "plan-phase", "data-timer-phase": phase.kind }, phaseText),
    el("p", { class: "muted" }, phase.kind === "rest" ? `Rest before step ${state.step + 2} of ${steps.length}.` : stepLine),
    countText ? el("p", { class: "plan-count", role: "timer", "aria-label": `${countText} left` }, countText) : null,
  );
  const stop = el("button", { class: "btn btn-danger", type: "button", "data-timer": "stop" }, "Stop here");
  const ask = el("div", { class: "stack" });
  stop.addEventListener("click", () => {
    ask.replaceChildren(costChooser(activity.energy_cost, (n) => finish(n, "stopped"), "Stopping is fine. What did it cost?"));
    ask.querySelector("button")?.focus();
  });
  if (phase.kind === "step") {
    card.append(el("div", { class: "row" },
      el("button", { class: "btn btn-primary", type: "button", "data-timer": "end-step", onclick: endStepNow }, "Step done"), stop));
  } else if (phase.kind === "rest") {
    card.append(el("div", { class: "row" }, stop));
  } else if (phase.kind === "ready") {
    card.append(el("div", { class: "row" },
      el("button", { class: "btn btn-primary", type: "button", "data-timer": "next", onclick: () => startStep(activity, phase.next) },
        `Start step ${phase.next + 1}`), stop));
  } else {
    card.append(costChooser(activity.energy_cost, (n) => finish(n, "done")));
  }
  card.append(ask);
  return card;
}
