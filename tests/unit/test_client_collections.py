"""The PWA's collections (pwa/lib/collections.js) are the server's registry, field for field."""

import json
import shutil
import subprocess
from pathlib import Path

from api.sync.registry import COLLECTIONS

ROOT = Path(__file__).resolve().parents[2]
# Fields every record has, kept by the sync layer rather than listed per collection.
COMMON = {"created_at"}


def client_collections() -> list[dict]:
    """COLLECTIONS of pwa/lib/collections.js, as Node reads the module."""
    script = (
        "const m = await import('./pwa/lib/collections.js');"
        "process.stdout.write(JSON.stringify(m.COLLECTIONS));"
    )
    node = shutil.which("node")
    assert node, "node is needed for the PWA's tests (make test runs them too)"
    out = subprocess.run(
        [node, "--import", "./tests/js/esm.mjs", "--input-type=module", "-e", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(out.stdout)


def test_the_client_lists_the_servers_collections_in_order():
    assert [c["name"] for c in client_collections()] == list(COLLECTIONS)


def test_each_client_collection_has_the_servers_fields():
    for c in client_collections():
        schema = COLLECTIONS[c["name"]].schema
        sent = {name for name, f in schema.fields.items() if not f.dump_only} - COMMON
        assert sorted(c["fields"]) == sorted(sent), c["name"]


def test_each_client_collection_is_dated_by_one_of_its_fields():
    for c in client_collections():
        assert c["when"] in {*c["fields"], *COMMON}, c["name"]
        assert c["label"].strip(), c["name"]
