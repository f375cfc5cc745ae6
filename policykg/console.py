"""The SPARQL console: queries run in a worker process that a timeout kills, under a memory cap.

The guard (graph/guard.py) checks the query before any store sees it, here and again in the worker.
The row limit is pushed into the query (a LIMIT around it) and the worker stops reading after
limit + 1 solutions, so a query never builds rows it will not show. A worker holds its own copy of
the graph (loaded from the workspace's N-Triples file) and serves one query at a time; a query
that runs past its timeout, or past the memory cap, takes its worker with it: the process is
killed and the next query starts a fresh one.

Run as `python -m policykg.console FD GRAPH STORE CAP_MB` by `Console`, never by hand.
"""

from __future__ import annotations

import itertools
import json
import math
import os
import queue
import resource
import socket
import subprocess
import sys
import threading
import time
import weakref
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from graph.guard import QueryError, check_read_only
from graph.store import Result, Store

MEMORY_CAP_MB = 1536
MAX_LIMIT = 100_000
MAX_TIMEOUT = 600.0
START_TIMEOUT = 120.0
KINDS = ("memory", "oxigraph")


def check_limits(limit: int, timeout: float) -> None:
    """A ValueError naming the bad value unless 1 ≤ limit ≤ MAX_LIMIT and 0 < timeout ≤ MAX_TIMEOUT."""
    if not 1 <= limit <= MAX_LIMIT:
        raise ValueError(f"the row limit must be between 1 and {MAX_LIMIT:,}, not {limit}.")
    if not (math.isfinite(timeout) and 0 < timeout <= MAX_TIMEOUT):
        raise ValueError(f"the timeout must be a number of seconds above 0 and at most {MAX_TIMEOUT:g}, "
                         f"not {timeout}.")


class Worker:
    """One worker process holding the graph; `ask` sends a query and waits at most `timeout`."""

    def __init__(self, graph: Path, kind: str, memory_mb: int) -> None:
        parent, child = socket.socketpair()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "policykg.console", str(child.fileno()), str(graph), kind, str(memory_mb)],
            pass_fds=(child.fileno(),), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)  # never read: a pipe would stop a worker that logs 64 KB of warnings
        child.close()
        self.conn = Connection(parent.detach())
        self.memory_mb = memory_mb
        self._finalizer = weakref.finalize(self, _kill, self.proc)
        reply = self._reply(START_TIMEOUT, "loading the graph")
        if "error" in reply:
            self.close()
            raise QueryError(reply["error"])

    def _reply(self, timeout: float, doing: str) -> dict[str, Any]:
        try:
            ready = self.conn.poll(timeout)
            message = self.conn.recv_bytes() if ready else None
        except (EOFError, OSError):
            message = None
            ready = True
        if message is None:
            self.close()
            if not ready:
                raise QueryError(f"{doing} took longer than {timeout:g} s and was stopped; "
                                 "add a LIMIT or narrow the query down.", "timeout", seconds=f"{timeout:g}")
            raise QueryError(f"{doing} needed more than the memory cap ({self.memory_mb} MB) and was "
                             "stopped; narrow the query down.", "memory", mb=self.memory_mb)
        reply: dict[str, Any] = json.loads(message)
        return reply

    def ask(self, text: str, limit: int, timeout: float) -> Result:
        """Run a guarded query text; at most `limit` rows (truncated=True when there were more)."""
        self.conn.send_bytes(json.dumps({"query": text, "limit": limit}).encode())
        reply = self._reply(timeout, "the query")
        if "error" in reply:
            raise QueryError(reply["error"], "failed")
        return Result(tuple(reply["variables"]), tuple(tuple(r) for r in reply["rows"]), reply["boolean"],
                      reply["truncated"])

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None

    def close(self) -> None:
        """Kill the process (a no-op when it is gone) and wait for it, so no zombie is left."""
        self._finalizer()
        self.conn.close()


def _kill(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
    proc.wait()


class Console:
    """Read-only queries on one graph file, run by a small pool of worker processes."""

    def __init__(self, graph: Path, kind: str = "oxigraph", workers: int = 2,
                 memory_mb: int = MEMORY_CAP_MB) -> None:
        if kind not in KINDS:
            raise ValueError(f"unknown store '{kind}'; choose one of: {', '.join(KINDS)}.")
        self.graph, self.kind, self.memory_mb = graph, kind, memory_mb
        self._idle: queue.Queue[Worker | None] = queue.Queue()
        for _ in range(workers):
            self._idle.put(None)  # started on first use
        self._all: list[Worker] = []
        self._lock = threading.Lock()

    def run(self, sparql: str, limit: int = 1000, timeout: float = 10.0) -> Result:
        """Guard, limit and run a query; a QueryError says why it was refused, failed or stopped."""
        check_limits(limit, timeout)
        text = check_read_only(sparql).limited(limit + 1)
        worker = self._idle.get()
        try:
            if worker is None or not worker.alive:
                worker = Worker(self.graph, self.kind, self.memory_mb)
                with self._lock:
                    self._all.append(worker)
            return worker.ask(text, limit, timeout)
        finally:
            self._idle.put(worker if worker is not None and worker.alive else None)

    def pids(self) -> list[int]:
        """Process ids of the live workers (tests and benchmarks)."""
        with self._lock:
            return [w.proc.pid for w in self._all if w.alive]

    def close(self) -> None:
        """Stop every worker."""
        with self._lock:
            for w in self._all:
                w.close()
            self._all.clear()


def run_remote(store: Store, sparql: str, limit: int) -> Result:
    """A guarded, limited query on a remote store (its server enforces its own time and memory)."""
    result = store.query(check_read_only(sparql).limited(limit + 1))
    if len(result.rows) > limit:
        return Result(result.variables, result.rows[:limit], result.boolean, truncated=True)
    return result


# --- the worker process -------------------------------------------------------------------------

def _cap_memory(megabytes: int) -> None:
    limit = megabytes * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _no_network() -> None:
    """Belt and braces behind the guard: Python code in the worker cannot open a network socket."""
    def refuse(*_: object, **__: object) -> None:
        raise OSError("the query console does not open network connections")

    socket.socket.connect = refuse  # type: ignore[method-assign,assignment]
    socket.socket.connect_ex = refuse  # type: ignore[method-assign,assignment]


def _load(graph: Path, kind: str) -> Any:
    if kind == "memory":
        from rdflib import Graph

        return Graph().parse(graph, format="nt")
    import pyoxigraph as ox

    store = ox.Store()
    store.bulk_load(path=str(graph), format=ox.RdfFormat.N_TRIPLES)
    return store


def _text(term: Any) -> str | None:
    if term is None:
        return None
    value = getattr(term, "value", None)  # Oxigraph terms; rdflib terms are str subclasses
    return value if isinstance(value, str) and not isinstance(term, str) else str(term)


def execute(store: Any, text: str, limit: int) -> dict[str, Any]:
    """Run a guarded query on a raw store, reading at most limit + 1 solutions or triples."""
    check_read_only(text)  # the guard again, on the very text this store receives
    import pyoxigraph as ox

    if isinstance(store, ox.Store):
        res = store.query(text)
        if isinstance(res, ox.QueryBoolean):
            return _reply(boolean=bool(res))
        if isinstance(res, ox.QueryTriples):
            return _reply(("subject", "predicate", "object"),
                          [(_text(t.subject), _text(t.predicate), _text(t.object))
                           for t in itertools.islice(res, limit + 1)], limit)
        variables = [v.value for v in res.variables]
        return _reply(variables, [[_text(s[v]) for v in variables] for s in itertools.islice(res, limit + 1)],
                      limit)
    res = store.query(text)
    if res.type == "ASK":
        return _reply(boolean=bool(res.askAnswer))
    if res.type in ("CONSTRUCT", "DESCRIBE"):
        return _reply(("subject", "predicate", "object"),
                      [tuple(map(_text, t)) for t in itertools.islice(res, limit + 1)], limit)
    variables = [str(v) for v in res.vars or ()]
    rows = [[_text(row.get(v)) for v in variables] for row in itertools.islice(res, limit + 1)]
    return _reply(variables, rows, limit)


def _reply(variables: Any = (), rows: list[Any] | None = None, limit: int = 0,
           boolean: bool | None = None) -> dict[str, Any]:
    rows = rows or []
    return {"variables": list(variables), "rows": [list(r) for r in rows[:limit]], "boolean": boolean,
            "truncated": len(rows) > limit}


def _watch_parent() -> None:
    """Exit when the process that started this worker is gone (a query may be running)."""
    parent = os.getppid()
    while os.getppid() == parent:
        time.sleep(1)
    os._exit(0)


def serve(fd: int, graph: Path, kind: str, memory_mb: int) -> None:
    """Load the graph, then answer queries on the connection until it closes."""
    conn = Connection(fd)
    threading.Thread(target=_watch_parent, daemon=True).start()
    _cap_memory(memory_mb)
    _no_network()
    try:
        store = _load(graph, kind)
    except MemoryError:
        conn.send_bytes(json.dumps({"error": f"the graph does not fit in the memory cap ({memory_mb} MB)."})
                        .encode())
        return
    except Exception as exc:  # noqa: BLE001 - reported to the user as one line
        conn.send_bytes(json.dumps({"error": f"{graph}: the graph cannot be loaded ({exc})."}).encode())
        return
    conn.send_bytes(b'{"ready": true}')
    while True:
        try:
            request = json.loads(conn.recv_bytes())
        except (EOFError, OSError):
            return
        try:
            reply = execute(store, request["query"], request["limit"])
        except QueryError as exc:
            reply = {"error": str(exc)}
        except MemoryError:
            return  # the connection closes; the console reports the memory cap
        except Exception as exc:  # noqa: BLE001 - a store's own error, shown as one line
            reply = {"error": f"the query failed: {exc}"}
        conn.send_bytes(json.dumps(reply, ensure_ascii=False).encode())


if __name__ == "__main__":
    serve(int(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], int(sys.argv[4]))
