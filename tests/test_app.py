from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = Path(__file__).resolve().parent.parent / "app.py"


def test_app_page_renders_tables_from_the_graph(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # the app builds ./workspace on first start
    at = AppTest.from_file(str(APP), default_timeout=120).run()
    assert not at.exception
    assert len(at.tabs) == 3
    assert at.dataframe and len(at.dataframe[0].value) == 4  # the four bundled documents
    assert (tmp_path / "workspace" / "graph.nt").exists()
