// The check store.save runs before a record enters the outbox: the server's limits, its words.
import test from "node:test";
import assert from "node:assert/strict";
import { checkRecord, problems } from "../../pwa/lib/check.js";

const activity = (more) => ({
  title: "Groceries",
  energy_cost: 3,
  minutes: 30,
  steps: [],
  ...more,
});

test("a record within every limit passes", () => {
  assert.deepEqual(
    problems("activities", activity({ steps: [{ title: "Shop", minutes: 20 }] })),
    {},
  );
  assert.doesNotThrow(() => checkRecord("intakes", { kind: "magnesium", amount: 200 }));
  assert.doesNotThrow(() => checkRecord("knots", { location: "neck", notes: null }));
});

test("a step title over 200 characters is caught, nested as the server nests it", () => {
  const steps = [
    { title: "ok", minutes: 5 },
    { title: "x".repeat(231), minutes: 5 },
  ];
  assert.deepEqual(problems("activities", activity({ steps })), {
    steps: { 1: { title: ["Too long: at most 200 characters (this has 231)."] } },
  });
});

test("the thrown error is plain and in the server's error shape", () => {
  const steps = [{ title: "x".repeat(201), minutes: 5 }];
  assert.throws(
    () => checkRecord("activities", activity({ steps })),
    (err) =>
      err.status === 422 &&
      err.message === "Not saved: Step 1: Too long: at most 200 characters (this has 201)." &&
      "steps" in err.errors.data,
  );
});

test("characters are counted as the server counts them, not in UTF-16 units", () => {
  assert.deepEqual(problems("cramps", { notes: "😖".repeat(2000) }), {});
  assert.ok(problems("cramps", { notes: "😖".repeat(2001) }).notes);
});

test("numbers out of range say how", () => {
  assert.deepEqual(problems("intakes", { amount: -5 }), {
    amount: ["This cannot be negative: use a number from 0 to 100,000."],
  });
  assert.deepEqual(problems("plans", { energy_budget: 0 }), {
    energy_budget: ["Too low: use a number from 1 to 100."],
  });
  assert.deepEqual(problems("checkins", { fatigue: 11 }), {
    fatigue: ["Too high: use a number from 0 to 10."],
  });
  assert.deepEqual(problems("intakes", { amount: Number.NaN }), { amount: ["Use a number."] });
});

test("an empty required text and too many steps are caught", () => {
  assert.deepEqual(problems("knots", { location: "" }), { location: ["Fill this in."] });
  const steps = Array.from({ length: 51 }, () => ({ title: "s", minutes: 1 }));
  assert.deepEqual(problems("activities", activity({ steps })), {
    steps: ["Too many: at most 50."],
  });
});

test("empty optional fields and unknown collections are left alone", () => {
  assert.deepEqual(problems("cramps", { notes: null, intensity: undefined }), {});
  assert.deepEqual(problems("nothing", { title: "x".repeat(9999) }), {});
});
