"""Running totals of current incidents per country touched, day and type (migration 21), kept
wherever incidents are written (incidents.write: saves, deletes, rebuilds, generated loads), so
that the trends and "what changed" views read a few hundred rows instead of every incident of
their range. Code '' counts every incident once; a country's rows count the incidents whose
reports touch it (incident_codes). Only current (not background) incidents with a date are
counted: those the scans over incidents count (desk.incident_days, desk.changes).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from wardesk.store.schema import Connection

Delta = Counter[tuple[str, str, str]]  # (code, day, type) → incidents added (or removed)

_UPSERT = ("INSERT INTO incident_day_totals (code, day, type, n) VALUES (?, ?, ?, ?)"
           " ON CONFLICT (code, day, type) DO UPDATE SET n = incident_day_totals.n + excluded.n")


def removed(conn: Connection, ids: Sequence[str], delta: Delta) -> None:
    """Take the incidents ``ids`` (about to be deleted) out of ``delta``."""
    marks = ", ".join("?" * len(ids))
    for etype, sort_date in conn.execute(
            f"SELECT type, sort_date FROM incidents WHERE id IN ({marks}) AND is_current = 1"
            " AND sort_date IS NOT NULL", list(ids)):
        delta["", str(sort_date)[:10], etype] -= 1
    for code, etype, sort_date in conn.execute(
            "SELECT c.code, i.type, i.sort_date FROM incident_codes c"
            f" JOIN incidents i ON i.id = c.incident WHERE c.incident IN ({marks})"
            " AND i.is_current = 1 AND i.sort_date IS NOT NULL", list(ids)):
        delta[code, str(sort_date)[:10], etype] -= 1


def added(etype: str, sort_date: str | None, current: bool, codes: Iterable[str],
          delta: Delta) -> None:
    """Count a new incident (its type, sort date, whether current, countries) in ``delta``."""
    if not current or sort_date is None:
        return
    day = sort_date[:10]
    delta["", day, etype] += 1
    for code in codes:
        delta[code, day, etype] += 1


def apply(conn: Connection, delta: Delta) -> None:
    conn.executemany(_UPSERT, [(*key, n) for key, n in sorted(delta.items()) if n])


def clear(conn: Connection) -> None:
    conn.execute("DELETE FROM incident_day_totals")


def incident_days(conn: Connection, since: str, until: str, by: str,
                  codes: list[str] | None = None, event_type: str | None = None
                  ) -> list[dict[str, Any]]:
    """As desk.incident_days' scan: current incidents per day and type (``by`` 'type'; of one
    country when ``codes`` holds one) or per day and country (``by`` 'country', for ``codes``)."""
    clauses, params = ["n > 0", "day >= ?", "day <= ?"], [since, f"{until}~"]
    if codes:
        clauses.append(f"code IN ({', '.join('?' * len(codes))})")
        params += codes
    else:
        clauses.append("code = ''")
    if event_type:
        clauses.append("type = ?")
        params.append(event_type)
    series = "code" if by == "country" else "type"
    sql = (f"SELECT day, {series}, SUM(n) FROM incident_day_totals"
           f" WHERE {' AND '.join(clauses)} GROUP BY day, {series}")
    return [{"date": d, "series": s, "count": int(n)} for d, s, n in conn.execute(sql, params)]


# "what changed": each country's current incidents per type and day of a range
CODE_DAYS = ("SELECT code, type, day, n FROM incident_day_totals WHERE day >= ? AND day <= ?"
             " AND code <> '' AND n > 0")
