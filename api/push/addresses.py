"""Where pushes may go: endpoint URLs on known push services, connections to public addresses.

Checked twice: when a browser's subscription is saved (endpoint_problem) and when the dispatcher
connects (CheckedHTTPSConnection): a push service's name is resolved here, every address it
resolves to must be public, and the socket is opened to the checked address, so a name that
resolves elsewhere a moment later cannot redirect the connection. TLS still verifies the
certificate and sends SNI for the host name itself.
"""

import ipaddress
import socket
import string
from urllib.parse import urlsplit

from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool
from urllib3.exceptions import NewConnectionError
from urllib3.util import connection

LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1"})
# RFC 3986 characters: anything else (space, CR, LF, NUL, controls, non-ASCII, a lone
# surrogate) is not in a URL a browser hands out.
URL_CHARACTERS = frozenset(string.ascii_letters + string.digits + "-._~:/?#[]@!$&'()*+,;=%")


def url_problem(url: str) -> str | None:
    """Why this is not a well-formed absolute URL of a host (a sentence), or None."""
    if not set(url) <= URL_CHARACTERS:
        return "A push endpoint is a URL without spaces or control characters."
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018  (raises ValueError on a bad port)
    except ValueError:
        return "Not a URL."
    if not parts.hostname or parts.username is not None or parts.fragment:
        return "Not a push service URL."
    if "%" in parts.netloc:  # a percent-encoded host name: no browser hands one out
        return "Not a push service URL."
    return None


def endpoint_problem(url: str, hosts, allow_loopback: bool = False) -> str | None:
    """Why this URL is not a push endpoint we send to (a sentence), or None when it is."""
    problem = url_problem(url)
    if problem:
        return problem
    parts = urlsplit(url)
    host = parts.hostname
    if allow_loopback and host in LOOPBACK_NAMES and parts.scheme in ("http", "https"):
        return None  # the stand-in push service of the tests
    if parts.scheme != "https" or parts.port not in (None, 443) or not known_host(host, hosts):
        return "A push endpoint must be an https:// URL of a browser's push service."
    return None


def known_host(host: str, hosts) -> bool:
    """Whether a host name is one of `hosts` or under one of them (a.b.c matches b.c)."""
    return any(host == suffix or host.endswith("." + suffix) for suffix in hosts)


def public_address(address: str, allow_loopback: bool = False) -> bool:
    """Whether an IP address may be connected to: globally routable, not multicast."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if ip.version == 6 and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if allow_loopback and ip.is_loopback:
        return True
    special = (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast
        or ip.is_reserved or ip.is_unspecified
    )  # fmt: skip
    return ip.is_global and not special


class AddressRefused(NewConnectionError):
    """The push service's name resolved to an address the dispatcher never connects to."""


class _Checked:
    """Resolve the host, refuse unless every address is public, connect to a checked one."""

    allow_loopback = False

    def _new_conn(self) -> socket.socket:
        try:
            infos = socket.getaddrinfo(self._dns_host, self.port, type=socket.SOCK_STREAM)
        except OSError as err:
            raise NewConnectionError(self, f"Cannot resolve {self.host}: {err}") from err
        addresses = list(dict.fromkeys(info[4][0] for info in infos))
        refused = [a for a in addresses if not public_address(a, self.allow_loopback)]
        if refused or not addresses:
            raise AddressRefused(self, f"{self.host} resolves to a non-public address")
        failure: OSError | None = None
        for address in addresses:
            try:
                return connection.create_connection(
                    (address, self.port),
                    self.timeout,
                    source_address=self.source_address,
                    socket_options=self.socket_options,
                )
            except OSError as err:
                failure = err
        raise NewConnectionError(self, f"Cannot connect to {self.host}: {failure}")


def checked_pool_classes(allow_loopback: bool) -> dict:
    """urllib3 pool classes (by scheme) whose connections go only to checked addresses."""

    class Plain(_Checked, HTTPConnection):
        pass

    class Secure(_Checked, HTTPSConnection):
        pass

    Plain.allow_loopback = Secure.allow_loopback = allow_loopback
    return {
        "http": type("CheckedHTTPPool", (HTTPConnectionPool,), {"ConnectionCls": Plain}),
        "https": type("CheckedHTTPSPool", (HTTPSConnectionPool,), {"ConnectionCls": Secure}),
    }
