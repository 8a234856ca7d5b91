"""deploy/unknot.service, deploy/Caddyfile and deploy/unknot.env.example: what a self-hoster
copies. The unit is checked by systemd itself; its hardening, the Caddyfile and the settings are
checked against each other and against the app (tests/browser/test_https.py runs them)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
VENV = Path(sys.executable).parent.parent
CODE = "/opt/unknot"
INSTANCE = "/var/lib/unknot"

# What the unit must set, whatever else it sets: a flaw in the app then reaches no further than
# the instance folder.
HARDENING = {
    "User": "unknot",
    "NoNewPrivileges": "yes",
    "ProtectSystem": "strict",
    "ReadWritePaths": INSTANCE,
    "ProtectHome": "yes",
    "PrivateTmp": "yes",
    "PrivateDevices": "yes",
    "ProtectKernelTunables": "yes",
    "ProtectKernelModules": "yes",
    "ProtectControlGroups": "yes",
    "RestrictAddressFamilies": "AF_UNIX AF_INET AF_INET6",
    "RestrictSUIDSGID": "yes",
    "LockPersonality": "yes",
    "CapabilityBoundingSet": "",
    "SystemCallFilter": "@system-service",
    "UMask": "0077",
}


def settings(path: Path) -> dict[str, list[str]]:
    """Every NAME=value line of a unit or environment file (a name may repeat)."""
    found: dict[str, list[str]] = {}
    for line in path.read_text().splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            name, value = line.split("=", 1)
            found.setdefault(name, []).append(value)
    return found


def test_systemd_analyze_verify_accepts_the_unit(tmp_path):
    """With the example paths pointed at this checkout, so systemd can check the commands."""
    analyze = shutil.which("systemd-analyze")
    assert analyze, "systemd-analyze is needed (Debian: apt install systemd; make test does)"
    text = (DEPLOY / "unknot.service").read_text().replace(f"{CODE}/.venv", str(VENV))
    unit = tmp_path / "unknot.service"
    unit.write_text(text.replace(CODE, str(ROOT)))
    done = subprocess.run([analyze, "verify", str(unit)], capture_output=True, text=True)
    # An unknown or misspelt key is only a warning: any output at all fails.
    assert (done.returncode, done.stderr, done.stdout) == (0, "", "")


def test_the_unit_is_hardened_and_starts_as_make_run_does():
    unit = settings(DEPLOY / "unknot.service")
    for name, value in HARDENING.items():
        assert value in unit.get(name, []), f"{name}={value} missing"
    assert unit["WorkingDirectory"] == [CODE]
    # As make run: migrations, then any missing key, then the server (it starts the dispatcher).
    bin_ = f"{CODE}/.venv/bin/"
    commands = [c.removeprefix(bin_) for c in unit["ExecStartPre"] + unit["ExecStart"]]
    assert commands == [
        "flask db upgrade",
        "flask keys init",
        "python -m api.serve --host 127.0.0.1 --port 8000",
    ]
    recipe = re.search(r"^run:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), re.M)
    make_run = [line.strip().removeprefix("$(BIN)/") for line in recipe.group(1).splitlines()]
    assert make_run == ["flask db upgrade", "flask keys init", "python -m api.serve --port $(PORT)"]


def test_the_settings_are_ones_the_app_reads_and_fit_the_unit_and_caddy():
    example = DEPLOY / "unknot.env.example"
    env = settings(example)
    # Commented-out settings too: a misspelt name would be silently ignored by the app.
    named = re.findall(r"^#? ?([A-Z][A-Z_]+)=", example.read_text(), re.M)
    source = (ROOT / "api" / "config.py").read_text()
    assert named and all(f'"{name}"' in source for name in named), named
    assert env["UNKNOT_HTTPS"] == ["1"] and env["UNKNOT_PROXIES"] == ["1"]
    assert env["UNKNOT_INSTANCE"] == [INSTANCE]
    assert env["UNKNOT_BASE_URL"][0].startswith("https://")
    unit = settings(DEPLOY / "unknot.service")
    assert unit["EnvironmentFile"] == ["/etc/unknot/unknot.env"]
    assert unit["StateDirectory"] == ["unknot"]  # systemd makes /var/lib/unknot, owner-only
    caddyfile = (DEPLOY / "Caddyfile").read_text()
    assert "reverse_proxy 127.0.0.1:8000 {" in caddyfile
    # No headers of Caddy's own: the app's CSP, HSTS and the rest are the only ones.
    assert "header " not in caddyfile


def test_caddy_accepts_the_caddyfile_as_written(tmp_path):
    caddy = shutil.which("caddy")
    assert caddy, "caddy is needed (Debian: apt install caddy; make test does)"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path)}
    config = str(DEPLOY / "Caddyfile")
    done = subprocess.run(
        [caddy, "validate", "--config", config, "--adapter", "caddyfile"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    formatted = subprocess.run([caddy, "fmt", config], capture_output=True, text=True, check=True)
    assert formatted.stdout == (DEPLOY / "Caddyfile").read_text()
