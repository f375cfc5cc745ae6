"""Print graph figures: build time and size for the seeds; p50/p95 of every named query on the
seeds and on a synthetic graph of about 1 M triples (copies of the seed graph), rdflib in memory
vs embedded Oxigraph, with their ratio.

Run: python -m bench.graph [--copies 50] [--runs 20]
"""

from __future__ import annotations

import argparse
import threading
import time

from rdflib import Graph, URIRef

from extract.pipeline import extract_corpus
from graph.build import build_graph
from graph.namespace import ID, PKG
from graph.queries import QUERIES, pageable
from graph.store import MemoryStore, Store, from_graph

PARAMS = {"agency": str(ID["agency/mpi"]), "doc": str(ID["legal/qd-2289-ttg-2020"]), "role": str(PKG.lead_role),
          "legal": str(ID["legal/nq-50-cp-2020"]), "a": str(ID["legal/qd-2289-ttg-2020"]),
          "b": str(ID["legal/nq-50-cp-2020"])}
_SHARED = ("agency/", "group/", "legal/", "indicator/", "document-type/", "document-kind/", "agency-kind/",
           "event/")


def synthetic(seed: Graph, copies: int) -> Graph:
    """Copies of the seed graph whose documents, tasks, targets and evidence are distinct;
    agencies, cited documents and indicators stay shared, as in a growing real corpus."""
    out = Graph()
    base = str(ID)
    for k in range(copies):
        for s, p, o in seed:
            out.add((_rename(s, k, base), p, _rename(o, k, base)))  # type: ignore[arg-type]
    return out


def _rename(term: object, k: int, base: str) -> object:
    if k and isinstance(term, URIRef) and str(term).startswith(base):
        local = str(term)[len(base):]
        if not local.startswith(_SHARED):
            return URIRef(f"{base}c{k}/{local}")
    return term


def timed(store: Store, name: str, runs: int, budget: float) -> list[float]:
    q = QUERIES[name]
    args = {p: PARAMS[p] for p in q.params}
    times: list[float] = []
    deadline = time.perf_counter() + budget
    while len(times) < runs and time.perf_counter() < deadline:
        box: dict[str, float] = {}
        worker = threading.Thread(target=_run_into, args=(q, store, args, box), daemon=True)
        worker.start()
        worker.join(max(0.0, deadline - time.perf_counter()))
        if "t" not in box:
            break
        times.append(box["t"])
    return times


def _run_into(q: object, store: Store, args: dict[str, str], box: dict[str, float]) -> None:
    t0 = time.perf_counter()
    q.run(store, **args)  # type: ignore[attr-defined]
    box["t"] = time.perf_counter() - t0


def pct(times: list[float], q: float) -> float:
    if not times:
        return float("nan")
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def report(title: str, graph: Graph, runs: int, budget: float, pages_only: bool = False,
           kinds: tuple[str, ...] = ("memory", "oxigraph")) -> None:
    print(f"\n## {title}: {len(graph):,} triples")
    stores: dict[str, Store] = {}
    if "memory" in kinds:
        data = graph.serialize(format="nt")
        t0 = time.perf_counter()
        stores["memory"] = MemoryStore(Graph().parse(data=data, format="nt"))
        print(f"load memory (rdflib parses N-Triples): {time.perf_counter() - t0:.2f} s")
    t0 = time.perf_counter()
    stores["oxigraph"] = from_graph(graph, "oxigraph")
    print(f"load oxigraph (its own N-Triples parser): {time.perf_counter() - t0:.2f} s")
    print(f"{'query':24s} {'memory p50/p95 ms':>20s} {'oxigraph p50/p95 ms':>22s} {'p95 ratio':>10s}")
    for name in [] if pages_only or len(stores) < 2 else QUERIES:
        mem = timed(stores["memory"], name, runs, budget)
        ox = timed(stores["oxigraph"], name, runs, budget)
        m50, m95, o50, o95 = pct(mem, .5) * 1e3, pct(mem, .95) * 1e3, pct(ox, .5) * 1e3, pct(ox, .95) * 1e3
        note = "" if len(mem) == runs else f" (memory: {len(mem)} runs in {budget:g} s)"
        ratio = m95 / o95 if mem and ox and o95 > 0 else float("nan")
        print(f"{name:24s} {m50:9.1f}/{m95:9.1f} {o50:10.1f}/{o95:10.1f} {ratio:10.1f}{note}")
    paged(stores, 100, 20, budget)


def paged(stores: dict[str, Store], size: int, pages: int, budget: float) -> None:
    """Every pageable query read a page of `size` keys at a time: the keys once, then `pages` pages spread
    over the whole answer (first, last and between), p50/p95 per page; and one page asked cold."""
    print(f"\npages of {size} keys: keys read once (ms), then p50/p95 ms per page over {pages} pages; "
          "cold = keys + one page")
    print(f"{'query':22s} {'store':9s} {'keys':>7s} {'keys ms':>8s} {'page p50/p95':>16s} {'rows/page':>10s} "
          f"{'cold ms':>8s}")
    for name in pageable():
        for kind, store in stores.items():
            q = QUERIES[name]
            t0 = time.perf_counter()
            keys = q.keys(store)
            tk = time.perf_counter() - t0
            count = -(-len(keys) // size)
            picks = sorted({round(i * (count - 1) / max(1, pages - 1)) for i in range(pages)})
            times, rows = [], 0
            deadline = time.perf_counter() + budget
            for n in picks:
                if time.perf_counter() > deadline:
                    break
                t0 = time.perf_counter()
                rows += len(q.rows_of(store, keys[n * size:(n + 1) * size]).rows)
                times.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            q.page(store, size, (count // 2) * size)
            cold = time.perf_counter() - t0
            note = "" if len(times) == len(picks) else f" ({len(times)} pages in {budget:g} s)"
            print(f"{name:22s} {kind:9s} {len(keys):7d} {tk * 1e3:8.1f} {pct(times, .5) * 1e3:7.1f}/"
                  f"{pct(times, .95) * 1e3:7.1f} {rows / max(1, len(times)):10.0f} {cold * 1e3:8.1f}{note}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=50)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--budget", type=float, default=30.0, help="seconds per query and store")
    parser.add_argument("--pages-only", action="store_true", help="only the paged reads (skip whole answers)")
    parser.add_argument("--stores", nargs="+", default=["memory", "oxigraph"], choices=["memory", "oxigraph"],
                        help="stores of the synthetic graph (rdflib takes minutes to load 1 M triples)")
    args = parser.parse_args()
    t0 = time.perf_counter()
    corpus = extract_corpus()
    t1 = time.perf_counter()
    seed = build_graph(corpus)
    t2 = time.perf_counter()
    print(f"seeds: extraction {t1 - t0:.2f} s, graph build {t2 - t1:.2f} s, {len(seed):,} triples")
    if not args.pages_only:
        report("seeds", seed, args.runs, args.budget)
    big = synthetic(seed, args.copies)
    report(f"synthetic ({args.copies} copies)", big, max(3, args.runs // 4), args.budget, args.pages_only,
           tuple(args.stores))
    print("\np50/p95 over the runs; a query out of budget shows fewer runs (or nan)")


if __name__ == "__main__":
    main()
