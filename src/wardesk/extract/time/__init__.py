"""Time: date expressions found and resolved to calendar values."""

from wardesk.extract.time.dates import find_dates

__all__ = ['find_dates']
