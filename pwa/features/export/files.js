// The files of an export: one JSON file of everything, one CSV file per collection. Pure, given a
// snapshot of the phone's records: {now, timeZone, account, settings, records: {name: [..]}}.
import { COLLECTIONS, collection } from "../../lib/collections.js";
import { localTime, oldestFirst, tableOf } from "./columns.js";
import { csvText } from "./csv.js";

// Fields starting with "_" stay on this phone.
export const shareable = (record) =>
  Object.fromEntries(Object.entries(record || {}).filter(([key]) => !key.startsWith("_")));

const slug = (words) =>
  words
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

// "unknot-water-and-magnesium-2026-11-28.csv": what it holds, and the person's day it was made.
export const fileName = (what, s, ext) =>
  `unknot-${slug(what)}-${localTime(s.now.toISOString(), s.timeZone).slice(0, 10)}.${ext}`;

// Every collection by its name (as the server's export has them), records oldest first.
export function jsonFile(s) {
  const body = {
    exported_at: s.now.toISOString(),
    exported_from: "this phone",
    account: s.account,
    time_zone: s.timeZone,
    settings: shareable(s.settings),
  };
  for (const { name } of COLLECTIONS) {
    body[name] = oldestFirst(name, s.records[name] || []).map(shareable);
  }
  return {
    name: fileName("everything", s, "json"),
    type: "application/json",
    text: `${JSON.stringify(body, null, 2)}\n`,
  };
}

// One collection for a spreadsheet; a planned task gives its plan's day (plans are in the snapshot).
export function csvFile(name, s) {
  const planDays = new Map((s.records.plans || []).map((p) => [p.id, p.day]));
  const { header, rows } = tableOf(name, s.records[name] || [], { timeZone: s.timeZone, planDays });
  return {
    name: fileName(collection(name).label, s, "csv"),
    type: "text/csv;charset=utf-8",
    text: csvText(header, rows),
  };
}
