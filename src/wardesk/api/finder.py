"""The statements list and the search across everything, as JSON-ready views: /api/statements
and /api/search return them, and the /statements and /search pages render the same answers.

Snippets are plain text with the offsets of the matched words (``marks``); pages escape the
text and wrap those offsets in <mark>, so stored text can never become markup.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query

from wardesk.api.deps import MAX_OFFSET, Day, StoreDep
from wardesk.store import Store, finder
from wardesk.store.filters import as_country
from wardesk.store.finder import StatementFilter
from wardesk.store.incident_queries import headline
from wardesk.store.search import terms

router = APIRouter(prefix="/api", tags=["read"])

SNIPPET_CHARS = 160
SEARCH_LIMIT = 20  # hits of each kind a search shows
INCIDENTS = 10  # incidents a search shows (each is read with all its reports)
INCIDENT_ARTICLES = 500  # incidents are looked for in the newest 500 matching articles
_WORD = re.compile(r"\w+")


def statement_filter(
    speaker: Annotated[str | None, Query(description="Speaker: actor id or part of a name")] = None,
    actor: Annotated[str | None, Query(description="Older name of speaker (an ISO3 code: country)")] = None,
    country: Annotated[str | None, Query(description="Speaker's country, ISO alpha-3")] = None,
    since: Day = None, until: Day = None,
    certainty: Annotated[str | None, Query(description="confirmed|reported|claimed|hedged|speculative")] = None,
    text: Annotated[str | None, Query(description="Words in the statement")] = None,
    kind: Annotated[str | None, Query(description="quote (direct speech) or reported",
                                      pattern="^(quote|reported|)$")] = None,
    limit: Annotated[int, Query(ge=1, le=1000, description="Page size")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip")] = 0,
) -> StatementFilter:
    if actor and not speaker:
        if as_country(actor) and not country:
            country = actor
        else:
            speaker = actor
    direct = {"quote": True, "reported": False}.get(kind or "")
    return StatementFilter(speaker=speaker or None, country=country or None, since=since,
                           until=until, certainty=certainty or None, text=text or None,
                           direct=direct, limit=limit, offset=offset)


StatementDep = Annotated[StatementFilter, Depends(statement_filter)]


def words_href(article_id: str, start: int, end: int) -> str:
    """The article page with this span highlighted and scrolled to."""
    return f"/articles/{quote(article_id, safe='')}?hl={start}-{end}"


def statements_view(store: Store, f: StatementFilter) -> dict[str, Any]:
    total = finder.count_statements(store, f)
    rows = finder.statements(store, f, total)
    for r in rows:
        r["href"] = words_href(r["article_id"], r["start"], r["end"])
        r["kind"] = "quote" if r["direct"] else "reported"
        r["marks"] = find_marks(r["content"], words(f.text or ""))
    return {"total": total, "total_is_floor": total >= finder.COUNT_CAP, "limit": f.limit,
            "offset": f.offset, "statements": rows}


def fold(text: str) -> str:
    """Case and accents ignored, one character for one (so offsets stay valid)."""
    out = []
    for c in text:
        base = unicodedata.normalize("NFKD", c)[:1].casefold()
        out.append(base if len(base) == 1 else c)
    return "".join(out)


def words(q: str) -> list[str]:
    return list(dict.fromkeys(_WORD.findall(q)))[:12]


def text_query(q: str) -> str:
    """The words of ``q`` for the text index, a trailing * kept (a prefix: negotiat*)."""
    return " ".join(f"{term}{'*' if star else ''}" for term, star in terms(q)[:12])


def find_marks(text: str, wanted: list[str]) -> list[tuple[int, int]]:
    """[start, end) of every word of ``text`` that starts with one of ``wanted``."""
    keys = [fold(w) for w in wanted if w]
    if not keys:
        return []
    folded = fold(text)
    return [(m.start(), m.end()) for m in _WORD.finditer(folded)
            if any(m.group().startswith(k) for k in keys)]


def snippet(text: str, wanted: list[str], size: int = SNIPPET_CHARS) -> dict[str, Any]:
    """About ``size`` characters of ``text`` around its first match, with the matches' offsets
    (in the snippet) and whether text was cut on either side."""
    marks = find_marks(text, wanted)
    first = marks[0][0] if marks else 0
    start = max(0, first - size // 3)
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + size)
    part = text[start:end]
    shown = [(s - start, e - start) for s, e in marks if s >= start and e <= end]
    return {"text": part, "marks": shown, "cut_before": start > 0, "cut_after": end < len(text)}


def search_view(store: Store, q: str, limit: int = SEARCH_LIMIT) -> dict[str, Any]:
    """Articles (by the text index, best first), incidents, statements and actors for ``q``."""
    wanted = words(q)
    if not wanted:
        return {"q": q, "articles": [], "incidents": [], "statements": [], "actors": []}
    articles = store.articles(q=text_query(q), limit=limit)
    texts = finder.article_texts(store, [a["id"] for a in articles])
    for a in articles:
        a["snippet"] = snippet(texts.get(a["id"], ""), wanted)
        a["title_marks"] = find_marks(a.get("title") or "", wanted)
        a["href"] = f"/articles/{quote(a['id'], safe='')}"
    matching = finder.matching_articles(store, text_query(q))
    said = finder.statements_in(store, matching, wanted, limit)
    for s in said:
        s["snippet"] = snippet(s["content"], wanted)
        s["href"] = words_href(s["article_id"], s["start"], s["end"])
        s["kind"] = "quote" if s["direct"] else "reported"
    actors = finder.actors_named(store, wanted, limit) if len(wanted) <= 4 else []
    for a in actors:
        a["name_marks"] = find_marks(a.get("name") or "", wanted)
        a["href"] = f"/actors/{quote(a['id'], safe='/')}"
    return {"q": q, "articles": articles,
            "incidents": incidents(store, wanted, INCIDENTS, matching[:INCIDENT_ARTICLES]),
            "statements": said, "actors": actors}


def incidents(store: Store, wanted: list[str], limit: int,
              articles: list[str] | None = None) -> list[dict[str, Any]]:
    """Incidents one of whose reports says the words (found through the articles' text index,
    among ``articles`` when given), each with its one-line summary and a snippet of the report
    that says them. Incidents only recaps tell (background) are left out."""
    if articles is None:
        articles = finder.matching_articles(store, " ".join(wanted))
    found = []
    for incident_id in finder.incidents_in(store, articles, wanted, limit):
        incident = store.incident(incident_id)
        if incident is not None and not incident.get("background"):
            found.append({**incident, "summary": headline(incident)})
    for i in found:
        texts = [str((r.get("evidence") or {}).get("text") or "") for r in i.get("reports") or []]
        said = next((t for t in texts if find_marks(t, wanted)), texts[0] if texts else "")
        i["snippet"] = snippet(said, wanted)
        i["href"] = f"/incidents/{quote(str(i.get('id', '')), safe='')}"
    return found


@router.get("/search", summary="Search articles, incidents, statements and actors at once")
def search(store: StoreDep,
           q: Annotated[str, Query(description="Words to find (all must occur)",
                                   max_length=500)] = "") -> dict[str, Any]:
    return search_view(store, q)
