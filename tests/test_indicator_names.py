"""Indicator names: what is measured, ending where its noun phrase ends, never at a fixed length or inside a word."""

import pytest

from extract.agencies import slug
from extract.indicators import identify
from extract.quantities import quantities
from tests.conftest import facts_of


def _name(clause: str) -> str:
    return identify(clause, quantities(clause, counts=True)[0])[1]


# Snippets written for these tests: (clause, name).
@pytest.mark.parametrize("clause, name", [
    # thirteen words: the name goes on to the end of its phrase ("… trong GDP"), not to a twelfth word
    ("Tỷ trọng giá trị tăng thêm của khu vực dịch vụ trong GDP đạt 6,65%",
     "Tỷ trọng giá trị tăng thêm của khu vực dịch vụ trong GDP"),
    # a phrase that ends on a word opening another ("… tại", "… của") is cut before it
    ("Hoàn thành 35 trạm 5G tại", "Trạm 5G"),
    # a bare "tỷ lệ" right before the value is the share of what comes before it
    ("Giải quyết hồ sơ trực tuyến đạt tỷ lệ 91,67%", "Tỷ lệ giải quyết hồ sơ trực tuyến"),
])
def test_a_name_ends_where_its_phrase_ends(clause: str, name: str) -> None:
    assert _name(clause) == name


def test_a_sentence_as_a_name_is_cut_where_a_phrase_opens() -> None:
    text = ("II. MỤC TIÊU\nĐến năm 2030:\n- Xây dựng và hoàn thiện cơ sở hạ tầng số đồng bộ, hiện đại, an toàn phục vụ "
            "tổ chức vận hành thị trường các-bon trong nước và kết nối với thị trường khu vực.")
    (target,) = facts_of(text).targets
    words = target.indicator_label.split()
    assert 4 <= len(words) <= 20
    assert target.indicator_label.startswith("Xây dựng và hoàn thiện cơ sở hạ tầng số")
    assert words[-1] not in {"phục", "tổ", "trong", "và", "với", "các"}  # not inside a phrase, not dangling


def test_a_long_indicators_id_is_cut_between_words() -> None:
    clause = ("Tỷ lệ hồ sơ thủ tục hành chính liên quan đến doanh nghiệp được tiếp nhận và giải quyết hoàn toàn trực "
              "tuyến đạt 80%")
    ind, name = identify(clause, quantities(clause)[0])
    assert len(ind) <= 64
    assert slug(name.removeprefix("Tỷ lệ ")).startswith(ind.removeprefix("ind-") + "-")
