"""Markdown list markers read as the genre's bullets (extract/md_bullets.py, through normalize)."""

from __future__ import annotations

import pytest

from extract.md_bullets import md_bullet
from extract.normalize import normalize
from extract.pipeline import extract_text, meta_from_text
from extract.segment import segment


@pytest.mark.parametrize(("line", "expected"), [
    ("*   Bộ Tài chính chủ trì xây dựng Nghị định.", (4, "-")),
    ("    *   Chính phủ đã thành lập Ban Chỉ đạo.", (8, "+")),
    ("*   **a) Tại Trung ương:**", (4, "")),   # the "*" only wraps a lettered heading
    ("* 2. Lãnh đạo, chỉ đạo rà soát", (2, "")),
    ("**1. Mục đích**", None),                # bold, not a list
    ("* *", None),                            # an empty emphasis pair from a DOCX footer
    ("- Bộ Y tế:", None),
])
def test_a_markdown_list_marker_becomes_a_dash_a_plus_or_nothing(line: str, expected: object) -> None:
    assert md_bullet(line) == expected


def test_markdown_bullets_are_items_of_their_heading_and_quotes_stay_in_the_original() -> None:
    text = ("**II. PHÂN CÔNG NHIỆM VỤ**\n\n**1. Tuyên truyền, quán triệt Nghị quyết**\n"
            "*   Đảng đoàn Quốc hội phối hợp với Văn phòng Quốc hội tổ chức phổ biến.\n"
            "*   **a) Tại các bộ, ngành:**\n"
            "    *   Rà soát các văn bản quy phạm pháp luật.\n")
    norm = normalize(text)
    sections, items = segment(norm.text)
    assert [s.heading for s in sections] == ["PHÂN CÔNG NHIỆM VỤ", "Tuyên truyền, quán triệt Nghị quyết",
                                             "Tại các bộ, ngành:"]
    assert [(i.marker, i.text[2:20]) for i in items] == [("-", "Đảng đoàn Quốc hội"), ("+", "Rà soát các văn bả")]
    first = items[0]
    s, e = norm.span(first.start, first.end)
    assert text[s:e].startswith("*   Đảng đoàn") and text[s:e].endswith("tổ chức phổ biến.")


PLAN = """# SỞ THÔNG TIN VÀ TRUYỀN THÔNG
# KẾ HOẠCH
Nâng cao chất lượng mạng viễn thông năm 2024
# MỤC TIÊU
* Tốc độ tải xuống trung bình tối thiểu 40 Mbit/s.
# GIẢI PHÁP
## Tổ chức hiệu quả công tác đo kiểm chất lượng mạng
* Đo kiểm, so sánh chất lượng giữa các doanh nghiệp viễn thông.
* Phối hợp với Sở Xây dựng bổ sung yêu cầu kỹ thuật công trình hạ tầng.
"""


def test_a_markdown_heading_in_capitals_that_names_a_section_is_one_without_a_number() -> None:
    norm = normalize(PLAN)
    sections, _ = segment(norm.text, norm.heading_levels())
    # not the header lines; below a named section any markdown heading is a sub-section, not a task
    assert [(s.style, s.heading) for s in sections] == [
        ("md", "MỤC TIÊU"), ("md", "GIẢI PHÁP"), ("md", "Tổ chức hiệu quả công tác đo kiểm chất lượng mạng")]
    facts = extract_text(PLAN, meta_from_text("x", "x.txt", PLAN))
    assert [(t.text[:22], t.owner, t.cooperating) for t in facts.tasks] == [
        ("Đo kiểm, so sánh chất ", None, ()),
        ("Phối hợp với Sở Xây dự", None, ("Sở Xây dựng",)),
    ]
