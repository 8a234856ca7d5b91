// "Your pattern": next-day symptoms after days over vs within budget, and a budget the person
// held without a crash (pwa/lib/pacing.js crashPattern; the rule is in the README).
import { saveSettings } from "../lib/account.js";
import { MIN_CHECKIN_DAYS, SYMPTOMS, crashPattern } from "../lib/pacing.js";
import { el, toast } from "../lib/ui.js";
import { list } from "../store.js";

const NAMES = { fatigue: "Fatigue", weakness: "Weakness", cramps: "Cramps", knots: "Knots" };
const days = (n) => `${n} day${n === 1 ? "" : "s"}`;

function group(title, g, key) {
  const rows = SYMPTOMS.map((s) => el("li", {},
    g[s].count ? `${NAMES[s]}: ${g[s].mean} of 10 on average (${g[s].count} answer${g[s].count === 1 ? "" : "s"})` : `${NAMES[s]}: no answers`));
  return el("div", { class: "plan-group", dataset: { group: key } },
    el("h3", {}, title),
    el("p", {}, g.days ? `${days(g.days)}, followed by ${g.crashes} crash${g.crashes === 1 ? "" : "es"}.` : "No days yet."),
    g.days ? el("ul", { class: "list" }, rows) : null);
}

/** Fill `host` with the person's pattern, or how many days are still needed. */
export async function drawPattern(host, me) {
  const [plans, activities, checkins] = await Promise.all([list("plans"), list("activities"), list("checkins")]);
  const p = crashPattern({ plans, activities, checkins }, { budget: me.energy_budget || 12, startHour: me.day_start_hour });
  host.replaceChildren(el("h2", { id: "pattern-h" }, "Your pattern"));
  host.setAttribute("aria-labelledby", "pattern-h");
  host.dataset.pattern = p.ready ? "ready" : "waiting";
  if (!p.ready) {
    host.append(
      el("p", { "data-pattern-wait": "" }, `After ${MIN_CHECKIN_DAYS} days of check-ins you'll see your pattern (${p.days} so far).`),
      el("p", { class: "hint" }, "A day counts when it has a plan and a check-in the next morning."));
    return p;
  }
  const s = p.suggestion;
  const use = el("button", { class: "btn btn-primary", type: "button", "data-use-budget": String(s.budget),
    onclick: async () => { await saveSettings({ energy_budget: s.budget }); toast(`Your daily budget is now ${s.budget} points.`); } },
  `Use ${s.budget} points as my daily budget`);
  host.append(
    el("p", {}, `From ${days(p.days)} with a plan and a check-in the next morning.`),
    el("p", { "data-pattern-text": "" }, p.text),
    el("div", { class: "plan-groups" }, group("After days over budget", p.over, "over"), group("After days within budget", p.under, "under")),
    el("h3", {}, "A budget you held"),
    el("p", { class: "plan-suggest", "data-suggest": String(s.budget) },
      s.basis === "held" ? `Suggested budget: ${s.budget} points a day.` : `No suggestion yet: keep ${s.budget} points a day.`),
    el("p", {}, s.text),
    s.basis === "held" ? el("p", { class: "muted" }, `Rests on ${days(s.heldDays)} of ${s.budget} points or more without a crash` +
      (s.lowestCrash == null ? "." : `; the lowest day before a crash was ${s.lowestCrash} points.`)) : null,
    s.basis === "held" && s.budget !== me.energy_budget ? use : null,
    el("p", { class: "hint" }, "This is your own record, not medical advice. If crashes get worse or new weakness appears, see your doctor."));
  return p;
}
