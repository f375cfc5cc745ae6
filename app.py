"""policykg explorer (Streamlit). Lays out widgets; the logic lives in policykg/."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from extract.errors import PolicyKGError
from graph import answers, compare
from graph.guard import QueryError
from policykg import export, selection
from policykg.console import Console
from policykg.ui import explorer, network, safe
from policykg.workspace import add as add_document
from policykg.workspace import graph_file, open_explorer

st.set_page_config(page_title="policykg", layout="wide")
PAGES = ["Mạng lưới", "Ai làm gì", "Mục tiêu", "Văn bản pháp lý", "Chồng lấn", "Dự thảo / chính thức", "Xuất",
         "SPARQL"]
PAGES_EN = ["Network", "Who owns what", "Targets", "Legal documents", "Overlaps", "Draft vs final", "Export",
            "SPARQL"]
qp = st.query_params


@st.cache_resource(show_spinner="Đang dựng đồ thị của bộ văn bản… / Building the corpus graph…")
def load(workspace: str) -> dict[str, Any]:
    store, view = open_explorer(Path(workspace))
    return {"store": store, "view": view}


@st.cache_resource(show_spinner=False)
def answer(name: str) -> list[dict[str, Any]]:
    """One of the CLI's answers (docs, tasks, agencies, refs, targets), computed on first use."""
    return getattr(answers, name)(data["store"])


class Lazy(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> Any:
        return answer(key)


try:
    data = Lazy(load("workspace"))
except PolicyKGError as exc:
    st.error(safe.md(exc))
    st.stop()

english = st.sidebar.toggle("English labels", value=qp.get("lang") == "en", key="lang_en")
qp["lang"] = "en" if english else "vi"
names = PAGES_EN if english else PAGES
page_index = PAGES.index(qp["page"]) if qp.get("page") in PAGES else 0
page = st.sidebar.radio("Trang / Page", range(len(PAGES)), index=page_index, format_func=lambda i: names[i])
qp["page"] = PAGES[page]
st.title("policykg")


def upload() -> None:
    """Add a document from the sidebar: only it is extracted; on failure nothing changes."""
    if "added" in st.session_state:
        st.sidebar.success(safe.md(st.session_state["added"]))
    file = st.sidebar.file_uploader("Thêm văn bản / Add a document", type=["txt", "md", "docx", "pdf"],
                                    key="upload")
    if file is None or st.session_state.get("uploaded") == file.file_id:
        return
    st.session_state["uploaded"] = file.file_id
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / export.safe_name(file.name)
        path.write_bytes(file.getvalue())
        try:
            summary = add_document(path, Path("workspace"))
        except PolicyKGError as exc:
            st.sidebar.error(safe.md(exc))
            return
    st.cache_resource.clear()
    st.cache_data.clear()
    st.session_state["added"] = f"Đã thêm / added {file.name}: {summary.line()}"
    st.rerun()


upload()


@st.cache_data(show_spinner=False, max_entries=64)
def network_data(focus: str | None, depth: int, types: tuple[str, ...], titles: tuple[str, ...],
                 docs: tuple[str, ...], agencies: tuple[str, ...], relations: tuple[str, ...], physics: bool,
                 cap: int, english: bool) -> network.NetworkData:
    """The network for one view state (cached: going back to a view is instant)."""
    return network.build_view(data["view"], focus, depth, set(types), set(titles), set(docs), set(agencies),
                              set(relations), physics, cap, english)


@st.cache_resource
def network_component() -> Any:
    """Registered once: the vis-network script (~700 KB) is not sent again on every rerun."""
    html, css, js = network.component_code()
    return st.components.v2.component("policykg_network", html=html, css=css, js=js)


def network_page() -> None:
    view = data["view"]
    side = st.sidebar
    text = side.text_input("Tìm / Search (có hoặc không dấu, viết tắt)", value=qp.get("q", ""), key="search")
    qp["q"] = text
    focus = qp.get("focus") or None
    if text:
        hits = network.search(view, text)
        if hits:
            focus = hits[0][0]
            side.caption("→ " + safe.md(hits[0][1]))
        else:
            side.warning(f"Không tìm thấy / nothing matches “{safe.md(text)}”.")
    depth = side.slider("Độ sâu / Depth", 1, 3, int(qp.get("depth", 1)), key="depth")
    qp["depth"] = str(depth)
    doc_ids = {d["id"]: d for d in data["docs"]}
    agency_names = sorted({a["name"] for a in data["agencies"]})
    types = side.multiselect("Loại nút / Node types", list(network.STYLE), default=_listed("types", network.STYLE),
                             key="types")
    docs = side.multiselect("Văn bản / Documents", sorted(doc_ids), default=_listed("docs", doc_ids), key="docs")
    agencies = side.multiselect("Cơ quan / Agencies", agency_names, default=_listed("agencies", agency_names),
                                key="agencies")
    relations = side.multiselect("Quan hệ / Relations", network.RELATIONS,
                                 default=_listed("relations", network.RELATIONS), key="relations")
    physics = side.toggle("Physics", value=qp.get("physics", "on") == "on", key="physics")
    cap = side.number_input("Giới hạn nút / Node cap", 10, 1500, int(qp.get("cap", network.NODE_CAP)), step=10,
                            key="cap")
    for name, value in (("types", types), ("docs", docs), ("agencies", agencies), ("relations", relations)):
        qp[name] = "|".join(value)
    qp["physics"], qp["cap"] = "on" if physics else "off", str(cap)
    titles = tuple(doc_ids[i]["title"] for i in docs)
    net = network_data(focus, depth, tuple(types), titles, tuple(docs), tuple(agencies), tuple(relations),
                       physics, int(cap), english)
    if net.message:
        st.info(safe.md(net.message))
    st.caption(" · ".join(f":{_colour(c)}[■] {label}" for label, c, _ in net.legend))
    result = network_component()(key="network", data=net.payload(), default={"selected": None},
                       on_selected_change=lambda: None, height=660)
    selected = (result.get("selected") if hasattr(result, "get") else None) or {}
    node = selected.get("id") if isinstance(selected, dict) else None
    if node:
        qp["focus"] = node
    show_details(node or focus)


def _listed(name: str, allowed: Any) -> list[str]:
    """A multiselect's values from the URL ("a|b"), keeping only known ones."""
    return [v for v in qp.get(name, "").split("|") if v and v in allowed]


def _colour(hex_colour: str) -> str:
    return {"#2f6fb0": "blue", "#f0a030": "orange", "#8a56c2": "violet", "#2e9e5b": "green",
            "#d64545": "red", "#e87fb0": "rainbow", "#9a9a9a": "gray", "#1a9c9c": "blue"}.get(hex_colour, "gray")


def show_details(node: str | None) -> None:
    if not node:
        st.caption("Bấm vào một nút để xem chi tiết / Click a node for its details.")
        return
    info = network.details(data["store"], node)
    if info is None:
        st.warning("Không có nút này trong đồ thị / This node is not in the graph.")
        return
    st.subheader(safe.md(info.label_vi))
    st.caption(safe.md(f"{info.type} · {info.label_en or ''} · {info.iri}"))
    if info.relations:
        st.dataframe(pd.DataFrame(info.relations, columns=["", "relation", "node", "iri"]),
                     hide_index=True, width="stretch")
    for doc, section, quote in info.evidence:
        st.markdown(f"**{safe.md(doc)}** — §{safe.md(section)}")
        st.text(quote)


def ownership_page() -> None:
    rows = explorer.ownership(data["tasks"], data["agencies"])
    df = pd.DataFrame(rows)
    c1, c2, c3 = st.columns(3)
    agency = c1.selectbox("Cơ quan / Agency", ["(tất cả / all)"] + sorted(df["agency"].unique()), key="own_agency")
    role = c2.selectbox("Vai trò / Role", ["(tất cả / all)", "lead", "cooperating", "responsible"], key="own_role")
    doc = c3.selectbox("Văn bản / Document", ["(tất cả / all)"] + sorted(df["doc"].unique()), key="own_doc")
    if agency != "(tất cả / all)":
        df = df[df["agency"] == agency]
    if role != "(tất cả / all)":
        df = df[df["role"] == role]
    if doc != "(tất cả / all)":
        df = df[df["doc"] == doc]
    counts = df.groupby(["agency", "role"]).size().unstack(fill_value=0)
    st.dataframe(counts, width="stretch")
    st.dataframe(df.drop(columns=["task_id"]), hide_index=True, width="stretch")
    st.download_button("CSV", df.to_csv(index=False).encode("utf-8"), "tasks-by-agency.csv", "text/csv")


def targets_page() -> None:
    rows = explorer.target_rows(data["targets"])
    indicators = sorted({r["indicator"] for r in rows})
    pick = st.selectbox("Chỉ tiêu / Indicator", indicators, key="indicator",
                        index=indicators.index("Tỷ trọng kinh tế số trong GDP")
                        if "Tỷ trọng kinh tế số trong GDP" in indicators else 0)
    series = pd.DataFrame(explorer.series(data["targets"], pick))
    if not series.empty:
        st.scatter_chart(series, x="year", y="value", color="kind")
    st.dataframe(pd.DataFrame([r for r in rows if r["indicator"] == pick]), hide_index=True, width="stretch")
    st.dataframe(pd.DataFrame(rows), hide_index=True, width="stretch")


def legal_page() -> None:
    df = pd.DataFrame(explorer.legal_rows(data["refs"]))
    cited = st.selectbox("Văn bản được trích dẫn / Cited document", ["(tất cả / all)"] + sorted(df["cited"].unique()),
                         key="cited")
    if cited != "(tất cả / all)":
        df = df[df["cited"] == cited]
    st.dataframe(df, hide_index=True, width="stretch")


@st.cache_resource(show_spinner=False)
def console() -> Console:
    """Worker processes for console queries: a timed-out query is killed, the app keeps running."""
    return Console(graph_file(Path("workspace")), "oxigraph")


def sparql_page() -> None:
    example = st.selectbox("Ví dụ / Examples", list(explorer.EXAMPLE_QUERIES), key="example")
    query = st.text_area("SPARQL (read-only)", explorer.EXAMPLE_QUERIES[example], height=180, key="sparql")
    c1, c2 = st.columns(2)
    limit = c1.number_input("Row limit", 1, 10000, 500, key="limit")
    timeout = c2.number_input("Timeout (s)", 1, 60, 10, key="timeout")
    if st.button("Chạy / Run", key="run"):
        try:
            result = console().run(explorer.with_prefixes(query), limit=int(limit), timeout=float(timeout))
        except QueryError as exc:
            st.error(safe.md(exc))
            return
        if result.boolean is not None:
            st.write(result.boolean)
            return
        df = pd.DataFrame(result.rows, columns=list(result.variables))
        if result.truncated:
            st.warning(f"Only the first {limit} rows are shown.")
        st.dataframe(df, hide_index=True, width="stretch")
        st.download_button("CSV", df.to_csv(index=False).encode("utf-8"), "query.csv", "text/csv")


@st.cache_resource(show_spinner=False)
def compare_rows() -> compare.Rows:
    return compare.Rows.of(data["store"])


def _doc_choices(rows: compare.Rows) -> list[str]:
    return [d["id"] for d in rows.docs] + sorted({r["id"] for r in rows.refs} - {d["id"] for d in rows.docs})


def overlaps_page() -> None:
    rows = compare_rows()
    choices = _doc_choices(rows)
    c1, c2, c3 = st.columns(3)
    a = c1.selectbox("A", choices, index=choices.index("nq-50-cp-2020") if "nq-50-cp-2020" in choices else 0,
                     key="ov_a")
    b = c2.selectbox("B", choices, index=0, key="ov_b")
    threshold = c3.slider("Ngưỡng tương đồng / Similarity threshold", 0.1, 0.9, 0.35, 0.05, key="ov_t")
    result = compare.overlap(rows, a, b, threshold)
    for title, key in (("Quan hệ / Relations", "relations"), ("Cùng trích dẫn / Shared citations", "shared_citations"),
                       ("Đoạn nêu cả hai / Passages naming both", "passages")):
        st.subheader(title)
        st.dataframe(pd.DataFrame(result[key]), hide_index=True, width="stretch")
    st.subheader("Cơ quan chung / Shared agencies")
    st.dataframe(pd.DataFrame([{"agency": s["agency"], "tasks in A": len(s["in_a"]), "tasks in B": len(s["in_b"])}
                               for s in result["shared_agencies"]]), hide_index=True, width="stretch")
    st.subheader("Nhiệm vụ tương tự / Similar tasks")
    st.dataframe(pd.DataFrame([{"score": p["score"], "A": p["a"]["text"], "B": p["b"]["text"],
                                "shared terms": ", ".join(p["shared_terms"])} for p in result["similar_tasks"]]),
                 hide_index=True, width="stretch")


def diff_page() -> None:
    rows = compare_rows()
    ids = [d["id"] for d in rows.docs]
    c1, c2 = st.columns(2)
    draft = c1.selectbox("Dự thảo / Draft", ids, index=ids.index("001") if "001" in ids else 0, key="df_a")
    final = c2.selectbox("Chính thức / Final", ids, index=ids.index("000") if "000" in ids else 0, key="df_b")
    result = compare.diff(rows, draft, final)
    for kind in ("removed", "added"):
        st.subheader(f"Mục tiêu {kind}")
        st.dataframe(pd.DataFrame(result["targets"][kind]), hide_index=True, width="stretch")
    st.subheader("Mục tiêu thay đổi / changed")
    st.dataframe(pd.DataFrame([{"indicator": c["draft"]["indicator_label"], "year": c["draft"]["year"],
                                "draft": c["draft"]["value"], "final": c["final"]["value"]}
                               for c in result["targets"]["changed"]]), hide_index=True, width="stretch")
    for kind in ("removed", "added"):
        st.subheader(f"Mục {kind} / Sections {kind}")
        st.dataframe(pd.DataFrame(result["sections"][kind]), hide_index=True, width="stretch")
    st.subheader("Cơ quan / Agencies")
    st.dataframe(pd.DataFrame([{k: a[k] for k in ("agency", "status", "draft_tasks", "final_tasks")}
                               | {"matched pairs": len(a["matched_pairs"])} for a in result["agencies"]]),
                 hide_index=True, width="stretch")


@st.cache_data(show_spinner="Đang xuất… / Exporting…", max_entries=16)
def rendered(fmt: str, focus: str, depth: int) -> str | bytes:
    return selection.render(Path("workspace"), fmt, focus=focus, depth=depth)


def export_page() -> None:
    focus = st.text_input("Nút trung tâm / Focus (tên, viết tắt, IRI)", value=qp.get("q", "") or "Bộ Công an",
                          key="ex_focus")
    depth = st.slider("Độ sâu / Depth", 1, 3, int(qp.get("depth", 1)), key="ex_depth")
    stem = export.safe_name(f"policykg-{focus}-d{depth}")
    mime = {"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "ttl": "text/turtle", "jsonld": "application/ld+json", "graphml": "application/xml",
            "csv": "text/csv", "html": "text/html"}
    cols = st.columns(len(export.FORMATS))
    for col, fmt in zip(cols, export.FORMATS, strict=True):
        col.download_button(fmt.upper(), rendered(fmt, focus, depth), f"{stem}.{fmt}", mime[fmt], key=f"ex_{fmt}")


try:
    [network_page, ownership_page, targets_page, legal_page, overlaps_page, diff_page, export_page,
     sparql_page][page]()
except PolicyKGError as exc:
    st.error(safe.md(exc))
