// The words of the Learn screen, written for Unknot. Plain sentences, no doses, and where
// the evidence is mixed we say so. Data only: views/learn.js turns it into the page.

export const NOTE = {
  title: "Information, not medical advice.",
  text:
    "This page explains what is known in plain words. It cannot know your body or your medicines. " +
    "Talk to your doctor, nurse or pharmacist before you change a treatment or start a supplement.",
};

export const SECTIONS = [
  {
    id: "why",
    title: "Why the muscles misbehave",
    text: [
      "In fibromyalgia the muscles are usually not damaged. The pain is real, but much of it comes " +
        "from how the nerves and the brain handle signals.",
    ],
    parts: [
      {
        title: "A volume knob turned up",
        text: [
          "The nervous system turns up the volume on signals from the body. Touch, pressure or a small " +
            "ache can feel like strong pain. Doctors call this central sensitisation.",
        ],
        more: [
          "Scans and blood tests of the muscles often look normal. That does not mean the pain is " +
            "imagined: the change is in how pain is processed, in the spinal cord and the brain.",
          "Stress, poor sleep, cold and doing too much can turn the volume up further for a while.",
        ],
      },
      {
        title: "Knots (trigger points) and tender points",
        text: [
          "A knot, or trigger point, is a tight, sore spot in a muscle that you can often feel as a " +
            "small lump or band. Pressing it can send pain somewhere else, for example from the " +
            "shoulder up into the head.",
          "Tender points are spots that hurt when pressed but do not send pain elsewhere. Doctors once " +
            "counted them to diagnose fibromyalgia; today the diagnosis rests on widespread pain and " +
            "other symptoms instead.",
        ],
      },
      {
        title: "Sleep that does not refresh",
        text: [
          "Many people wake up as tired as when they went to bed. Deep sleep is often broken, and " +
            "deep sleep is when muscles recover. Poor sleep also makes pain feel stronger the next day.",
        ],
      },
      {
        title: "Less blood flow in small vessels",
        text: [
          "Some studies found that blood flows less well through the tiny vessels in the muscles of " +
            "people with fibromyalgia, especially during effort. Muscles may then tire and ache sooner.",
        ],
      },
      {
        title: "Minerals and vitamins",
        text: [
          "Low magnesium, low vitamin D or low potassium can cause muscle aches, cramps or weakness in " +
            "anyone. A simple blood test can check them. Taking more only helps if you are low, and too " +
            "much can harm, so ask your doctor or pharmacist before you start.",
        ],
      },
      {
        title: "Doing too much",
        text: [
          "Pushing through on a good day can bring a crash a day or two later: heavy muscles, weakness " +
            "and exhaustion. This is sometimes called post-exertional malaise. Pacing (see Weakness " +
            "below, and the Plan screen) helps you find how much you can do without it.",
        ],
      },
    ],
  },
  {
    id: "knots",
    title: "What may help knots",
    list: [
      "Massage, or myofascial release: slow, steady pressure on the knot until it eases.",
      "A foam roller or a ball against a wall, with gentle pressure. Stop if the pain gets sharp.",
      "Gentle stretching of the muscle, slowly, without bouncing.",
      "Heat: a warm shower, a warm pack or a heated wheat bag on the area.",
      "From a trained professional: trigger point injections or dry needling. Ask your doctor or " +
        "physiotherapist whether they suit you.",
    ],
    text: ["Log your knots and what you tried. The app then shows where they come most often and what you marked as helping."],
  },
  {
    id: "cramps",
    title: "What may help cramps",
    text: ["A cramp is a muscle that tightens hard and will not let go. It often comes at night, in the calf or the foot."],
    parts: [
      {
        title: "Right now, during a cramp",
        list: [
          "Stretch the cramping muscle gently. For the calf: pull your toes up towards your knee, or stand and press your heel down.",
          "Warmth: a warm compress, a hot water bottle or a warm shower.",
          "Stand up and walk it off, if you can do so safely.",
          "Rub the muscle gently.",
        ],
      },
      {
        title: "Between cramps",
        list: [
          "Drink enough through the day. Water or a drink with electrolytes may help if you sweat a lot.",
          "A gentle calf stretch before bed.",
          "Keep your legs warm at night.",
        ],
      },
      {
        title: "What about magnesium?",
        text: [
          "Magnesium is often suggested for cramps. When researchers tested it for night-time leg cramps " +
            "in older adults, it made little or no difference on average. It may still help some people, " +
            "for example if they are low in magnesium.",
          "That is why Unknot lets you see it for yourself: log what you tried during each cramp, and " +
            "What helps me compares how long your cramps lasted with and without it.",
          "Ask your doctor or pharmacist about the form and amount before you take it, especially if you " +
            "have kidney problems or take other medicines.",
        ],
      },
    ],
  },
  {
    id: "weakness",
    title: "What may help weakness",
    text: ["Muscles in fibromyalgia can tire quickly. Legs can suddenly feel like jelly after a short effort."],
    list: [
      "Pacing: plan your day within an energy budget and stop before you are worn out, not after.",
      "Break a long task into short steps with rest between them. The Plan screen does this for you.",
      "Rest breaks are part of the task, not a failure.",
      "Gentle, graded activity: a little movement most days, increased very slowly, builds strength " +
        "without a crash. A physiotherapist can help you set the starting point.",
    ],
  },
  {
    id: "heat",
    title: "Heat or cold?",
    text: [
      "Most people with fibromyalgia find heat more soothing than cold. Warmth relaxes tight muscles " +
        "and eases knots and cramps.",
      "Cold can help a fresh strain or a swollen, hot joint, but in fibromyalgia it often makes muscles " +
        "tighter and sorer.",
      "Protect your skin: never put a heat pack or ice straight on bare skin, keep sessions to about " +
        "twenty minutes, and take extra care where you have less feeling.",
    ],
  },
];

export const DOCTOR = {
  title: "When to see a doctor",
  urgentTitle: "Get help now",
  urgent: [
    "Weakness that comes on suddenly, or on one side of the body only, or with a drooping face or " +
      "slurred speech: call emergency services.",
    "A painful calf that is swollen, red or warm: see a doctor the same day. It can be a blood clot.",
  ],
  soonTitle: "Book an appointment",
  soon: [
    "Cramps that are frequent, very painful, or that disturb your sleep night after night.",
    "Muscles that are getting thinner, or weakness that keeps getting worse.",
    "New numbness or tingling.",
    "Cramps, aches or weakness that started after you began a new medicine.",
  ],
};

export const QUESTIONS = [
  {
    q: "Is my muscle damaged?",
    a: ["Usually not. The pain comes mostly from nerves that have become too sensitive. Moving gently is safe and often helps."],
  },
  {
    q: "Should I rest completely on bad days?",
    a: ["Rest more, but try not to stop moving altogether. Short, easy movement keeps muscles from stiffening."],
  },
  {
    q: "Why do I feel worse the day after a good day?",
    a: ["Doing a lot on a good day can bring a crash later. The Plan screen shows your own pattern after two weeks of check-ins."],
  },
  {
    q: "Should I take magnesium, potassium or vitamin D?",
    a: ["Only if you are low, and only after asking your doctor or pharmacist about the form and amount. A blood test can tell."],
  },
  {
    q: "Why does Unknot ask what I tried during a cramp?",
    a: ["What helps differs from person to person. After a few cramps the app can show whether a remedy shortened yours."],
  },
];
