// /report: the doctor's page, made on the phone from its own records (offline, no account
// needed). Choose a period, see the page as it prints, print or save it as a PDF, or share.
import { profile } from "../lib/account.js";
import { SETTINGS_DEFAULTS } from "../lib/defaults.js";
import { btn, el } from "../lib/ui.js";
import { getMeta, list, onChange, setMeta } from "../store.js";
import { zoneOr } from "../features/export/columns.js";
import { PERIODS, nightOf, periodOf, rawList, reportFigures } from "../features/report/figures.js";
import { firstPage, rawPage, shareText } from "../features/report/page.js";
import { useStyles } from "../lib/styles.js";

const NAMES = [
  "cramps",
  "knots",
  "weakness",
  "intakes",
  "plans",
  "activities",
  "checkins",
  "experiments",
  "experiment_days",
];
const NAME_KEY = "reportName"; // on this phone only: never sent to the server

let unsubscribe = null;
let pending = null;

const CHOICES = { ...PERIODS, dates: { label: "Choose dates" } };

function controls(state, redraw) {
  const dates = el(
    "div",
    { class: "row report-dates", hidden: state.choice !== "dates" },
    ["from", "to"].map((k) =>
      el(
        "div",
        { class: "field" },
        el("label", { for: `r-${k}` }, k === "from" ? "From" : "To"),
        el("input", {
          id: `r-${k}`,
          type: "date",
          value: state[k],
          max: state.today,
          onchange: (e) => {
            state[k] = e.target.value;
            redraw();
          },
        }),
      ),
    ),
  );
  const period = el(
    "fieldset",
    { class: "field" },
    el("legend", {}, "Period"),
    Object.entries(CHOICES).map(([key, c]) =>
      el(
        "label",
        { class: "choice" },
        el("input", {
          type: "radio",
          name: "period",
          value: key,
          checked: state.choice === key,
          onchange: () => {
            state.choice = key;
            dates.hidden = key !== "dates";
            redraw();
          },
        }),
        c.label,
      ),
    ),
    dates,
  );
  const name = el(
    "div",
    { class: "field" },
    el("label", { for: "r-name" }, "Your name on the page (if you want it)"),
    el("input", {
      id: "r-name",
      type: "text",
      autocomplete: "name",
      value: state.name,
      "aria-describedby": "r-name-hint",
      onchange: async (e) => {
        state.name = e.target.value.trim();
        await setMeta(NAME_KEY, state.name || undefined);
        redraw();
      },
    }),
    el("p", { class: "hint", id: "r-name-hint" }, "Kept on this phone only."),
  );
  const raw = el(
    "label",
    { class: "choice field" },
    el("input", {
      type: "checkbox",
      name: "raw",
      checked: state.raw,
      onchange: (e) => {
        state.raw = e.target.checked;
        redraw();
      },
    }),
    "Add a second page: every cramp, knot and weakness",
  );
  const share =
    navigator.share &&
    btn("Share the main figures", async () => {
      try {
        await navigator.share({
          title: "Unknot summary",
          text: shareText(state.figures, state.name),
        });
      } catch {
        // closed without sharing
      }
    });
  return el(
    "section",
    { class: "card stack report-controls", "aria-label": "Report options" },
    period,
    name,
    raw,
    el(
      "div",
      { class: "stack" },
      btn("Save as PDF or print", () => print(), "btn-primary btn-block", { "data-print": "" }),
      el("p", { class: "hint" }, "On Android, choose “Save as PDF” as the printer."),
      share && share,
    ),
  );
}

async function draw(preview, state) {
  const records = Object.fromEntries(await Promise.all(NAMES.map(async (n) => [n, await list(n)])));
  const ctx = {
    ...periodOf(state.choice, state.today, state),
    timeZone: state.timeZone,
    startHour: state.startHour,
    budget: state.budget,
  };
  const f = reportFigures(records, ctx);
  state.figures = f;
  const opts = { name: state.name, today: state.today };
  const pages = [firstPage(f, opts)];
  if (state.raw) pages.push(rawPage(f, rawList(records, ctx), opts));
  preview.replaceChildren(...pages);
  preview.dataset.drawn = String(Number(preview.dataset.drawn || 0) + 1);
}

export async function mount(root) {
  await Promise.all([useStyles("report"), useStyles("bodymap")]);
  const me = await profile();
  const timeZone = zoneOr(me.timezone, zoneOr(SETTINGS_DEFAULTS.timezone));
  const startHour = me.day_start_hour;
  const today = nightOf(new Date().toISOString(), { timeZone, startHour });
  const first = periodOf("weeks4", today);
  const state = {
    choice: "weeks4",
    today,
    from: first.from,
    to: today,
    timeZone,
    startHour,
    budget: me.energy_budget,
    name: (await getMeta(NAME_KEY)) || "",
    raw: false,
  };
  const preview = el("div", { class: "report-preview", "data-report": "" });
  const redraw = () => draw(preview, state);
  root.append(
    el("h1", { class: "report-screen-title" }, "Report for your doctor"),
    el(
      "p",
      { class: "hint report-intro" },
      "One page from the logs on this phone, to print or save as a PDF. It works offline.",
    ),
    controls(state, redraw),
    el("p", { class: "report-preview-title" }, "The page as it prints:"),
    preview,
  );
  await redraw();
  unsubscribe = onChange(() => {
    clearTimeout(pending);
    pending = setTimeout(redraw, 300);
  });
}

export function unmount() {
  clearTimeout(pending);
  unsubscribe?.();
  unsubscribe = null;
}
