"""Party organs named by the body they sit in: "Đảng đoàn Quốc hội", "Tổ đảng ở Thường trực Ủy ban X"."""

from __future__ import annotations

import pytest

from extract.nlp import pipeline
from extract.pipeline import extract_text, meta_from_text


def _agencies(text: str) -> list[tuple[str, str]]:
    doc = pipeline()(text)
    return [(s.text, s.kb_id_) for s in doc.spans["agencies"]]


@pytest.mark.parametrize(("text", "expected"), [
    ("Đảng đoàn Quốc hội phối hợp với Đảng ủy cơ quan Văn phòng Quốc hội tổ chức phổ biến.",
     [("Đảng đoàn Quốc hội", "qh"), ("Đảng ủy cơ quan Văn phòng Quốc hội", "vpqh")]),
    ("Ban cán sự đảng Bộ Y tế chỉ đạo xây dựng kế hoạch.", [("Ban cán sự đảng Bộ Y tế", "moh")]),
    ("a) Tổ đảng ở Thường trực Ủy ban Kinh tế", [("Tổ đảng ở Thường trực Ủy ban Kinh tế", "")]),
])
def test_a_party_organ_takes_the_name_of_its_body(text: str, expected: list[tuple[str, str]]) -> None:
    assert _agencies(text) == expected


def test_a_party_organ_word_without_a_body_after_it_is_no_agency() -> None:
    assert _agencies("Các tổ chức đảng đoàn kết, thống nhất; Đảng đoàn thực hiện.") == []


PLAN = """ĐẢNG ĐOÀN QUỐC HỘI
Số 12-KH/ĐĐQH15
Hà Nội, ngày 10 tháng 01 năm 2025
KẾ HOẠCH
thực hiện Nghị quyết số 57-NQ/TW
**II. PHÂN CÔNG NHIỆM VỤ**

**a) Tổ đảng ở Thường trực Ủy ban Kinh tế**
*   Chủ trì thẩm tra các dự án luật về kinh tế số.
*   Kiến nghị cơ chế ưu đãi cho doanh nghiệp công nghệ.

**b) Lãnh đạo Ban Dân nguyện**
*   Chủ trì giúp Ủy ban Thường vụ Quốc hội tiếp công dân.
"""


def test_the_bullets_under_a_party_organ_heading_are_its_tasks() -> None:
    facts = extract_text(PLAN, meta_from_text("x", "x.txt", PLAN))
    assert [(t.text[:20], t.owner) for t in facts.tasks] == [
        ("Chủ trì thẩm tra các", "Tổ đảng ở Thường trực Ủy ban Kinh tế"),
        ("Kiến nghị cơ chế ưu ", "Tổ đảng ở Thường trực Ủy ban Kinh tế"),
        ("Chủ trì giúp Ủy ban ", "Ban Dân nguyện"),  # "Lãnh đạo" is the title of who heads it
    ]
