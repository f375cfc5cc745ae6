"""Table-shaped answers for the explorer's pages (plain rows; the app only lays them out)."""

from __future__ import annotations

from typing import Any

from graph.queries import PREFIX_BLOCK

Row = dict[str, Any]

EXAMPLE_QUERIES = {
    "Cơ quan được giao nhiều nhiệm vụ nhất / Agencies by task load": """SELECT ?name (COUNT(?task) AS ?tasks)
WHERE { ?task pkg:owner ?a . ?a skos:prefLabel ?name FILTER(lang(?name) = "vi") }
GROUP BY ?name ORDER BY DESC(?tasks)""",
    "Văn bản mà QĐ 2289 thực hiện / What QĐ 2289 implements": """SELECT ?doc ?label
WHERE { <https://w3id.org/policykg/id/legal/qd-2289-ttg-2020> pkg:implements ?doc . ?doc rdfs:label ?label }""",
    "Mục tiêu chậm tiến độ / Targets off track": """SELECT ?label ?value ?year
WHERE { ?t pkg:status pkg:off_track ; rdfs:label ?label ; pkg:year ?year . OPTIONAL { ?t pkg:value ?value } }
ORDER BY ?year""",
    "Bộ sáp nhập năm 2025 / Ministries merged in 2025": """SELECT ?from ?to ?date
WHERE { ?e a org:ChangeEvent ; org:originalOrganization/skos:prefLabel ?from ;
           org:resultingOrganization/skos:prefLabel ?to ; pkg:effectiveDate ?date .
        FILTER(lang(?from) = "vi" && lang(?to) = "vi") } ORDER BY ?date""",
}


def ownership(tasks: list[Row], agencies: list[Row]) -> list[Row]:
    """Agency → task rows with the agency's role, and who holds the duty today if it changed."""
    today = {a["name"]: a["successor"] for a in agencies if a.get("successor")}
    rows = []
    for t in tasks:
        roles: dict[str, str] = {}
        for name in t["lead"]:
            roles.setdefault(name, "lead")
        for name in t["owners"]:
            roles.setdefault(name, t["owner_role"])
        for name in t["cooperating"]:
            roles.setdefault(name, "cooperating")
        for name, role in roles.items():
            succ = today.get(name)
            rows.append({
                "agency": name, "role": role, "doc": t["doc"], "section": t["section"], "task": t["text"],
                "kind": t["kind"], "deadline": t["deadline"] or "",
                "held_today_by": f"{succ['name']} (từ {succ['since']}, {succ['basis']})" if succ else "",
                "task_id": t["id"],
            })
    return rows


def target_rows(targets: list[Row]) -> list[Row]:
    """One row per target with its latest observation."""
    rows = []
    for t in targets:
        latest = t["observations"][-1] if t["observations"] else None
        rows.append({
            "doc": t["doc"], "indicator": t["indicator_label"], "comparator": t["comparator"], "target": t["value"],
            "unit": t["unit"], "year": t["year"], "scope": t["scope"] or "",
            "latest_year": latest["year"] if latest else None, "latest_value": latest["value"] if latest else None,
            "status": t["status"], "text": t["text"],
        })
    return rows


def series(targets: list[Row], indicator_label: str) -> list[Row]:
    """Target values and observations of one indicator, for a chart (kind, year, value)."""
    rows, seen = [], set()
    for t in targets:
        if t["indicator_label"] != indicator_label:
            continue
        if t["value"] is not None:
            rows.append({"kind": f"mục tiêu ({t['doc']})", "year": t["year"], "value": t["value"]})
        for o in t["observations"]:
            if (o["year"], o["value"]) not in seen:
                seen.add((o["year"], o["value"]))
                rows.append({"kind": "thực tế / observed", "year": o["year"], "value": o["value"]})
    return sorted(rows, key=lambda r: (r["kind"], r["year"]))


def legal_rows(refs: list[Row]) -> list[Row]:
    return [{"cited": r["id"], "kind": r["kind"], "number": r["number"], "year": r["year"],
             "relation": r["relation"], "cited_by": r["cited_by"], "section": r["evidence"]["section"],
             "passage": r["evidence"]["quote"], "ambiguous": r["ambiguous"]} for r in refs]


def with_prefixes(query: str) -> str:
    return PREFIX_BLOCK + query
