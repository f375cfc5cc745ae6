"""Owners a heading sentence gives the sub-items below it, and group phrases with their qualifier."""

from __future__ import annotations

from extract.pipeline import extract_text, meta_from_text

RULES = """ỦY BAN NHÂN DÂN TỈNH YÊN BÁI
Số: 15/2026/QĐ-UBND
Yên Bái, ngày 3 tháng 3 năm 2026
QUY CHẾ
Quản lý dữ liệu đất đai
Điều 9. Trách nhiệm quản lý nhà nước về dữ liệu đất đai
1. Sở Tài chính chịu trách nhiệm trước Ủy ban nhân dân tỉnh về quản lý dữ liệu đất đai của tỉnh.
a) Sở Tài chính hướng dẫn các đơn vị cập nhật dữ liệu theo thẩm quyền.
b) Định kỳ hằng năm gửi báo cáo công tác cập nhật dữ liệu cho Bộ Tài chính.
2. Các sở, ban, ngành thuộc tỉnh cung cấp dữ liệu do đơn vị mình quản lý.
3. Văn phòng Đăng ký đất đai cập nhật biến động đất đai hằng tháng.
"""


def test_sub_items_that_name_nobody_belong_to_the_body_the_heading_sentence_makes_responsible() -> None:
    facts = extract_text(RULES, meta_from_text("x", "x.txt", RULES))
    got = {t.text[:25]: t.owner for t in facts.tasks}
    assert got["Sở Tài chính hướng dẫn cá"] == "Sở Tài chính tỉnh Yên Bái"
    assert got["Định kỳ hằng năm gửi báo "] == "Sở Tài chính tỉnh Yên Bái"  # from "1. Sở Tài chính chịu trách nhiệm"


def test_a_group_keeps_its_qualifier_and_a_land_registration_office_is_one_body() -> None:
    facts = extract_text(RULES, meta_from_text("x", "x.txt", RULES))
    got = {t.text[:25]: t.owner for t in facts.tasks}
    assert got["Các sở, ban, ngành thuộc "] == "các sở, ban, ngành thuộc tỉnh"
    assert got["Văn phòng Đăng ký đất đai"].startswith("Văn phòng Đăng ký đất đai")
