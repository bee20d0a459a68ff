"""wardesk's exception tree: library errors carry a stable code and say what to do.

    WardeskError
    ├── UsageError        a bad argument or setting (CLI exit 2)
    ├── SourceError       a source could not be read at all (single-file extract)
    ├── ModelError        the spaCy pipeline is not installed or not English
    └── StoreError        the store cannot be opened or migrated
"""

from __future__ import annotations


class WardeskError(Exception):
    code = "W000"

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code:
            self.code = code


class UsageError(WardeskError):
    code = "W100"


class SourceError(WardeskError):
    code = "W200"

    def __init__(self, message: str, *, reason: str = "unreadable", code: str | None = None):
        super().__init__(message, code=code)
        self.reason = reason


class ModelError(WardeskError):
    code = "W300"


class StoreError(WardeskError):
    code = "W400"
