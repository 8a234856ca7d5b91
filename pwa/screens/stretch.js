// /stretch: the guided bedtime stretch. Big controls, a dim screen kept awake, a soft cue and a
// short vibration to switch sides, read aloud if the person turns that on. Logged as an intake of
// kind "stretch" when finished, or when the person says Done.
import { keepAwake } from "../features/cramp/timer.js";
import { logFix, tell } from "../features/quick/logs.js";
import { Routine } from "../features/stretch/routine.js";
import { STEPS } from "../features/stretch/steps.js";
import { canSpeak, hush, say, setVoice, voiceOn } from "../features/stretch/voice.js";
import { countdownText } from "../lib/format.js";
import { btn, clock, el, svg } from "../lib/ui.js";
import { get, onChange } from "../store.js";
import { useStyles } from "../lib/styles.js";

const PHASE_WORDS = { prep: "Get ready", switch: "Switch sides", hold: "Hold", paused: "Paused" };

function drawing({ head: [cx, cy], d }) {
  const pic = svg("svg", {
    viewBox: "0 0 120 100",
    class: "stretch-drawing",
    "aria-hidden": "true",
  });
  pic.append(svg("circle", { cx, cy, r: 7 }), svg("path", { d }));
  return pic;
}

let stop;

export async function mount(root) {
  await useStyles("stretch");
  const routine = new Routine();
  const count = el("p", { class: "stretch-count" });
  const picture = el("div", { class: "stretch-picture" });
  const title = el("h2", { id: "h-stretch-step" });
  const side = el("p", { class: "stretch-side" });
  const how = el("p", { class: "stretch-how" });
  const phase = el("p", { class: "stretch-phase", "data-stretch-phase": "" });
  const timer = el("p", { class: "stretch-clock", role: "timer", "data-stretch-clock": "" });
  const status = el("p", { class: "visually-hidden", role: "status" });
  const stage = el(
    "section",
    { class: "card stack stretch-stage", "aria-labelledby": "h-stretch-step" },
    count,
    phase,
    timer,
    title,
    side,
    picture,
    how,
    status,
  );
  const main = btn("Start", () => press(), "btn-primary btn-block stretch-main", {
    "data-stretch": "start",
  });
  const back = btn("Back", () => move("back"), "", { "data-stretch": "back" });
  const skip = btn("Skip step", () => move("skip"), "", { "data-stretch": "skip" });
  const done = btn("Done", () => finish(true), "btn-block", { "data-stretch": "done" });
  const voice =
    canSpeak() &&
    el(
      "label",
      { class: "choice" },
      el("input", {
        type: "checkbox",
        checked: voiceOn(),
        "data-stretch-voice": "",
        onchange: (e) => setVoice(e.target.checked),
      }),
      " Read the steps aloud",
    );
  const controls = el(
    "div",
    { class: "stack stretch-controls" },
    main,
    el("div", { class: "row" }, back, skip),
    done,
    voice,
  );
  const end = el("div", { class: "stack", hidden: true, "data-stretch-end": "" });
  // Read before starting; hidden once going, so the clock and the drawing fit on the screen.
  const intro = el(
    "p",
    { class: "hint" },
    "Gentle stretches for calves, hamstrings and feet, about five minutes. A gentle pull, never pain: stop if it hurts or a cramp starts.",
  );
  root.append(
    el(
      "div",
      { class: "stack stretch" },
      el("h1", {}, "Bedtime stretch"),
      intro,
      stage,
      controls,
      end,
    ),
  );

  let shown = -1;
  const draw = () => {
    const p = routine.phase;
    const step = routine.step;
    const s = p?.step ?? 0;
    if (s !== shown) {
      shown = s;
      count.textContent = `Stretch ${s + 1} of ${STEPS.length}`;
      picture.replaceChildren(drawing(step.drawing));
      title.textContent = step.title;
      how.textContent = step.how;
    }
    side.textContent = step.sides[p?.side ?? 0];
    const kind =
      routine.state === "paused"
        ? "paused"
        : p?.kind === "prep" && p.side > 0
          ? "switch"
          : p?.kind || "prep";
    stage.dataset.phase = routine.state === "ready" ? "ready" : kind;
    phase.textContent =
      routine.state === "ready" ? "Press Start when you are ready." : PHASE_WORDS[kind];
    timer.textContent = countdownText(routine.remaining(Date.now()));
    main.textContent = { ready: "Start", running: "Pause", paused: "Go on" }[routine.state] || "";
    main.dataset.stretch = routine.state === "running" ? "pause" : "start";
    // Before the start: what it is, Start and Skip; going: the clock and every control.
    const ready = routine.state === "ready";
    intro.hidden = !ready;
    timer.hidden = ready;
    back.hidden = ready;
    done.hidden = ready;
  };

  // What to say and feel on entering a phase: the step on getting ready, the side on switching.
  const cue = (p) => {
    if (!p) return;
    const step = STEPS[p.step];
    let words;
    if (p.kind === "hold") words = `Hold for ${step.hold} seconds.`;
    else if (p.side > 0) words = `Switch sides. ${step.sides[p.side]}.`;
    else words = `${step.title}. ${step.sides[0]}. ${step.how}`;
    if (p.kind === "prep") navigator.vibrate?.(p.side > 0 ? [60, 80, 60] : 60);
    status.textContent =
      p.kind === "hold"
        ? words
        : `${step.title}: ${PHASE_WORDS[p.side > 0 ? "switch" : "prep"]}. ${step.sides[p.side]}.`;
    say(words);
  };

  let ticker = null;
  let offUndo = () => {};
  const tick = () => {
    const entered = routine.tick(Date.now());
    if (entered.includes(null)) return finish(false);
    if (entered.length) cue(entered.at(-1));
    draw();
  };
  const running = (on) => {
    clearInterval(ticker);
    ticker = on ? setInterval(tick, 250) : null;
  };

  function press() {
    const now = Date.now();
    if (routine.state === "ready") {
      routine.start(now);
      scrollTo(0, 0);
      keepAwake(true);
      running(true);
      cue(routine.phase);
    } else if (routine.state === "running") {
      routine.pause(now);
      hush();
      status.textContent = "Paused.";
    } else if (routine.state === "paused") {
      routine.resume(now);
      status.textContent = "Going on.";
    }
    draw();
  }

  function move(way) {
    if (routine.state === "ready") routine.start(Date.now());
    keepAwake(true);
    running(true);
    routine[way](Date.now());
    if (routine.state === "finished") return finish(false);
    cue(routine.phase);
    draw();
  }

  // Saved once the routine is over with a stretch held, or when the person says Done.
  async function finish(said) {
    running(false);
    keepAwake(false);
    routine.state = "finished";
    stage.hidden = true;
    controls.hidden = true;
    end.hidden = false;
    const held = routine.done.size;
    if (!held && !said) {
      end.replaceChildren(
        el("h2", {}, "All skipped"),
        el("p", {}, "No stretch was held to the end, so nothing is saved."),
        btn("I did stretch: save it", () => finish(true), "btn-primary btn-block", {
          "data-stretch": "save",
        }),
        el("a", { class: "btn btn-block", href: "/" }, "Back to Today"),
      );
      end.querySelector("h2").tabIndex = -1;
      end.querySelector("h2").focus();
      return;
    }
    const logged = await logFix("stretch", routine.summary());
    const { record } = logged; // one saved minutes ago (a one-tap log) counts: no second one
    tell(logged);
    say("Well done. Sleep well.");
    const words = el(
      "p",
      { "data-stretch-words": "" },
      `Well done. Saved at ${clock(record.taken_at)}: ${held} of ${STEPS.length} stretches held.`,
    );
    end.replaceChildren(
      el("h2", { tabindex: -1, "data-stretch-saved": "" }, "Done for tonight"),
      words,
      el("a", { class: "btn btn-primary btn-block", href: "/" }, "Back to Today"),
    );
    end.querySelector("h2").focus();
    // Undo (in the toast) takes it back: say so here too.
    offUndo = onChange(async (c) => {
      if (["intakes", "*"].includes(c.collection) && !(await get("intakes", record.id)))
        words.textContent = "Undone: this stretch is not saved.";
    });
  }

  draw();
  stop = () => {
    offUndo();
    running(false);
    keepAwake(false);
    hush();
  };
}

export const unmount = () => stop?.();
