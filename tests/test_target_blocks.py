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
