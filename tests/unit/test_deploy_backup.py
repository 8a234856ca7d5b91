"""deploy/unknot-backup.{service,timer}: valid for systemd, daily, owner-only, pruning."""

import configparser
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
VENV = Path(sys.executable).parent.parent


def unit(name: str) -> configparser.RawConfigParser:
    parser = configparser.RawConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read_string((DEPLOY / name).read_text())
    return parser


def test_systemd_analyze_verify_accepts_the_units(tmp_path):
    """The example paths point at this checkout, so systemd can check the commands exist."""
    analyze = shutil.which("systemd-analyze")
    assert analyze, "systemd-analyze is needed (Debian: apt install systemd)"
    for name in ("unknot-backup.service", "unknot-backup.timer"):
        text = (DEPLOY / name).read_text().replace("/opt/unknot/.venv", str(VENV))
        (tmp_path / name).write_text(text.replace("/opt/unknot", str(ROOT)))
    done = subprocess.run(
        [
            analyze,
            "verify",
            *(str(tmp_path / n) for n in ("unknot-backup.service", "unknot-backup.timer")),
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr


def test_the_timer_runs_daily_and_the_service_backs_up_then_prunes():
    timer = unit("unknot-backup.timer")["Timer"]
    assert timer["OnCalendar"].startswith("*-*-* ") and timer["Persistent"] == "true"
    service = (DEPLOY / "unknot-backup.service").read_text().splitlines()
    starts = [line.split("=", 1)[1] for line in service if line.startswith("ExecStart=")]
    assert [s.split("flask ", 1)[1] for s in starts] == ["backup create", "backup prune --keep 14"]
    settings = dict(line.split("=", 1) for line in service if "=" in line and line[0] != "#")
    assert settings["UMask"] == "0077" and settings["ProtectSystem"] == "strict"
    assert settings["ReadWritePaths"] == "/var/lib/unknot"
