"""Read a constant exported by one of the PWA's ES modules, through node, as JSON."""

import json
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def exported(module: str, *names: str) -> dict:
    """{name: value} of the module's exports (pwa/<module>), as JSON sees them."""
    url = (ROOT / "pwa" / module).as_uri()
    picked = ", ".join(names)
    script = f"const {{ {picked} }} = await import({json.dumps(url)});\n"
    script += f"process.stdout.write(JSON.stringify({{ {picked} }}));"
    out = subprocess.run(
        ["node", "--import", "./tests/js/esm.mjs", "--input-type=module", "-e", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return json.loads(out.stdout)
