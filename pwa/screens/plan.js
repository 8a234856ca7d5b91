// Plan: the day's energy budget, its activities, the timer and the person's own pattern.
import { saveSettings } from "../lib/account.js";
import { MIN_CHECKIN_DAYS, SYMPTOMS, crashPattern, pts } from "../features/plan/pacing.js";
import { capitalize, countdownText, plural } from "../lib/format.js";
import { LIMITS } from "../lib/limits.js";
import { btn, card, el, toast } from "../lib/ui.js";
import { get, list, onChange, remove, save } from "../store.js";
import { showRefused } from "../features/attention/refused.js";
import { pointsLine } from "../features/plan/bar.js";
import {
  days,
  loadDay,
  moveActivity,
  savePlan,
  saveTemplate,
  templates,
} from "../features/plan/data.js";
import { activityForm, field, num, text, whole } from "../features/plan/form.js";
import {
  costChooser,
  current,
  startStep,
  timerCard,
  timerEvents,
  watchTimer,
} from "../features/plan/timer.js";

let which = "today";
let stops = [];
let shown; // {me, day, data} on show
let form;

function budgetCard({ plan, totals }) {
  const b = plan.energy_budget;
  const step = (by, dir, word, label) =>
    btn(
      label,
      () => savePlan(shown.day, shown.me, { energy_budget: Math.min(100, Math.max(1, b + by)) }),
      null,
      { "aria-label": `${word} the budget by 1 point`, "data-budget": dir },
    );
  return card(
    "budget-h",
    `Energy ${which}`,
    pointsLine(totals, which),
    totals.over &&
      el("p", { class: "plan-warning", role: "alert", "data-over": "" }, totals.warning),
    el(
      "div",
      { class: "plan-budget" },
      step(-1, "down", "Lower", "−"),
      el("p", { "data-budget-value": b }, `Budget ${which}: ${pts(b)}`),
      step(1, "up", "Raise", "+"),
    ),
  );
}

const STATUS = { doing: "Doing now", done: "Done", stopped: "Stopped early", skipped: "Skipped" };

function activityItem(a, running) {
  const steps = a.steps || [];
  const many = steps.length > 1;
  const logged = a.status === "done" || a.status === "stopped";
  const runs = running?.activity.id === a.id;
  const open = !logged && a.status !== "skipped" && which === "today";
  const other = which === "today" ? "tomorrow" : "today";
  const next = Math.max(
    0,
    steps.findIndex((s) => !s.done),
  );
  const act = (key, label, onclick, cls) => btn(label, onclick, cls, { "data-act": key });
  const more = el("div", { class: "stack" });
  const log = () => {
    more.replaceChildren(
      costChooser(a.energy_cost, async (n) => {
        await save("activities", { ...a, status: "done", spent_cost: n });
        toast(`${a.title}: logged ${pts(n)}.`);
      }),
    );
    more.querySelector("button").focus();
  };
  const extra = [
    !logged &&
      !runs &&
      act("move", `Move to ${other}`, async () => {
        await moveActivity(a, (await days())[other], shown.me);
        toast(`Moved to ${other}.`);
      }),
    !logged &&
      !runs &&
      a.status !== "skipped" &&
      act("skip", "Skip it", () => save("activities", { ...a, status: "skipped" })),
    !runs &&
      act(
        "remove",
        "Remove",
        async () => {
          await remove("activities", a.id);
          toast(`${a.title} removed.`, { label: "Undo", onClick: () => save("activities", a) });
        },
        "btn-danger",
      ),
  ].filter(Boolean);
  return el(
    "li",
    { class: "plan-activity stack", dataset: { activity: a.id, status: a.status } },
    el("h3", {}, a.title),
    el(
      "p",
      { class: "muted" },
      [
        pts(a.energy_cost),
        a.minutes && `${a.minutes} min`,
        many && `${steps.length} steps, ${a.rest_minutes} min rest between`,
      ]
        .filter(Boolean)
        .join(" · "),
    ),
    STATUS[a.status] &&
      el(
        "p",
        { class: "plan-status" },
        STATUS[a.status] + (logged && a.spent_cost != null ? `: cost ${pts(a.spent_cost)}` : ""),
      ),
    many &&
      el(
        "ol",
        { class: "plan-steps" },
        steps.map((s, i) =>
          el(
            "li",
            {},
            el(
              "label",
              { class: "choice" },
              el("input", {
                type: "checkbox",
                checked: !!s.done,
                "data-step": i,
                onchange: (e) =>
                  save("activities", {
                    ...a,
                    steps: steps.map((x, j) => (j === i ? { ...x, done: e.target.checked } : x)),
                  }),
              }),
              `${s.title} (${s.minutes} min)`,
            ),
          ),
        ),
      ),
    el(
      "div",
      { class: "row" },
      open &&
        !running &&
        act(
          "start",
          many ? `Start step ${next + 1}` : "Start",
          async () => {
            await startStep(a, next);
            scrollTo(0, 0);
          },
          "btn-primary",
        ),
      open && !runs && act("log", "Log it done", log),
      act("edit", "Change", () => form.edit(a)),
    ),
    extra.length > 0 &&
      el(
        "details",
        { class: "plan-more" },
        el("summary", {}, "More"),
        el("div", { class: "row" }, extra),
      ),
    more,
  );
}

async function drawDay(host) {
  const { me, [which]: day } = await days();
  const data = await loadDay(day, me);
  shown = { me, day, data };
  const running = await current();
  const items = data.activities.map((a) => activityItem(a, running));
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
    const c = Number(cost.value);
    const m = Number(minutes.value);
    error.textContent = !name
      ? "Give the task a name."
      : !whole(c, COST)
        ? `Points from ${COST.min} to ${COST.max}.`
        : !whole(m, MINUTES)
          ? `Minutes from ${MINUTES.min} to ${MINUTES.max}.`
          : "";
    if (error.textContent) return;
    await saveTemplate({ ...t, title: name, energy_cost: c, minutes: m });
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
        ? `${plural(g.days, "day")}, followed by ${plural(g.crashes, "crash", "crashes")}.`
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
          el("p", {}, `From ${plural(p.days, "day")} with a plan and a check-in the next morning.`),
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
