// "Did you do it yesterday?": one experiment_days record per (experiment, day), its id made from
// both, so the app, a notification (offline too) and a second phone answering the same day all
// write the same record; the latest answer wins and nothing else is lost.
// The service worker imports this: no DOM at load time.
import { addDays, localDay } from "../../lib/day.js";
import { derivedId } from "../../lib/derived-id.js";
import { SETTINGS_DEFAULTS } from "../../lib/defaults.js";
import { get, getMeta, list, save } from "../../store.js";
import { armOn, runningOn } from "./plan.js";

export const answerIdFor = (experimentId, day) =>
  derivedId("experiment-day", `${experimentId}:${day}`);

export const answerFor = async (experimentId, day) =>
  (await get("experiment_days", await answerIdFor(experimentId, day))) || null;

export async function answer(experiment, day, done) {
  const id = await answerIdFor(experiment.id, day);
  const before = await get("experiment_days", id);
  return save("experiment_days", { ...before, id, experiment_id: experiment.id, day, done });
}

// The day to ask about on `today` (the person's day): yesterday, when it was a "with" day of a
// running experiment. -> {experiment, day} or null
export async function toAsk(today) {
  const day = addDays(today, -1);
  const experiment = runningOn(await list("experiments"), day);
  return experiment && armOn(experiment, day) === "with" ? { experiment, day } : null;
}

// From the notification's Yes / No: the day before the slot's day. -> the record, or null
export async function answerFromNotification(slot, done) {
  const me = { ...SETTINGS_DEFAULTS, ...(await getMeta("profile")) };
  const at = slot && !Number.isNaN(Date.parse(slot)) ? new Date(slot) : new Date();
  const ask = await toAsk(localDay(at, me.day_start_hour));
  return ask && answer(ask.experiment, ask.day, done);
}
