// One-tap logs of the fixes between episodes (a stretch done without the guide, an Epsom salt
// bath, heat before bed), with what is logged today; on /quick, and Today's bedtime card.
import { quickLog } from "./logs.js";
import { FIXES, INTAKE_LABELS } from "./kinds.js";
import { profile } from "../../lib/account.js";
import { localDay } from "../../lib/day.js";
import { btn, clock, el } from "../../lib/ui.js";
import { list, onChange } from "../../store.js";

export const EVENING_HOUR = 19; // Today offers the bedtime card from 19:00 until the day starts

// The buttons and today's line into host, kept up to date. -> stop()
export async function fixesPanel(host) {
  const today = el("p", { class: "intake-figure", "data-fixes-today": "", "aria-live": "polite" });
  host.append(
    el(
      "div",
      { class: "row" },
      Object.entries(FIXES).map(([kind, words]) =>
        btn(words, () => quickLog(kind), "", { "data-fix": kind }),
      ),
    ),
    today,
  );
  const update = async () => {
    const me = await profile();
    const day = localDay(new Date(), me.day_start_hour);
    const done = (await list("intakes"))
      .filter(
        (i) => Object.hasOwn(FIXES, i.kind) && localDay(i.taken_at, me.day_start_hour) === day,
      )
      .sort((a, b) => Date.parse(a.taken_at) - Date.parse(b.taken_at))
      .map((i) => `${INTAKE_LABELS[i.kind]} at ${clock(i.taken_at)}`);
    today.textContent = done.length ? `Today: ${done.join(", ")}.` : "None logged today.";
  };
  await update();
  return onChange((c) => ["intakes", "*"].includes(c.collection) && update());
}

export const evening = (now, dayStartHour) =>
  now.getHours() >= EVENING_HOUR || now.getHours() < dayStartHour;

// Today's card in the evening: the guided stretch, and the one-tap logs. -> {node, stop} or null
export async function bedtimeCard(now = new Date()) {
  if (!evening(now, (await profile()).day_start_hour)) return null;
  const node = el(
    "section",
    { class: "card stack", "aria-labelledby": "h-bedtime", "data-bedtime": "" },
    el("h2", { id: "h-bedtime" }, "Before bed"),
    el(
      "a",
      { class: "btn btn-block", href: "/stretch", "data-stretch-link": "" },
      "Bedtime stretch (guided)",
    ),
  );
  const stop = await fixesPanel(node);
  return { node, stop };
}
