// The Learn screen: the app's own plain words on why muscles misbehave in fibromyalgia and
// what may help. Text only (it works offline from the precache). The words live in
// views/learn-text.js; this module only builds the page from them.
import { el } from "../lib/ui.js";
import { DOCTOR, NOTE, QUESTIONS, SECTIONS } from "./learn-text.js";

let root = null;

/** Paragraphs and an optional list. */
function body(part) {
  return [
    ...(part.text || []).map((t) => el("p", {}, t)),
    part.list ? el("ul", { class: "learn-list" }, part.list.map((t) => el("li", {}, t))) : null,
  ];
}

/** One sub-topic: heading, short text, and the longer explanation folded away. */
function renderPart(part) {
  return el(
    "div",
    { class: "learn-part" },
    el("h3", {}, part.title),
    body(part),
    part.more ? el("details", { class: "learn-more" }, el("summary", {}, "More about this"), body({ text: part.more })) : null,
  );
}

/** A section with an h2 heading. */
function renderSection(section) {
  const headingId = `learn-${section.id}-title`;
  return el(
    "section",
    { class: "learn-section card", id: `learn-${section.id}`, "aria-labelledby": headingId },
    el("h2", { id: headingId }, section.title),
    body(section),
    (section.parts || []).map(renderPart),
  );
}

/** The "see a doctor" box: urgent items first. */
function renderDoctor() {
  return el(
    "section",
    { class: "learn-section learn-doctor card", id: "learn-doctor", "aria-labelledby": "learn-doctor-title" },
    el("h2", { id: "learn-doctor-title" }, DOCTOR.title),
    el("h3", {}, DOCTOR.urgentTitle),
    el("ul", { class: "learn-list learn-urgent" }, DOCTOR.urgent.map((t) => el("li", {}, t))),
    el("h3", {}, DOCTOR.soonTitle),
    el("ul", { class: "learn-list" }, DOCTOR.soon.map((t) => el("li", {}, t))),
  );
}

/** Common questions, each folded in a <details>. */
function renderQuestions() {
  return el(
    "section",
    { class: "learn-section card", id: "learn-questions", "aria-labelledby": "learn-questions-title" },
    el("h2", { id: "learn-questions-title" }, "Common questions"),
    QUESTIONS.map((qa) =>
      el("details", { class: "learn-qa" }, el("summary", {}, qa.q), qa.a.map((t) => el("p", {}, t)))),
  );
}

/** Scroll to a section on this page without leaving the screen. */
function jumpTo(event, id) {
  event.preventDefault(); // the router leaves prevented clicks alone
  const heading = document.getElementById(`${id}-title`);
  if (!heading) return;
  heading.tabIndex = -1;
  heading.scrollIntoView({ block: "start" });
  heading.focus({ preventScroll: true });
}

/** The contents list: links to each section on the page. */
function renderContents() {
  const items = [...SECTIONS.map((s) => [`learn-${s.id}`, s.title]), ["learn-doctor", DOCTOR.title], ["learn-questions", "Common questions"]];
  return el(
    "nav",
    { class: "learn-contents", "aria-label": "On this page" },
    el("ul", { class: "learn-list" }, items.map(([id, title]) =>
      el("li", {}, el("a", { href: `#${id}`, onclick: (e) => jumpTo(e, id) }, title)))),
  );
}

/** Build the Learn screen into root. */
export function mount(target) {
  root = target;
  root.append(
    el("div", { class: "learn stack" },
      el("h1", {}, "Learn"),
      el("p", { class: "learn-note", role: "note" }, el("strong", {}, NOTE.title + " "), NOTE.text),
      renderContents(),
      SECTIONS.map(renderSection),
      renderDoctor(),
      renderQuestions()),
  );
}

/** Nothing to stop: the screen has no timers or listeners outside its own nodes. */
export function unmount() {
  root = null;
}
