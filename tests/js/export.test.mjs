// The export made on the phone: the very CSV and JSON text a person downloads.
import test from "node:test";
import assert from "node:assert/strict";
import { COLLECTIONS } from "../../pwa/lib/collections.js";
import { columnsOf, localTime, zoneOr } from "../../pwa/features/export/columns.js";
import { csvCell, csvText } from "../../pwa/features/export/csv.js";
import { csvFile, jsonFile } from "../../pwa/features/export/files.js";

const BOM = "\uFEFF";

/** A snapshot of a phone's records as the download reads it. */
const snapshot = (records, timeZone = "Europe/London") => ({
  now: new Date("2026-11-28T07:00:00Z"),
  timeZone,
  account: null,
  settings: { timezone: timeZone, energy_budget: 12 },
  records,
});

/** The rows of a CSV file (no quoted line breaks in these): lists of raw cells, header first. */
function lines(file) {
  assert.ok(file.text.startsWith(BOM), "Excel reads the file as UTF-8");
  assert.ok(file.text.endsWith("\r\n"));
  return file.text.slice(1, -2).split("\r\n");
}

/** Split one CSV line into cells, undoing the quotes. */
function cells(line) {
  const out = [];
  const re = /("((?:[^"]|"")*)"|[^,]*)(,|$)/g;
  for (const m of line.matchAll(re)) {
    out.push(m[2] !== undefined ? m[2].replaceAll('""', '"') : m[1]);
    if (!m[3]) break;
  }
  return out;
}

/** A CSV file as objects keyed by its headers. */
function table(file) {
  const [head, ...rows] = lines(file).map(cells);
  return rows.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

test("cells are quoted when they hold a comma, a quote or a line break", () => {
  assert.equal(csvCell("calf, left"), '"calf, left"');
  assert.equal(csvCell('she said "ow"'), '"she said ""ow"""');
  assert.equal(csvCell("line one\nline two"), '"line one\nline two"');
  assert.equal(csvCell("a\r\nb"), '"a\r\nb"');
  assert.equal(csvCell("plain words"), "plain words");
  assert.equal(csvCell(null), "");
  assert.equal(csvCell(undefined), "");
  assert.equal(csvCell(0), "0");
  assert.equal(csvCell(1.08), "1.08");
});

test("a cell a spreadsheet would run as a formula is neutralised", () => {
  assert.equal(csvCell('=HYPERLINK("http://x")'), '"\'=HYPERLINK(""http://x"")"');
  assert.equal(csvCell("+1 glass"), "'+1 glass");
  assert.equal(csvCell("-2 from yesterday"), "'-2 from yesterday");
  assert.equal(csvCell("@SUM(A1)"), "'@SUM(A1)");
  assert.equal(csvCell("  =1+1"), "'  =1+1"); // after spaces
  assert.equal(csvCell("\uFF1D1+1"), "'\uFF1D1+1"); // fullwidth equals sign
  assert.equal(csvCell("\tcmd"), "'\tcmd");
  assert.equal(csvCell("=1,2"), '"\'=1,2"');
  // Numbers are numbers: a negative one is not text to neutralise.
  assert.equal(csvCell(-5), "-5");
  // Inside a cell these are harmless.
  assert.equal(csvCell("a=b"), "a=b");
});

test("a file is a header row and rows, CRLF-ended, with a byte order mark", () => {
  assert.equal(csvText(["a", "b"], [[1, "x,y"]]), `${BOM}a,b\r\n1,"x,y"\r\n`);
});

test("cramps: local time across the spring change, lengths in minutes and in words", () => {
  const file = csvFile(
    "cramps",
    snapshot({
      cramps: [
        // 00:59:30 GMT to 02:00:35 BST: the clocks went forward in between
        {
          id: "c1",
          created_at: "2026-03-29T01:01:00Z",
          started_at: "2026-03-29T00:59:30Z",
          ended_at: "2026-03-29T01:00:35Z",
          muscle: "calf",
          side: "left",
          intensity: 7,
          triggers: [],
          reliefs_tried: ["stretch", "heat"],
          reliefs_helped: ["heat"],
          notes: 'Woke me, "again"',
        },
        {
          id: "c0",
          created_at: "2026-03-28T21:00:00Z",
          started_at: "2026-03-28T21:00:00+00:00",
          ended_at: "2026-03-28T21:03:05+00:00",
          muscle: "neck/shoulder",
          reliefs_tried: [],
          reliefs_helped: [],
        },
      ],
    }),
  );
  assert.equal(file.name, "unknot-cramps-2026-11-28.csv");
  assert.deepEqual(cells(lines(file)[0]), [
    "started (Europe/London time)",
    "ended (Europe/London time)",
    "length (min)",
    "length",
    "muscle",
    "side",
    "strength (0 to 10)",
    "triggers",
    "what I tried",
    "what helped",
    "notes",
  ]);
  const [first, second] = table(file); // oldest first
  assert.equal(first["started (Europe/London time)"], "2026-03-28 21:00 +00:00");
  assert.equal(first["length (min)"], "3.08");
  assert.equal(first.length, "3 min 5 s");
  assert.equal(first.muscle, "Neck/shoulder");
  assert.equal(first["what I tried"], "");
  assert.equal(second["started (Europe/London time)"], "2026-03-29 00:59 +00:00");
  assert.equal(second["ended (Europe/London time)"], "2026-03-29 02:00 +01:00");
  assert.equal(second["length (min)"], "1.08");
  assert.equal(second.length, "1 min 5 s");
  assert.equal(second.side, "Left");
  assert.equal(second["what I tried"], "Stretching, Heat or a warm compress");
  assert.equal(second["what helped"], "Heat or a warm compress");
  assert.equal(second.notes, 'Woke me, "again"');
});

test("the hour that happens twice in autumn is told apart by its offset", () => {
  assert.equal(localTime("2026-10-25T00:30:00Z", "Europe/London"), "2026-10-25 01:30 +01:00");
  assert.equal(localTime("2026-10-25T01:30:00Z", "Europe/London"), "2026-10-25 01:30 +00:00");
  assert.equal(localTime("2026-03-08T07:30:00Z", "America/New_York"), "2026-03-08 03:30 -04:00");
  assert.equal(localTime("2026-03-08T06:30:00Z", "America/New_York"), "2026-03-08 01:30 -05:00");
  assert.equal(localTime("2026-06-01T12:00:00+02:00", "Asia/Kathmandu"), "2026-06-01 15:45 +05:45");
});

test("a time zone this phone does not know falls back to the phone's", () => {
  assert.equal(zoneOr("Europe/Berlin", "UTC"), "Europe/Berlin");
  assert.equal(zoneOr("Mars/Olympus", "Europe/Paris"), "Europe/Paris");
});

test("a cramp still running says so, and has no length to sum", () => {
  const [row] = table(
    csvFile(
      "cramps",
      snapshot({ cramps: [{ id: "r", started_at: "2026-11-28T06:00:00Z", ended_at: null }] }),
    ),
  );
  assert.equal(row["length (min)"], "");
  assert.equal(row.length, "not stopped");
  assert.equal(row["ended (Europe/London time)"], "");
});

test("knots: places and what helped as words, a formula in the notes neutralised", () => {
  const file = csvFile(
    "knots",
    snapshot(
      {
        knots: [
          {
            id: "k",
            noted_at: "2026-07-01T22:15:00Z",
            location: "upper back",
            side: "both",
            intensity: 6,
            helped: ["heat", "needling"],
            notes: "=cmd|' /C calc'!A0",
          },
        ],
      },
      "America/New_York",
    ),
  );
  assert.equal(file.name, "unknot-knots-2026-11-28.csv");
  const [row] = table(file);
  assert.deepEqual(row, {
    "when (America/New_York time)": "2026-07-01 18:15 -04:00",
    where: "Upper back",
    side: "Both",
    "strength (0 to 10)": "6",
    "what helped": "Heat, Trigger point injection or dry needling",
    notes: "'=cmd|' /C calc'!A0",
  });
});

test("files and headers are named as a person reads them, not as tables", () => {
  const s = snapshot({});
  const names = Object.fromEntries(COLLECTIONS.map(({ name }) => [name, csvFile(name, s).name]));
  assert.equal(names.intakes, "unknot-water-and-magnesium-2026-11-28.csv");
  assert.equal(names.checkins, "unknot-morning-check-ins-2026-11-28.csv");
  assert.equal(names.activities, "unknot-planned-tasks-2026-11-28.csv");
  for (const { name } of COLLECTIONS) {
    for (const { header } of columnsOf(name, { timeZone: "UTC" })) {
      assert.doesNotMatch(header, /_/, `${name}: ${header}`);
    }
  }
  const checkin = cells(lines(csvFile("checkins", s))[0]);
  assert.deepEqual(checkin, [
    "day",
    "crashed",
    "fatigue (0 to 10)",
    "weakness (0 to 10)",
    "cramps (0 to 10)",
    "knots (0 to 10)",
    "sleep (0 badly to 10 well)",
    "woke with a cramp",
    "morning stiffness (0 to 10)",
    "notes",
  ]);
});

test("water and magnesium, check-ins, planned tasks and reminders read as words", () => {
  const s = snapshot({
    intakes: [
      { id: "i", taken_at: "2026-11-27T08:00:00Z", kind: "magnesium", amount: 300, unit: "mg" },
      {
        id: "s",
        taken_at: "2026-11-27T21:00:00Z",
        kind: "stretch",
        form: "guided, 3 of 4 stretches",
      },
      { id: "e", taken_at: "2026-11-27T21:30:00Z", kind: "epsom_bath" },
      { id: "h", taken_at: "2026-11-27T22:00:00Z", kind: "heat" },
    ],
    checkins: [
      { id: "a", day: "2026-11-26", crash: true, fatigue: 7, sleep: 3, woke_with_cramp: false },
      { id: "b", day: "2026-11-27", crash: null, fatigue: null },
    ],
    plans: [{ id: "p", day: "2026-11-27", energy_budget: 12 }],
    activities: [
      {
        id: "t",
        plan_id: "p",
        title: "Groceries",
        energy_cost: 4,
        minutes: 30,
        steps: [
          { title: "Walk there", minutes: 15, done: true },
          { title: "Shop, then home", minutes: 15, done: false },
        ],
        status: "doing",
        started_at: null,
      },
    ],
    reminders: [
      { id: "m", kind: "magnesium", enabled: true, times: ["08:00", "20:00"], days: [1, 3, 7] },
    ],
  });
  const [intake, stretch, bath, heat] = table(csvFile("intakes", s));
  assert.equal(intake.what, "Magnesium");
  assert.equal(stretch.what, "Bedtime stretch");
  assert.equal(stretch.form, "guided, 3 of 4 stretches");
  assert.equal(bath.what, "Epsom salt bath");
  assert.equal(heat.what, "Heat before bed");
  assert.equal(intake["when (Europe/London time)"], "2026-11-27 08:00 +00:00");
  const [crashed, unknown] = table(csvFile("checkins", s));
  assert.equal(crashed.crashed, "yes");
  assert.equal(unknown.crashed, "", "a skipped answer stays blank");
  assert.equal(unknown["fatigue (0 to 10)"], "");
  assert.equal(crashed["sleep (0 badly to 10 well)"], "3");
  assert.equal(crashed["woke with a cramp"], "no", "a no is said, not left blank");
  assert.equal(unknown["woke with a cramp"], "", "a skipped answer stays blank");
  const [task] = table(csvFile("activities", s));
  assert.equal(task.day, "2026-11-27");
  assert.equal(task.steps, "Walk there (15 min, done); Shop, then home (15 min)");
  assert.equal(task.status, "Doing");
  const [reminder] = table(csvFile("reminders", s));
  assert.equal(reminder.reminder, "Magnesium");
  assert.equal(reminder.times, "08:00, 20:00");
  assert.equal(reminder.days, "Mon, Wed, Sun");
  assert.equal(reminder.on, "yes");
});

test("the JSON file holds every collection, oldest first, without the phone's own fields", () => {
  const file = jsonFile(
    snapshot({
      cramps: [
        { id: "late", started_at: "2026-11-02T10:00:00Z", _seenRunning: true },
        { id: "early", started_at: "2026-11-01T10:00:00Z" },
      ],
    }),
  );
  assert.equal(file.name, "unknot-everything-2026-11-28.json");
  const body = JSON.parse(file.text);
  assert.deepEqual(Object.keys(body).slice(0, 5), [
    "exported_at",
    "exported_from",
    "account",
    "time_zone",
    "settings",
  ]);
  for (const { name } of COLLECTIONS) assert.ok(Array.isArray(body[name]), name);
  assert.deepEqual(body.cramps, [
    { id: "early", started_at: "2026-11-01T10:00:00Z" },
    { id: "late", started_at: "2026-11-02T10:00:00Z" },
  ]);
  assert.equal(body.settings.energy_budget, 12);
});

test("the file's date is the person's day, not UTC's", () => {
  const s = { ...snapshot({}, "Pacific/Auckland"), now: new Date("2026-11-28T13:00:00Z") };
  assert.equal(csvFile("knots", s).name, "unknot-knots-2026-11-29.csv");
});
