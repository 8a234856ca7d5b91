"""Take the store screenshot of Today: `python static/make_screenshot.py` (1080x1920 PNG).

Serves the app on a throwaway SQLite database and photographs it in Debian's Chromium at
360x640 CSS pixels, 3 device pixels each.
"""

import tempfile
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright
from werkzeug.serving import make_server

from api import create_app

OUT = Path(__file__).resolve().parent / "screenshots" / "today-1080x1920.png"
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(
            {"SECRET_KEY": "screenshot", "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp}/s.db"}
        )
        server = make_server("127.0.0.1", 0, app, threaded=True)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        url = f"http://127.0.0.1:{server.server_port}/"
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(
                viewport={"width": 360, "height": 640}, device_scale_factor=3, color_scheme="light"
            )
            page.goto(url)
            page.wait_for_function("() => document.documentElement.dataset.ready === '1'")
            page.click("[data-quick=water]")
            page.click("[data-quick=magnesium]")
            page.wait_for_timeout(7000)  # let the "saved" message go
            OUT.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(OUT))
            browser.close()
        server.shutdown()
    print(f"screenshot written to {OUT}")


if __name__ == "__main__":
    main()
