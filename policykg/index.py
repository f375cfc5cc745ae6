"""The workspace's index of stored documents: one SQLite file shared by the generations.

    workspace/index.sqlite   docs: one row per stored document, alive from the generation that added
                             it (`born`) until the one that dropped it (`died`); names: the agencies
                             and legal documents each row mentions

A generation's documents are the rows alive at its stamp, so a write adds and ends only the rows of
the documents it changes, in one transaction, whatever the corpus size. The transaction commits before
the generation is made current: a crash after it leaves rows of a generation that never became
current, which readers of the current one do not see and the next writer removes (`repair`).
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extract.errors import PolicyKGError
from policykg.documents import FACTS_DIR, GRAPHS_DIR
from policykg.files import fault, umask

FILE = "index.sqlite"
SCHEMA = 1

_TABLES = """
CREATE TABLE IF NOT EXISTS docs (
    row INTEGER PRIMARY KEY, born INTEGER NOT NULL, died INTEGER, pos INTEGER NOT NULL,
    id TEXT NOT NULL, hash TEXT NOT NULL, number TEXT, date TEXT, iri TEXT NOT NULL,
    conforms INTEGER NOT NULL, entry TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS docs_id ON docs (id);
CREATE INDEX IF NOT EXISTS docs_hash ON docs (hash);
CREATE INDEX IF NOT EXISTS docs_number ON docs (number, date);
CREATE INDEX IF NOT EXISTS docs_iri ON docs (iri);
CREATE INDEX IF NOT EXISTS docs_failing ON docs (conforms) WHERE conforms = 0;
CREATE INDEX IF NOT EXISTS docs_pos ON docs (pos);
CREATE TABLE IF NOT EXISTS names (row INTEGER NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS names_name ON names (kind, name);
CREATE INDEX IF NOT EXISTS names_row ON names (row);
"""
_ALIVE = "born <= :g AND (died IS NULL OR died > :g)"


@dataclass(frozen=True)
class Entry:
    """One stored document: ids and keys, legal identity, counts and its SHACL verdict."""

    id: str
    key: str
    graph: str
    hash: str
    number: str | None
    date: str | None
    source: str
    relations: list[list[str]] = field(default_factory=list)
    tasks: int = 0
    targets: int = 0
    observations: int = 0
    triples: int = 0
    agencies: list[str] = field(default_factory=list)
    refs: list[str] = field(default_factory=list)
    conforms: bool = True
    bytes: int = 0
    facts_file: str = ""  # names of its files in the pool
    graph_file: str = ""
    iri: str = ""  # its IRI in the graph
    row: int = field(default=0, compare=False)  # its row in the index (0: not stored yet)

    def files(self) -> tuple[str, str]:
        """Its pool files, relative to the pool."""
        return f"{FACTS_DIR}/{self.facts_file}.json", f"{GRAPHS_DIR}/{self.graph_file}.nt"

    def fields(self) -> dict[str, object]:
        """Its fields as stored (without the row)."""
        return {k: v for k, v in vars(self).items() if k != "row"}

    def same_document(self, hash_: str, number: str | None, date: str | None, iri: str = "",
                      placeless: str = "") -> bool:
        """The same text, or the same number and date — unless both are provincial documents of two
        provinces (their IRIs differ, and neither is the symbol's IRI without a province, `placeless`)."""
        if self.hash == hash_:
            return True
        if not (number and date) or (self.number, self.date) != (number, date):
            return False
        return not (self.iri and iri and self.iri != iri and placeless not in (self.iri, iri))


class Index:
    """The index of one workspace, opened for reading (`create=False`) or by the writer."""

    def __init__(self, workspace: Path, create: bool = False) -> None:
        self.path = workspace / FILE
        if not self.path.exists():
            if not create:
                raise PolicyKGError(f"{self.path} is missing; rebuild the workspace with "
                                    "'policykg build --corpus FOLDER'.")
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, 0o666 & ~umask()))  # the user's umask
        try:
            self.db = sqlite3.connect(f"file:{self.path}?mode=rw", uri=True, timeout=60, isolation_level=None)
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if create and version == 0:
                self.db.execute("PRAGMA journal_mode=WAL")  # readers read while the writer writes
                self.db.executescript(_TABLES + f"PRAGMA user_version = {SCHEMA};")
            elif version != SCHEMA:
                raise PolicyKGError(f"{self.path}: written by another version of policykg; rebuild the workspace "
                                    "with 'policykg build --corpus FOLDER'.")
        except sqlite3.DatabaseError as exc:
            raise PolicyKGError(f"{self.path}: not a readable index ({exc}); rebuild the workspace with "
                                "'policykg build --corpus FOLDER'.") from None

    def close(self) -> None:
        self.db.close()

    def _entries(self, sql: str, args: dict[str, object]) -> list[Entry]:
        return [Entry(**json.loads(entry), row=row) for row, entry in self.db.execute(sql, args)]

    def entries(self, gen: int) -> list[Entry]:
        """Every document of a generation, in corpus order."""
        return self._entries(f"SELECT row, entry FROM docs WHERE {_ALIVE} ORDER BY pos", {"g": gen})

    def count(self, gen: int) -> int:
        return int(self.db.execute(f"SELECT COUNT(*) FROM docs WHERE {_ALIVE}", {"g": gen}).fetchone()[0])

    def candidates(self, gen: int, hash_: str, number: str | None, date: str | None) -> list[Entry]:
        """The documents with this text hash, or this number and date (what a duplicate can be)."""
        return self._entries(f"SELECT row, entry FROM docs WHERE {_ALIVE} AND (hash = :h OR "
                             "(number = :n AND date = :d)) ORDER BY pos", {"g": gen, "h": hash_, "n": number,
                                                                           "d": date})

    def has_id(self, gen: int, doc_id: str) -> bool:
        sql = f"SELECT 1 FROM docs WHERE id = :i AND {_ALIVE} LIMIT 1"
        return self.db.execute(sql, {"g": gen, "i": doc_id}).fetchone() is not None

    def iris(self, gen: int, ids: Iterable[str], iris: Iterable[str]) -> dict[str, str]:
        """id -> IRI of the documents with one of these ids or IRIs."""
        ids, iris = sorted(set(ids)), sorted(set(iris))
        out: dict[str, str] = {}
        for column, values in (("id", ids), ("iri", iris)):
            for start in range(0, len(values), 500):
                chunk = values[start:start + 500]
                marks = ",".join("?" * len(chunk))
                sql = (f"SELECT id, iri FROM docs WHERE {column} IN ({marks}) AND born <= ? "
                       "AND (died IS NULL OR died > ?)")
                out.update(self.db.execute(sql, [*chunk, gen, gen]).fetchall())
        return out

    def any_failing(self, gen: int) -> bool:
        """Whether a document of the generation does not conform to the shapes."""
        sql = f"SELECT 1 FROM docs WHERE conforms = 0 AND {_ALIVE} LIMIT 1"
        return self.db.execute(sql, {"g": gen}).fetchone() is not None

    def named(self, gen: int, kind: str, names: Iterable[str], but: Sequence[int] = ()) -> set[str]:
        """Which of these agencies ("a") or legal documents ("r") a document of the generation mentions
        (leaving out the rows `but`)."""
        found = set()
        skip = set(but)
        for name in set(names):
            rows = self.db.execute("SELECT d.row FROM names n JOIN docs d ON d.row = n.row WHERE n.kind = ? AND "
                                   "n.name = ? AND d.born <= ? AND (d.died IS NULL OR d.died > ?)",
                                   (kind, name, gen, gen))
            if any(r not in skip for (r,) in rows):
                found.add(name)
        return found

    # the writer's side (holding the workspace's lock)

    def repair(self, current: int | None, kept: int | None) -> None:
        """Remove what no generation left needs: rows of generations never made current (a crash after the
        index was written), and rows that ended before the oldest generation kept (`kept`)."""
        now = current if current is not None else -1
        with self._transaction():
            self.db.execute("DELETE FROM docs WHERE born > ?", (now,))
            self.db.execute("UPDATE docs SET died = NULL WHERE died > ?", (now,))
            self.db.execute("DELETE FROM docs WHERE died <= ?", (kept if kept is not None else now,))
            self.db.execute("DELETE FROM names WHERE row NOT IN (SELECT row FROM docs)")

    def write(self, gen: int, drop: Iterable[Entry], add: Sequence[Entry], drop_all_of: int | None = None) -> None:
        """One transaction: end the rows `drop` (or every row alive at generation `drop_all_of`) and add
        `add` after the last document, all as of generation `gen`."""
        with self._transaction():
            if drop_all_of is not None:
                self.db.execute(f"UPDATE docs SET died = :n WHERE {_ALIVE}", {"g": drop_all_of, "n": gen})
            self.db.executemany("UPDATE docs SET died = ? WHERE row = ?", [(gen, e.row) for e in drop])
            fault("index-half-written")
            last = self.db.execute("SELECT MAX(pos) FROM docs").fetchone()[0]
            pos = -1 if last is None else int(last)
            for e in add:
                pos += 1
                cur = self.db.execute(
                    "INSERT INTO docs (born, pos, id, hash, number, date, iri, conforms, entry) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (gen, pos, e.id, e.hash, e.number, e.date, e.iri, int(e.conforms),
                     json.dumps(e.fields(), ensure_ascii=False, separators=(",", ":"))))
                self.db.executemany("INSERT INTO names (row, kind, name) VALUES (?, ?, ?)",
                                    [(cur.lastrowid, k, n) for k, names in (("a", e.agencies), ("r", e.refs))
                                     for n in sorted(set(names))])

    def _transaction(self) -> _Transaction:
        return _Transaction(self.db)


class _Transaction:
    """BEGIN IMMEDIATE … COMMIT, rolled back on any error (a crash: SQLite's journal rolls it back)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        self.db.execute("BEGIN IMMEDIATE")

    def __exit__(self, kind: object, *_: object) -> None:
        self.db.execute("COMMIT" if kind is None else "ROLLBACK")
