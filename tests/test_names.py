"""Documents are named and found as people name them: kind, symbol, date; "2289", "NQ 50", title words."""

import pytest

from graph.names import clip, document_names, find, spoken_date

DOCS = [
    {"id": "000", "title": "Chiến lược quốc gia về Cách mạng công nghiệp lần thứ tư đến năm 2030", "kind": "strategy",
     "status": "final", "number": "2289/QĐ-TTg", "issuer": "Thủ tướng Chính phủ", "date": "2020-12-31"},
    {"id": "004", "title": "Đề án Chuyển đổi số quốc gia (Dự thảo 1.0)", "kind": "programme", "status": "draft",
     "number": None, "issuer": "Thủ tướng Chính phủ", "date": "2019"},
]


def ref(rid, kind, number, issuer, year, quote, name=None):
    return {"id": rid, "kind": kind, "number": number, "issuer": issuer, "year": year, "name": name,
            "cited_by": "000", "relation": "implements", "evidence": {"quote": quote}}


REFS = [
    ref("nq-50-cp-2020", "Nghị quyết", "50", "CP", 2020, "Nghị quyết số 50/NQ-CP ngày 17 tháng 4 năm 2020"),
    ref("nq-52-tw-2019", "Nghị quyết", "52", "TW", 2019, "Nghị quyết số 52-\n\nNQ/TW ngày 27 tháng 9 năm 2019"),
    ref("tt-35-btc-2021", "Thông tư", "35", "BTC", 2021, "Thông tư số 35/2021/TT-BTC ngày 19/5/2021"),
    ref("nd-73-cp-2019", "Nghị định", "73", "CP", 2019, "Nghị định 73/2019/NĐ-CP"),
    ref("qd-2289-ttg-2020", "Quyết định", "2289", "TTg", 2020, "Quyết định số 2289/QĐ-TTg ngày 31/12/2020"),
    ref("luat-dau-tu-2020", "Luật", "", "QH", 2020, "Luật Đầu tư năm 2020", name="Luật Đầu tư"),
]
PASSAGES = [{"cited": "nq-52-tw-2019", "quote": "Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị về một số"}]


@pytest.fixture(scope="module")
def names():
    return document_names(DOCS, REFS, PASSAGES)


@pytest.mark.parametrize(("doc", "short", "long"), [
    ("000", "QĐ 2289/QĐ-TTg", "Quyết định số 2289/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ"),
    ("qd-2289-ttg-2020", "QĐ 2289/QĐ-TTg", "Quyết định số 2289/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ"),
    ("nq-50-cp-2020", "NQ 50/NQ-CP", "Nghị quyết số 50/NQ-CP ngày 17/4/2020 của Chính phủ"),
    ("nq-52-tw-2019", "NQ 52-NQ/TW", "Nghị quyết số 52-NQ/TW ngày 27/9/2019 của Bộ Chính trị"),
    ("tt-35-btc-2021", "TT 35/2021/TT-BTC", "Thông tư số 35/2021/TT-BTC ngày 19/5/2021 của Bộ Tài chính"),
    ("nd-73-cp-2019", "NĐ 73/2019/NĐ-CP", "Nghị định số 73/2019/NĐ-CP năm 2019 của Chính phủ"),
    ("luat-dau-tu-2020", "Luật Đầu tư 2020", "Luật Đầu tư năm 2020"),
    ("004", "Đề án Chuyển đổi số quốc gia (dự thảo)",
     "Đề án Chuyển đổi số quốc gia (Thủ tướng Chính phủ, 2019) (dự thảo)"),
])
def test_names(names, doc, short, long) -> None:
    assert names[doc].short == short
    assert names[doc].long == long


@pytest.mark.parametrize(("query", "first"), [
    ("2289", "000"), ("QĐ 2289", "000"), ("2289/QĐ-TTg", "000"), ("NQ 50", "nq-50-cp-2020"),
    ("50/NQ-CP", "nq-50-cp-2020"), ("nghi quyet 50", "nq-50-cp-2020"), ("52-NQ/TW", "nq-52-tw-2019"),
    ("chuyen doi so", "004"), ("Chuyển đổi số", "004"), ("luat dau tu", "luat-dau-tu-2020"),
])
def test_found_by_symbol_number_and_title_words(names, query, first) -> None:
    assert find(names, query)[0] == names[first]


def test_a_number_matches_whole_numbers_only(names) -> None:
    assert find(names, "NQ 5") == [] and find(names, "228") == []
    assert find(names, "") == []


def test_dates_and_clipping() -> None:
    assert spoken_date("2020-12-31") == "ngày 31/12/2020" and spoken_date("2024-12") == "tháng 12/2024"
    assert clip("Báo cáo tóm tắt tình hình và kết quả thực hiện", 20) == "Báo cáo tóm tắt…"


def test_rows_that_give_the_whole_symbol_as_number() -> None:
    refs = [ref("nq-50-cp-2020", "Nghị quyết", "50/NQ-CP", "CP", 2020, "Nghị quyết số 50/NQ-CP ngày 17/4/2020"),
            ref("nq-52-tw-2019", "Nghị quyết", "52-NQ/TW", "TW", 2019, "Nghị quyết số 52-NQ/TW")]
    names = document_names([], refs)
    assert names["nq-50-cp-2020"].long == "Nghị quyết số 50/NQ-CP ngày 17/4/2020 của Chính phủ"
    assert names["nq-52-tw-2019"].short == "NQ 52-NQ/TW"
    assert find(names, "NQ 50")[0].id == "nq-50-cp-2020"
