"""A cover letter's attached report: its narrative is no task, its "Nhiệm vụ … thời gian tới" items are."""

from __future__ import annotations

from extract.attachment import attached_kind
from extract.pipeline import extract_text, meta_from_text
from extract.segment import classify

LETTER = """BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 120/BKHCN-VP
V/v xin ý kiến dự thảo báo cáo kết quả thực hiện Nghị quyết
Hà Nội, ngày 25 tháng 5 năm 2025
Kính gửi: Bộ Tài chính.

Bộ Khoa học và Công nghệ kính đề nghị Bộ Tài chính cho ý kiến đối với dự thảo Báo cáo gửi kèm theo.
Trân trọng./.

Nơi nhận:
- Như trên;
- Lưu: VT.
BỘ TRƯỞNG

DỰ THẢO BÁO CÁO Kết quả triển khai thực hiện Nghị quyết số 57-NQ/TW

II- KẾT QUẢ THỰC HIỆN
1. Về hoàn thiện thể chế
- Bộ Tư pháp đã rà soát 120 văn bản quy phạm pháp luật.
- Ủy ban nhân dân tỉnh đã giao Sở Tài chính chủ trì xây dựng đề án hỗ trợ doanh nghiệp.

V- NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI
1. Tiếp tục hoàn thiện thể chế về khoa học, công nghệ và đổi mới sáng tạo.
2. Khẩn trương giải ngân vốn cho các nhiệm vụ khoa học và công nghệ.
"""


def test_the_text_after_a_letters_closing_has_the_kind_its_own_line_names() -> None:
    at = attached_kind(LETTER, LETTER.index("Nơi nhận"))
    assert at == (LETTER.index("DỰ THẢO BÁO CÁO"), "report")
    assert attached_kind("Nơi nhận:\n- Như trên.\nNguyễn Văn A\n", 0) is None


def test_party_style_roman_headings_are_sections() -> None:
    head = classify("II- KẾT QUẢ THỰC HIỆN")
    assert head is not None and (head.style, head.label, head.text) == ("roman", "II", "KẾT QUẢ THỰC HIỆN")
    assert classify("X-quang được trang bị cho 20 bệnh viện") is None


def test_an_attached_report_gives_reported_assignments_and_next_tasks_not_its_narrative() -> None:
    facts = extract_text(LETTER, meta_from_text("x", "x.txt", LETTER))
    got = [(t.text[:30], t.owner) for t in facts.tasks]
    assert ("Bộ Tư pháp đã rà soát 120 văn ", "Bộ Tư pháp") not in got  # what was done is no task
    assert got == [
        ("Ủy ban nhân dân tỉnh đã giao S", "Sở Tài chính"),  # an assignment the report records
        ("Tiếp tục hoàn thiện thể chế về", None),
        ("Khẩn trương giải ngân vốn cho ", None),
    ]
