from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parent.parent / "app.py"
PAGES = ["Mạng lưới", "Ai làm gì", "Mục tiêu", "Văn bản pháp lý", "Chồng lấn", "Dự thảo / chính thức", "Xuất",
         "SPARQL"]


@pytest.fixture(scope="module")
def workdir(tmp_path_factory):
    return tmp_path_factory.mktemp("app")


def app(workdir, monkeypatch, page: str, **params: str) -> AppTest:
    monkeypatch.chdir(workdir)  # the app builds ./workspace on first start
    at = AppTest.from_file(str(APP), default_timeout=120)
    at.query_params["page"] = page
    for k, v in params.items():
        at.query_params[k] = v
    return at.run()


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders(workdir, monkeypatch, page) -> None:
    at = app(workdir, monkeypatch, page)
    assert not at.exception
    assert (workdir / "workspace" / "CURRENT").exists()


def test_network_focus_search_and_details(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "Mạng lưới", q="bo cong an")
    assert not at.exception
    assert any(e.type == "bidi_component" for e in at.main)
    assert "Bộ Công an" in at.sidebar.caption[0].value  # the search focused the ministry
    assert any(s.value == "Bộ Công an" for s in at.subheader)
    at.session_state["network"] = {"selected": {"id": "https://w3id.org/policykg/id/task/000-task-043"}}
    at.run()
    assert not at.exception
    texts = [t.value for t in at.text]
    assert any("Chủ trì triển khai có hiệu quả Chiến lược an ninh mạng quốc gia" in t for t in texts)


def test_ownership_shows_who_holds_the_duty_today(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "Ai làm gì")
    at.selectbox(key="own_agency").select("Bộ Kế hoạch và Đầu tư").run()
    df = at.dataframe[1].value
    assert len(df) > 10 and set(df["agency"]) == {"Bộ Kế hoạch và Đầu tư"}
    assert df["held_today_by"].str.startswith("Bộ Tài chính (từ 2025-03-01").all()


def test_sparql_console_refuses_updates(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "SPARQL")
    at.button(key="run").click().run()
    assert not at.exception and len(at.dataframe[0].value) > 5
    at.text_area(key="sparql").input("DELETE WHERE { ?s ?p ?o }").run()
    at.button(key="run").click().run()
    assert at.error and "read-only" in at.error[0].value


def test_overlaps_and_draft_vs_final_pages(workdir, monkeypatch) -> None:
    at = app(workdir, monkeypatch, "Chồng lấn")
    at.selectbox(key="ov_b").select("000").run()
    assert not at.exception
    shared = at.dataframe[1].value
    assert "nq-52-tw-2019" in set(shared["id"])
    at = app(workdir, monkeypatch, "Dự thảo / chính thức")
    assert not at.exception
    agencies = at.dataframe[5].value
    assert agencies.set_index("agency").loc["Bộ Tư pháp", "status"] == "added"
