"""Numbers as Vietnamese documents print them, including misprints that must not stop extraction."""

import pytest

from extract.pipeline import extract_text, meta_from_text
from extract.quantities import parse_number, quantities, well_formed


@pytest.mark.parametrize("text, value", [
    ("12,66", 12.66), ("300.000", 300000), ("3.094,17", 3094.17), ("1.000.000", 1000000), ("0,002", 0.002),
    ("1.5", 1.5), ("12", 12),
])
def test_well_formed_numbers_parse(text, value) -> None:
    assert well_formed(text)
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["5.378.7000.000", "1.000,5.3", "12,,5", "1.00.000"])
def test_misprinted_numbers_are_not_values(text) -> None:
    assert not well_formed(text)
    assert quantities(f"đạt {text} đồng") == []


def test_a_report_with_a_misprinted_amount_is_extracted() -> None:
    text = ("ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\nSố: 12/BC-UBND\nBÁO CÁO\nKết quả thực hiện năm 2025\n"
            "I. KẾT QUẢ ĐẠT ĐƯỢC\n1. Năm 2025 thu ngân sách đạt 5.378.7000.000 đồng, tỷ lệ hộ gia đình "
            "có kết nối internet đạt 82,5%.\n")
    facts = extract_text(text, meta_from_text("bc", "bc.txt", text, {}))
    assert all(o.value != 5378.7 and o.value < 1e9 for o in facts.observations)
    assert [q.value for q in quantities("thu ngân sách đạt 5.378.7000.000 đồng")] == []
