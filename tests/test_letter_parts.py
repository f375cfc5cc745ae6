"""Plans and reports split into lettered parts ("A. MỤC ĐÍCH, YÊU CẦU", "B. NỘI DUNG …", "D. TỔ CHỨC THỰC
HIỆN"), and sections that give their fields after their items; snippets written for the tests."""

import pytest

from extract.normalize import normalize
from extract.segment import classify, segment
from tests.conftest import facts_of


@pytest.mark.parametrize("line, label", [
    ("A. MỤC ĐÍCH, YÊU CẦU", "A"),
    ("C. MỘT SỐ GIẢI PHÁP TRỌNG TÂM ĐẾN NĂM 2015", "C"),  # a part, not the Roman hundred
    ("D. TỔ CHỨC THỰC HIỆN", "D"),
])
def test_a_lettered_part_in_capitals(line: str, label: str) -> None:
    head = classify(line)
    assert head is not None and (head.style, head.label) == ("letterpart", label)


@pytest.mark.parametrize("line", ["B. Bộ Tài chính chủ trì thẩm định.", "C. Nguyễn Văn An"])
def test_a_capital_letter_before_a_sentence_is_no_part(line: str) -> None:
    head = classify(line)
    assert head is None or head.style != "letterpart"


def test_numbered_bodies_under_the_last_part_own_their_items() -> None:
    text = ("C. MỘT SỐ GIẢI PHÁP TRỌNG TÂM\n1. Tổng kết giai đoạn 2021 - 2025 và bổ sung kế hoạch.\n"
            "D. TỔ CHỨC THỰC HIỆN\n1. Bộ Quốc phòng\n- Hướng dẫn các quân khu lập kế hoạch chi tiết.\n")
    sections, _ = segment(normalize(text).text)
    assert [(s.id, s.parent) for s in sections] == [("C", None), ("C.1", "C"), ("D", None), ("D.1", "D")]
    tasks = facts_of(text, kind="plan").tasks
    assert [(t.text, t.owner) for t in tasks] == [
        ("Tổng kết giai đoạn 2021 - 2025 và bổ sung kế hoạch.", None),
        ("Hướng dẫn các quân khu lập kế hoạch chi tiết.", "Bộ Quốc phòng")]


TRAILING = """B. NỘI DUNG, NHIỆM VỤ
I. TUYÊN TRUYỀN VỀ CÔNG TÁC PHÒNG CHỐNG THIÊN TAI
1. Nội dung, biện pháp
a) Xây dựng chuyên mục về phòng chống thiên tai trên báo chí;
b) Tổ chức hội thi tìm hiểu kiến thức phòng chống thiên tai.
2. Cơ quan chủ trì, phối hợp
a) Cơ quan chủ trì
- Bộ Thông tin và Truyền thông.
- Các cơ quan báo chí liên quan.
b) Cơ quan phối hợp
- Bộ Nông nghiệp và Môi trường; các tổ chức chính trị - xã hội.
3. Thời gian thực hiện: Năm 2026 và hằng năm.
II. KIỂM TRA, SƠ KẾT
1. Nội dung, biện pháp
a) Kiểm tra định kỳ việc thực hiện Kế hoạch.
2. Chủ trì thực hiện
- Bộ Nội vụ.
3. Thời gian thực hiện: Hằng năm.
"""


def test_fields_written_as_headings_after_the_items_own_them() -> None:
    tasks = facts_of(TRAILING, kind="plan").tasks
    assert [(t.text, t.owner, t.owner_role, t.cooperating, t.deadline) for t in tasks] == [
        ("Xây dựng chuyên mục về phòng chống thiên tai trên báo chí;", "Bộ Thông tin và Truyền thông", "lead",
         ("Bộ Nông nghiệp và Môi trường",), "Năm 2026 và hằng năm"),
        ("Tổ chức hội thi tìm hiểu kiến thức phòng chống thiên tai.", "Bộ Thông tin và Truyền thông", "lead",
         ("Bộ Nông nghiệp và Môi trường",), "Năm 2026 và hằng năm"),
        ("Kiểm tra định kỳ việc thực hiện Kế hoạch.", "Bộ Nội vụ", "lead", (), "Hằng năm")]
    # the field lines name bodies; they are no tasks of their own


def test_a_board_named_after_its_programme_number_is_one_body() -> None:
    text = ("Ban Chỉ đạo quốc gia 389 xây dựng kế hoạch. Văn phòng Ban Chỉ đạo quốc gia 389 tổng hợp.\n"
            "- Ban Chỉ đạo quốc gia chủ trì; Ban Chỉ đạo các quân khu phối hợp.\n")
    facts = facts_of(text, kind="plan")
    assert [m.name for m in facts.mentions] == [
        "Ban Chỉ đạo quốc gia 389", "Văn phòng Ban Chỉ đạo quốc gia 389", "Ban Chỉ đạo quốc gia 389",
        "Ban Chỉ đạo các quân khu"]


def test_a_part_heading_naming_two_years_does_not_date_the_figures() -> None:
    from extract.pipeline import extract_text, meta_from_text
    text = ("BÁO CÁO\nA. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN KẾ HOẠCH NĂM 2025 VÀ NĂM 2026\n"
            "I. Kết quả thực hiện\n- Toàn tỉnh có 06 trạm quan trắc nước thải.\n")
    facts = extract_text(text, meta_from_text("r", "r.txt", text, {"kind": "report", "date": "2026-08-20"}))
    assert [(o.year, o.value) for o in facts.observations] == [(2026, 6.0)]
