"""Where the dispatcher may connect: public addresses only, checked when it connects."""

import pytest
import urllib3

from api.push.addresses import AddressRefused, checked_pool_classes, public_address


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "127.1.2.3", "10.0.0.1", "172.16.0.1", "192.168.1.1", "169.254.169.254",
     "100.64.0.1", "0.0.0.0", "224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255",
     "::1", "::", "fe80::1", "fc00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1",
     "2001:db8::1"],
)  # fmt: skip
def test_private_loopback_link_local_multicast_and_reserved_addresses_are_refused(address):
    assert not public_address(address)


@pytest.mark.parametrize("address", ["142.250.74.42", "63.245.208.195", "2a00:1450:4001::1"])
def test_public_addresses_are_allowed(address):
    assert public_address(address)


def test_the_test_allowance_opens_loopback_only():
    assert public_address("127.0.0.1", allow_loopback=True)
    assert public_address("::1", allow_loopback=True)
    assert not public_address("10.0.0.1", allow_loopback=True)
    assert not public_address("169.254.169.254", allow_loopback=True)


def test_a_name_that_resolves_to_loopback_is_never_connected_to(listener):
    """The check is on the address the name resolves to at connect time, not on the name."""
    port, accepted = listener
    strict = checked_pool_classes(allow_loopback=False)["http"]("localhost", port, retries=False)
    with pytest.raises(AddressRefused):
        strict.urlopen("POST", "/push/x", body=b"x", retries=False)
    assert accepted == []
    # The same connection under the tests' explicit allowance reaches the listener.
    allowed = checked_pool_classes(allow_loopback=True)["http"]("localhost", port, retries=False)
    with pytest.raises(urllib3.exceptions.ProtocolError):
        allowed.urlopen("POST", "/push/x", body=b"x", retries=False)
    assert len(accepted) == 1


def _certificate(tmp_path, name: str) -> str:
    """A self-signed certificate for `name`, as a PEM file holding the key too."""
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(minutes=1))
        .not_valid_after(now + timedelta(hours=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    path = tmp_path / f"{name}.pem"
    path.write_bytes(
        cert.public_bytes(serialization.Encoding.PEM)
        + key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return str(path)


@pytest.fixture
def tls_server(tmp_path):
    """An https server on 127.0.0.1 whose certificate names `localhost`; records the SNI."""
    import ssl
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    certfile = _certificate(tmp_path, "localhost")
    names = []

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802
            self.send_response(201)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(certfile)
    context.sni_callback = lambda sock, name, ctx: names.append(name)
    httpd = HTTPServer(("127.0.0.1", 0), Handler)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_address[1], certfile, names
    httpd.shutdown()
    httpd.server_close()


def test_tls_still_names_and_verifies_the_host_not_the_checked_address(tls_server, tmp_path):
    port, certfile, names = tls_server
    https = checked_pool_classes(allow_loopback=True)["https"]
    pool = https("localhost", port, ca_certs=certfile, cert_reqs="CERT_REQUIRED", retries=False)
    assert pool.urlopen("POST", "/push/x", body=b"x", retries=False).status == 201
    assert names == ["localhost"]  # SNI carries the name, though the socket went to 127.0.0.1
    # A certificate for another name is refused: verification is against the host name.
    other = _certificate(tmp_path, "push.example.org")
    pool = https("localhost", port, ca_certs=other, cert_reqs="CERT_REQUIRED", retries=False)
    with pytest.raises(urllib3.exceptions.SSLError):
        pool.urlopen("POST", "/push/x", body=b"x", retries=False)
