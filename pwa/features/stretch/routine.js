// The routine's clock, pure (no DOM): for each step and side, a moment to get ready and a hold,
// each timed from when the one before ended, so a slow or hidden page loses nothing.
import { PREP_SECONDS, STEPS } from "./steps.js";

// [{kind: "prep" | "hold", step, side, seconds}] in order.
export const phasesOf = (steps) =>
  steps.flatMap((step, s) =>
    step.sides.flatMap((_, side) => [
      { kind: "prep", step: s, side, seconds: PREP_SECONDS },
      { kind: "hold", step: s, side, seconds: step.hold },
    ]),
  );

// state: "ready" (not started) | "running" | "paused" | "finished". done: the ids of the steps
// held to the end on every side.
export class Routine {
  constructor(steps = STEPS) {
    this.steps = steps;
    this.phases = phasesOf(steps);
    this.at = 0;
    this.state = "ready";
    this.endsAt = null;
    this.left = null;
    this.done = new Set();
  }

  get phase() {
    return this.phases[this.at] || null;
  }

  get step() {
    return this.steps[this.phase?.step ?? this.steps.length - 1];
  }

  remaining(now) {
    if (this.state === "running") return Math.max(0, this.endsAt - now);
    if (this.state === "paused") return this.left;
    return (this.phase?.seconds ?? 0) * 1000;
  }

  start(now) {
    if (this.state === "ready") this.goTo(0, now, "running");
  }

  pause(now) {
    if (this.state !== "running") return;
    this.left = Math.max(0, this.endsAt - now);
    this.state = "paused";
  }

  resume(now) {
    if (this.state !== "paused") return;
    this.endsAt = now + this.left;
    this.state = "running";
  }

  // Move on as time passes. -> the phases entered, in order (null: the routine finished).
  tick(now) {
    const entered = [];
    while (this.state === "running" && now >= this.endsAt) {
      const { kind, side } = this.phase;
      if (kind === "hold" && side === this.step.sides.length - 1) this.done.add(this.step.id);
      this.at += 1;
      if (!this.phase) {
        this.state = "finished";
        entered.push(null);
        break;
      }
      this.endsAt += this.phase.seconds * 1000;
      entered.push(this.phase);
    }
    return entered;
  }

  // To the start of the next step (finished after the last); a step skipped is not done.
  skip(now) {
    const next = this.phase.step + 1;
    if (next < this.steps.length) this.goTo(next, now);
    else this.state = "finished";
  }

  // To the start of this step, or of the one before when this one has only just begun.
  back(now) {
    const step = this.phase.step;
    const first = this.phases.findIndex((p) => p.step === step);
    const justBegun = this.at === first && this.remaining(now) > (PREP_SECONDS - 2) * 1000;
    this.goTo(justBegun ? Math.max(0, step - 1) : step, now);
  }

  // The first phase of step s, running (or paused, keeping it so).
  goTo(s, now, state = this.state) {
    this.at = this.phases.findIndex((p) => p.step === s);
    this.state = state === "paused" ? "paused" : "running";
    this.endsAt = now + this.phase.seconds * 1000;
    this.left = this.phase.seconds * 1000;
  }

  // "guided, 3 of 4 stretches": the record's form (what the person did, in words).
  summary() {
    return `guided, ${this.done.size} of ${this.steps.length} stretches`;
  }
}
