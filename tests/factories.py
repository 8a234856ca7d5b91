"""Build sync changes as a device would send them, and talk to /api/v1/sync."""

import uuid
from datetime import UTC, datetime, timedelta

from api.sync.registry import COLLECTIONS

T0 = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)


def iso(moment: datetime) -> str:
    return moment.isoformat()


def at(minutes: float = 0) -> str:
    """A fixed moment in the past, shifted by minutes: deterministic updated_at values."""
    return iso(T0 + timedelta(minutes=minutes))


def sample_data(collection: str, n: int = 0) -> dict:
    """Valid `data` for a collection (created_at included)."""
    stamp = at(n)
    data = {
        "cramps": {
            "started_at": stamp,
            "ended_at": at(n + 2),
            "muscle": "calf",
            "side": "left",
            "intensity": 7,
            "triggers": ["night", "cold"],
            "reliefs_tried": ["stretch", "heat"],
            "reliefs_helped": ["stretch"],
            "notes": f"cramp {n}",
        },
        "knots": {"noted_at": stamp, "location": "shoulder", "intensity": 5, "helped": ["heat"]},
        "weakness": {"noted_at": stamp, "body_area": "legs", "severity": 6, "jelly_legs": True},
        "intakes": {
            "kind": "magnesium",
            "amount": 200.0,
            "unit": "mg",
            "form": "glycinate",
            "taken_at": stamp,
        },
        "plans": {"day": "2026-11-20", "energy_budget": 10},
        "activities": {
            "title": f"Shower {n}",
            "energy_cost": 3,
            "steps": [{"title": "wash", "minutes": 5}],
            "rest_minutes": 10,
        },
        "templates": {"title": "Cook", "energy_cost": 4, "minutes": 30},
        "checkins": {"day": "2026-11-19", "weakness": 4, "fatigue": 7},
        "reminders": {"kind": "magnesium", "times": ["21:00"], "form": "glycinate"},
        "experiments": {
            "fix": "stretch",
            "start_day": "2026-11-02",
            "block_days": 4,
            "blocks": ["with", "without", "without", "with", "without", "with", "with", "without"],
        },
        "experiment_days": {
            "experiment_id": "7b0c2f0e-6a55-4d1a-9a43-3c8f4f1f2a10",
            "day": "2026-11-02",
            "done": True,
        },
    }[collection]
    return {"created_at": stamp, **data}


# Every collection the server syncs (sample_data has one of each; a new one fails loudly there).
COLLECTION_NAMES = list(COLLECTIONS)


def change(collection="cramps", id=None, op="upsert", updated_at=None, data=None, **fields):
    """One change; data defaults to sample_data, fields override it."""
    if op == "delete":
        body = None
    else:
        body = data if data is not None else sample_data(collection)
        body = {**body, **fields}
    return {
        "collection": collection,
        "id": id or str(uuid.uuid4()),
        "op": op,
        "updated_at": updated_at or at(),
        "data": body,
    }


def one_of_each(minutes: float = 0) -> list[dict]:
    """An upsert in every collection."""
    return [change(name, updated_at=at(minutes)) for name in COLLECTION_NAMES]


def sync(client, changes=(), cursor=None, limit=None, status=200):
    """POST /api/v1/sync and return the JSON answer (asserting the status)."""
    body = {"cursor": cursor, "changes": list(changes)}
    if limit is not None:
        body["limit"] = limit
    res = client.post("/api/v1/sync", json=body)
    assert res.status_code == status, res.json
    return res.json


def pull_all(client, cursor=None, limit=500) -> tuple[list[dict], int]:
    """Every change after cursor, page by page: (changes, final cursor)."""
    out = []
    while True:
        answer = sync(client, cursor=cursor, limit=limit)
        out.extend(answer["changes"])
        assert answer["cursor"] >= (cursor or 0)
        cursor = answer["cursor"]
        if not answer["has_more"]:
            return out, cursor
