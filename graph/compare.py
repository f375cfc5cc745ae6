"""Comparing two documents: draft vs final, and where two documents overlap.

Both work on the CLI's answer rows (graph/answers.py), so they read the graph like everything else.
Task pairs are matched by TF-IDF over syllable n-grams (scikit-learn), each with its score and the
key terms the two texts share.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from extract.agencies import fold_key
from extract.legal_ids import own_identity
from extract.rows import DocRow, PassageRow, RefRow, SectionRow, TargetRow, TaskRow
from graph import answers
from graph.store import Store

Row = dict[str, Any]


@dataclass(frozen=True)
class Rows:
    docs: list[DocRow]
    tasks: list[TaskRow]
    refs: list[RefRow]
    targets: list[TargetRow]
    passages: list[PassageRow]
    sections: list[SectionRow]

    @classmethod
    def of(cls, store: Store) -> Rows:
        """The answers, with a corpus document's legal id ("qd-2289-ttg-2020") read as its id ("000")."""
        docs = answers.docs(store)
        alias = {own: d["id"] for d in docs if (own := own_identity(d["number"], d["date"], d["issuer"]))}
        refs: list[RefRow] = [{**r, "id": alias.get(r["id"], r["id"]),
                               "cited_by": alias.get(r["cited_by"], r["cited_by"])} for r in answers.refs(store)]
        passages: list[PassageRow] = [{**p, "cited": alias.get(p["cited"], p["cited"])}
                                      for p in answers.passages(store)]
        passages += _subject_mentions(store, passages)
        return cls(docs, answers.tasks(store), refs, answers.targets(store), passages, answers.sections(store))


def _subject_mentions(store: Store, passages: list[PassageRow]) -> list[PassageRow]:
    """A report names its subject by a short title ("Chiến lược quốc gia về CMCN 4.0") more often than by
    number: a citing sentence of the report with the first three words of the subject's title names it."""
    from graph.queries import query

    out: list[PassageRow] = []
    res = query("reports").run(store)
    for report, subject, title in res.rows:
        words = fold_key(title or "").split()[:3]
        if len(words) < 3 or not report or not subject:
            continue
        head = " ".join(words)
        for p in passages:
            if p["doc"] == report and head in fold_key(p["quote"]):
                out.append({**p, "cited": subject})
    return out


def symbol_key(number: str) -> str:
    """A document symbol compared without case or spaces ("Số: 134 /KH-UBND" is "134/KH-UBND")."""
    return re.sub(r"\s+", "", fold_key(number))


def resolve_doc(rows: Rows, key: str) -> str:
    """A document id from an id ("000", "nq-50-cp-2020") or an unambiguous number ("50/NQ-CP")."""
    ids = {d["id"] for d in rows.docs} | {r["id"] for r in rows.refs}
    if key in ids:
        return key
    want = symbol_key(key)
    hits = {d["id"] for d in rows.docs if d["number"] and symbol_key(d["number"]) == want}
    if not hits:  # a document only cited: by the symbol its citations carry
        hits = {r["id"] for r in rows.refs if r["number"] and symbol_key(r["number"]) == want}
    if len(hits) == 1:
        return hits.pop()
    if not hits:
        raise KeyError(f"no document '{key}'; use an id from 'policykg docs --json' or 'refs --json'")
    raise KeyError(f"'{key}' is ambiguous: {', '.join(sorted(hits))}; give the id")


# Words every task uses ("báo cáo", "thực hiện", roles, "các bộ, ngành"): they make unrelated tasks look alike.
BOILERPLATE = frozenset(
    "các và của để theo với trong về cho có được những là năm thực hiện báo cáo triển khai chủ trì phối hợp "
    "bộ ngành địa phương liên quan cơ quan tổ chức nhiệm vụ giải pháp đến từ tại trên này đã sẽ".split())


def similar_pairs(a: list[TaskRow], b: list[TaskRow], threshold: float = 0.35, top_terms: int = 5) -> list[Row]:
    """Best-matching task pairs (one partner each) with score and shared key terms."""
    if not a or not b:
        return []
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.metrics.pairwise import cosine_similarity

    texts = [fold_key(t["text"]) for t in a + b]
    vec = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), token_pattern=r"(?u)\b\w+\b", sublinear_tf=True,
                          stop_words=sorted(BOILERPLATE))
    matrix = vec.fit_transform(texts)
    sims = cosine_similarity(matrix[: len(a)], matrix[len(a):])
    vocab = vec.get_feature_names_out()
    together = Counter(pair for text in texts for pair in set(_pairs(_WORD.findall(text))))
    pairs = []
    used_b: set[int] = set()
    order = sorted(((sims[i, j], i, j) for i in range(len(a)) for j in range(len(b))), reverse=True)
    used_a: set[int] = set()
    for score, i, j in order:
        if score < threshold:
            break
        if i in used_a or j in used_b:
            continue
        used_a.add(i)
        used_b.add(j)
        shared = matrix[i].multiply(matrix[len(a) + j]).toarray()[0]
        weight = {vocab[k]: float(shared[k]) for k in shared.nonzero()[0]}
        terms = shared_phrases(texts[i], texts[len(a) + j], weight, top_terms, together)
        pairs.append({"score": round(float(score), 3), "a": _brief(a[i]), "b": _brief(b[j]), "shared_terms": terms})
    return pairs


def shared_phrases(a: str, b: str, weight: dict[str, float], top: int = 5,
                   together: Mapping[str, int] | None = None) -> list[str]:
    """The longest runs of words two folded texts share ("trung tâm dữ liệu quốc gia", not "dữ", "tâm dữ",
    "liệu quốc"), without boilerplate at their edges, heaviest first by the pair's TF-IDF weights.

    `together` counts in how many texts two syllables follow each other: a run whose edge syllable goes more
    often with its neighbour outside the run than inside it starts or ends inside a word ("giám sát tội phạm"
    and "kiểm sát tội phạm" share "tội phạm", not "sát tội phạm"), so that syllable is left out."""
    wa, wb = _WORD.findall(a), _WORD.findall(b)
    grams = {tuple(wb[i:i + n]) for n in range(1, _LONGEST + 1) for i in range(len(wb) - n + 1)}
    bond = together or {}
    runs: dict[str, float] = {}
    i = 0
    while i < len(wa):
        n = next((n for n in range(min(_LONGEST, len(wa) - i), 0, -1) if tuple(wa[i:i + n]) in grams), 0)
        start, end = i, i + n
        if end - start >= 2 and start > 0 and \
                bond.get(f"{wa[start - 1]} {wa[start]}", 0) > bond.get(f"{wa[start]} {wa[start + 1]}", 0):
            start += 1
        if end - start >= 2 and end < len(wa) and \
                bond.get(f"{wa[end - 1]} {wa[end]}", 0) > bond.get(f"{wa[end - 2]} {wa[end - 1]}", 0):
            end -= 1
        run = wa[start:end]
        while run and run[0] in BOILERPLATE:
            run = run[1:]
        while run and run[-1] in BOILERPLATE:
            run = run[:-1]
        if run:
            runs[" ".join(run)] = sum(weight.get(w, 0.0) for w in [*run, *_pairs(run)])
        i += max(n, 1)
    phrases = sorted((p for p, w in runs.items() if w > 0), key=lambda p: (-runs[p], p))
    if any(" " in p for p in phrases):  # a lone syllable ("dữ") says little next to a phrase
        phrases = [p for p in phrases if " " in p]
    return phrases[:top]


def _pairs(words: list[str]) -> list[str]:
    """Each two syllables that follow each other ("trung tâm", "tâm dữ", …)."""
    return [f"{x} {y}" for x, y in zip(words, words[1:], strict=False)]


_WORD = re.compile(r"\w+")
_LONGEST = 12


def _brief(task: TaskRow) -> Row:
    return {"id": task["id"], "doc": task["doc"], "section": task["section"], "owner": task["owner"],
            "owner_role": task["owner_role"], "text": task["text"]}


def diff(rows: Rows, draft: str, final: str, threshold: float = 0.35) -> Row:
    """Targets, agency duties and sections that changed between a draft and its final text."""
    t_d = {(t["indicator"], t["year"]): t for t in rows.targets if t["doc"] == draft}
    t_f = {(t["indicator"], t["year"]): t for t in rows.targets if t["doc"] == final}
    changed = [{"draft": _brief_target(t_d[k]), "final": _brief_target(t_f[k])}
               for k in sorted(set(t_d) & set(t_f), key=str)
               if (t_d[k]["value"], t_d[k]["comparator"]) != (t_f[k]["value"], t_f[k]["comparator"])]
    # an agency's duties: tasks that name no owner are nobody's duty to compare
    tasks_d = [t for t in rows.tasks if t["doc"] == draft and not t["parent"] and t["owner"] is not None]
    tasks_f = [t for t in rows.tasks if t["doc"] == final and not t["parent"] and t["owner"] is not None]
    count_d = Counter(t["owner"] or "" for t in tasks_d)
    count_f = Counter(t["owner"] or "" for t in tasks_f)
    agencies = []
    for name in sorted(set(count_d) | set(count_f)):
        status = "added" if not count_d[name] else "removed" if not count_f[name] else \
            "changed" if count_d[name] != count_f[name] else "same"
        pairs = similar_pairs([t for t in tasks_d if t["owner"] == name], [t for t in tasks_f if t["owner"] == name],
                              threshold)
        agencies.append({"agency": name, "status": status, "draft_tasks": count_d[name],
                         "final_tasks": count_f[name], "matched_pairs": pairs})
    return {
        "draft": draft, "final": final, "sections": section_changes(rows, draft, final),
        "targets": {"added": [_brief_target(t_f[k]) for k in sorted(set(t_f) - set(t_d), key=str)],
                    "removed": [_brief_target(t_d[k]) for k in sorted(set(t_d) - set(t_f), key=str)],
                    "changed": changed},
        "agencies": agencies,
    }


def section_changes(rows: Rows, draft: str, final: str, cutoff: float = 0.8) -> Row:
    """Sections added and removed, matching headings (not numbers, which shift between versions)."""
    from difflib import SequenceMatcher

    def titled(doc: str) -> list[SectionRow]:
        return [s for s in rows.sections if s["doc"] == doc and len(s["heading"].split()) < 25]

    old, new = titled(draft), titled(final)
    matched_old, matched_new = set(), set()
    for i, a in enumerate(old):
        ka = fold_key(a["heading"]).rstrip(" :.")
        best, score = None, cutoff
        for j, b in enumerate(new):
            if j in matched_new:
                continue
            r = SequenceMatcher(None, ka, fold_key(b["heading"]).rstrip(" :.")).ratio()
            if r >= score:
                best, score = j, r
        if best is not None:
            matched_old.add(i)
            matched_new.add(best)
    return {"removed": [old[i] for i in range(len(old)) if i not in matched_old],
            "added": [new[j] for j in range(len(new)) if j not in matched_new]}


def overlap(rows: Rows, a: str, b: str, threshold: float = 0.35) -> Row:
    """Where two documents (in the corpus or only cited) meet: agencies, citations, tasks, indicators."""
    def tasks_of(doc: str) -> list[TaskRow]:
        return [t for t in rows.tasks if t["doc"] == doc]

    def agencies_of(doc: str) -> dict[str, list[Row]]:
        out: dict[str, list[Row]] = defaultdict(list)
        for t in tasks_of(doc):
            for name in {*t["owners"], *t["lead"], *t["cooperating"]}:
                role = "lead" if name in t["lead"] else "cooperating" if name in t["cooperating"] \
                    else t["owner_role"] or "responsible"
                out[name].append({"task": t["id"], "section": t["section"], "role": role})
        return out

    def cited_by(doc: str) -> dict[str, str]:
        return {r["id"]: r["relation"] for r in rows.refs if r["cited_by"] == doc}

    ag_a, ag_b = agencies_of(a), agencies_of(b)
    cites_a, cites_b = cited_by(a), cited_by(b)
    ind_a: dict[str, list[TargetRow]] = defaultdict(list)
    ind_b: dict[str, list[TargetRow]] = defaultdict(list)
    for t in rows.targets:
        if t["doc"] == a:
            ind_a[t["indicator"]].append(t)
        elif t["doc"] == b:
            ind_b[t["indicator"]].append(t)
    relations = [{"from": r["cited_by"], "relation": r["relation"], "to": r["id"], "passage": r["evidence"]["quote"],
                  "in": r["evidence"]["doc"], "section": r["evidence"]["section"]}
                 for r in rows.refs if {r["cited_by"], r["id"]} == {a, b}]
    passages = _passages_naming_both(rows, a, b)
    return {
        "a": a, "b": b,
        "relations": relations,
        "shared_agencies": [{"agency": n, "in_a": ag_a[n], "in_b": ag_b[n]} for n in sorted(set(ag_a) & set(ag_b))],
        "shared_citations": [{"id": i, "relation_a": cites_a[i], "relation_b": cites_b[i]}
                             for i in sorted(set(cites_a) & set(cites_b))],
        "similar_tasks": similar_pairs(tasks_of(a), tasks_of(b), threshold),
        "shared_indicators": [{"indicator": k, "indicator_label": ind_a[k][0]["indicator_label"],
                               "a": [_value(t) for t in ind_a[k]], "b": [_value(t) for t in ind_b[k]]}
                              for k in sorted(set(ind_a) & set(ind_b))],
        "passages": passages,
    }


def _brief_target(t: TargetRow) -> Row:
    return {"indicator": t["indicator"], "indicator_label": t["indicator_label"], "year": t["year"],
            "comparator": t["comparator"], "value": t["value"], "unit": t["unit"], "text": t["text"]}


def _value(t: TargetRow) -> Row:
    return {"year": t["year"], "comparator": t["comparator"], "value": t["value"], "unit": t["unit"],
            "scope": t["scope"]}


def _passages_naming_both(rows: Rows, a: str, b: str) -> list[Row]:
    """Sentences of the corpus that cite both documents, or that one of them writes about the other."""
    cited: dict[tuple[str, int], set[str]] = defaultdict(set)
    where: dict[tuple[str, int], PassageRow] = {}
    for p in rows.passages:
        key = (p["doc"], p["start"])
        cited[key].add(p["cited"])
        where[key] = p
    out = []
    for key, ids in sorted(cited.items()):
        if {a, b} <= ids | {key[0]}:
            p = where[key]
            out.append({"doc": p["doc"], "section": p["section"], "passage": p["quote"]})
    return out
