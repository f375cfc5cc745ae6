"""Start Virtuoso Open Source (Debian `virtuoso-opensource-7-bin`) on loopback for the tests.

Its own ini in a temporary folder: database files there, SQL and HTTP ports on 127.0.0.1 only, the
DBA password replaced by a random one before any test uses the server.
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.servers import free_port, stop, wait_http

BINARY = shutil.which("virtuoso-t")
ISQL = shutil.which("isql-vt")

INI = """[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql}
DisableUnixSocket = 1
MaxClientConnections = 10
CheckpointInterval = 60
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
ServerThreads = 10
DirsAllowed = ., {d}

[HTTPServer]
ServerPort = 127.0.0.1:{http}
ServerRoot = {d}
MaxClientConnections = 8
ServerThreads = 8
EnabledDavVSP = 0

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 120
MaxQueryCostEstimationTime = 400
"""


@contextmanager
def virtuoso(folder: Path) -> Iterator[str]:
    """A running Virtuoso; yields the `sparql+http://dba:…@127.0.0.1:PORT/sparql-auth` store URL."""
    assert BINARY and ISQL, "virtuoso-opensource-7-bin is not installed"
    sql, http = free_port(), free_port()
    (folder / "virtuoso.ini").write_text(INI.format(d=folder, sql=sql, http=http))
    proc = subprocess.Popen([BINARY, "+configfile", str(folder / "virtuoso.ini"), "+foreground"],
                            cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        ask = f"http://127.0.0.1:{http}/sparql?query=ASK%7B%7D"
        if not wait_http(ask, 60, proc, poll=0.3):
            raise RuntimeError(f"Virtuoso did not answer on {ask} within 60 s")
        password = "pk" + secrets.token_hex(8)
        subprocess.run([ISQL, f"127.0.0.1:{sql}", "dba", "dba", f"exec=USER_SET_PASSWORD('dba', '{password}');"],
                       check=True, capture_output=True, timeout=30, env={**os.environ, "HOME": str(folder)})
        yield f"sparql+http://dba:{password}@127.0.0.1:{http}/sparql-auth"
    finally:
        stop(proc, grace=20)
