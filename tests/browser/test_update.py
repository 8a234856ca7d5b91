"""A changed shell file reaches the person on the next load, after they agree, never mixed."""

CACHES = "async () => (await caches.keys()).filter(n => n.startsWith('unknot-shell-'))"
ROUTER = "() => fetch('/router.js').then(r => r.text())"


def test_changed_shell_file_is_picked_up_by_the_next_load(live_server, page, open_app, wait_for):
    open_app(page, "/")
    (old_cache,) = wait_for(page, CACHES)
    target = live_server.pwa_dir / "router.js"  # it holds the not-found page
    original = target.read_text()
    try:
        target.write_text(original.replace("This page does not exist.", "Not here (v2)."))
        page.reload()  # the next load checks /sw.js: its content hash changed
        page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
        banner = page.locator("[data-banner=update]")
        banner.wait_for(timeout=15000)
        assert "A new version is ready" in banner.inner_text()
        # Until the person says so, the page keeps running the old version only.
        assert "Not here (v2)" not in page.evaluate(ROUTER)

        with page.expect_navigation():
            banner.get_by_role("button", name="Reload").click()
        page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
        assert "Not here (v2)" in page.evaluate(ROUTER)
        new_caches = wait_for(
            page, f"async () => {{ const k = await ({CACHES})(); return k.length === 1 && k; }}"
        )
        assert new_caches != [old_cache]
        page.goto("/nowhere")
        page.get_by_text("Not here (v2).").wait_for()
        assert page.locator("[data-banner=update]").count() == 0
    finally:
        target.write_text(original)
