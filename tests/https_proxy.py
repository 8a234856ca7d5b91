"""deploy/Caddyfile run for real on 127.0.0.1, with Caddy's own certificate authority.

Shared by the tests that reach the app over https through Caddy, as a phone would.
"""

import http.client
import os
import socket
import ssl
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CADDYFILE = ROOT / "deploy" / "Caddyfile"
# The name in deploy/Caddyfile that a self-hoster replaces with their own, and its upstream.
EXAMPLE_SITE = "unknot.example.org {"
EXAMPLE_UPSTREAM = "reverse_proxy 127.0.0.1:8000"
# Chromium and Caddy both take any *.localhost name to be this machine.
SITE_NAME = "unknot.localhost"
# On loopback there is no certificate authority to ask: Caddy signs with its own, and keeps it
# (and everything else) in the test's folder; no admin endpoint, no redirect listener on :80.
TEST_OPTIONS = """{{
\tadmin off
\tskip_install_trust
\tauto_https disable_redirects
\tstorage file_system {storage}
}}
"""


def free_port() -> int:
    """A TCP port nobody listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_config(port: int, upstream_port: int, storage: Path) -> str:
    """deploy/Caddyfile as shipped, with the test's name, ports and certificate authority."""
    text = CADDYFILE.read_text()
    assert EXAMPLE_SITE in text and EXAMPLE_UPSTREAM in text, "deploy/Caddyfile changed shape"
    site = f"https://{SITE_NAME}:{port} {{\n\tbind 127.0.0.1\n\ttls internal\n"
    text = text.replace(EXAMPLE_SITE, site)
    text = text.replace(EXAMPLE_UPSTREAM, f"reverse_proxy 127.0.0.1:{upstream_port}")
    return TEST_OPTIONS.format(storage=storage) + text


class Site:
    """Caddy serving https://unknot.localhost:PORT in front of the app."""

    def __init__(self, port: int, folder: Path, proc: subprocess.Popen):
        self.port = port
        self.url = f"https://{SITE_NAME}:{port}"
        self.origin = self.url
        self.root_cert = folder / "data" / "pki" / "authorities" / "local" / "root.crt"
        self.proc = proc

    def tls(self) -> ssl.SSLContext:
        """A client context that trusts Caddy's root, and nothing else."""
        return ssl.create_default_context(cafile=str(self.root_cert))

    def request(self, method, path, body=None, headers=None, source="127.0.0.1"):
        """(status, headers, body) of one https request through Caddy, from `source`."""
        conn = Connection(SITE_NAME, self.port, context=self.tls(), timeout=30)
        conn.source_address = (source, 0)
        try:
            conn.request(method, path, body, headers or {})
            res = conn.getresponse()
            return res.status, res.headers, res.read()
        finally:
            conn.close()


class Connection(http.client.HTTPSConnection):
    """HTTPS to unknot.localhost, which the resolver may not know: dial 127.0.0.1 directly,
    and still check the certificate against the name."""

    def connect(self):
        sock = socket.create_connection(("127.0.0.1", self.port), self.timeout, self.source_address)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


@contextmanager
def caddy(upstream_port: int, folder: Path):
    """Caddy from deploy/Caddyfile on a free port of 127.0.0.1; yields a Site once it answers."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    config = folder / "Caddyfile"
    config.write_text(site_config(port, upstream_port, folder / "data"))
    env = {
        **os.environ,
        "HOME": str(folder),
        "XDG_DATA_HOME": str(folder / "xdg-data"),
        "XDG_CONFIG_HOME": str(folder / "xdg-config"),
    }
    log = (folder / "caddy.log").open("wb")
    proc = subprocess.Popen(
        ["caddy", "run", "--config", str(config), "--adapter", "caddyfile"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    site = Site(port, folder, proc)
    try:
        wait_until_serving(site, folder / "caddy.log")
        yield site
    finally:
        proc.terminate()
        proc.wait(15)
        log.close()


def wait_until_serving(site: Site, log: Path, seconds: float = 30) -> None:
    """Until Caddy has made its authority and answers https with a certificate it signed."""
    deadline = time.monotonic() + seconds
    while True:
        if site.proc.poll() is not None:
            raise AssertionError(f"Caddy stopped:\n{log.read_text()}")
        if site.root_cert.exists():
            try:
                site.request("GET", "/manifest.webmanifest")
                return
            except (OSError, ssl.SSLError):
                pass
        if time.monotonic() > deadline:
            raise AssertionError(f"Caddy did not serve https:\n{log.read_text()}")
        time.sleep(0.2)


def trust_in_nss(home: Path, root_cert: Path) -> None:
    """Make `home` a home folder whose NSS database trusts Caddy's root for web sites, as
    Chromium on Linux reads it ($HOME/.pki/nssdb): the browser then trusts the site for real."""
    nssdb = home / ".pki" / "nssdb"
    nssdb.mkdir(parents=True, exist_ok=True)
    db = f"sql:{nssdb}"
    subprocess.run(["certutil", "-N", "-d", db, "--empty-password"], check=True)
    subprocess.run(
        ["certutil", "-A", "-d", db, "-n", "Caddy local root", "-t", "C,,", "-i", str(root_cert)],
        check=True,
    )
