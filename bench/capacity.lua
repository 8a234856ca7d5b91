-- wrk script of bench_capacity.py: POST /api/v1/sync as many people, each with their own
-- session cookie and cursor.
--   wrk ... -s bench/capacity.lua -- MODE PEOPLE_FILE TAG THREADS
-- MODE "empty": the cursor is current and nothing is sent (what a phone sends every minute).
-- MODE "five": five new records (new ids every request); the answer's cursor is kept as the
-- person's next cursor, as the app does.
-- PEOPLE_FILE: one "cookie cursor" line per person. Thread t sends as the people whose line
-- number is t modulo THREADS, so no two threads hold a cursor of one person.
-- TAG: a number of this run, so that no two runs send the same record id.

local started = 0

function setup(thread)
  thread:set("tid", started)
  started = started + 1
end

local mode, tag
local people = {}
local turn = 0
local sent = 0

function init(args)
  mode, tag = args[1], tonumber(args[3])
  local threads = tonumber(args[4])
  local n = 0
  for line in io.lines(args[2]) do
    local cookie, cursor = line:match("^(%S+) (%d+)$")
    if n % threads == tid then
      people[#people + 1] = { number = n, cookie = cookie, cursor = cursor }
    end
    n = n + 1
  end
end

local STAMP = "2026-11-20T10:00:00+00:00"

local function record(person, k)
  sent = sent + 1
  -- The first group of the id names the person: response() finds whose answer it is.
  local id = string.format("%08x-%04x-4%03x-8%03x-%012x", person.number, tid, tag % 4096, k, sent)
  local head = '{"collection":"%s","id":"' .. id .. '","op":"upsert","updated_at":"' .. STAMP
    .. '","data":{"created_at":"' .. STAMP .. '",'
  if k < 2 then
    return string.format(head, "cramps") .. '"started_at":"' .. STAMP
      .. '","muscle":"calf","side":"left","intensity":6,"triggers":["night"],"notes":"bench"}}'
  elseif k < 4 then
    return string.format(head, "intakes")
      .. '"kind":"water","amount":250.0,"unit":"ml","taken_at":"' .. STAMP .. '"}}'
  end
  return string.format(head, "knots") .. '"noted_at":"' .. STAMP
    .. '","location":"shoulder","intensity":4,"helped":["heat"]}}'
end

function request()
  turn = turn % #people + 1
  local person = people[turn]
  local changes = {}
  if mode == "five" then
    for k = 0, 4 do
      changes[#changes + 1] = record(person, k)
    end
  end
  local body = '{"cursor":' .. person.cursor .. ',"changes":[' .. table.concat(changes, ",") .. "]}"
  local headers = { ["Cookie"] = person.cookie, ["Content-Type"] = "application/json" }
  return wrk.format("POST", "/api/v1/sync", headers, body)
end

function response(status, headers, body)
  if mode ~= "five" or status ~= 200 then
    return
  end
  local who = body:match('"accepted":%s*%[%s*"(%x+)%-')
  local cursor = body:match('"cursor":%s*(%d+)')
  if who and cursor then
    for _, person in ipairs(people) do
      if person.number == tonumber(who, 16) then
        person.cursor = cursor
      end
    end
  end
end
