"""policykg explorer (Streamlit). Lays out widgets; the logic lives in extract/ and graph/."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from extract.errors import PolicyKGError
from graph import answers
from graph.workspace import open_workspace

st.set_page_config(page_title="policykg", layout="wide")
st.title("policykg — văn bản chính sách")


@st.cache_resource(show_spinner="Đang dựng đồ thị của bộ văn bản…")
def store(workspace: str):  # type: ignore[no-untyped-def]
    return open_workspace(Path(workspace))


try:
    graph_store = store("workspace")
    docs, tasks, targets = answers.docs(graph_store), answers.tasks(graph_store), answers.targets(graph_store)
except PolicyKGError as exc:
    st.error(str(exc))
    st.stop()

st.caption("The interactive network view comes with the explorer issue; these tables read the graph.")
tab_docs, tab_tasks, tab_targets = st.tabs(["Văn bản", "Nhiệm vụ", "Mục tiêu"])
with tab_docs:
    st.dataframe(pd.DataFrame(docs), use_container_width=True)
with tab_tasks:
    st.dataframe(pd.DataFrame([{k: t[k] for k in ("doc", "section", "owner", "owner_role", "text")} for t in tasks]),
                 use_container_width=True)
with tab_targets:
    cols = ("doc", "indicator_label", "comparator", "value", "unit", "year", "status")
    st.dataframe(pd.DataFrame([{k: t[k] for k in cols} for t in targets]), use_container_width=True)
