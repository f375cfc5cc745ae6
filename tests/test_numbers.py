"""Numbers as Vietnamese documents print them, including misprints that must not stop extraction."""

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

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


_BEFORE = st.lists(st.sampled_from(["a", "b", " ", "\t", "\n", "\u00a0", "\u2003", "tổ", "thôn", "từ", "năm",
                                     "Quyết định", "khu phố", "CMCN", "tổ dân phố", "xtừ"]), max_size=30).map("".join)


@given(_BEFORE, st.integers(min_value=0, max_value=90))
def test_the_words_before_a_value_read_backwards_are_those_of_the_text_before_it(text, end) -> None:
    """`quantities` reads the words before a value from its end (a 2 MB line was copied once per value): the
    last word and every end-anchored test give what they give on the whole text before the value."""
    from extract import quantities as q
    end = min(end, len(text))
    assert q._last_word(text, end) == (text[:end].split() or [""])[-1]
    for pattern in (q._PLACE_NUMBER_RE, q._NOT_COUNT_BEFORE_RE, re.compile(r"\btừ\s*$")):
        assert bool(pattern.search(q._tail(text, end, 12))) == bool(pattern.search(text[:end]))


def test_a_long_line_of_values_is_read_in_linear_time() -> None:
    """A one-line text of values: four times the line costs about four times the time, not sixteen.

    The best of three CPU times per length, and a bound half-way between linear and quadratic, keep
    the check steady on a loaded machine."""
    import time
    line = "Năm 2025 đạt 95 % số xã, tổ 5 có 12 hộ, từ 30 tấn trở lên, CMCN 4.0 và 02 Quyết định phê duyệt. "
    times = []
    for n in (300, 1200):
        runs = []
        for _ in range(3):
            start = time.process_time()
            quantities(line * n, counts=True, titled=True)
            runs.append(time.process_time() - start)
        times.append(min(runs))
    assert times[1] < 8 * times[0] + 0.05, times
