"""Markdown list markers read as the genre's bullets (extract/md_bullets.py, through normalize)."""

from __future__ import annotations

import pytest

from extract.md_bullets import md_bullet
from extract.normalize import normalize
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
