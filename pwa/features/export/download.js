// Downloads made on this phone from its own records: offline, with or without an account.
import { account, profile } from "../../lib/account.js";
import { COLLECTIONS } from "../../lib/collections.js";
import { SETTINGS_DEFAULTS } from "../../lib/defaults.js";
import { el } from "../../lib/ui.js";
import { list } from "../../store.js";
import { zoneOr } from "./columns.js";
import { csvFile, jsonFile } from "./files.js";

// What the files are made from; a planned task's CSV needs the plans for their days.
async function snapshot(names) {
  const settings = await profile();
  const records = {};
  for (const name of names) records[name] = await list(name);
  return {
    now: new Date(),
    timeZone: zoneOr(settings.timezone, zoneOr(SETTINGS_DEFAULTS.timezone)),
    account: (await account())?.email ?? null,
    settings,
    records,
  };
}

function save({ name, type, text }) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = el("a", { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started by then; the URL would otherwise hold the text until the page closes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

// Returns {name, count}: the file's name and how many records it holds.
export async function downloadEverything() {
  const s = await snapshot(COLLECTIONS.map((c) => c.name));
  const file = jsonFile(s);
  save(file);
  return { name: file.name, count: Object.values(s.records).flat().length };
}

export async function downloadList(name) {
  const s = await snapshot(name === "activities" ? [name, "plans"] : [name]);
  const file = csvFile(name, s);
  save(file);
  return { name: file.name, count: s.records[name].length };
}
