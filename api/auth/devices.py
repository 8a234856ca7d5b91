"""A device described in plain words from its User-Agent, for the list of signed-in devices."""

# First match wins: Edge, Opera and Samsung Internet also say "Chrome", and Chrome says "Safari".
BROWSERS = (
    ("Edg", "Edge"),
    ("OPR/", "Opera"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chrome/", "Chrome"),
    ("Chromium/", "Chromium"),
    ("Safari/", "Safari"),
)
# iPhones and iPads also say "like Mac OS X", and Android says "Linux".
SYSTEMS = (
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("CrOS", "ChromeOS"),
    ("Windows", "Windows"),
    ("Macintosh", "Mac"),
    ("Linux", "Linux"),
)


def _first(user_agent: str, table: tuple[tuple[str, str], ...]) -> str | None:
    return next((name for mark, name in table if mark in user_agent), None)


def describe(user_agent: str | None) -> str:
    """'Chrome on Android', 'Safari on iPhone', 'Firefox', or 'A browser' when nothing is known."""
    ua = user_agent or ""
    browser, system = _first(ua, BROWSERS), _first(ua, SYSTEMS)
    if browser and system:
        return f"{browser} on {system}"
    return browser or (f"A browser on {system}" if system else "A browser")
