// What shortened the person's cramps: each thing tried DURING a cramp, the cramps with it against
// those without, one plain sentence each, most helpful first. Pure, for the screen and the
// doctor's report. The rule (README, "What helps me"): figures from MIN_EACH_SIDE cramps on each
// side; "clear" only from MIN_CLEAR on each side whose middle halves do not overlap.
import { minutesWords, plural } from "../../lib/format.js";
import { median, quantile } from "../../lib/median.js";
import { usableSeconds } from "../cramp/length.js";

// Tried during a cramp: these can shorten it.
export const RELIEFS = [
  ["stretch", "Stretching", "Stretch"],
  ["heat", "Heat or a warm compress", "Heat"],
  ["massage", "Massage", "Massage"],
  ["walk", "Walking it off", "Walk it off"],
].map(([key, label, short]) => ({ key, label, short }));

// Taken between cramps: they act over days, so a cramp's length says nothing of them. Older
// cramps may list them as tried; they keep their labels but stay out of the comparison.
export const BETWEEN_EPISODES = [
  ["magnesium", "Magnesium", "Magnesium"],
  ["water", "Water or electrolytes", "Water / electrolytes"],
].map(([key, label, short]) => ({ key, label, short }));

export const MIN_EACH_SIDE = 3; // cramps with and without, before any figure
export const MIN_CLEAR = 5; // cramps on each side, before a difference can be called clear

const between = new Set(BETWEEN_EPISODES.map((r) => r.key));
const live = (records) => (records || []).filter((r) => r && !r.deleted_at);

export const labelOf = (key) =>
  [...RELIEFS, ...BETWEEN_EPISODES].find((r) => r.key === key)?.label ?? key;

// How the typical cramp with it compares to one without, in words.
export function effectWords(ratio) {
  if (ratio < 0.3) return "less than a third as long";
  if (ratio < 0.42) return "about a third as long";
  if (ratio <= 0.6) return "about half as long";
  if (ratio <= 0.85) return "a bit shorter";
  if (ratio < 1.18) return "about as long";
  if (ratio < 1.6) return "a bit longer";
  if (ratio <= 2.5) return "about twice as long";
  if (ratio <= 3.5) return "about three times as long";
  return "more than three times as long";
}

// The middle half of a group's lengths (first to third quartile).
const side = (secs) => ({
  count: secs.length,
  medianSeconds: median(secs),
  q1: quantile(secs, 0.25),
  q3: quantile(secs, 0.75),
});
const overlap = (a, b) => a.q1 <= b.q3 && b.q1 <= a.q3;

function sentenceOf(r) {
  const counts = `${r.withIt.count} and ${r.without.count} cramps`;
  if (!r.enough) {
    const need = [
      r.needWith && `${r.needWith} more with it`,
      r.needWithout && `${r.needWithout} more without it`,
    ].filter(Boolean);
    return `${r.label}: not enough yet (${r.withIt.count} cramps with it, ${r.without.count} without). Log ${need.join(" and ")} to see a figure.`;
  }
  const figures = `${minutesWords(r.withIt.medianSeconds)} vs ${minutesWords(r.without.medianSeconds)} without, ${counts}`;
  const answer = `${r.label}: your cramps were ${effectWords(r.ratio)} with it (${figures}).`;
  if (r.certain) return answer;
  const why =
    r.withIt.count < MIN_CLEAR || r.without.count < MIN_CLEAR
      ? `too few cramps to be sure (${MIN_CLEAR} on each side needed)`
      : "the lengths with and without it overlap too much to be sure";
  return `${answer} Uncertain: ${why}.`;
}

export function reliefAnswers(cramps, { min = MIN_EACH_SIDE, minClear = MIN_CLEAR } = {}) {
  // Marked as helped counts as tried.
  const all = live(cramps).map((c) => ({
    secs: usableSeconds(c),
    helped: c.reliefs_helped || [],
    tried: new Set([...(c.reliefs_tried || []), ...(c.reliefs_helped || [])]),
  }));
  const keys = new Set([...RELIEFS.map((r) => r.key), ...all.flatMap((c) => [...c.tried])]);
  const rows = [...keys]
    .filter((key) => !between.has(key))
    .map((key) => {
      const sides = [[], []]; // with, without
      for (const c of all) if (c.secs != null) sides[c.tried.has(key) ? 0 : 1].push(c.secs);
      const [needWith, needWithout] = sides.map((s) => Math.max(0, min - s.length));
      const enough = !needWith && !needWithout;
      const [withIt, without] = sides.map(side);
      // (a length of 0 s is a tap, not a cramp: at least 1 s keeps the ratio finite)
      const ratio = enough ? withIt.medianSeconds / Math.max(1, without.medianSeconds) : null;
      const certain =
        ratio != null &&
        withIt.count >= minClear &&
        without.count >= minClear &&
        !overlap(withIt, without);
      const row = {
        key,
        label: labelOf(key),
        tried: all.filter((c) => c.tried.has(key)).length,
        helped: all.filter((c) => c.helped.includes(key)).length,
        withIt,
        without,
        enough,
        needWith,
        needWithout,
        ratio,
        certain,
      };
      return { ...row, sentence: sentenceOf(row) };
    });
  // Most shortening first; those without a figure after, by name.
  return rows.sort(
    (a, b) =>
      (a.ratio ?? Number.POSITIVE_INFINITY) - (b.ratio ?? Number.POSITIVE_INFINITY) ||
      a.label.localeCompare(b.label),
  );
}

// "You marked it as helping 2 times." (what the person said, beside what the lengths say)
export const helpedWords = (r) =>
  r.helped ? `You marked it as helping ${plural(r.helped, "time")}.` : "";

// The former shape and order, for callers written before reliefAnswers (the doctor's report reads
// it): the same figures, `with`/`without` medians only once both sides have enough, in the order
// of RELIEFS and then the person's own things by name.
export function reliefEffect(cramps, opts) {
  const at = (key) => {
    const i = RELIEFS.findIndex((r) => r.key === key);
    return i < 0 ? RELIEFS.length : i;
  };
  const median = (s, enough) => ({
    count: s.count,
    medianSeconds: enough ? s.medianSeconds : null,
  });
  return reliefAnswers(cramps, opts)
    .sort((a, b) => at(a.key) - at(b.key) || a.label.localeCompare(b.label))
    .map((r) => ({
      key: r.key,
      label: r.label,
      tried: r.tried,
      helped: r.helped,
      with: median(r.withIt, r.enough),
      without: median(r.without, r.enough),
      enough: r.enough,
      needWith: r.needWith,
      needWithout: r.needWithout,
      text: r.sentence,
    }));
}
