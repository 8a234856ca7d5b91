"""Installable, and it opens in airplane mode from a cold start."""

import json

SHELL_CACHED = (
    "async () => { const k = await caches.keys();"
    " const s = k.find(n => n.startsWith('unknot-shell-'));"
    " return !!s && !!(await (await caches.open(s)).match('/screens/settings.js')); }"
)


def test_app_is_installable_with_shortcuts(persistent_context, open_app, wait_for):
    ctx = persistent_context()
    page = open_app(ctx.pages[0] if ctx.pages else ctx.new_page(), "/")
    wait_for(page, SHELL_CACHED)
    cdp = ctx.new_cdp_session(page)
    assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
    manifest = cdp.send("Page.getAppManifest")
    assert manifest["errors"] == []
    parsed = manifest["manifest"]
    assert parsed["display"].lower().endswith("standalone")
    assert parsed["scope"] == parsed["startUrl"] == parsed["id"] == page.url
    shortcuts = {s["name"]: s["url"] for s in parsed["shortcuts"]}
    assert shortcuts["Start cramp timer"].endswith("/cramp?start=1")
    assert shortcuts["Log water"].endswith("/quick?log=water")
    assert shortcuts["Took magnesium"].endswith("/quick?log=magnesium")
    assert parsed["screenshots"][0]["formFactor"].lower().endswith("narrow")
    raw = json.loads(manifest["data"])
    icons = {(i["sizes"], i["purpose"]) for i in raw["icons"]}
    assert icons == {
        ("192x192", "any"),
        ("512x512", "any"),
        ("512x512", "maskable"),
        ("96x96", "monochrome"),
    }
    assert all(s["icons"] for s in raw["shortcuts"])
    assert page.locator("link[rel=apple-touch-icon]").count() == 1


def test_cold_start_in_airplane_mode_shows_the_shell(persistent_context, open_app, wait_for):
    ctx = persistent_context("cold")
    page = open_app(ctx.pages[0] if ctx.pages else ctx.new_page(), "/")
    wait_for(page, SHELL_CACHED)
    page.click("[data-quick=water]")
    wait_for(page, "async () => (await (await import('/store.js')).list('intakes')).length === 1")
    ctx.close()

    ctx = persistent_context("cold", offline=True)
    page = ctx.pages[0] if ctx.pages else ctx.new_page()
    response = page.goto("/")
    assert response.from_service_worker
    page.wait_for_function("() => document.documentElement.dataset.screen === 'today'")
    assert page.locator("main h1").inner_text().startswith("Today")
    assert "Water: 250 ml" in page.inner_text("[data-summary=water]")
    # The status comes with sync, which starts once the first screen is drawn.
    page.wait_for_function(
        "() => document.getElementById('sync-status').textContent.startsWith('Offline')"
    )
    # Every other screen opens too, without the network.
    for path, screen in [("/settings", "settings"), ("/learn", "learn"), ("/plan", "plan")]:
        page.goto(path)
        page.wait_for_function(f"() => document.documentElement.dataset.screen === '{screen}'")
    assert page.errors == []
