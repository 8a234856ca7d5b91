// Plan: the day's energy budget, its activities (one line each), the timer and the person's own pattern.
import { saveSettings } from "../lib/account.js";
import { fitByMoving, pts } from "../features/plan/pacing.js";
import { MIN_CHECKIN_DAYS, SYMPTOMS, crashPattern } from "../features/plan/pattern.js";
import { capitalize, countdownText, plural } from "../lib/format.js";
import { LIMITS } from "../lib/limits.js";
import { readNumber } from "../lib/numbers.js";
import { tooLong } from "../lib/text-limit.js";
import { btn, card, el, toast } from "../lib/ui.js";
import { get, list, onChange, remove, save } from "../store.js";
import { showRefused } from "../features/attention/refused.js";
import { pointsLine } from "../features/plan/bar.js";
import {
  days,
  followUsualBudget,
  loadDay,
  moveActivity,
  savePlan,
  saveTemplate,
  templates,
} from "../features/plan/data.js";
import { activityForm, field, num, text } from "../features/plan/form.js";
import { activityItem } from "../features/plan/item.js";
import { current, timerCard, timerEvents, watchTimer } from "../features/plan/timer.js";

let which = "today";
let stops = [];
let shown; // {me, day, data} on show
let form;

// The day's budget beside the usual one (Settings); a changed day is marked as that day's only.
function budgetRow(b, usual) {
  const set = (n) => savePlan(shown.day, shown.me, { energy_budget: n });
  const { min, max } = LIMITS.energy_budget;
  const step = (by, dir, word, label) =>
    btn(label, () => set(Math.min(max, Math.max(min, b + by))), null, {
      "aria-label": `${word} the budget for ${which} only by 1 point`,
      "data-budget": dir,
    });
  const only = b !== usual;
  return [
    el(
      "div",
      { class: "plan-budget" },
      step(-1, "down", "Lower", "−"),
      el("p", { "data-budget-value": b }, `Budget ${which}: ${pts(b)}`),
      step(1, "up", "Raise", "+"),
    ),
    el(
      "div",
      { class: "plan-usual", dataset: { usual: usual, exception: only } },
      only && el("p", { class: "plan-exception" }, `For ${which} only`),
      el(
        "p",
        {},
        `usual: ${usual} (`,
        el("a", { href: "/settings", class: "plan-settings-link" }, "Settings"),
        ")",
      ),
      only && btn(`Back to usual (${usual})`, () => set(usual), null, { "data-budget": "usual" }),
    ),
  ];
}

// Over budget: the planned activity whose move (or, tomorrow, leaving out) brings the day back.
function overAdvice(activities, totals) {
  const a = fitByMoving(activities, totals.budget);
  const today = which === "today";
  const fix = a && [
    el(
      "p",
      {},
      `${today ? "Moving" : "Leaving out"} ${a.title} (${pts(a.energy_cost)})` +
        `${today ? " to tomorrow" : ""} brings ${which} within budget.`,
    ),
    btn(
      today ? `Move ${a.title} to tomorrow` : `Skip ${a.title}`,
      async () => {
        if (today) await moveActivity(a, (await days()).tomorrow, shown.me);
        else await save("activities", { ...a, status: "skipped" });
        toast(today ? `${a.title} moved to tomorrow.` : `${a.title} skipped.`);
      },
      "btn-primary",
      { "data-fix": a.id },
    ),
  ];
  return el(
    "div",
    { class: "plan-warning stack", role: "alert", "data-over": "" },
    el("p", {}, totals.warning),
    fix,
  );
}

function budgetCard({ plan, activities, totals }) {
  return card(
    "budget-h",
    `Energy ${which}`,
    pointsLine(totals, which),
    totals.over && overAdvice(activities, totals),
    ...budgetRow(plan.energy_budget, shown.me.energy_budget),
  );
}

async function drawDay(host) {
  const { me, [which]: day } = await days();
  const data = await loadDay(day, me);
  shown = { me, day, data };
  const running = await current();
  const ctx = { running, which, me, onEdit: (a) => form.edit(a) };
  const items = data.activities.map((a) => activityItem(a, ctx));
  host.replaceChildren(
    budgetCard(data),
    card(
      "list-h",
      `Planned for ${which}`,
      items.length
        ? el("ul", { class: "list", "data-activities": "" }, items)
        : el("p", {}, "Nothing planned yet."),
    ),
  );
}

function taskRow(t, i, onSaved) {
  const id = (name) => `t-${name}-${i}`;
  const title = text(id("title"), t.title, { required: true });
  const { energy_cost: COST, task_minutes: MINUTES } = LIMITS;
  const cost = num(id("cost"), COST, t.energy_cost);
  const minutes = num(id("min"), MINUTES, t.minutes || 15);
  const error = el("p", { class: "error-text", role: "alert" });
  const form = el(
    "form",
    { class: "stack", novalidate: true, "data-template-edit": t.title },
    field("Task", title, null),
    el("div", { class: "row" }, field("Points", cost, null), field("Minutes", minutes, null)),
    error,
    el(
      "div",
      { class: "row" },
      btn(t.id ? "Save" : "Add task", null, "btn-primary", { type: "submit" }),
      t.id &&
        !t.builtIn &&
        btn(
          "Remove",
          async () => {
            await remove("templates", t.id);
            toast(`${t.title} removed.`);
            onSaved();
          },
          "btn-danger",
        ),
    ),
  );
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const name = title.value.trim();
    // As shown: an empty Points is not 0, and 2.6 is not 3.
    const points = readNumber(cost, "energy_cost", { required: true });
    const length = readNumber(minutes, "task_minutes", { required: true });
    error.textContent = !name
      ? "Give the task a name."
      : tooLong(name, LIMITS.task_title.max) ||
        (points.error && `Points: ${points.error}`) ||
        (length.error && `Minutes: ${length.error}`) ||
        "";
    if (error.textContent) return;
    await saveTemplate({ ...t, title: name, energy_cost: points.value, minutes: length.value });
    toast(`${name} saved.`);
    onSaved();
  });
  return el("li", {}, form);
}

async function templatesEditor() {
  const body = el("ul", { class: "list" });
  const draw = async () => {
    const all = await templates();
    form.setTemplates(all);
    body.replaceChildren(
      ...[...all, { title: "", energy_cost: 1, minutes: 15 }].map((t, i) => taskRow(t, i, draw)),
    );
  };
  await draw();
  return el(
    "details",
    { class: "card plan-more", "data-templates": "" },
    el("summary", {}, "Change everyday tasks"),
    body,
  );
}

function group(title, g, key) {
  return el(
    "div",
    { class: "plan-group", dataset: { group: key } },
    el("h3", {}, title),
    el(
      "p",
      {},
      g.days
        ? `${plural(g.days, "day")}, followed by ${plural(g.crashes, "crash", "crashes")}${g.crashAnswers < g.days ? ` (not answered on ${g.days - g.crashAnswers})` : ""}.`
        : "No days yet.",
    ),
    g.days &&
      el(
        "ul",
        { class: "list" },
        SYMPTOMS.map((s) =>
          el(
            "li",
            {},
            `${capitalize(s)}: ${g[s].count ? `${g[s].mean} of 10 on average (${plural(g[s].count, "answer")})` : "no answers"}`,
          ),
        ),
      ),
  );
}

async function drawPattern(host) {
  const { me } = shown;
  const [plans, activities, checkins] = await Promise.all(
    ["plans", "activities", "checkins"].map(list),
  );
  const p = crashPattern(
    { plans, activities, checkins },
    { budget: me.energy_budget, startHour: me.day_start_hour },
  );
  const s = p.suggestion;
  const held = s?.basis === "held";
  host.dataset.pattern = p.ready ? "ready" : "waiting";
  host.replaceChildren(
    el("h2", { id: "pattern-h" }, "Your pattern"),
    ...(!p.ready
      ? [
          el(
            "p",
            { "data-pattern-wait": "" },
            `After ${MIN_CHECKIN_DAYS} days of check-ins you'll see your pattern (${p.days} so far).`,
          ),
          el(
            "p",
            { class: "hint" },
            "A day counts when it has a plan and a check-in the next morning.",
          ),
        ]
      : [
          el(
            "p",
            {},
            `From ${plural(p.days, "day")} with a plan and a check-in ${p.lag.lag === 2 ? "two days later" : "the next morning"}.`,
          ),
          el("p", { "data-crash-lag": p.lag.lag ?? "both" }, p.lag.text),
          el(
            "div",
            { class: "plan-groups" },
            group("After days over budget", p.over, "over"),
            group("After days within budget", p.under, "under"),
          ),
          el("h3", {}, "A budget you held"),
          el(
            "p",
            { class: "plan-suggest", "data-suggest": s.budget },
            held ? `Suggested budget: ${s.budget} points a day.` : "No suggestion yet.",
          ),
          el("p", {}, s.text),
          held &&
            s.budget !== me.energy_budget &&
            btn(
              `Use ${s.budget} points as my daily budget`,
              async () => {
                await saveSettings({ energy_budget: s.budget });
                await followUsualBudget(me.energy_budget, s.budget);
                toast(`Your daily budget is now ${s.budget} points.`);
              },
              "btn-primary",
              { "data-use-budget": s.budget },
            ),
          el(
            "p",
            { class: "hint" },
            "This is your own record, not medical advice. If crashes get worse or new weakness appears, see your doctor.",
          ),
        ]),
  );
}

// A refused activity's fields on the form (showRefused puts the server's reasons under them).
const FORM_FIELDS = {
  title: "#a-title",
  minutes: "#a-minutes",
  rest_minutes: "#a-rest",
  "steps.#.title": "#s-title-%",
  "steps.#.minutes": "#s-min-%",
};

// From "Needs a look": the activity in the form, whatever its day, with the server's reasons.
async function editRefused(id) {
  history.replaceState(null, "", location.pathname); // a reload shows the plan
  const a = await get("activities", id);
  if (!a) return;
  form.edit(a);
  await showRefused(form, "activities", id, FORM_FIELDS);
}

export async function mount(root, params = {}) {
  which = params.day === "tomorrow" ? "tomorrow" : "today";
  const { me } = await days();
  const dayHost = el("div", { class: "stack" });
  const timerHost = el("div", { "data-timer-host": "" });
  const patternHost = el("section", { class: "card stack", "aria-labelledby": "pattern-h" });
  form = activityForm(me.chunk_minutes, () => ({ ...shown, which }));
  const redraw = () => drawDay(dayHost);
  const pick = async (key) => {
    which = key;
    history.replaceState(null, "", key === "tomorrow" ? "/plan?day=tomorrow" : "/plan");
    for (const b of root.querySelectorAll("[data-day]"))
      b.setAttribute("aria-pressed", b.dataset.day === key);
    await redraw();
  };
  const dayBtn = (key, label) =>
    btn(label, () => pick(key), null, { "aria-pressed": String(which === key), "data-day": key });
  root.append(
    el("h1", {}, "Plan"),
    el(
      "div",
      { class: "stack" },
      el(
        "div",
        { class: "row plan-days", role: "group", "aria-label": "Which day" },
        dayBtn("today", "Today"),
        dayBtn("tomorrow", "Tomorrow"),
      ),
      timerHost,
      dayHost,
      form,
      await templatesEditor(),
      patternHost,
    ),
  );
  await redraw();
  await drawPattern(patternHost);
  if (params.edit) await editRefused(params.edit);

  let key = null;
  const onTick = ({ detail: d }) => {
    const k = d ? `${d.activity.id}:${d.state.step}:${d.phase.kind}` : null;
    if (k !== key) {
      if (!key || !k) redraw(); // started or ended
      key = k;
      timerHost.replaceChildren(d ? timerCard(d) : "");
    } else if (d?.phase.endsAt) {
      const count = timerHost.querySelector(".plan-count");
      if (count) {
        count.textContent = countdownText(d.phase.endsAt - Date.now());
        count.setAttribute("aria-label", `${count.textContent} left`);
      }
    }
  };
  timerEvents.addEventListener("tick", onTick);
  const unsubscribe = onChange(async ({ collection }) => {
    if (!["plans", "activities", "checkins", "*"].includes(collection)) return;
    await redraw();
    await drawPattern(patternHost);
  });
  stops = [() => timerEvents.removeEventListener("tick", onTick), unsubscribe];
  watchTimer();
}

export function unmount() {
  for (const stop of stops) stop();
  stops = [];
}
