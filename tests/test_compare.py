import pytest

from graph.build import build_graph
from graph.compare import Rows, diff, overlap, resolve_doc, shared_phrases, similar_pairs
from graph.store import from_graph


@pytest.fixture(scope="module")
def rows(corpus) -> Rows:
    return Rows.of(from_graph(build_graph(corpus), "oxigraph"))


@pytest.mark.parametrize("key, doc_id", [("000", "000"), ("2289/QĐ-TTg", "000"), ("50/NQ-CP", "nq-50-cp-2020"),
                                         ("nq-52-tw-2019", "nq-52-tw-2019"), ("52-NQ/TW", "nq-52-tw-2019"),
                                         ("2289 /qđ-ttg", "000")])
def test_documents_by_id_or_number(rows, key, doc_id) -> None:
    assert resolve_doc(rows, key) == doc_id


def test_unknown_document(rows) -> None:
    with pytest.raises(KeyError, match="no document"):
        resolve_doc(rows, "12345/QĐ-TTg")


def test_draft_vs_final(rows) -> None:
    d = diff(rows, "001", "000")
    removed = {(t["indicator"], t["year"], t["value"]) for t in d["targets"]["removed"]}
    assert {("rd-spending-gdp", 2025, 1.5), ("rd-spending-gdp", 2030, 2.0)} <= removed
    assert {"wef-institutions-pillar", "wef-innovation-pillar", "wef-skills-pillar", "wef-ict-pillar"} <= \
        {i for i, _, _ in removed}
    status = {a["agency"]: a["status"] for a in d["agencies"]}
    for name in ("Bộ Tư pháp", "Bộ Giao thông vận tải", "Bộ Y tế", "Bộ Nội vụ"):
        assert status[name] == "added"
    added = {s["heading"] for s in d["sections"]["added"]}
    removed = {s["heading"] for s in d["sections"]["removed"]}
    assert {"Bộ Tư pháp", "Bộ Y tế", "Bộ Nội vụ", "Bộ Giao thông vận tải"} <= added
    assert "Trách nhiệm chung:" in removed  # the draft's common duties section is gone
    sbv = next(a for a in d["agencies"] if a["agency"] == "Ngân hàng Nhà nước Việt Nam")
    assert sbv["draft_tasks"] == sbv["final_tasks"] == 4 and len(sbv["matched_pairs"]) == 4


def test_overlap_of_a_cited_resolution_and_the_strategy(rows) -> None:
    o = overlap(rows, "nq-50-cp-2020", "000")
    assert {"id": "nq-52-tw-2019", "relation_a": "implements", "relation_b": "implements"} in o["shared_citations"]
    assert any(r["from"] == "000" and r["relation"] == "implements" for r in o["relations"])
    by_section = {(p["doc"], p["section"]): p["passage"] for p in o["passages"]}
    # QĐ 2289 §III: carry out the tasks of NQ 50 (and QĐ 749)
    assert "giải pháp đề ra tại Nghị quyết số 50/NQ-CP và Quyết định số 749/QĐ-TTg" in by_section[("000", "III")]
    # the report: NQ 50 asks for reports to Bộ KH&CN while QĐ 2289 makes Bộ KH&ĐT the focal point
    finding = by_section[("003", "II.2.3.2")]
    assert "báo cáo về Bộ Khoa học và Công nghệ" in finding and "Bộ Kế hoạch và Đầu tư là cơ quan đầu mối" in finding
    # and recommends merging the two reports (it names the strategy by its short title)
    merge = by_section[("003", "IV.4.2.3.5")]
    assert "lồng ghép báo cáo" in merge and "Nghị quyết số 50/NQ-CP" in merge


def test_similar_tasks_give_score_and_reasons() -> None:
    a = [{"id": "a1", "doc": "a", "section": "1", "owner": "X", "owner_role": "lead",
          "text": "Xây dựng Chương trình phát triển thương mại điện tử quốc gia"}]
    b = [{"id": "b1", "doc": "b", "section": "2", "owner": "Y", "owner_role": "lead",
          "text": "Phát triển thương mại điện tử"},
         {"id": "b2", "doc": "b", "section": "3", "owner": "Y", "owner_role": "lead", "text": "Giảm khoảng cách số"}]
    (pair,) = similar_pairs(a, b, threshold=0.2)
    assert pair["b"]["id"] == "b1" and 0 < pair["score"] <= 1
    assert pair["shared_terms"] == ["phát triển thương mại điện tử"]


def test_boilerplate_words_do_not_make_tasks_similar() -> None:
    a = [{"id": "a1", "doc": "a", "section": "1", "owner": "X", "owner_role": "lead",
          "text": "Chủ trì, phối hợp với các bộ, ngành liên quan thực hiện báo cáo năm về an ninh mạng"}]
    b = [{"id": "b1", "doc": "b", "section": "2", "owner": "Y", "owner_role": "lead",
          "text": "Chủ trì, phối hợp với các bộ, ngành liên quan thực hiện báo cáo năm về nông nghiệp hữu cơ"}]
    assert similar_pairs(a, b, threshold=0.2) == []
    b[0]["text"] = "Bảo đảm an ninh mạng cho hạ tầng số"
    (pair,) = similar_pairs(a, b, threshold=0.2)
    assert pair["shared_terms"] == ["an ninh mạng"]


def test_shared_terms_are_the_longest_shared_phrases_without_boilerplate_edges() -> None:
    a = "xây dựng và vận hành trung tâm dữ liệu quốc gia, bảo vệ dữ liệu cá nhân"
    b = "chủ trì vận hành trung tâm dữ liệu quốc gia và bảo vệ dữ liệu cá nhân của người dân"
    weight = {w: 1.0 for w in ("vận", "hành", "trung", "tâm", "dữ", "liệu", "quốc", "gia", "bảo", "vệ", "cá", "nhân")}
    assert shared_phrases(a, b, weight) == ["vận hành trung tâm dữ liệu quốc gia", "bảo vệ dữ liệu cá nhân"]
    # only boilerplate in common: nothing to show; a lone syllable only when no phrase is shared
    assert shared_phrases("thực hiện báo cáo năm", "báo cáo năm thực hiện", {"báo": 1.0}) == []
    assert shared_phrases("an toàn thông tin", "thông điệp", {"thông": 1.0}) == ["thông"]


def test_shared_terms_do_not_start_or_end_inside_a_word() -> None:
    def task(i: str, text: str) -> dict:
        return {"id": i, "doc": i[0], "section": "1", "owner": "X", "owner_role": "lead", "text": text}

    # "giám sát" and "kiểm sát" are words: the two first tasks share "tội phạm mạng", not "sát tội phạm mạng"
    a = [task("a1", "Tăng cường giám sát tội phạm mạng trên không gian mạng"),
         task("a2", "Giám sát việc thực hiện chính sách"), task("a3", "Xây dựng trung tâm dữ liệu quốc gia")]
    b = [task("b1", "Kiểm sát tội phạm mạng và điều tra"), task("b2", "Thanh tra, giám sát hoạt động đầu tư"),
         task("b3", "Vận hành trung tâm dữ liệu quốc gia")]
    terms = {p["a"]["id"]: p["shared_terms"] for p in similar_pairs(a, b, threshold=0.1)}
    assert terms == {"a1": ["tội phạm mạng"], "a2": ["giám sát"], "a3": ["trung tâm dữ liệu quốc gia"]}
