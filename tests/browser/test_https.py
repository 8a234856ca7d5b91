"""The app as a self-hoster runs it: `python -m api.serve` with UNKNOT_HTTPS=1 and
UNKNOT_PROXIES=1 behind deploy/Caddyfile, reached over https by a Chromium that trusts Caddy's
certificate authority (installed in its NSS database, as a phone trusts a public one)."""

import json
import os

import pytest
from playwright.sync_api import Error

from bench.browser import CHROMIUM, FLAGS, PHONE
from bench.slow_clients import served
from tests.browser.conftest import PENDING, Accounts, open_app, synced, wait_for
from tests.browser.test_install import SHELL_CACHED
from tests.https_proxy import caddy, trust_in_nss

HSTS = "max-age=31536000"


@pytest.fixture(scope="module")
def site(database_url, _schema, tmp_path_factory):
    """The real server on the test database, behind Caddy on https://unknot.localhost:PORT."""
    folder = tmp_path_factory.mktemp("https")
    with served(database_url, folder / "instance", UNKNOT_HTTPS="1", UNKNOT_PROXIES="1") as (
        port,
        _,
    ):
        with caddy(port, folder / "caddy") as https_site:
            yield https_site


@pytest.fixture
def phone(pw, site, tmp_path):
    """A persistent Chromium profile (installability needs one) whose home trusts Caddy's root."""
    home = tmp_path / "home"
    trust_in_nss(home, site.root_cert)
    ctx = pw.chromium.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=CHROMIUM,
        args=FLAGS,
        base_url=site.url,
        env={**os.environ, "HOME": str(home)},
        **PHONE,
    )
    yield ctx
    ctx.close()


def test_over_https_the_app_installs_and_a_cramp_logged_offline_syncs_once(
    phone, site, server_rows
):
    page = phone.pages[0]
    errors = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    response = page.goto("/")
    assert response.url == f"{site.url}/"
    assert response.headers["strict-transport-security"] == HSTS

    # Signing up is a write through the proxy: the same-site check sees https and this host.
    email = Accounts(site.url).sign_in_ui(page)
    open_app(page, "/")
    worker = page.evaluate("() => navigator.serviceWorker.controller.scriptURL")
    assert worker == f"{site.url}/sw.js"
    (cookie,) = [c for c in phone.cookies() if c["name"] == "unknot_session"]
    assert cookie["secure"] and cookie["httpOnly"] and cookie["sameSite"] == "Lax"
    wait_for(page, SHELL_CACHED)
    cdp = phone.new_cdp_session(page)
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    synced(page, wait_for)

    phone.set_offline(True)
    wait_for(page, "() => navigator.onLine === false")
    response = page.goto("/cramp?start=1")
    assert response.from_service_worker
    page.locator("[data-timer=running]").wait_for()
    page.click("[data-action=stop]")
    page.locator("[data-saved]").wait_for()
    wait_for(page, f"async () => (await ({PENDING})()) === 1")
    assert server_rows("cramps", email) == []

    phone.set_offline(False)
    synced(page, wait_for)
    (local,) = page.evaluate("async () => (await import('/store.js')).list('cramps')")
    assert [str(r["id"]) for r in server_rows("cramps", email)] == [local["id"]]
    open_app(page, "/")  # a new start syncs again: nothing is sent twice
    synced(page, wait_for)
    assert len(server_rows("cramps", email)) == 1
    assert errors == []


def test_a_browser_that_does_not_trust_the_authority_is_refused(browser, site):
    """The trust above is what lets the phone in: without it the certificate is refused."""
    ctx = browser.new_context()
    try:
        with pytest.raises(Error, match="ERR_CERT_AUTHORITY_INVALID"):
            ctx.new_page().goto(site.url)
    finally:
        ctx.close()


def register(site, source, n, forwarded=None, origin=None):
    """A sign-up through Caddy from `source`, with forged X-Forwarded-* headers if given."""
    headers = {"Content-Type": "application/json", "Origin": origin or site.origin}
    headers.update(forwarded or {})
    body = {"email": f"proxy{n}-{source}@example.org", "password": "correct horse battery"}
    body["timezone"] = "UTC"
    return site.request("POST", "/api/v1/auth/register", json.dumps(body), headers, source)


def test_the_client_address_and_scheme_are_caddys_not_the_clients(site):
    # From 127.0.0.3, each sign-up claims another address, scheme and host: none is believed.
    # Had the address been, each would count apart; had the scheme or host, the same-site
    # check would refuse the write.
    for n in range(5):
        forged = {
            "X-Forwarded-For": f"203.0.113.{n}",
            "X-Forwarded-Proto": "http",
            "X-Forwarded-Host": "elsewhere.example",
        }
        status, headers, body = register(site, "127.0.0.3", n, forged)
        assert status == 201, body
        cookie = headers["Set-Cookie"]
        assert "; Secure" in cookie and "; HttpOnly" in cookie and "SameSite=Lax" in cookie
        assert headers["Strict-Transport-Security"] == HSTS
    status, _, _ = register(site, "127.0.0.3", 5, {"X-Forwarded-For": "203.0.113.99"})
    assert status == 429  # REGISTER_LIMIT per address: the address is the one Caddy saw

    # Another address, as Caddy saw it, is counted apart.
    assert register(site, "127.0.0.4", 6)[0] == 201
    # A write from another site is refused through the proxy too.
    assert register(site, "127.0.0.4", 7, origin="https://elsewhere.example")[0] == 403
