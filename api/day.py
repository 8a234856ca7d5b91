"""A person's day: their local date in their IANA timezone, starting at their chosen hour."""

from datetime import date, datetime, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones


@cache
def zone(name: str) -> ZoneInfo:
    """The ZoneInfo for an IANA name (cached)."""
    return ZoneInfo(name)


@cache
def timezone_names() -> frozenset[str]:
    """Every IANA timezone name this machine knows."""
    return frozenset(available_timezones())


def local_day(moment: datetime, tz: str, start_hour: int = 4) -> date:
    """The person's day a moment belongs to: before start_hour it is still the day before."""
    if moment.tzinfo is None:
        raise ValueError("naive datetime")
    local = moment.astimezone(zone(tz))
    return (local - timedelta(hours=start_hour)).date()
