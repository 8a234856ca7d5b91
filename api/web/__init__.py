"""Serves the PWA shell from pwa/ and static/ (filled in by the PWA work)."""


def register(app) -> None:
    """Add the routes that serve the app shell."""
