"""Start the explorer warm: import what it draws with and open the workspace before the server listens.

    python -m policykg.serve [--port 8501] [--address 127.0.0.1] [--workspace workspace]

`streamlit run app.py` would pay for these on the first reader's first page (networkx, rdflib,
pyvis, pyoxigraph, pandas, the store and the first view's counts). Here they are done first, in
this process, and Streamlit then runs in the same process (its own command line, `streamlit.web.cli`),
so the app's first run finds the Corpus ready (`policykg.ui.corpus.opened`).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
import time
from pathlib import Path

from policykg.errors import PolicyKGError

APP = Path(__file__).resolve().parent.parent / "app.py"
WARM_MODULES = ("pandas", "policykg.ui.charts", "policykg.ui.chrome", "policykg.ui.explorer", "policykg.ui.network",
                "policykg.ui.overview", "policykg.ui.pages", "streamlit.components.v2")


def warm(workspace: Path) -> float:
    """Import the app's modules and open the workspace's Corpus with its first view counted; seconds taken."""
    start = time.perf_counter()
    for name in WARM_MODULES:
        importlib.import_module(name)
    from policykg.ui.corpus import opened
    from policykg.ui.network import vis_assets

    vis_assets()
    corpus = opened(workspace)
    corpus.warm_first_view()
    if not corpus.large:  # the networkx view the first search or click expands (seconds on a large corpus)
        getattr(corpus, "view")  # noqa: B009 - a cached property, loaded now
    else:  # the names the first search looks in (~1 s at 1,000 documents); the tasks' labels follow in a thread
        getattr(corpus, "search_index")  # noqa: B009
    # the busiest agency's and document's focus drawn now (~0.5 s at 1,000 documents): the store's first keyed reads
    # of a focus are the slowest, and a reader's first search often is one of them; the rest follow in the background
    corpus.warm_focuses(2)
    gc.collect()
    gc.freeze()  # what is loaded now lives as long as the server: the collector need not walk it again
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m policykg.serve", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8501)
    parser.add_argument("--address", default="127.0.0.1")
    parser.add_argument("--workspace", type=Path, default=Path("workspace"),
                        help="the workspace the app opens (default ./workspace)")
    args = parser.parse_args(argv)
    try:
        seconds = warm(args.workspace)
    except PolicyKGError as exc:  # the app shows the same message; the server still starts
        print(f"policykg: {exc}", file=sys.stderr)
    else:
        print(f"policykg: workspace opened in {seconds:.1f} s", file=sys.stderr)
    os.environ["POLICYKG_WORKSPACE"] = str(args.workspace)
    from streamlit.web import cli

    sys.argv = ["streamlit", "run", str(APP), "--server.address", args.address, "--server.port", str(args.port),
                "--server.headless", "true"]
    cli.main()


if __name__ == "__main__":
    main()
