// "What helps me": figures computed on the device from the person's own records.
// Every function is pure: arrays of flat records in, plain data out. Options:
//   now            Date the figures are computed at (default: the current time)
//   startHour      the hour a person's day starts (default 4: a 2 a.m. cramp belongs to the night before)
//   offsetMinutes  a fixed UTC offset for "local time"; left out, the device's own local time is used
import { localDay } from "./day.js";
import { median } from "./median.js";
import { RELIEFS } from "./reliefs.js";

export { RELIEFS };

export const MIN_EACH_SIDE = 3; // finished cramps needed both with and without a relief
export const MIN_FOR_PATTERN = 5; // entries needed before an hour or location pattern is shown
export const WEEKS = 8;


const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAY_MS = 86400000;

// ---- time helpers: device time through day.js; a fixed offset when one is given (tests, other zones) ----

/** Local calendar parts of a moment: device time, or UTC shifted by offsetMinutes. */
function localParts(moment, offsetMinutes) {
  const d = new Date(moment);
  if (offsetMinutes == null) {
    return { y: d.getFullYear(), m: d.getMonth(), d: d.getDate(), h: d.getHours() };
  }
  const s = new Date(d.getTime() + offsetMinutes * 60000);
  return { y: s.getUTCFullYear(), m: s.getUTCMonth(), d: s.getUTCDate(), h: s.getUTCHours() };
}

/** "YYYY-MM-DD" from calendar parts. */
function isoDate(y, m, d) {
  return new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
}

/** The person's day ("YYYY-MM-DD") a moment belongs to; before startHour it is still the day before. */
export function dayKey(moment, { startHour = 4, offsetMinutes } = {}) {
  if (offsetMinutes == null) return localDay(moment, startHour);
  const p = localParts(moment, offsetMinutes);
  return isoDate(p.y, p.m, p.d - (p.h < startHour ? 1 : 0));
}

/** The local hour (0–23) of a moment. */
export function localHour(moment, { offsetMinutes } = {}) {
  return localParts(moment, offsetMinutes).h;
}

/** A "YYYY-MM-DD" day moved by n days. */
export function addDays(day, n) {
  return new Date(Date.parse(day + "T00:00:00Z") + n * DAY_MS).toISOString().slice(0, 10);
}

/** "19 Nov" for a "YYYY-MM-DD" day. */
export function dayLabel(day) {
  return `${Number(day.slice(8, 10))} ${MONTHS[Number(day.slice(5, 7)) - 1]}`;
}

/** "3 am", "12 pm" for an hour 0–23. */
export function hourLabel(h) {
  const twelve = h % 12 === 0 ? 12 : h % 12;
  return `${twelve} ${h < 12 ? "am" : "pm"}`;
}

// ---- words ----

/** "1 cramp", "14 cramps". */
export function plural(n, word, many = word + "s") {
  return `${n} ${n === 1 ? word : many}`;
}

/** A duration in plain words: "45 seconds", "4 minutes", "1 hour 10 minutes". */
export function formatDuration(seconds) {
  if (seconds == null) return "unknown";
  if (seconds < 90) return plural(Math.round(seconds), "second");
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return plural(minutes, "minute");
  const rest = minutes % 60;
  return plural(Math.floor(minutes / 60), "hour") + (rest ? " " + plural(rest, "minute") : "");
}

/** The label of a relief key (unknown keys are shown as they are). */
export function reliefLabel(key) {
  return RELIEFS.find((r) => r.key === key)?.label ?? key;
}

// ---- cramps ----

/** Records that are not deleted. */
function live(records) {
  return (records || []).filter((r) => r && !r.deleted_at);
}

/** How long a finished cramp lasted, in seconds; null while it runs or when the times are bad. */
export function crampSeconds(cramp) {
  if (!cramp.started_at || !cramp.ended_at) return null;
  const s = (Date.parse(cramp.ended_at) - Date.parse(cramp.started_at)) / 1000;
  return Number.isFinite(s) && s >= 0 ? s : null;
}

/** Median length of finished cramps, with its count. */
export function crampDurations(cramps) {
  const secs = live(cramps).map(crampSeconds).filter((s) => s != null);
  const med = median(secs);
  const text = secs.length
    ? `Your cramps lasted ${formatDuration(med)} (the middle value, from ${plural(secs.length, "cramp")}).`
    : "No finished cramps logged yet.";
  return { count: secs.length, medianSeconds: med, text };
}

/** The things tried during a cramp; anything marked as helped counts as tried. */
function triedSet(cramp) {
  return new Set([...(cramp.reliefs_tried || []), ...(cramp.reliefs_helped || [])]);
}

/** One relief's figures: median length of finished cramps with it and without it. */
function effectOf(key, finished, all, min) {
  const withIt = [];
  const without = [];
  for (const { secs, tried } of finished) (tried.has(key) ? withIt : without).push(secs);
  const needWith = Math.max(0, min - withIt.length);
  const needWithout = Math.max(0, min - without.length);
  const enough = needWith === 0 && needWithout === 0;
  const r = {
    key,
    label: reliefLabel(key),
    tried: all.filter((c) => triedSet(c).has(key)).length,
    helped: all.filter((c) => (c.reliefs_helped || []).includes(key)).length,
    with: { count: withIt.length, medianSeconds: enough ? median(withIt) : null },
    without: { count: without.length, medianSeconds: enough ? median(without) : null },
    enough,
    needWith,
    needWithout,
  };
  return { ...r, text: reliefText(r) };
}

/** The plain sentence for one relief's figures. */
export function reliefText(r) {
  const helped = r.helped ? ` You marked it as helping ${plural(r.helped, "time")}.` : "";
  if (!r.enough) {
    const need = [];
    if (r.needWith) need.push(`${r.needWith} more with it`);
    if (r.needWithout) need.push(`${r.needWithout} more without it`);
    return `${r.label}: not enough yet. Log ${need.join(" and ")} to see a figure.${helped}`;
  }
  return (
    `${r.label}: cramps with it lasted ${formatDuration(r.with.medianSeconds)} ` +
    `(from ${plural(r.with.count, "cramp")}), without it ${formatDuration(r.without.medianSeconds)} ` +
    `(from ${plural(r.without.count, "cramp")}).${helped}`
  );
}

/** For each thing tried: median cramp length with vs without it, once both sides have `min` cramps. */
export function reliefEffect(cramps, { min = MIN_EACH_SIDE } = {}) {
  const all = live(cramps);
  const finished = all
    .map((c) => ({ secs: crampSeconds(c), tried: triedSet(c) }))
    .filter((f) => f.secs != null);
  const keys = RELIEFS.map((r) => r.key);
  for (const c of all) for (const k of triedSet(c)) if (!keys.includes(k)) keys.push(k);
  return keys.map((k) => effectOf(k, finished, all, min));
}

/** Cramps in each of the last `weeks` 7-day blocks, the last one ending on the person's today. */
export function crampsPerWeek(cramps, { now = new Date(), startHour = 4, offsetMinutes, weeks = WEEKS } = {}) {
  const opts = { startHour, offsetMinutes };
  const today = dayKey(now, opts);
  const blocks = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const end = addDays(today, -7 * i);
    const start = addDays(end, -6);
    blocks.push({ start, end, label: i === 0 ? "This week" : dayLabel(start), count: 0 });
  }
  for (const c of live(cramps)) {
    if (!c.started_at) continue;
    const day = dayKey(c.started_at, opts);
    const b = blocks.find((w) => w.start <= day && day <= w.end);
    if (b) b.count += 1;
  }
  const total = blocks.reduce((n, b) => n + b.count, 0);
  return { weeks: blocks, total, text: weeksText(blocks, total) };
}

/** The screen-reader sentence for cramps per week. */
function weeksText(blocks, total) {
  if (!total) return `No cramps logged in the last ${blocks.length} weeks.`;
  const most = blocks.reduce((a, b) => (b.count > a.count ? b : a));
  const last = blocks[blocks.length - 1];
  const when = most === last ? "this week" : `the week starting ${most.label}`;
  return (
    `${plural(total, "cramp")} in the last ${blocks.length} weeks. ` +
    `Most in ${when}: ${most.count}. This week: ${last.count}.`
  );
}

/** Cramps by local hour of starting, ordered from the start of the person's day. */
export function crampsByHour(cramps, { startHour = 4, offsetMinutes } = {}) {
  const counts = new Array(24).fill(0);
  for (const c of live(cramps)) if (c.started_at) counts[localHour(c.started_at, { offsetMinutes })] += 1;
  const hours = [];
  for (let i = 0; i < 24; i++) {
    const hour = (startHour + i) % 24;
    hours.push({ hour, label: hourLabel(hour), count: counts[hour] });
  }
  const total = counts.reduce((a, b) => a + b, 0);
  const enough = total >= MIN_FOR_PATTERN;
  return { hours, total, enough, text: hoursText(hours, total, enough) };
}

/** The screen-reader sentence for cramps by hour. */
function hoursText(hours, total, enough) {
  if (!enough) return `Not enough yet: ${plural(total, "cramp")} logged, ${MIN_FOR_PATTERN} needed to show the hours.`;
  const top = hours.reduce((a, b) => (b.count > a.count ? b : a));
  const next = hourLabel((top.hour + 1) % 24);
  return `Most cramps started between ${top.label} and ${next}: ${top.count} of ${total}.`;
}

// ---- knots and weakness ----

/** Counts of a text field, most common first. */
function countBy(records, field) {
  const m = new Map();
  for (const r of records) {
    const v = r[field];
    if (Array.isArray(v)) for (const x of v) m.set(x, (m.get(x) || 0) + 1);
    else if (v) m.set(v, (m.get(v) || 0) + 1);
  }
  return [...m].map(([name, count]) => ({ name, count })).sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : 1));
}

/** Knots by location (and what helped them), most common first. */
export function knotsByLocation(knots) {
  const all = live(knots);
  const locations = countBy(all, "location");
  const helped = countBy(all, "helped");
  const enough = all.length >= MIN_FOR_PATTERN;
  let text = `Not enough yet: ${plural(all.length, "knot")} logged, ${MIN_FOR_PATTERN} needed.`;
  if (enough) text = `Most knots were in the ${locations[0].name}: ${locations[0].count} of ${all.length}.`;
  return { locations, helped, total: all.length, enough, text };
}

/** Weakness by body area, and how often legs "turned to jelly". */
export function weaknessByArea(weakness) {
  const all = live(weakness);
  const areas = countBy(all, "body_area");
  const jelly = all.filter((w) => w.jelly_legs).length;
  const enough = all.length >= MIN_FOR_PATTERN;
  let text = `Not enough yet: ${plural(all.length, "weakness entry", "weakness entries")} logged.`;
  if (enough) text = `Weakness was most often in the ${areas[0].name}: ${areas[0].count} of ${all.length}.`;
  return { areas, jelly, total: all.length, enough, text };
}

/** Every "What helps me" figure at once, with the sentences a screen reader can read in order. */
export function whatHelps({ cramps = [], knots = [], weakness = [] } = {}, opts = {}) {
  const durations = crampDurations(cramps);
  const reliefs = reliefEffect(cramps, opts);
  const weeks = crampsPerWeek(cramps, opts);
  const hours = crampsByHour(cramps, opts);
  const knotStats = knotsByLocation(knots);
  const weak = weaknessByArea(weakness);
  const summary = [durations.text, ...reliefs.filter((r) => r.tried).map((r) => r.text), weeks.text, hours.text, knotStats.text];
  return { durations, reliefs, weeks, hours, knots: knotStats, weakness: weak, summary };
}
