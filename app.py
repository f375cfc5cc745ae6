"""policykg explorer (Streamlit). Lays out widgets; the logic lives in extract/ and graph/."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import streamlit as st

from extract.cli import load
from extract.errors import PolicyKGError

st.set_page_config(page_title="policykg", layout="wide")
st.title("policykg — Vietnamese policy documents")


@st.cache_data(show_spinner="Building the bundled corpus…")
def facts(workspace: str) -> dict:
    return load(Path(workspace))


try:
    data = facts("workspace")
except PolicyKGError as exc:
    st.error(str(exc))
    st.stop()

st.caption("The interactive network view comes with the explorer issue; these tables read the workspace.")
tab_docs, tab_tasks, tab_targets = st.tabs(["Văn bản", "Nhiệm vụ", "Mục tiêu"])
with tab_docs:
    st.dataframe(pd.DataFrame(data["docs"]), use_container_width=True)
with tab_tasks:
    rows = [{k: t[k] for k in ("doc", "section", "owner", "owner_role", "text")} for t in data["tasks"]]
    st.dataframe(pd.DataFrame(rows), use_container_width=True)
with tab_targets:
    rows = [{k: t[k] for k in ("doc", "indicator_label", "comparator", "value", "unit", "year", "status")}
            for t in data["targets"]]
    st.dataframe(pd.DataFrame(rows), use_container_width=True)
