import pytest

from extract.agencies import registry
from extract.nlp import AGENCY_SPANS, pipeline
from extract.normalize import normalize


@pytest.mark.parametrize("alias, name", [
    ("MPI", "Bộ Kế hoạch và Đầu tư"),
    ("Bộ KH&ĐT", "Bộ Kế hoạch và Đầu tư"),
    ("bo ke hoach va dau tu", "Bộ Kế hoạch và Đầu tư"),
    ("NHNN", "Ngân hàng Nhà nước Việt Nam"),
    ("BTTTT", "Bộ Thông tin và Truyền thông"),
    ("Bộ LĐ-TB&XH", "Bộ Lao động - Thương binh và Xã hội"),
    ("Uỷ ban Quản lý vốn nhà nước tại doanh nghiệp", "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp"),
    ("VCCI", "Liên đoàn Thương mại và Công nghiệp Việt Nam"),
    ("UBND tỉnh Hà Giang", "Ủy ban nhân dân tỉnh Hà Giang"),
    ("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"),
])
def test_resolve(alias: str, name: str) -> None:
    agency = registry().resolve(alias)
    assert agency is not None and agency.name == name


@pytest.mark.parametrize("aid, successor, since, basis", [
    ("mpi", "Bộ Tài chính", "2025-03-01", "Nghị quyết 176/2025/QH15"),
    ("mic", "Bộ Khoa học và Công nghệ", "2025-03-01", "Nghị quyết 176/2025/QH15"),
    ("molisa", "Bộ Nội vụ", "2025-03-01", "Nghị quyết 176/2025/QH15"),
    ("mot", "Bộ Xây dựng", "2025-03-01", "Nghị quyết 176/2025/QH15"),
    ("monre", "Bộ Nông nghiệp và Môi trường", "2025-03-01", "Nghị quyết 176/2025/QH15"),
    ("mard", "Bộ Nông nghiệp và Môi trường", "2025-03-01", "Nghị quyết 176/2025/QH15"),
    ("cmsc", "Bộ Tài chính", "2025-03-21", "Nghị quyết 58/NQ-CP"),
    ("vcci-old", "Liên đoàn Thương mại và Công nghiệp Việt Nam", "2021-12-31", None),
    ("ubnd-p-ha-giang", "Ủy ban nhân dân tỉnh Tuyên Quang", "2025-07-01", "Nghị quyết 202/2025/QH15"),
])
def test_successor(aid: str, successor: str, since: str, basis: str | None) -> None:
    found = registry().successor(aid)
    assert found is not None
    agency, event = found
    assert (agency.name, event.date) == (successor, since)
    assert basis is None or event.basis == basis


def test_unchanged_agencies_have_no_successor() -> None:
    assert registry().successor("bca") is None and registry().successor("most") is None


def test_provinces_before_and_after_2025() -> None:
    provinces = [a for a in registry().agencies.values() if a.kind in ("province", "city")]
    merged = [a for a in provinces if a.events and a.events[-1].type == "merged_into"]
    assert len(provinces) - 1 == 63  # Huế appears both as Thừa Thiên Huế and as the city
    assert len(provinces) - len(merged) - 1 == 34


def mentions(text: str) -> list[tuple[str, str]]:
    doc = pipeline()(normalize(text).text)
    return [(s.label_, s.text) for s in doc.spans[AGENCY_SPANS]]


@pytest.mark.parametrize("text, expected", [
    ("Bộ Tài chính chủ trì, phối hợp với Ngân hàng Nhà nước",
     [("mof", "Bộ Tài chính"), ("sbv", "Ngân hàng Nhà nước")]),
    ("phối hợp với các bộ, ngành liên quan", [("group", "các bộ, ngành liên quan")]),
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
     [("ubnd-tinh", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương")]),
    ("Uỷ ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
     [("ubnd-tinh", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương")]),
    ("xây dựng Chính phủ điện tử và Chính phủ số", []),
    ("các bộ xây dựng kế hoạch", [("group", "các bộ")]),
    ("Thủ tướng Chính phủ ban hành", [("ttg", "Thủ tướng Chính phủ")]),
    ("Bộ Lao động – Thương binh và Xã hội", [("molisa", "Bộ Lao động - Thương binh và Xã hội")]),
    ("các cơ hội mới của các ngành", []),
])
def test_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


def test_name_split_across_lines() -> None:
    assert ("mpi", "Bộ Kế hoạch và Đầu tư") in mentions("gửi báo cáo về Bộ Kế hoạch và \n\nĐầu tư để tổng hợp")
