// Today's one line about a running experiment, loaded after Today is ready (not in its budget).
import { localDay } from "../../lib/day.js";
import { profile } from "../../lib/account.js";
import { el } from "../../lib/ui.js";
import { list } from "../../store.js";
import { answerFor, toAsk } from "./answers.js";
import { blockLine, runningOn } from "./plan.js";

// Fills host with "Block 2 of 8: without" (and yesterday's question when unanswered), or hides it.
export async function experimentLine(host) {
  const me = await profile();
  const today = localDay(new Date(), me.day_start_hour);
  const running = runningOn(await list("experiments"), today);
  const ask = await toAsk(today);
  const unanswered = ask && !(await answerFor(ask.experiment.id, ask.day));
  host.hidden = !running && !unanswered;
  host.replaceChildren(
    el(
      "a",
      { href: "/experiments", "data-experiment-line": "" },
      running ? `Experiment: ${blockLine(running, today)}` : "Experiment",
      unanswered ? ". Did you do it yesterday?" : "",
    ),
  );
}
