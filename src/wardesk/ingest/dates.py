"""Publication dates in the shapes sources use (ISO, RFC 822, "14 March 2025") to YYYY-MM-DD.

Anything unreadable becomes None: a wrong date is worse than no date.
"""

from __future__ import annotations

import re
import time
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_ISO_DAY = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])")
_WRITTEN = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%B %d %Y", "%Y/%m/%d", "%d.%m.%Y")
_EARLIEST, _LATEST = 1800, 2200  # a year outside this is a parsing accident


def normalise_date(value: object) -> str | None:
    """YYYY-MM-DD for a date string, datetime, date or struct_time; None when unreadable."""
    if isinstance(value, datetime | date):
        return _checked(value.year, value.month, value.day)
    if isinstance(value, time.struct_time):
        return _checked(value.tm_year, value.tm_mon, value.tm_mday)
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    match = _ISO_DAY.match(text)
    if match:
        return _checked(*(int(part) for part in match.groups()))
    return _from_rfc822(text) or _from_written(text)


def _checked(year: int, month: int, day: int) -> str | None:
    try:
        day_value = date(year, month, day)
    except ValueError:
        return None
    return day_value.isoformat() if _EARLIEST <= year <= _LATEST else None


def _from_rfc822(text: str) -> str | None:
    try:
        parsed = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    return _checked(parsed.year, parsed.month, parsed.day)


def _from_written(text: str) -> str | None:
    for shape in _WRITTEN:
        try:
            parsed = datetime.strptime(text, shape)
        except ValueError:
            continue
        return _checked(parsed.year, parsed.month, parsed.day)
    return None
