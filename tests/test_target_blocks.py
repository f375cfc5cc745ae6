"""Blocks that set values to reach besides "Mục tiêu": forecasts, plans for a period; parts listed in brackets."""

import pytest

from tests.conftest import facts_of

# Snippets written for these tests: (text, [(value, unit, year), ...]) of the targets with a value.
BLOCKS = [
    # a forecast of the indicators for a year: what a budget plan sets for the next year
    ("II. DỰ BÁO CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI 03 NĂM 2026 - 2028\n"
     "1. Dự báo các chỉ tiêu kinh tế - xã hội đến năm 2026\n"
     "- Tổng vốn đầu tư xã hội đạt khoảng 120.000 tỷ đồng.\n- Tổng số doanh nghiệp đạt khoảng 7.500 doanh nghiệp.",
     [(120000.0, "tỷ đồng", 2026), (7500.0, "doanh nghiệp", 2026)]),
    # a plan for a period, its heading wrapped before the years; the bullets without a value are work, not targets
    ("II. NỘI DUNG THỰC HIỆN\n2. Kế hoạch phát triển giai đoạn\n2026 - 2030\n"
     "- Lắp đặt các trạm quan trắc: bảo đảm số liệu liên tục và chính xác.\n"
     "+ Xây dựng mới trạm quan trắc: 40 trạm;",
     [(40.0, "trạm", 2030)]),
    # a bracket that lists the parts of a value: each part is a target of its own
    ("II. MỤC TIÊU ĐẾN NĂM 2030\n+ Xây dựng mới trường học: 30 trường (Trong đó: huyện A: 12 trường, huyện B: "
     "18 trường);",
     [(30.0, "trường", 2030), (12.0, "trường", 2030), (18.0, "trường", 2030)]),
]


@pytest.mark.parametrize("text, expected", BLOCKS)
def test_blocks_that_set_values(text: str, expected: list) -> None:
    facts = facts_of(text)
    assert [(t.value, t.unit, t.year) for t in facts.targets if t.value is not None] == expected
    assert all(t.value is not None for t in facts.targets)


def test_a_plan_heading_keeps_the_years_of_its_period() -> None:
    facts = facts_of("II. NỘI DUNG THỰC HIỆN\n2. Kế hoạch phát triển giai đoạn\n2026 - 2030\n- Trồng mới 500 ha rừng.")
    assert [s.heading for s in facts.sections if s.heading.startswith("Kế hoạch")] == \
        ["Kế hoạch phát triển giai đoạn 2026 - 2030"]


def test_what_a_task_strives_for_is_a_target_with_or_without_a_year() -> None:
    text = ("KẾ HOẠCH\nII. NỘI DUNG THỰC HIỆN\n1. Sở Y tế\na) Chủ trì, phối hợp với các sở tăng cường công tác dân số "
            "trong tình hình mới, cụ thể: Phấn đấu tỷ lệ trẻ em dưới 15 tuổi đạt khoảng 22%; tỷ lệ người từ 65 tuổi "
            "trở lên đạt khoảng 12%; giảm 50% số cặp tảo hôn.\nb) Tổ chức sơ kết 05 mô hình điểm.")
    got = [(t.value, t.unit, t.comparator, t.year, t.indicator_label) for t in facts_of(text, "plan").targets]
    assert got == [(22.0, "%", "about", None, "Tỷ lệ trẻ em dưới 15 tuổi"),
                   (12.0, "%", "about", None, "Tỷ lệ người từ 65 tuổi"),
                   (50.0, "%", "equals", None, "Số cặp tảo hôn")]


def test_a_dateline_broken_over_two_lines_is_not_the_horizon() -> None:
    text = ("ỦY BAN NHÂN DÂN TỈNH A\nSố: 12/KH-UBND\nA, ngày 21\ntháng 11 năm 2025\nKẾ HOẠCH\n"
            "Thực hiện công tác dân số\nI. MỤC TIÊU\n- Tỷ lệ phụ thuộc chung đạt khoảng 51%.")
    assert [(t.value, t.year) for t in facts_of(text, "plan").targets] == [(51.0, None)]


def test_a_review_states_what_is_planned_ahead_not_what_was_done() -> None:
    text = ("BÁO CÁO\nII. KẾT QUẢ THỰC HIỆN\n1. Về hạ tầng số\n- Hiện có 11.591 trạm 5G. Các doanh nghiệp dự kiến "
            "đến hết năm 2025 số trạm 5G đạt 68.457 trạm, phủ sóng 90% dân số; "
            "với mục tiêu phủ sóng 99% dân số vào năm 2030.\n"
            "- Năm 2024 đã phủ sóng 85% dân số.")
    got = [(t.value, t.unit, t.year, t.indicator_label) for t in facts_of(text, "report").targets]
    assert got == [(68457.0, "trạm", 2025, "Số trạm 5G"), (90.0, "%", 2025, "Tỷ lệ dân số được phủ sóng"),
                   (99.0, "%", 2030, "Tỷ lệ dân số được phủ sóng")]


def test_a_resources_section_gives_its_need_and_its_sources() -> None:
    text = ("KẾ HOẠCH\nThực hiện quy hoạch đến năm 2030\nII. NỘI DUNG CHỦ YẾU\n3. Kế hoạch sử dụng đất\n"
            "a) Tổng hợp nhu cầu sử dụng đất của mạng lưới đến năm 2030 dự kiến là 1.250.000 m2 (diện tích cụ thể "
            "sẽ được xác định trong từng dự án).\n4. Nguồn lực thực hiện quy hoạch\n"
            "Nhu cầu vốn đầu tư của mạng lưới dự kiến khoảng 5.000 tỷ đồng.\n"
            "Trong đó, tỷ lệ vốn ngân sách nhà nước dự kiến: 80%-85% tổng vốn đầu tư.\n"
            "- Xây dựng nhà thi đấu với kinh phí 200 tỷ đồng.")
    got = [(t.value, t.unit, t.year) for t in facts_of(text, "plan").targets]
    assert got == [(1250000.0, "m2", 2030), (5000.0, "tỷ đồng", 2030), (80.0, "%", 2030)]
