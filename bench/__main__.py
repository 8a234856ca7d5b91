"""`python -m bench [name ...]`: run bench/bench_*.py (or the named ones), print figures."""

import importlib
import os
import platform
import sys
from pathlib import Path


def machine() -> str:
    """One line naming the machine the figures come from."""
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{platform.node()}: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}"


def main(argv: list[str]) -> None:
    here = Path(__file__).parent
    names = argv or sorted(p.stem[len("bench_") :] for p in here.glob("bench_*.py"))
    print(f"# Unknot benchmarks on {machine()}", flush=True)
    for name in names:
        print(f"\n## {name}", flush=True)
        importlib.import_module(f"bench.bench_{name}").main()


if __name__ == "__main__":
    main(sys.argv[1:])
