// Try it and see: pick a fix between episodes, follow the plan, read the result.
// The rule behind the result: README.md, "Try it and see: the rule".
import { localDay } from "../lib/day.js";
import { derivedId } from "../lib/derived-id.js";
import { profile } from "../lib/account.js";
import { LIMITS } from "../lib/limits.js";
import { limitText, tooLong } from "../lib/text-limit.js";
import { btn, card, el, toast } from "../lib/ui.js";
import { get, list, nowIso, onChange, save } from "../store.js";
import { experimentResult } from "../features/experiments/analysis.js";
import { answer, answerFor, toAsk } from "../features/experiments/answers.js";
import { FIXES, fixLabel, fixOf, fixWords } from "../features/experiments/fixes.js";
import {
  BLOCK_COUNT,
  BLOCK_DAYS,
  blockLine,
  lastDay,
  randomOrder,
} from "../features/experiments/plan.js";
import { calendarLine, resultView } from "../features/experiments/view.js";
import { useStyles } from "../lib/styles.js";

const WHY =
  `Why this long: ${BLOCK_COUNT} short blocks, half with and half without in a random order, ` +
  "let a real difference stand out from ordinary ups and downs. Fewer blocks never could.";
const reminderId = (e, kind) => derivedId(`experiment-reminder-${kind}`, e.id);
let stop = () => {};

async function setReminders(e, { remind, check }, enabled) {
  for (const [kind, time] of [
    ["experiment", remind],
    ["experiment_check", check],
  ]) {
    const id = await reminderId(e, kind);
    const before = await get("reminders", id);
    if (!before && !enabled) continue;
    const times = time ? [time] : before?.times || [];
    await save("reminders", { ...before, id, kind, title: null, enabled, times, days: [] });
  }
}

// The start form: the fix, the times of the two reminders, the plan drawn, Start.
function startForm(today, draw) {
  const order = randomOrder();
  const plan = { start_day: today, block_days: BLOCK_DAYS, blocks: order, status: "running" };
  const own = el("input", { id: "x-own", name: "title" });
  const ownField = el(
    "div",
    { class: "field", hidden: true },
    el("label", { for: "x-own" }, "Your fix"),
    el("p", { class: "error-text", "data-error-for": "title" }),
    own,
    limitText(own, LIMITS.fix_title.max),
  );
  const doctor = el(
    "p",
    { class: "plan-warning", "data-doctor": "", hidden: true },
    "Before any supplement or medicine, ask a doctor or pharmacist first. The app never suggests a dose.",
  );
  const time = (id, value) => el("input", { id, type: "time", step: 60, value, required: true });
  const remind = time("x-remind", "21:00");
  const check = time("x-check", "09:00");
  const form = el(
    "form",
    { class: "card stack", novalidate: true, "data-start-form": "" },
    el(
      "fieldset",
      { class: "field stack" },
      el("legend", {}, "What do you want to try?"),
      FIXES.map((f, i) =>
        el(
          "label",
          { class: "choice" },
          el("input", { type: "radio", name: "fix", value: f.key, checked: i === 0 }),
          el("span", {}, f.label),
        ),
      ),
    ),
    ownField,
    doctor,
    el("h2", {}, "The plan"),
    el(
      "p",
      {},
      `${BLOCK_COUNT * BLOCK_DAYS} days from today: ${BLOCK_COUNT} blocks of ${BLOCK_DAYS} days, ` +
        "half with it and half without, in this random order:",
    ),
    calendarLine(plan, null),
    el("p", { class: "hint" }, WHY),
    el(
      "div",
      { class: "field" },
      el("label", { for: "x-remind" }, "Remind me on “with” days at"),
      remind,
    ),
    el(
      "div",
      { class: "field" },
      el("label", { for: "x-check" }, "Ask “Did you do it yesterday?” at"),
      check,
    ),
    el("button", { class: "btn btn-primary btn-block", type: "submit" }, "Start"),
  );
  const chosen = () => form.elements.fix.value;
  const update = () => {
    ownField.hidden = chosen() !== "own";
    doctor.hidden = !fixOf(chosen()).supplement;
  };
  form.addEventListener("change", update);
  update();
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const title = chosen() === "own" ? own.value.trim() : null;
    const error = form.querySelector("[data-error-for=title]");
    error.textContent =
      chosen() === "own" && !title
        ? "Say what your fix is."
        : (title && tooLong(title, LIMITS.fix_title.max)) || "";
    own.toggleAttribute("aria-invalid", Boolean(error.textContent));
    if (error.textContent) return own.focus();
    const e = await save("experiments", { ...plan, fix: chosen(), title, stopped_at: null });
    await setReminders(e, { remind: remind.value, check: check.value }, true);
    toast(`Started: ${fixLabel(e)}.`);
    draw();
  });
  return form;
}

// Yesterday's question, when yesterday was a "with" day: Yes / No, the answer shown pressed.
async function question(today) {
  const ask = await toAsk(today);
  if (!ask) return null;
  const before = await answerFor(ask.experiment.id, ask.day);
  const choice = (label, done) =>
    btn(label, () => answer(ask.experiment, ask.day, done), "", {
      "aria-pressed": String(before?.done === done),
    });
  return el(
    "div",
    { class: "stack", "data-question": ask.day },
    el("p", { class: "plan-phase" }, `Did you do it yesterday (${fixWords(ask.experiment)})?`),
    el("div", { class: "row" }, choice("Yes", true), choice("No", false)),
  );
}

async function ended(e, status) {
  await save("experiments", { ...e, status, stopped_at: status === "stopped" ? nowIso() : null });
  await setReminders(e, {}, false);
}

async function screen(host) {
  const me = await profile();
  const today = localDay(new Date(), me.day_start_hour);
  const [experiments, cramps, checkins, days] = await Promise.all(
    ["experiments", "cramps", "checkins", "experiment_days"].map(list),
  );
  const result = (e) =>
    experimentResult(e, { cramps, checkins, days }, { today, dayStartHour: me.day_start_hour });
  const running = experiments
    .filter((e) => e.status === "running")
    .sort((a, b) => (a.created_at < b.created_at ? 1 : -1))[0];
  const past = experiments
    .filter((e) => e !== running)
    .sort((a, b) => (a.start_day < b.start_day ? 1 : -1));
  const draw = () => screen(host);
  const parts = [el("h1", {}, "Try it and see")];
  if (running) {
    const over = today > lastDay(running);
    parts.push(
      card(
        "h-running",
        fixLabel(running),
        el("p", { "data-block-line": "" }, over ? "All blocks done." : blockLine(running, today)),
        calendarLine(running, today),
        await question(today),
        resultView(running, result(running)),
        el(
          "div",
          { class: "row" },
          over
            ? btn(
                "Finish and keep the result",
                () => ended(running, "finished").then(draw),
                "btn-primary",
              )
            : btn("Stop early", () => ended(running, "stopped").then(draw), "btn-danger"),
        ),
      ),
    );
  } else {
    parts.push(
      el(
        "p",
        {},
        "Some fixes act between episodes: they can only show as fewer cramps over weeks. " +
          "Try one in blocks of days with and without it, and see.",
      ),
      startForm(today, draw),
    );
  }
  if (past.length)
    parts.push(
      card(
        "h-past",
        "Earlier experiments",
        past.map((e) =>
          el(
            "div",
            { class: "stack", "data-past": e.id },
            el("h3", {}, `${fixLabel(e)}, from ${e.start_day}`),
            resultView(e, result(e)),
          ),
        ),
      ),
    );
  parts.push(
    el(
      "p",
      { class: "hint" },
      "Information, not medical advice. See a doctor if cramps wake you most nights, come with swelling or weakness, or start with a new medicine.",
    ),
  );
  host.replaceChildren(...parts);
}

export async function mount(root) {
  await useStyles("experiments");
  const host = el("div", { class: "stack" });
  root.append(host);
  await screen(host);
  const collections = ["experiments", "experiment_days", "cramps", "checkins", "*"];
  // A form being filled in is not redrawn under the person's fingers.
  stop = onChange(
    (c) =>
      collections.includes(c.collection) &&
      !host.querySelector("[data-start-form]") &&
      screen(host),
  );
}

export function unmount() {
  stop();
}
