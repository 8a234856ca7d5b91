"""GET /api/v1/export: everything of the person as JSON, or one collection as CSV."""

import csv
import io
import json

import pytest

from tests.factories import COLLECTION_NAMES, at, change, one_of_each, sync


def test_json_has_every_collection_and_the_settings(device):
    records = one_of_each()
    sync(device, records)
    device.patch("/api/v1/me", json={"water_target_ml": 1500})
    res = device.get("/api/v1/export")
    assert res.status_code == 200
    assert res.mimetype == "application/json"
    assert res.headers["Content-Disposition"].startswith("attachment; filename=")
    body = json.loads(res.data)  # one valid JSON document, although streamed
    assert set(COLLECTION_NAMES) <= set(body)
    assert body["account"]["email"] == "ana@example.org"
    assert body["account"]["water_target_ml"] == 1500
    assert "password" not in json.dumps(body["account"])
    for sent in records:
        (got,) = body[sent["collection"]]
        assert got["id"] == sent["id"]
        assert "updated_at" in got and "created_at" in got
    cramp = body["cramps"][0]
    assert cramp["triggers"] == ["night", "cold"] and cramp["notes"] == "cramp 0"


def test_json_leaves_out_deleted_records(device):
    keep, gone = change("knots", updated_at=at(1)), change("knots", updated_at=at(1))
    sync(device, [keep, gone])
    sync(device, [change("knots", id=gone["id"], op="delete", updated_at=at(2))])
    assert [k["id"] for k in device.get("/api/v1/export").json["knots"]] == [keep["id"]]


def test_csv_of_one_collection(device):
    cramp = change("cramps", notes="=HYPERLINK(1)")
    sync(device, [cramp, change("knots")])
    res = device.get("/api/v1/export?format=csv&collection=cramps")
    assert res.status_code == 200
    assert res.mimetype == "text/csv"
    assert 'filename="unknot-cramps-' in res.headers["Content-Disposition"]
    header, *rows = list(csv.reader(io.StringIO(res.text)))
    assert header[0] == "id" and {"started_at", "intensity", "triggers"} <= set(header)
    (row,) = rows
    values = dict(zip(header, row, strict=True))
    assert values["id"] == cramp["id"]
    assert values["triggers"] == "night;cold"
    assert values["intensity"] == "7"
    assert values["side"] == "left"
    # A note that a spreadsheet would run as a formula is written as text.
    assert values["notes"] == "'=HYPERLINK(1)"


def test_csv_of_many_records_is_complete(device):
    batch = [change("intakes", updated_at=at(n)) for n in range(250)]
    sync(device, batch)
    res = device.get("/api/v1/export?format=csv&collection=intakes")
    rows = list(csv.reader(io.StringIO(res.text)))[1:]
    assert sorted(r[0] for r in rows) == sorted(c["id"] for c in batch)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("format=csv&collection=moods", "collection"),
        ("format=csv", "collection"),
        ("format=xml", "format"),
    ],
)
def test_bad_queries_are_422(device, query, field):
    res = device.get(f"/api/v1/export?{query}")
    assert res.status_code == 422
    assert res.json["code"] == 422
    assert field in res.json["errors"]["query"]


def test_export_needs_a_session(client):
    assert client.get("/api/v1/export").status_code == 401
    assert client.get("/api/v1/export?format=csv&collection=cramps").status_code == 401


# What a spreadsheet could run as a formula: ASCII or fullwidth/small forms, after whitespace,
# and any cell that starts with a tab or a line break.
FORMULAS = [
    "=1+1",
    " =1+1",
    "\u3000=1+1",  # ideographic space
    "\n=1+1",
    "\r=1+1",
    "\t=1+1",
    "\tplain",
    "\nplain",
    "\uff1d1+1",  # fullwidth =
    "\ufe661+1",  # small =
    "\uff0b1",  # fullwidth +
    "\uff0d1",  # fullwidth -
    "\uff20SUM(A1)",  # fullwidth @
    " +1",
    " -1",
    " @SUM(A1)",
]
PLAIN = ["calm day", "5 - 3 = 2", "a = b", "\u00e9=1"]


def test_csv_escapes_every_cell_a_spreadsheet_could_run(device):
    cramps = [change("cramps", notes=note) for note in FORMULAS + PLAIN]
    sync(device, cramps)
    res = device.get("/api/v1/export?format=csv&collection=cramps")
    header, *rows = list(csv.reader(io.StringIO(res.text, newline="")))
    notes = {row[header.index("id")]: row[header.index("notes")] for row in rows}
    for cramp in cramps:
        sent = cramp["data"]["notes"]
        expected = sent if sent in PLAIN else "'" + sent
        assert notes[cramp["id"]] == expected, repr(sent)
