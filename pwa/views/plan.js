// Plan: today's (or tomorrow's) energy budget in points, the activities planned against it, the
// activity timer, and the person's own pattern. Everything is saved on the phone first.
import { DEFAULT_CHUNK } from "../lib/pacing.js";
import { el, toast } from "../lib/ui.js";
import { onChange, remove, save } from "../store.js";
import { activityForm } from "./plan-form.js";
import { drawPattern } from "./plan-pattern.js";
import { pointsLine } from "./plan-bar.js";
import { templatesEditor } from "./plan-templates.js";
import { addActivity, days, loadDay, moveActivity, savePlan, templates } from "./plan-data.js";
import { costChooser, current, mmss, startStep, timerCard, timerEvents, watchTimer } from "./plan-timer.js";

const pts = (n) => `${n} point${n === 1 ? "" : "s"}`;
let which = "today";
let stops = [];
let snapshot = null; // {me, day, data} of the day on show, for the form

function budgetCard(data, me, day) {
  const { plan, totals } = data;
  const label = which === "today" ? "today" : "tomorrow";
  const change = async (by) => {
    const next = Math.min(100, Math.max(1, plan.energy_budget + by));
    await savePlan(day, me, { energy_budget: next });
  };
  return el("section", { class: "card stack", "aria-labelledby": "budget-h" },
    el("h2", { id: "budget-h" }, `Energy ${label}`),
    pointsLine(totals, label),
    totals.over ? el("p", { class: "plan-warning", role: "alert", "data-over": "" }, totals.warning) : null,
    el("div", { class: "plan-budget" },
      el("button", { class: "btn", type: "button", "aria-label": "Lower the budget by 1 point", "data-budget": "down", onclick: () => change(-1) }, "−"),
      el("p", { "data-budget-value": String(plan.energy_budget) }, `Budget ${label}: ${pts(plan.energy_budget)}`),
      el("button", { class: "btn", type: "button", "aria-label": "Raise the budget by 1 point", "data-budget": "up", onclick: () => change(1) }, "+")));
}

const STATUS = { planned: "", doing: "Doing now", done: "Done", stopped: "Stopped early", skipped: "Skipped" };

function activityItem(a, { running, me, form }) {
  const steps = a.steps || [];
  const facts = [pts(a.energy_cost), a.minutes ? `${a.minutes} min` : null,
    steps.length > 1 ? `${steps.length} steps, ${a.rest_minutes} min rest between` : null].filter(Boolean).join(" · ");
  const logged = a.status === "done" || a.status === "stopped";
  const more = el("div", { class: "stack" });
  const log = () => {
    more.replaceChildren(costChooser(a.energy_cost, async (n) => {
      await save("activities", { ...a, status: "done", spent_cost: n });
      toast(`${a.title}: logged ${pts(n)}.`);
    }));
    more.querySelector("button").focus();
  };
  const otherDay = which === "today" ? "tomorrow" : "today";
  const actions = [];
  if (!logged && a.status !== "skipped" && which === "today") {
    if (!running) {
      const next = Math.max(0, steps.findIndex((s) => !s.done));
      actions.push(el("button", { class: "btn btn-primary", type: "button", "data-act": "start",
        onclick: async () => { await startStep(a, next); window.scrollTo(0, 0); } },
      steps.length > 1 ? `Start step ${next + 1}` : "Start"));
    }
    if (running?.activity.id !== a.id) {
      actions.push(el("button", { class: "btn", type: "button", "data-act": "log", onclick: log }, "Log it done"));
    }
  }
  actions.push(el("button", { class: "btn", type: "button", "data-act": "edit", onclick: () => form.edit(a) }, "Change"));
  const extra = [];
  if (!logged && running?.activity.id !== a.id) {
    extra.push(el("button", { class: "btn", type: "button", "data-act": "move",
      onclick: async () => { const d = await days(); await moveActivity(a, otherDay === "today" ? d.today : d.tomorrow, me); toast(`Moved to ${otherDay}.`); } }, `Move to ${otherDay}`));
    if (a.status !== "skipped") extra.push(el("button", { class: "btn", type: "button", "data-act": "skip", onclick: () => save("activities", { ...a, status: "skipped" }) }, "Skip it"));
  }
  if (running?.activity.id !== a.id) {
    extra.push(el("button", { class: "btn btn-danger", type: "button", "data-act": "remove",
      onclick: async () => { await remove("activities", a.id); toast(`${a.title} removed.`, { label: "Undo", onClick: () => save("activities", a) }); } }, "Remove"));
  }
  return el("li", { class: "plan-activity stack", dataset: { activity: a.id, status: a.status } },
    el("h3", {}, a.title),
    el("p", { class: "muted" }, facts),
    STATUS[a.status] ? el("p", { class: "plan-status" }, STATUS[a.status] + (logged && a.spent_cost != null ? `: cost ${pts(a.spent_cost)}` : "")) : null,
    steps.length > 1 ? el("ol", { class: "plan-steps" }, steps.map((s, i) => el("li", {},
      el("label", { class: "choice" },
        el("input", { type: "checkbox", checked: Boolean(s.done), "data-step": String(i),
          onchange: (e) => save("activities", { ...a, steps: steps.map((x, j) => (j === i ? { ...x, done: e.target.checked } : x)) }) }),
        `${s.title} (${s.minutes} min)`)))) : null,
    el("div", { class: "row" }, actions),
    extra.length ? el("details", { class: "plan-more" }, el("summary", {}, "More"), el("div", { class: "row" }, extra)) : null,
    more);
}

async function drawDay(host, form) {
  const { me, today, tomorrow } = await days();
  const day = which === "today" ? today : tomorrow;
  const data = await loadDay(day, me);
  snapshot = { me, day, data };
  const running = await current();
  const items = data.activities.map((a) => activityItem(a, { running, me, form }));
  host.replaceChildren(
    budgetCard(data, me, day),
    el("section", { class: "card stack", "aria-labelledby": "list-h" },
      el("h2", { id: "list-h" }, which === "today" ? "Planned for today" : "Planned for tomorrow"),
      items.length ? el("ul", { class: "list", "data-activities": "" }, items) : el("p", {}, "Nothing planned yet. Add something below.")));
}

/** Save what the activity form holds: a new or changed activity, here or moved to tomorrow. */
async function saveFromForm(fields, { editing, moveTo }) {
  const d = await days();
  if (editing) {
    await save("activities", { ...editing, ...fields });
    if (moveTo) await moveActivity({ ...editing, ...fields }, d.tomorrow, d.me);
    toast(moveTo ? `${fields.title} moved to tomorrow.` : `${fields.title} saved.`);
  } else if (moveTo) {
    await addActivity(d.tomorrow, d.me, fields);
    const { totals } = await loadDay(d.tomorrow, d.me);
    toast(`${fields.title} added to tomorrow. Points left tomorrow: ${totals.remaining}.`);
  } else {
    await addActivity(snapshot.day, d.me, fields);
    toast(`${fields.title} added.`);
  }
}

function switcher(onPick) {
  const button = (key, label) => el("button", { class: "btn", type: "button", "aria-pressed": String(which === key), "data-day": key, onclick: () => onPick(key) }, label);
  return el("div", { class: "row plan-days", role: "group", "aria-label": "Which day" }, button("today", "Today"), button("tomorrow", "Tomorrow"));
}

export async function mount(root, params = {}) {
  which = params.day === "tomorrow" ? "tomorrow" : "today";
  const { me } = await days();
  const chunk = me.chunk_minutes || DEFAULT_CHUNK;
  const dayHost = el("div", { class: "stack" });
  const timerHost = el("div", { "data-timer-host": "" });
  const patternHost = el("section", { class: "card stack" });
  const form = activityForm({
    templates: await templates(),
    chunk,
    ctx: () => ({ label: which, budget: snapshot.data.plan.energy_budget, activities: snapshot.data.activities }),
    onSave: saveFromForm,
  });
  const pick = async (key) => {
    which = key;
    history.replaceState(null, "", key === "tomorrow" ? "/plan?day=tomorrow" : "/plan");
    for (const b of root.querySelectorAll("[data-day]")) b.setAttribute("aria-pressed", String(b.dataset.day === key));
    await drawDay(dayHost, form);
  };
  const editor = await templatesEditor((list) => form.setTemplates(list));
  root.append(el("h1", {}, "Plan"),
    el("div", { class: "stack" }, switcher(pick), timerHost, dayHost, form, editor, patternHost));
  await drawDay(dayHost, form);
  await drawPattern(patternHost, me);

  let shown = null;
  const onTick = (event) => {
    const detail = event.detail;
    const key = detail ? `${detail.activity.id}:${detail.state.step}:${detail.phase.kind}` : null;
    if (key !== shown) {
      const wasRunning = shown !== null;
      shown = key;
      timerHost.replaceChildren(detail ? timerCard(detail) : "");
      if (wasRunning !== (key !== null) || !key) drawDay(dayHost, form);
    } else if (detail && detail.phase.endsAt) {
      const count = timerHost.querySelector(".plan-count");
      if (count) {
        const text = mmss(detail.phase.endsAt - Date.now());
        count.textContent = text;
        count.setAttribute("aria-label", `${text} left`);
      }
    }
  };
  timerEvents.addEventListener("tick", onTick);
  const unsubscribe = onChange(async (change) => {
    if (!["plans", "activities", "checkins", "*"].includes(change.collection)) return;
    await drawDay(dayHost, form);
    await drawPattern(patternHost, (await days()).me);
  });
  stops = [() => timerEvents.removeEventListener("tick", onTick), unsubscribe];
  watchTimer();
}

export function unmount() {
  for (const stop of stops) stop();
  stops = [];
}
