"""policykg explorer (Streamlit). Lays out widgets only; everything it shows comes from policykg."""

from __future__ import annotations

import importlib
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit as st

from policykg.errors import PolicyKGError, QueryError
from policykg.ui import charts, chrome, drawing, explorer, network, pages, uploads
from policykg.ui.corpus import RELATIONS, Corpus, opened
from policykg.ui.corpus import add as add_document
from policykg.ui.i18n import Lang, column, owner_name, tr, word, worded
from policykg.ui.markdown import plain
from policykg.ui.selective import CHART_TARGETS, PREVIEW_ROWS

WORKSPACE = Path(os.environ.get("POLICYKG_WORKSPACE") or "workspace")  # set by `python -m policykg.serve`
st.set_page_config(page_title="policykg", page_icon=pages.favicon(), layout="wide")
qp = st.query_params


@st.cache_resource(show_spinner=False)  # its spinner is in the reader's language (below)
def load(workspace: str) -> Corpus:
    return opened(Path(workspace))  # already open when the server was started by policykg.serve


@st.cache_resource(show_spinner=False)
def warm_up(workspace: str) -> threading.Thread:
    """Once per workspace, after the first page is drawn: the other pages' answers, in a thread."""
    opened = load(workspace)

    def warm() -> None:
        opened.warm()
        importlib.import_module("pandas")  # the tables' library, left out of the first view

    thread = threading.Thread(target=warm, name="policykg-warm-up", daemon=True)
    thread.start()
    return thread


english = st.sidebar.toggle("English", value=qp.get("lang") == "en", key="lang_en")
LANG: Lang = "en" if english else "vi"
qp["lang"] = LANG


def _(key: str, **values: object) -> str:
    return tr(key, LANG, **values)


try:
    with st.spinner(_("open.wait")):
        corpus = load(str(WORKSPACE))
    corpus.touch()  # background reading waits while a reader is answered
except PolicyKGError as exc:
    st.error(plain(worded(exc, "open", LANG, workspace=WORKSPACE)))
    st.stop()


if LANG == "vi":  # Streamlit's own English texts (uploader, "Press Enter to apply") in Vietnamese
    st.html(chrome.stylesheet(LANG, int(st.get_option("server.maxUploadSize")), list(uploads.TYPES)))


@st.cache_resource
def translator() -> Any:
    """Registered once: puts Streamlit's tooltips, drop-down and error texts into the reader's language."""
    html, css, js = chrome.translator_code()
    return st.components.v2.component("policykg_words", html=html, css=css, js=js)


with st.sidebar:
    translator()(key="words", data=chrome.words(LANG), height=0)


def short(doc_id: str | None) -> str:
    """A document's short name, its draft mark in the reader's language."""
    return corpus.short(doc_id, LANG)


def frame(rows: list[dict[str, Any]], keys: list[str], **kwargs: Any) -> None:
    """A table with the given columns, headed in the reader's language."""
    import pandas as pd  # only the pages with tables pay for pandas (not the first view)

    st.dataframe(pd.DataFrame(explorer.table(rows, keys, LANG), columns=[column(k, LANG) for k in keys]),
                 hide_index=True, width="stretch", column_config=explorer.widths(keys, LANG),
                 placeholder=_("table.empty"), **kwargs)


def upload() -> None:
    """Add a document from the sidebar: only it is extracted; on failure nothing changes. Every message is in
    the reader's language (policykg.ui.uploads)."""
    if "added" in st.session_state:
        st.sidebar.success(st.session_state["added"])
    # any type is taken and checked here: Streamlit's own refusal is in English
    file = st.sidebar.file_uploader(_("upload.label"), key="upload", help=_("upload.help"))
    if file is None:
        return
    if st.session_state.get("uploaded") == file.file_id:  # the same file, still in the uploader: its message stays
        if refused := st.session_state.get("refused"):
            st.sidebar.error(refused)
        return
    st.session_state["uploaded"] = file.file_id
    st.session_state.pop("refused", None)
    refused = uploads.refused_type(file.name, LANG)
    if refused is None:
        from policykg.export import safe_name

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / safe_name(file.name)
            path.write_bytes(file.getvalue())
            try:
                summary = add_document(path, WORKSPACE)
            except PolicyKGError as exc:
                refused = uploads.refusal(exc, file.name, LANG, short)
    if refused is not None:
        st.session_state["refused"] = refused
        st.sidebar.error(plain(refused))
        return
    st.cache_resource.clear()
    st.cache_data.clear()
    st.session_state["added"] = plain(uploads.added(summary, file.name, LANG))
    st.rerun()


# ---- network ---------------------------------------------------------------------------------------------

@st.cache_resource(show_spinner=False, max_entries=64)  # kept as it is: no pickling of ~100 KB on every rerun
def network_data(state: drawing.ViewState, physics: bool, lang: Lang, tree: bool) -> network.NetworkData:
    """The network for one view state (cached: going back to a view is instant)."""
    return drawing.draw(corpus, state, node_labels(lang), node_labels(lang, cited=False), physics, tree)


@st.cache_resource(show_spinner=False)
def node_labels(lang: Lang, cited: bool = True) -> network.Labels:
    """Documents' short names by node (and cited documents' too, unless `cited` is False: the overview)."""
    ids = corpus.comparable_ids() if cited else corpus.corpus_ids()
    names = {iri: corpus.short(d, lang) for d in ids if (iri := corpus.doc_iri(d))}
    drafts = frozenset(iri for d in corpus.docs if d["status"] == "draft" and (iri := corpus.doc_iri(d["id"])))
    return network.Labels(lang, names, drafts)


@st.cache_resource
def network_component() -> Any:
    """Registered once: the drawing module (a few KB; the vis-network script is `vis_component`)."""
    html, css, js = network.component_code()
    return st.components.v2.component("policykg_network", html=html, css=css, js=js)


@st.cache_resource
def vis_component() -> Any:
    """The vis-network script (~470 KB) as an element of its own: the same on every rerun, so the browser keeps it
    and a rerun sends only the network's data."""
    html, css, js = network.vis_code()
    return st.components.v2.component("policykg_vis", html=html, css=css, js=js)


@st.cache_data(show_spinner=False, max_entries=256)
def search_hits(text: str, lang: Lang) -> list[dict[str, Any]]:
    """Agencies, documents, tasks and indicators matching a search (cached: typing back is instant)."""
    return explorer.search_all(corpus, text, lang)


@st.cache_data(show_spinner=False, max_entries=512)
def node_details(iri: str) -> network.Details | None:
    return corpus.details(iri)  # kept by the corpus: drawn ahead for the first view's nodes


def _listed(name: str, allowed: Any) -> list[str]:
    """A multiselect's values from the URL ("a|b"), keeping only known ones."""
    return [v for v in qp.get(name, "").split("|") if v and v in allowed]


def view_state() -> dict[str, Any]:
    """The network view the sidebar describes (search, focus, depth, filters), kept in the URL."""
    side = st.sidebar
    text = side.text_input(_("search.label"), value=qp.get("q", ""), key="search")
    qp["q"] = text
    focus = qp.get("focus") or None
    if text and st.session_state.get("searched") != text:
        st.session_state["searched"] = text
        hits = search_hits(text, LANG)
        focus = hits[0]["iri"] if hits else None
        qp["focus"] = focus or ""
    if text:
        hits = search_hits(text, LANG)
        if not hits:
            side.warning(_("search.none", text=plain(text)))
        else:
            choice = side.radio(_("search.hits"), range(len(hits)),
                                index=next((i for i, h in enumerate(hits) if h["iri"] == focus), 0),
                                format_func=lambda i: plain(f"{hits[i]['kind']}: {hits[i]['label']}"), key="hit")
            focus = hits[choice]["iri"]
            qp["focus"] = focus
    depth = side.slider(_("net.depth"), 1, 3, int(qp.get("depth", 1)), key="depth")
    docs = side.multiselect(_("net.docs"), corpus.corpus_ids(), default=_listed("docs", corpus.corpus_ids()),
                            format_func=short, key="docs", placeholder=_("choose"))
    agency_names = sorted(corpus.agency_iris)
    agencies = side.multiselect(_("net.agencies"), agency_names, default=_listed("agencies", agency_names),
                                key="agencies", placeholder=_("choose"))
    types = side.multiselect(_("net.types"), list(network.STYLE), default=_listed("types", network.STYLE),
                             format_func=lambda t: word("node", t, LANG), key="types", placeholder=_("choose"))
    relations = side.multiselect(_("net.relations"), RELATIONS, default=_listed("relations", RELATIONS),
                                 format_func=lambda r: word("relation", r, LANG), key="relations",
                                 placeholder=_("choose"))
    tree = side.radio(_("net.layout"), ["force", "tree"], index=1 if qp.get("layout") == "tree" else 0,
                      format_func=lambda v: _(f"net.layout.{v}"), horizontal=True, key="layout") == "tree"
    physics = side.toggle(_("net.physics"), value=qp.get("physics", "on") == "on", key="physics")
    cap = side.number_input(_("net.cap"), 10, 1500, int(qp.get("cap", network.NODE_CAP)), step=10, key="cap")
    for name, value in (("types", types), ("docs", docs), ("agencies", agencies), ("relations", relations)):
        qp[name] = "|".join(value)
    qp["depth"], qp["physics"], qp["cap"] = str(depth), "on" if physics else "off", str(cap)
    qp["layout"] = "tree" if tree else "force"
    # an agency's focus shows one page of its documents and tasks, more on demand (from the URL on the first run)
    more = qp.get("more", "1")
    pages = min(50, max(1, int(more))) if more.isdigit() and st.session_state.get("paged", focus) == focus else 1
    st.session_state["paged"] = focus
    qp["more"] = str(pages)
    return {"focus": focus, "depth": depth, "types": tuple(types), "docs": tuple(docs), "agencies": tuple(agencies),
            "relations": tuple(relations), "physics": physics, "cap": int(cap), "tree": tree, "pages": pages}


def network_page() -> None:
    vis_component()(key="vis", height=0)  # outside the fragment: sent once, kept by the browser
    network_view_part()


@st.fragment
def network_view_part() -> None:
    """The sidebar's search and filters, the drawn network and the details: a change of any of them reruns this
    part only, not the page's chrome, upload and navigation."""
    corpus.touch()
    state = view_state()
    view = drawing.ViewState(state["focus"], state["depth"], state["types"], state["docs"], state["agencies"],
                             state["relations"], state["cap"], state["pages"])
    st.session_state["net_view"] = view.params()  # what "export the current view" and the matrix take
    net = network_data(view, state["physics"], LANG, state["tree"])
    left, right = st.columns([5, 2], gap="medium")
    with left:
        if net.message:
            st.caption(net.message)
        result = network_component()(key="network", data=net.payload(), default={"selected": None},
                                     on_selected_change=lambda: None, height=760)
        if net.more and st.button(_(net.more_label), key="more"):
            qp["more"] = str(state["pages"] + 1)
            st.rerun(scope="fragment")
        if state["focus"] and st.button(_("net.reset"), key="reset"):
            qp["focus"], qp["q"] = "", ""
            st.session_state.pop("search", None)
            st.session_state.pop("searched", None)
            st.rerun(scope="fragment")
    selected = (result.get("selected") if hasattr(result, "get") else None) or {}
    node = selected.get("id") if isinstance(selected, dict) else None
    if node and node != st.session_state.get("last_click"):
        st.session_state["last_click"] = node
        qp["focus"] = node
        # the clicked node is the view's focus from now on (its first page): the export and the matrix follow it
        st.session_state["net_view"].update(focus=node, more="1")
    with right:
        show_details(node or state["focus"])


def show_details(node: str | None) -> None:
    if not node:
        st.caption(_("net.click"))
        return
    info = node_details(node)
    if info is None:
        st.warning(_("net.missing"))
        return
    labels = node_labels(LANG)
    name = labels.names.get(info.iri) or corpus.cited_short(info.iri, LANG) or (
        info.label_en if LANG == "en" and info.label_en else info.label_vi)
    st.subheader(plain(name), anchor=False)
    st.caption(word("node", info.type, LANG))
    if info.relations:
        st.markdown(f"**{_('details.relations')}**")
        for k, (direction, relation, other, iri) in enumerate(info.relations[:40]):
            other_name = labels.names.get(iri, other)
            text = f"{'→' if direction == '→' else '←'} {word('relation', relation, LANG)}: {other_name}"
            if st.button(plain(text), key=f"rel-{k}", type="tertiary"):
                qp["focus"] = iri
                st.session_state["last_click"] = iri
                st.rerun(scope="fragment")
    if info.evidence:
        st.markdown(f"**{_('details.evidence')}**")
        for doc, section, quote in info.evidence[:12]:
            st.caption(plain(f"{labels.names.get(doc, doc.rsplit('/', 1)[-1])} — "
                             f"{_('details.section', section=section)}"))
            st.text(quote)


# ---- who owns what -----------------------------------------------------------------------------------------

def ownership_page() -> None:
    c1, c2, c3 = st.columns([2, 1, 2])
    text = c1.text_input(_("own.agency"), value=qp.get("agency", ""), key="own_agency")
    qp["agency"] = text
    role = c2.selectbox(_("own.role"), ["", "lead", "cooperating", "responsible"], key="own_role",
                        format_func=lambda r: word("role", r, LANG) if r else _("all"))
    doc = c3.selectbox(_("own.doc"), [""] + corpus.corpus_ids(), key="own_doc",
                       format_func=lambda d: short(d) if d else _("all"))
    wanted = set(explorer.match_agencies(corpus, text)) if text else set()
    if text and not wanted:
        st.warning(_("own.nomatch", text=plain(text)))
    if corpus.large and not wanted and not doc:  # a large corpus: counts first, the tasks of what is chosen
        st.info(_("own.scale", tasks=f"{corpus.task_count:,}".replace(",", ".")))
        frame([{"agency": a, "tasks": k, "lead_n": lead, "cooperating_n": coop}
               for a, k, lead, coop in corpus.agency_load()], ["agency", "tasks", "lead_n", "cooperating_n"])
        return
    if corpus.large:
        rows = explorer.ownership(corpus, LANG, explorer.chosen_tasks(corpus, wanted, doc or None))
    else:
        rows = explorer.ownership(corpus, LANG)
    if text:
        rows = [r for r in rows if r["agency"] in wanted]
    if role:
        rows = [r for r in rows if r["role_code"] == role]
    if doc:
        rows = [r for r in rows if r["doc_id"] == doc]
    if rows:
        frame(explorer.role_counts(rows), ["agency", "tasks", "lead_n", "cooperating_n", "responsible_n"])
    for name in sorted({r["agency"] for r in rows if r["today"]}) if text else []:
        st.caption(plain(f"{name}: {next(r['today'] for r in rows if r['agency'] == name)}"))
    keys = ["agency", "role", "doc", "section", "deadline", "task", "partners", "today"]  # short ones before the text
    frame(rows, keys)
    out = explorer.table(rows, keys, LANG)
    sheet = _("page.owners")
    c1, c2 = st.columns(2)  # files built when a button is pressed, not on every rerun (openpyxl alone takes ~1 s)
    c1.download_button(_("download.csv"), lambda: explorer.csv_bytes(out), "ai-lam-gi.csv", "text/csv", key="own_csv")
    c2.download_button(_("download.xlsx"), lambda: explorer.xlsx_bytes(out, sheet), "ai-lam-gi.xlsx",
                       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", key="own_xlsx")


def network_view() -> dict[str, str]:
    """The network page's last view (page links drop the URL's parameters, so the session keeps it)."""
    return st.session_state.get("net_view") or {k: qp.get(k, "") for k in explorer.VIEW_KEYS}


def matrix_page() -> None:
    import pandas as pd

    scope = explorer.view_scope(corpus, network_view())  # the network's search and filters apply here too
    ids = explorer.matrix_docs(corpus, scope)
    if scope is not None:
        st.caption(_("matrix.scoped"))
    if not ids:
        st.info(_("matrix.none"))
        return
    doc = st.selectbox(_("matrix.doc"), ids, format_func=short, key="mx_doc")
    only = set(explorer.match_agencies(corpus, qp.get("agency", ""))) or None  # a link from "who owns what"
    rows, cols, cells = explorer.matrix(corpus, doc, LANG, scope, only)
    if not rows:
        st.info(_("matrix.empty"))
        return
    st.caption(_("matrix.caption"))
    headings = explorer.section_headings(corpus, doc)
    data = [{"agency": a, "section": s, "heading": headings.get(s, ""), "cell": cells[(a, s)],
             "count": sum(int(x.split()[0]) for x in cells[(a, s)].split(" / "))}
            for a in rows for s in cols if (a, s) in cells]
    spec = charts.heatmap_spec(LANG, rows, cols)
    st.vega_lite_chart(pd.DataFrame(data), spec, width="stretch")


# ---- targets ---------------------------------------------------------------------------------------------

def targets_page() -> None:
    import pandas as pd

    options = explorer.indicators(corpus)
    if not options:
        st.info(_("tg.none"))
        return
    default = "Tỷ trọng kinh tế số trong GDP"
    pick = st.selectbox(_("tg.indicator"), options, key="indicator",
                        index=options.index(default) if default in options else 0)
    targets, total = explorer.indicator_targets(corpus, pick, CHART_TARGETS)  # a large corpus: the first ones
    series = explorer.series(corpus, pick, LANG, targets)
    rank = explorer.is_rank(corpus, pick, targets)
    if series:
        if rank:
            st.caption(_("tg.rank.note"))
        unit = next((r["unit"] for r in series if r["unit"]), "")
        scopes = len({r["scope"] for r in series}) > 1 or any(r["scope"] for r in series)
        st.vega_lite_chart(pd.DataFrame(series), charts.targets_spec(LANG, rank, unit, scopes, series),
                           height=360 if not scopes else "content")
    else:
        st.info(_("tg.none"))
    mine = explorer.target_rows(corpus, LANG, targets)
    keys = ["doc", "comparator", "target", "unit", "year", "scope", "latest", "status", "text"]
    if total > len(mine):
        st.caption(_("more", shown=len(mine), total=total))
    st.dataframe(status_styled(mine, keys), hide_index=True, width="stretch", placeholder=_("table.empty"))
    if corpus.large:  # the whole table would be read for it: counted, not listed
        st.caption(_("tg.all.large", total=corpus.target_count))
        return
    rows = explorer.target_rows(corpus, LANG)
    st.subheader(_("tg.all"), anchor=False)
    st.dataframe(status_styled(rows, ["indicator"] + keys), hide_index=True, width="stretch",
                 placeholder=_("table.empty"))


def status_styled(rows: list[dict[str, Any]], keys: list[str]) -> Any:
    """The status column as a coloured word."""
    import pandas as pd

    df = pd.DataFrame(explorer.table(rows, keys, LANG), columns=[column(k, LANG) for k in keys])
    colours = [charts.STATUS_COLOURS.get(r["status_code"], "#444") for r in rows]
    status = column("status", LANG)
    return df.style.apply(lambda _s: [f"color: {c}; font-weight: 600" for c in colours], subset=[status])


# ---- legal documents, overlaps, drafts -------------------------------------------------------------------

def legal_page() -> None:
    if corpus.large:  # the citations of one document at a time, picked first
        doc = st.selectbox(_("legal.citing"), corpus.corpus_ids(), format_func=short, key="legal_doc")
        rows = explorer.legal_rows(corpus, LANG, corpus.doc_refs(doc))
    else:
        rows = explorer.legal_rows(corpus, LANG)
    cited = st.selectbox(_("legal.cited"), [""] + sorted({r["cited"] for r in rows}), key="cited",
                         format_func=lambda c: c or _("all"))
    if cited:
        rows = [r for r in rows if r["cited"] == cited]
    frame(rows, ["cited", "relation", "cited_by", "section", "passage"])


def overlaps_page() -> None:
    choices = corpus.comparable_ids()
    c1, c2, c3 = st.columns([2, 2, 1])
    a = c1.selectbox(_("ov.a"), choices, format_func=short, key="ov_a",
                     index=choices.index("nq-50-cp-2020") if "nq-50-cp-2020" in choices else 0)
    b = c2.selectbox(_("ov.b"), choices, format_func=short, key="ov_b", index=0)
    threshold = c3.slider(_("ov.threshold"), 0.1, 0.9, 0.35, 0.05, key="ov_t")
    if a == b:
        st.warning(_("ov.same"))
        return
    result = corpus.overlap(a, b, threshold)
    st.subheader(_("ov.relations"), anchor=False)
    frame([{"subject": short(r["from"]), "relation": word("relation", r["relation"], LANG),
            "object": short(r["to"]), "stated_in": short(r["in"]), "section": r["section"],
            "passage": " ".join(r["passage"].split())} for r in result["relations"]],
          ["subject", "relation", "object", "stated_in", "section", "passage"])
    st.subheader(_("ov.shared_citations"), anchor=False)
    frame([{"cited": short(s["id"]), "a": word("relation", s["relation_a"], LANG),
            "b": word("relation", s["relation_b"], LANG)} for s in result["shared_citations"]], ["cited", "a", "b"])
    missing = [x for x in (a, b) if not corpus.in_corpus(x)]
    for x in missing:
        st.info(_("ov.no_text", name=plain(short(x))))
    not_compared = _("ov.no_text.short", name=plain(" & ".join(short(x) for x in missing)))
    st.subheader(_("ov.shared_agencies"), anchor=False)
    if missing:
        st.caption(not_compared)
    else:
        frame([{"agency": s["agency"], "tasks_a": len(s["in_a"]), "tasks_b": len(s["in_b"])}
               for s in result["shared_agencies"]], ["agency", "tasks_a", "tasks_b"])
    st.subheader(_("ov.similar"), anchor=False)
    if missing:
        st.caption(not_compared)
    elif not result["similar_tasks"]:
        st.caption(_("ov.none"))
    for p in result["similar_tasks"]:
        who_a, who_b = owner_name(p['a']['owner'], LANG), owner_name(p['b']['owner'], LANG)
        head = (f"{p['score']:.2f} · {who_a} (§{p['a']['section']}) ↔ {who_b} "
                f"(§{p['b']['section']}) · {'; '.join(p['shared_terms'])}")
        with st.expander(plain(head)):
            ca, cb = st.columns(2)
            ca.caption(plain(f"{short(a)} — §{p['a']['section']} — {who_a}"))
            ca.text(p["a"]["text"])
            cb.caption(plain(f"{short(b)} — §{p['b']['section']} — {who_b}"))
            cb.text(p["b"]["text"])
    st.subheader(_("ov.indicators"), anchor=False)
    if missing:
        st.caption(not_compared)
    else:
        frame(explorer.shared_indicators(result, LANG), ["indicator", "year", "target_a", "target_b"])
    st.subheader(_("ov.passages"), anchor=False)
    frame([{"doc": short(p["doc"]), "section": p["section"], "passage": p["passage"]}
           for p in result["passages"]], ["doc", "section", "passage"])


def diff_page() -> None:
    drafts, finals = corpus.drafts_and_finals()
    c1, c2 = st.columns(2)
    draft = c1.selectbox(_("df.draft"), drafts, format_func=short, key="df_a")
    final = c2.selectbox(_("df.final"), finals, format_func=short, key="df_b")
    if draft == final:  # a corpus without drafts offers every document on both sides
        st.warning(_("ov.same"))
        return
    result = corpus.diff(draft, final)
    for kind in ("removed", "added"):
        st.subheader(_(f"df.targets.{kind}"), anchor=False)
        frame([explorer.target_cells(t, LANG) for t in result["targets"][kind]],
              ["indicator", "comparator", "target", "unit", "year"])
    st.subheader(_("df.targets.changed"), anchor=False)
    frame([{**explorer.target_cells(c["draft"], LANG), "draft": explorer.number(c["draft"]["value"]),
            "final": explorer.number(c["final"]["value"])} for c in result["targets"]["changed"]],
          ["indicator", "comparator", "unit", "year", "draft", "final"])
    for kind in ("removed", "added"):
        st.subheader(_(f"df.sections.{kind}"), anchor=False)
        frame(result["sections"][kind], ["section", "heading"])
    st.subheader(_("df.agencies"), anchor=False)
    frame([{"agency": a["agency"], "status": word("status", a["status"], LANG), "draft": a["draft_tasks"],
            "final": a["final_tasks"], "pairs": len(a["matched_pairs"])} for a in result["agencies"]],
          ["agency", "status", "draft", "final", "pairs"])


# ---- export ----------------------------------------------------------------------------------------------

MIME = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "ttl": "text/turtle", "jsonld": "application/ld+json", "graphml": "application/xml",
        "csv": "text/csv", "html": "text/html",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


@st.cache_data(show_spinner=False, max_entries=16)
def rendered(fmt: str, nodes: tuple[str, ...], title: str, drafts: bool, lang: Lang) -> str | bytes:
    from policykg import selection

    return selection.render_corpus(corpus, fmt, set(nodes), title, drafts=drafts, lang=lang)


def export_page() -> None:
    from policykg import export  # loaded when the page is first opened, not at start-up

    source = st.radio(_("ex.source"), ["view", "focus", "doc"], horizontal=True, key="ex_source",
                      format_func=lambda s: _(f"ex.source.{s}"))
    if source == "view":
        state = network_view()
        if not any(state.get(k) for k in ("focus", "types", "docs", "agencies", "relations")):
            st.caption(_("ex.view.none"))
        nodes = explorer.view_nodes(corpus, state)
        info = node_details(state["focus"]) if state["focus"] else None
        focus_name = (node_labels(LANG).names.get(state["focus"]) or (info.label_vi if info else "")
                      if state["focus"] else "")
        title = focus_name or _("page.network")
    elif source == "focus":
        focus = st.text_input(_("ex.focus"), value=qp.get("q", "") or "Bộ Công an", key="ex_focus")
        depth = st.slider(_("ex.depth"), 1, 3, 1, key="ex_depth")
        hits = explorer.search_all(corpus, focus, LANG, 1)
        if not hits:
            st.warning(_("search.none", text=plain(focus)))
            return
        nodes = network.view_nodes(corpus.view_for(hits[0]["iri"], depth), hits[0]["iri"], depth, set(), set(), set(),
                                   set())
        title = hits[0]["label"]
    else:
        doc = st.selectbox(_("ex.source.doc"), corpus.corpus_ids(), format_func=short, key="ex_doc")
        iri = corpus.doc_iri(doc) or ""
        nodes = explorer.shown_nodes(corpus, None, 1, set(), {iri}, set(), set()) if iri else set()
        title = short(doc)
    drafts = st.toggle(_("ex.drafts"), value=False, key="ex_drafts")
    preview = explorer.export_preview(corpus, nodes, drafts)
    st.info(_("ex.preview", nodes=len(nodes), tasks=preview["task_count"], targets=preview["targets"],
              docs=len(preview["docs"])))
    if preview["task_count"] > len(preview["tasks"]):
        st.caption(_("more", shown=len(preview["tasks"]), total=preview["task_count"]))
    frame([{"agency": owner_name(t["owner"], LANG), "role": word("role", t["owner_role"], LANG), "doc": short(t["doc"]),
            "section": t["section"], "task": " ".join(t["text"].split())} for t in preview["tasks"][:PREVIEW_ROWS]],
          ["agency", "role", "doc", "section", "task"], height=240)
    stem = export.safe_name(f"policykg-{title}")[:80]
    cols = st.columns(len(explorer.EXPORT_FORMATS))
    key = tuple(sorted(nodes))
    for col, (fmt, name) in zip(cols, explorer.EXPORT_FORMATS, strict=True):
        ready = st.session_state.get(f"ex_built_{fmt}") == (key, drafts)
        if not ready:
            if col.button(_("ex.build", fmt=name), key=f"ex_build_{fmt}"):
                st.session_state[f"ex_built_{fmt}"] = (key, drafts)
                ready = True
        if ready:
            with st.spinner():
                content = rendered(fmt, key, title, drafts, LANG)
            col.download_button(_("ex.ready", fmt=name), content, f"{stem}.{fmt}", MIME[fmt],
                                key=f"ex_{fmt}", type="primary")


# ---- SPARQL ----------------------------------------------------------------------------------------------

def _example_changed() -> None:
    st.session_state["sparql"] = explorer.example_query(explorer.example_titles("vi")[st.session_state["example"]])


def sparql_page() -> None:
    import pandas as pd

    titles = explorer.example_titles(LANG)  # picked by position: switching the language keeps the query
    if st.session_state.get("example") not in range(len(titles)):
        st.session_state["example"] = 0
        st.session_state["sparql"] = explorer.example_query(titles[0])
    st.selectbox(_("sq.examples"), range(len(titles)), key="example", on_change=_example_changed,
                 format_func=lambda i: titles[i])
    query = st.text_area(_("sq.query"), height=180, key="sparql")
    c1, c2 = st.columns(2)
    limit = c1.number_input(_("sq.limit"), 1, 10000, 500, key="limit")
    timeout = c2.number_input(_("sq.timeout"), 1, 60, 10, key="timeout")
    if st.button(_("sq.run"), key="run"):
        try:
            result = corpus.query(query, int(limit), float(timeout))
        except QueryError as exc:
            st.error(plain(worded(exc, "sq", LANG)))
            return
        if result.boolean is not None:
            st.write(result.boolean)
            return
        df = pd.DataFrame(result.rows, columns=list(result.variables))
        if result.truncated:
            st.warning(_("sq.truncated", limit=limit))
        st.dataframe(df, hide_index=True, width="stretch", placeholder=_("table.empty"))
        st.download_button(_("download.csv"), explorer.csv_bytes(df.to_dict("records")), "query.csv", "text/csv")


DRAW: dict[str, Callable[[], None]] = {
    "network": network_page, "owners": ownership_page, "matrix": matrix_page, "targets": targets_page,
    "legal": legal_page, "overlaps": overlaps_page, "diff": diff_page, "export": export_page,
    "sparql": sparql_page,
}


def guarded(draw: Callable[[], None]) -> Callable[[], None]:
    def page() -> None:
        try:
            draw()
        except PolicyKGError as exc:
            st.error(plain(worded(exc, "page", LANG)))
    page.__name__ = draw.__name__
    return page


wanted = pages.requested(qp.get("page"))
nav = st.navigation([st.Page(guarded(DRAW[p.key]), title=p.title(LANG), icon=p.icon, url_path=p.url_path,
                             default=p is wanted) for p in pages.PAGES])
upload()
nav.run()
warm_up(str(WORKSPACE))
