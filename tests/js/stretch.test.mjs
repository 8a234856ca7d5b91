// The bedtime routine's clock (features/stretch/routine.js) and its table of stretches.
import test from "node:test";
import assert from "node:assert/strict";
import { Routine, phasesOf } from "../../pwa/features/stretch/routine.js";
import { PREP_SECONDS, STEPS } from "../../pwa/features/stretch/steps.js";

const S = 1000;

test("the table: four to six stretches of calves, hamstrings and feet, each side held", () => {
  assert.ok(STEPS.length >= 4 && STEPS.length <= 6);
  const words = STEPS.map((s) => `${s.title} ${s.how}`).join(" ");
  for (const part of [/calf/i, /hamstring/i, /foot|sole|toes/i]) assert.match(words, part);
  for (const s of STEPS) {
    assert.equal(s.sides.length, 2, s.id);
    assert.ok(s.hold >= 20 && s.hold <= 60, s.id);
    assert.match(s.drawing.d, /^M[\d .MLHV-]+$/);
  }
  assert.equal(new Set(STEPS.map((s) => s.id)).size, STEPS.length);
});

test("each side is a moment to get ready, then the hold", () => {
  const phases = phasesOf(STEPS);
  assert.equal(phases.length, STEPS.length * 4);
  assert.deepEqual(phases.slice(0, 4), [
    { kind: "prep", step: 0, side: 0, seconds: PREP_SECONDS },
    { kind: "hold", step: 0, side: 0, seconds: STEPS[0].hold },
    { kind: "prep", step: 0, side: 1, seconds: PREP_SECONDS },
    { kind: "hold", step: 0, side: 1, seconds: STEPS[0].hold },
  ]);
});

test("run to the end: every step done, time counted from each phase's end, not the tick", () => {
  const r = new Routine();
  r.start(0);
  assert.equal(r.state, "running");
  assert.equal(r.remaining(3 * S), (PREP_SECONDS - 3) * S);
  const entered = r.tick((PREP_SECONDS + 1) * S);
  assert.deepEqual(entered, [{ kind: "hold", step: 0, side: 0, seconds: STEPS[0].hold }]);
  assert.equal(r.remaining((PREP_SECONDS + 1) * S), (STEPS[0].hold - 1) * S);
  const total = phasesOf(STEPS).reduce((t, p) => t + p.seconds, 0);
  // A page asleep for a long while catches up in one tick.
  assert.equal(r.tick(total * S).at(-1), null);
  assert.equal(r.state, "finished");
  assert.deepEqual(
    [...r.done],
    STEPS.map((s) => s.id),
  );
  assert.equal(r.summary(), `guided, ${STEPS.length} of ${STEPS.length} stretches`);
});

test("a skipped step is not done; pause keeps the time left", () => {
  const r = new Routine();
  r.start(0);
  r.tick(PREP_SECONDS * S); // holding the first side
  r.skip(10 * S);
  assert.deepEqual(r.phase, { kind: "prep", step: 1, side: 0, seconds: PREP_SECONDS });
  r.pause(12 * S);
  assert.deepEqual(r.tick(100 * S), [], "nothing moves while paused");
  assert.equal(r.remaining(100 * S), (PREP_SECONDS - 2) * S);
  r.resume(100 * S);
  assert.equal(r.remaining(101 * S), (PREP_SECONDS - 3) * S);
  for (let i = 1; i < STEPS.length; i++) r.skip(101 * S);
  assert.equal(r.state, "finished");
  assert.equal(r.done.size, 0);
});

test("Back starts this step again, or the one before when this one has just begun", () => {
  const r = new Routine();
  r.start(0);
  r.skip(0);
  r.tick((PREP_SECONDS + 5) * S); // in step 2's hold
  r.back((PREP_SECONDS + 5) * S);
  assert.deepEqual([r.phase.step, r.phase.kind, r.phase.side], [1, "prep", 0]);
  r.back((PREP_SECONDS + 5.5) * S); // just begun again: to step 1
  assert.equal(r.phase.step, 0);
  r.back((PREP_SECONDS + 6) * S);
  assert.equal(r.phase.step, 0, "the first step stays the first");
});
