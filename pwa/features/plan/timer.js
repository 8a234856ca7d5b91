// Activity timer: timestamps in meta (a reload resumes); a "rest" reminder lets the server push when the app is closed.
import { DEFAULT_CHUNK, pts } from "./pacing.js";
import { countdownText } from "../../lib/format.js";
import { banner, btn, clearBanner, el } from "../../lib/ui.js";
import { get, getMeta, nowIso, remove, save, setMeta } from "../../store.js";

const KEY = "activityTimer";
const MIN = 60000;
const LATE = 10 * MIN; // a nudge later than this (the app was closed) is not shown
// "tick" each second while a timer runs; detail = {state, activity, phase} or null.
export const timerEvents = new EventTarget();
const emit = (detail) => timerEvents.dispatchEvent(new CustomEvent("tick", { detail }));

const stepsOf = (a) =>
  a.steps?.length ? a.steps : [{ title: a.title, minutes: a.minutes || DEFAULT_CHUNK }];

function phaseOf(state, activity, now) {
  const steps = stepsOf(activity);
  const planned = state.started_at + steps[Math.min(state.step, steps.length - 1)].minutes * MIN;
  if (state.ended_at == null && now < planned) return { kind: "step", endsAt: planned };
  const since = state.ended_at ?? planned;
  if (state.step >= steps.length - 1) return { kind: "finished", since };
  const restEnd = since + (activity.rest_minutes || 0) * MIN;
  if (now < restEnd) return { kind: "rest", endsAt: restEnd, since };
  return { kind: "ready", next: state.step + 1, since: restEnd };
}

const dropReminder = async (id) => id && (await get("reminders", id)) && remove("reminders", id);

export async function current() {
  const state = await getMeta(KEY);
  if (!state) return null;
  const activity = await get("activities", state.activity_id);
  if (!activity || ["done", "stopped", "skipped"].includes(activity.status)) {
    await setMeta(KEY, undefined);
    await dropReminder(state.reminder_id);
    return null;
  }
  return { state, activity };
}

export async function startStep(activity, step = 0) {
  await dropReminder((await getMeta(KEY))?.reminder_id);
  const now = Date.now();
  const reminder = await save("reminders", {
    kind: "rest",
    title: "Time to rest",
    enabled: true,
    times: [],
    days: [],
    fire_at: nowIso(new Date(now + stepsOf(activity)[step].minutes * MIN)),
  });
  await save("activities", {
    ...activity,
    status: "doing",
    started_at: activity.started_at || nowIso(new Date(now)),
  });
  await setMeta(KEY, {
    activity_id: activity.id,
    step,
    started_at: now,
    ended_at: null,
    reminder_id: reminder.id,
  });
  clearBanner("rest");
  watchTimer();
  await tick();
}

async function endStepNow() {
  const state = await getMeta(KEY);
  if (!state || state.ended_at != null) return;
  await setMeta(KEY, { ...state, ended_at: Date.now() });
  await tick();
}

async function finish(spent_cost, status) {
  const cur = await current();
  if (!cur) return;
  await setMeta(KEY, undefined);
  await dropReminder(cur.state.reminder_id);
  clearBanner("rest");
  await save("activities", {
    ...(await get("activities", cur.activity.id)),
    status,
    spent_cost,
    ended_at: nowIso(),
  });
  emit(null);
}

let busy = false;

async function tick() {
  if (busy) return;
  busy = true;
  try {
    const cur = await current();
    if (!cur) {
      clearInterval(interval);
      interval = null;
      return emit(null);
    }
    const state = { ...cur.state };
    let { activity } = cur;
    const now = Date.now();
    const phase = phaseOf(state, activity, now);
    const { kind, since } = phase;
    if (kind !== "step") {
      await dropReminder(state.reminder_id);
      state.reminder_id = null;
      const steps = activity.steps || [];
      if (steps[state.step] && !steps[state.step].done) {
        activity = await save("activities", {
          ...activity,
          steps: steps.map((s, i) => (i === state.step ? { ...s, done: true } : s)),
        });
      }
      if (state.said !== state.step + kind) {
        state.said = state.step + kind; // each nudge once
        const rested = kind === "ready" && activity.rest_minutes;
        const text =
          kind === "rest"
            ? `Time to rest. Rest for ${activity.rest_minutes} minutes.`
            : kind === "finished"
              ? "Time to rest. That was the last step."
              : rested
                ? "Rest is over. Start the next step when you are ready."
                : "Step done. Rest a moment, then start the next step when you are ready.";
        if (kind === "rest" || now - since < LATE) {
          const node = banner("rest", text, [{ label: "OK", onClick: () => clearBanner("rest") }]);
          node.classList.add("plan-nudge");
          if (rested) node.setAttribute("role", "status");
          else
            try {
              navigator.vibrate?.(200);
            } catch {} // not allowed here: the banner is enough
        }
      }
      await setMeta(KEY, state);
    }
    emit({ state, activity, phase });
  } finally {
    busy = false;
  }
}

let interval = null;

export function watchTimer() {
  if (interval) return;
  interval = setInterval(tick, 1000);
  tick();
}

export function costChooser(planned, onPick, label = "What did it cost?") {
  const options = [...new Set([0, 1, 2, 3, planned || 0])].sort((a, b) => a - b);
  return el(
    "fieldset",
    { class: "plan-cost" },
    el("legend", {}, label),
    el(
      "div",
      { class: "row" },
      options.map((n) =>
        btn(pts(n), () => onPick(n), n === planned && "btn-primary", { "data-cost": n }),
      ),
    ),
  );
}

// What the running activity is at, as the timer card and Today name it.
export const PHASES = {
  step: "Doing now",
  rest: "Time to rest",
  ready: "Rest is over",
  finished: "All steps done",
};

// Which step the timer is at: after a step ends (rest, ready) that is the next one.
function stepText(state, steps, { kind }) {
  const n = steps.length;
  if (kind === "finished") return n > 1 ? `All ${n} steps done.` : steps[0].title;
  if (kind === "rest") return `Rest before step ${state.step + 2} of ${n}.`;
  const i = kind === "ready" ? state.step + 1 : state.step;
  if (n < 2) return steps[0].title;
  return `${kind === "ready" ? "Next: step" : "Step"} ${i + 1} of ${n}: ${steps[i].title}`;
}

export function timerCard({ state, activity, phase }) {
  const steps = stepsOf(activity);
  const { kind, endsAt } = phase;
  const count = endsAt ? countdownText(endsAt - Date.now()) : "";
  const act = (key, text, onclick, cls = "btn-primary") =>
    btn(text, onclick, cls, { "data-timer": key });
  const ask = el("div", { class: "stack" });
  const stop = act(
    "stop",
    "Stop here",
    () => {
      ask.replaceChildren(
        costChooser(
          activity.energy_cost,
          (n) => finish(n, "stopped"),
          "Stopping is fine. What did it cost?",
        ),
      );
      ask.querySelector("button").focus();
    },
    "btn-danger",
  );
  return el(
    "section",
    { class: "card stack plan-timer", "aria-labelledby": "timer-h", dataset: { phase: kind } },
    el("h2", { id: "timer-h" }, activity.title),
    el("p", { class: "plan-phase", "data-timer-phase": kind }, PHASES[kind]),
    el("p", { class: "muted", "data-timer-step": "" }, stepText(state, steps, phase)),
    count && el("p", { class: "plan-count", role: "timer", "aria-label": `${count} left` }, count),
    kind === "finished"
      ? costChooser(activity.energy_cost, (n) => finish(n, "done"))
      : el(
          "div",
          { class: "row" },
          kind === "step" && act("end-step", "Step done", endStepNow),
          kind === "rest" &&
            act(
              "skip-rest",
              `Skip the rest: start step ${state.step + 2}`,
              () => startStep(activity, state.step + 1),
              null,
            ),
          kind === "ready" &&
            act("next", `Start step ${phase.next + 1}`, () => startStep(activity, phase.next)),
          stop,
        ),
    ask,
  );
}
