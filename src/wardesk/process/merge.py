"""Across articles: the reports of one proposal are one proposal, the reports of one grouping one
coalition. Pure functions over the stored reports (dicts in SCHEMA.md's shapes, each with the
article's ``article``/``published``/``publisher``/``source_id``/``title``); the result does not
depend on the order reports come in (sorted first, ids from content).

Same proposal: same kind, proposing parties equal (or one report does not say who), durations
equal (or one does not say), scopes equal (or one does not say). A report that fits several
proposals joins the one with the most reports (then the smallest id)."""

from __future__ import annotations

from typing import Any

from wardesk.records import content_id

Report = dict[str, Any]


def party(ref: dict[str, Any] | None) -> str | None:
    if not ref:
        return None
    code = ref.get("code")
    if code and code not in ("IGO", "NGO", "UNK", "MED"):
        return str(code)
    return ref.get("actor") or (ref.get("actorText") or "").lower() or None


def _parties(refs: list[dict[str, Any]]) -> tuple[str, ...]:
    return tuple(sorted({p for r in refs if (p := party(r))}))


def _order(report: Report) -> tuple[str, str, str]:
    return (report.get("published") or "", report.get("article") or "", report.get("id") or "")


def _fits(group: list[Report], report: Report) -> bool:
    first = group[0]
    if first["kind"] != report["kind"]:
        return False
    mine, theirs = _parties(report["proposer"]), _known(group, lambda r: _parties(r["proposer"]))
    if mine and theirs and mine != theirs:
        return False
    for key in ("duration_days", "scope"):
        value = report["terms"].get(key)
        known = _known(group, lambda r, k=key: r["terms"].get(k))  # type: ignore[misc]
        if value and known and value != known:
            return False
    return True


def _known(group: list[Report], read: Any) -> Any:
    return next((v for r in group if (v := read(r))), None)


def merge_proposals(reports: list[Report]) -> list[dict[str, Any]]:
    """One proposal per real proposal, newest first reported last; ``reports``: the stored
    per-article proposals with their article's fields."""
    ordered = sorted(reports, key=lambda r: (not _parties(r["proposer"]), not r["terms"].get("duration_days"), _order(r)))
    groups: list[list[Report]] = []
    for report in ordered:
        fits = [g for g in groups if _fits(g, report)]
        if fits:
            best = max(fits, key=lambda g: (len(g), -groups.index(g)))
            best.append(report)
        else:
            groups.append([report])
    return sorted((_proposal(g) for g in groups), key=lambda p: (p["first_reported"] or "", p["id"]))


def _proposal(group: list[Report]) -> dict[str, Any]:
    group = sorted(group, key=_order)
    proposer: list[dict[str, Any]] = next((r["proposer"] for r in group if r["proposer"]), [])
    kind = group[0]["kind"]
    terms = _terms(group)
    pid = content_id("proposal", kind, ",".join(_parties(proposer)), terms.get("duration_days") or "",
                     terms.get("scope") or "")
    addressees: dict[str, dict[str, Any]] = {}
    for r in group:
        for ref in r["addressees"]:
            addressees.setdefault(party(ref) or "", ref)
    responses = []
    for r in group:
        for resp in r["responses"]:
            responses.append({**resp, "article": r["article"], "publisher": r.get("publisher"),
                              "published": r.get("published")})
    responses.sort(key=lambda x: (x.get("date") or "", x.get("published") or "", party(x["party"]) or ""))
    return {
        "id": pid, "kind": kind, "proposer": proposer, "addressees": list(addressees.values()),
        "terms": terms, "first_reported": min((r.get("published") or r.get("first_reported") or "")
                                              for r in group) or None,
        "responses": responses, "standing": standing(responses),
        "answers": next((r["answers"] for r in group if r.get("answers")), None),  # a counter's original
        "reports": [_report(r) for r in group],
    }


def standing(responses: list[dict[str, Any]]) -> dict[str, str]:
    """Each party's latest answer (by date, then report order)."""
    out: dict[str, str] = {}
    for resp in responses:
        key = party(resp["party"])
        if key:
            out[key] = resp["response"]
    return out


def _terms(group: list[Report]) -> dict[str, Any]:
    terms: dict[str, Any] = {"duration_days": None, "scope": None, "numbers": [], "conditions": []}
    for r in group:
        t = r["terms"]
        terms["duration_days"] = terms["duration_days"] or t.get("duration_days")
        terms["scope"] = terms["scope"] or t.get("scope")
        terms["numbers"] += [n for n in t.get("numbers", []) if n not in terms["numbers"]]
        terms["conditions"] += [c for c in t.get("conditions", []) if c not in terms["conditions"]]
    return terms


def _report(r: Report) -> dict[str, Any]:
    return {k: r.get(k) for k in ("article", "source_id", "publisher", "published", "title", "evidence")}


def merge_coalitions(reports: list[Report], pledges: list[Report],
                     bodies: dict[str, list[dict[str, Any]]] | None = None) -> list[dict[str, Any]]:
    """One coalition per id (its name), members over time (first report of each party and
    role), the latest reported size, and the pledges made within it."""
    by_id: dict[str, list[Report]] = {}
    for r in sorted(reports, key=_order):
        by_id.setdefault(r["id"], []).append(r)
    out = []
    for cid, group in sorted(by_id.items()):
        members: dict[tuple[str, str], dict[str, Any]] = {}
        for r in group:
            for m in r["members"]:
                key = (party(m["actor"]) or "", m["role"])
                members.setdefault(key, {**m, "since": m.get("since") or r.get("published"),
                                         "article": r["article"]})
        sized = [r for r in group if r.get("size_reported")]
        own = sorted((p for p in pledges if p.get("coalition") == cid), key=_order)
        out.append({
            "id": cid, "name": group[0]["name"], "actor": group[0].get("actor"),
            "size_reported": sized[-1]["size_reported"] if sized else None,
            "size": sized[-1].get("size") if sized else None,
            "members": sorted(members.values(), key=lambda m: (m["since"] or "", party(m["actor"]) or "")),
            "standing_members": (bodies or {}).get(cid, []),
            "pledges": own,
            "first_reported": group[0].get("published"), "last_reported": group[-1].get("published"),
            "reports": [_report(r) for r in group],
        })
    return out
