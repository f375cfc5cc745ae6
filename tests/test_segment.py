import pytest

from extract.normalize import normalize
from extract.segment import classify, segment


@pytest.mark.parametrize("line, style, label", [
    ("IV. NHIỆM VỤ, GIẢI PHÁP", "roman", "IV"),
    ("1. Bộ Kế hoạch và Đầu tư", "num", "1"),
    ("2.1.3. Phát triển nguồn nhân lực", "num", "2.1.3"),
    ("a) Bộ Kế hoạch và Đầu tư là cơ quan đầu mối", "letter", "a"),
    ("đ) Tạo điều kiện phát triển", "letter", "đ"),
    ("a. Mục tiêu tổng quát", "letter", "a"),
    ("5) Thống nhất giao cho", "paren", "5"),
    ("Điều 1. Phê duyệt Đề án", "article", "1"),
    ("Phụ lục I: DANH MỤC NHIỆM VỤ TRIỂN KHAI", "appendix", "I"),
])
def test_classify(line: str, style: str, label: str) -> None:
    head = classify(line)
    assert head is not None and (head.style, head.label) == (style, label)


@pytest.mark.parametrize("line", ["- Theo dõi, đánh giá", "+ Bộ Khoa học", "Năm 2020, chỉ số", "2025. Tiếp theo"])
def test_not_headings(line: str) -> None:
    assert classify(line) is None


def test_section_ids_on_the_seeds(originals: dict[str, str]) -> None:
    ids = {k: {s.id for s in segment(normalize(t).text)[0]} for k, t in originals.items()}
    assert {f"IV.{n}" for n in range(1, 21)} <= ids["000"] and "V.1.a" in ids["000"]
    assert {f"IV.{n}" for n in range(1, 18)} <= ids["001"]  # item 13 hides behind a bookmark
    assert {"IV.4.2.3.5", "IV.4.2.4.1", "IV.4.2.6", "III.3.4"} <= ids["003"]  # markdown levels ignored
    assert {"D1.V.1.a", "D1.V.8.g", "PLI"} <= ids["004"]


def test_paragraph_after_bullet_continues_it() -> None:
    text = "1. Bộ Xây dựng\n- Nghiên cứu ứng dụng công nghệ vệ tinh.\nHướng dẫn các địa phương.\n- Triển khai đề án."
    _, items = segment(normalize(text).text)
    assert [i.text.split("\n")[0] for i in items] == ["- Nghiên cứu ứng dụng công nghệ vệ tinh.", "- Triển khai đề án."]
