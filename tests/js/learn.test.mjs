// The Learn screen's words: the topics a person with fibromyalgia asks about, the safety notes,
// and never a dose.
import test from "node:test";
import assert from "node:assert/strict";
import { DOCTOR, NOTE, QUESTIONS, SECTIONS, mount } from "../../pwa/screens/learn.js";

/** Every string in a value, flattened. */
function strings(v) {
  if (typeof v === "string") return [v];
  if (Array.isArray(v)) return v.flatMap(strings);
  if (v && typeof v === "object") return Object.values(v).flatMap(strings);
  return [];
}

const all = strings([NOTE, SECTIONS, DOCTOR, QUESTIONS]).join("\n");

test("the screen module exports mount", () => {
  assert.equal(typeof mount, "function");
});

test("it is marked as information, not medical advice", () => {
  assert.match(NOTE.title, /Information, not medical advice/);
});

test("it covers the topics people ask about, from central sensitisation to heat or cold", () => {
  for (const word of [
    /central sensitisation/,
    /trigger point/i,
    /tender points/i,
    /sleep/i,
    /blood flow/i,
    /magnesium/i,
    /vitamin D/,
    /potassium/i,
    /post-exertional malaise/,
    /myofascial release/,
    /foam roll/i,
    /dry needling/,
    /warm compress/,
    /walk it off/i,
    /electrolytes/,
    /pacing/i,
    /graded activity/i,
    /Heat or cold/,
  ])
    assert.match(all, word);
  assert.deepEqual(
    SECTIONS.map((s) => s.id),
    ["why", "knots", "cramps", "weakness", "heat"],
  );
  assert.ok(QUESTIONS.length >= 4 && QUESTIONS.every(([q, a]) => q.endsWith("?") && a));
});

test("magnesium evidence is stated plainly and points to the person's own figures", () => {
  assert.match(all, /little or no difference on average/);
  assert.match(all, /Ask your doctor or pharmacist about the form and amount/);
});

test("each fix before bed gets one honest line on its evidence, and the stretch a way in", () => {
  const [stretch, epsom, heat] = SECTIONS.find((s) => s.id === "cramps").body.find(
    (b) => Array.isArray(b) && b.some((t) => /Epsom/.test(t)),
  );
  assert.match(stretch, /small trials disagree/);
  assert.match(stretch, /fewer night cramps, others no clear difference/);
  assert.match(epsom, /through the skin is not established/);
  assert.match(epsom, /warm bath itself may relax/);
  assert.match(heat, /little trial evidence that it prevents cramps/);
  assert.ok(SECTIONS.some((s) => s.body.some((b) => b.a === "/stretch" && b.text)));
});

test("never a dose", () => {
  assert.doesNotMatch(all, /\d\s*(mg|mcg|µg|g|iu|ml|mmol|units?)\b/i);
  assert.doesNotMatch(all, /\b(once|twice|three times) (a|per) day\b/i);
});

test("when to see a doctor: the red flags are there, emergency first", () => {
  const urgent = DOCTOR.urgent.join(" ");
  assert.match(urgent, /suddenly/);
  assert.match(urgent, /one side/);
  assert.match(urgent, /emergency services/);
  assert.match(urgent, /swollen, red or warm/);
  const soon = DOCTOR.soon.join(" ");
  for (const w of [/frequent/, /thinner/, /numbness/, /new medicine/]) assert.match(soon, w);
});

test("no empty text and sections have unique ids", () => {
  assert.ok(strings([SECTIONS, QUESTIONS, DOCTOR]).every((s) => s.trim().length > 0));
  assert.equal(new Set(SECTIONS.map((s) => s.id)).size, SECTIONS.length);
});
