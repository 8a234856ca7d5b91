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
