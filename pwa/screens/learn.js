// Learn: plain words on why muscles misbehave in fibromyalgia and what may help. Never a dose;
// where the evidence is mixed we say so.
import { el } from "../lib/ui.js";

export const NOTE = {
  title: "Information, not medical advice.",
  text: "Ask your doctor, nurse or pharmacist before changing a treatment or starting a supplement.",
};

// A string is a paragraph, an array a list, {h} a sub-heading, {a, text} a link to a screen.
export const SECTIONS = [
  {
    id: "why",
    title: "Why the muscles misbehave",
    body: [
      "The muscles are usually not damaged. The pain is real, but much of it comes from how nerves and brain handle signals.",
      { h: "A volume knob turned up" },
      "The nervous system turns signals up: a touch or small ache can feel like strong pain (central sensitisation). " +
        "Tests often look normal; the pain is not imagined. Stress, poor sleep, cold and overdoing it turn it up more.",
      { h: "Knots and tender points" },
      "A knot (trigger point) is a tight, sore band in a muscle; pressing it can send pain elsewhere. Tender points only hurt where pressed.",
      { h: "Poor sleep" },
      "Broken deep sleep means tired muscles and stronger pain the next day.",
      { h: "Less blood flow" },
      "Studies found less blood flow in small muscle vessels during effort, so muscles tire sooner.",
      { h: "Minerals and vitamins" },
      "Low magnesium, vitamin D or potassium can cause aches, cramps or weakness; a blood test can tell. More only helps if you are low, and too much can harm: ask your doctor or pharmacist first.",
      { h: "Doing too much" },
      "Pushing through on a good day can bring a crash a day or two later (post-exertional malaise). Pacing helps: see below, and Plan.",
    ],
  },
  {
    id: "knots",
    title: "What may help knots",
    body: [
      [
        "Massage or myofascial release: slow, steady pressure until the knot eases.",
        "A foam roller or a ball against a wall; stop if pain gets sharp.",
        "Slow, gentle stretching.",
        "Heat: a warm shower or pack.",
        "From a professional: trigger point injections or dry needling.",
      ],
      "Log knots and what you tried to see where they come and what helped.",
    ],
  },
  {
    id: "cramps",
    title: "What may help cramps",
    body: [
      "A cramp is a muscle that tightens hard and will not let go, often at night in the calf or foot.",
      { h: "During a cramp" },
      [
        "Stretch it gently: pull your toes towards your knee, or stand and press the heel down.",
        "Warmth: a warm compress or shower.",
        "Stand up and walk it off, if safe.",
        "Rub it gently.",
      ],
      { h: "Between cramps" },
      [
        "Drink enough; electrolytes may help if you sweat a lot.",
        "A gentle calf stretch before bed.",
        "Keep your legs warm at night.",
      ],
      { h: "Before bed: what the evidence says" },
      [
        "Stretching calves and hamstrings at bedtime: small trials disagree. One found fewer night cramps, others no clear difference. It is gentle and free, so it may be worth a try.",
        "Epsom salt baths: that magnesium gets into the body through the skin is not established. The warm bath itself may relax tight muscles; warm, not hot.",
        "Heat before bed (a warm bath, a heat pack, warm bedding): comforting and relaxing for muscles, with little trial evidence that it prevents cramps.",
      ],
      { a: "/stretch", text: "Try the bedtime stretch" },
      { h: "What about magnesium?" },
      "In trials with older adults, magnesium for night-time leg cramps made little or no difference on average. It may still help some people, for example if they are low.",
      {
        link: ["/experiments", "Try it and see"],
        text: "Test it yourself: Try it and see plans a month of days with and without it, and says plainly what changed.",
      },
      "Ask your doctor or pharmacist about the form and amount first, especially with kidney problems or other medicines.",
    ],
  },
  {
    id: "weakness",
    title: "What may help weakness",
    body: [
      "Muscles can tire fast; legs can turn to jelly.",
      [
        "Pacing: plan within an energy budget and stop before you are worn out.",
        "Split long tasks into short steps with rests; Plan does this.",
        "Rests are part of the task, not a failure.",
        "Gentle, graded activity: a little movement most days, built up slowly, with a physiotherapist's help.",
      ],
    ],
  },
  {
    id: "heat",
    title: "Heat or cold?",
    body: [
      "Most find heat more soothing: it relaxes tight muscles and eases knots and cramps. " +
        "Cold suits a fresh strain or a hot, swollen joint, but often tightens these muscles.",
      "Never put heat or ice on bare skin; keep to about twenty minutes, and take care where you feel less.",
    ],
  },
];

export const DOCTOR = {
  urgent: [
    "Weakness that comes on suddenly, on one side, or with a drooping face or slurred speech: call emergency services.",
    "A painful calf that is swollen, red or warm: see a doctor today. It can be a blood clot.",
  ],
  soon: [
    "Cramps that are frequent, very painful or break your sleep.",
    "Muscles getting thinner, or weakness getting worse.",
    "New numbness or tingling.",
    "Cramps, aches or weakness since a new medicine.",
  ],
};

export const QUESTIONS = [
  [
    "Should I rest completely on bad days?",
    "Rest more, but keep moving a little: it is safe, and muscles do not stiffen.",
  ],
  [
    "Why am I worse after a good day?",
    "Doing a lot can bring a crash later. Plan shows your own pattern after two weeks of check-ins.",
  ],
  [
    "Should I take magnesium, potassium or vitamin D?",
    "Only if a blood test shows you are low, and after you ask your doctor or pharmacist about the form and amount.",
  ],
  [
    "Why log what I tried during a cramp?",
    "What helps differs between people; after a few cramps the app shows what shortened yours.",
  ],
];

const list = (items, cls = "learn-list") =>
  el(
    "ul",
    { class: cls },
    items.map((t) => el("li", {}, t)),
  );
// A paragraph, {h} a heading, {a, text} a button-like link, {text, link: [href, words]} a
// paragraph with a link in it, else a list.
const linked = ({ text, link: [href, words] }) => {
  const [before, after] = text.split(words);
  return el("p", {}, before, el("a", { href }, words), after);
};
function block(b) {
  if (typeof b === "string") return el("p", {}, b);
  if (b.h) return el("h3", {}, b.h);
  if (b.a) return el("a", { class: "btn btn-block", href: b.a }, b.text);
  if (b.link) return linked(b);
  return list(b);
}

export function mount(root) {
  const topics = [
    ...SECTIONS.map((s) => [s.id, s.title, ...s.body.map(block)]),
    [
      "doctor",
      "When to see a doctor",
      el("h3", {}, "Get help now"),
      list(DOCTOR.urgent, "learn-list learn-urgent"),
      el("h3", {}, "Book an appointment"),
      list(DOCTOR.soon),
    ],
    [
      "questions",
      "Common questions",
      ...QUESTIONS.map(([q, a]) =>
        el("details", { class: "learn-more" }, el("summary", {}, q), el("p", {}, a)),
      ),
    ],
  ];
  // In-page jumps: the router leaves prevented clicks alone.
  const jump = (e) => {
    e.preventDefault();
    const h = document.querySelector(e.currentTarget.hash);
    h.scrollIntoView();
    h.focus({ preventScroll: true });
  };
  root.append(
    el(
      "div",
      { class: "stack learn" },
      el("h1", {}, "Learn"),
      el("p", { class: "learn-note", role: "note" }, el("strong", {}, NOTE.title), ` ${NOTE.text}`),
      el(
        "nav",
        { class: "learn-contents", "aria-label": "On this page" },
        list(topics.map(([id, title]) => el("a", { href: `#learn-${id}`, onclick: jump }, title))),
      ),
      topics.map(([id, title, ...content]) =>
        el(
          "section",
          {
            class: id === "doctor" ? "card learn-doctor" : "card",
            "aria-labelledby": `learn-${id}`,
          },
          el("h2", { id: `learn-${id}`, tabindex: -1 }, title),
          content,
        ),
      ),
    ),
  );
}
