import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.normalize import fold_text, normalize


@pytest.mark.parametrize("raw, expected", [
    ("hoà bình", "hòa bình"),
    ("Hoà", "Hòa"),
    ("hoá học", "hóa học"),
    ("Uỷ ban", "Ủy ban"),
    ("thuỷ lợi", "thủy lợi"),
    ("khoẻ", "khỏe"),
    ("quý", "quý"),  # "qu" is a consonant: nothing to move
    ("hoàn thành", "hoàn thành"),  # closed syllable: both styles agree
    ("pháp luật hoặc", "pháp luật hoặc"),
    (unicodedata.normalize("NFD", "Bộ Kế hoạch và Đầu tư"), "Bộ Kế hoạch và Đầu tư"),
    ("kinh tế – xã hội", "kinh tế - xã hội"),
])
def test_fold_text(raw: str, expected: str) -> None:
    assert fold_text(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("Quyết định số 749/QĐ-\n\nTTg ngày 03 tháng 6", "Quyết định số 749/QĐ-TTg ngày 03 tháng 6"),
    ("phối hợp với Bộ Tài chính và các \n\nbộ, ngành liên quan.",
     "phối hợp với Bộ Tài chính và các bộ, ngành liên quan."),
    ("trên cơ sở \n\nhttps://thuvienphapluat.vn/van-ban/x.aspx\n\n14\n\nđó.", "trên cơ sở đó."),
    ("[bookmark: _Toc1]III. NHIỆM VỤ", "III. NHIỆM VỤ"),
    ("## **II. VỀ TÌNH HÌNH**", "II. VỀ TÌNH HÌNH"),
    ("1. Bộ Kế hoạch và Đầu tư\n\n- Theo dõi", "1. Bộ Kế hoạch và Đầu tư\n- Theo dõi"),
    ("15. Bộ Giao thông vận tải\n\nỨng dụng công nghệ", "15. Bộ Giao thông vận tải\nỨng dụng công nghệ"),
    # the gazette's running header, of a single and of a double issue, is page furniture
    ("- Xây dựng trung tâm \nCÔNG BÁO/Số 238/Ngày 21-04-2026\ndữ liệu quốc gia.",
     "- Xây dựng trung tâm dữ liệu quốc gia."),
    ("- Xây dựng trung tâm \nCÔNG BÁO/Số 1091 + 1092/Ngày 03-11-2023\ndữ liệu quốc gia.",
     "- Xây dựng trung tâm dữ liệu quốc gia."),
])
def test_normalize_lines(raw: str, expected: str) -> None:
    assert normalize(raw).text == expected


def test_footnotes_are_kept_as_notes() -> None:
    raw = "Chỉ số GII[footnoteRef:2] thuộc nhóm 3. [2:  Năm 2019 xếp thứ 42] \nDòng sau"
    norm = normalize(raw)
    assert "footnote" not in norm.text and "xếp thứ 42" not in norm.text
    assert [(n.label, n.text) for n in norm.notes] == [("2", "Năm 2019 xếp thứ 42")]
    assert raw[norm.notes[0].start:norm.notes[0].end] == "Năm 2019 xếp thứ 42"


def test_offsets_map_nfd_text_back() -> None:
    raw = unicodedata.normalize("NFD", "Giao Bộ Công an chủ trì")
    norm = normalize(raw)
    start = norm.text.index("Bộ Công an")
    assert unicodedata.normalize("NFC", norm.quote(start, start + len("Bộ Công an"))) == "Bộ Công an"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("aàăâbcdđeêoôơuưy hoàỦỷ\n\t-+.;:()[]0123456789#*") +
                                ["\u0300", "\u0301", "[bookmark: x]", "[footnoteRef:1]", "Bộ Công an"]),
                max_size=80).map("".join),
       st.integers(0, 200), st.integers(0, 200))
def test_every_span_maps_to_original(raw: str, a: int, b: int) -> None:
    norm = normalize(raw)
    assert len(norm.omap) == len(norm.text) + 1
    s, e = sorted((min(a, len(norm.text)), min(b, len(norm.text))))
    os_, oe = norm.span(s, e)
    assert 0 <= os_ <= oe <= len(raw)
    assert norm.quote(s, e) == raw[os_:oe]
    assert unicodedata.normalize("NFC", norm.text) == norm.text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_extractor_never_raises(raw: str) -> None:
    from tests.conftest import facts_of
    facts = facts_of(raw)
    for t in facts.tasks:
        assert raw[t.evidence.start:t.evidence.end] == t.evidence.quote


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(list("ab đ,.;()/-%&\n\t 12") + ["52-NQ/TW", "12,66", "KH&ĐT"]),
                max_size=40).map("".join))
def test_tokenizer_keeps_text_exact(text: str) -> None:
    from extract.nlp import pipeline
    assert pipeline().make_doc(text).text == text


def test_a_short_item_goes_on_where_it_cannot_end() -> None:
    text = ("b) Nghiên cứu, bổ sung cơ chế tài chính cho Quỹ\nĐầu tư mạo hiểm quốc gia hỗ trợ doanh nghiệp.\n"
            "c) Bố trí kinh phí từ Chương trình vươn ra thị trường quốc tế và\nChương trình Xúc tiến thương mại.\n"
            "4. Phát triển thương hiệu số\nBộ Công Thương chủ trì.\n")
    assert normalize(text).text.split("\n") == [
        "b) Nghiên cứu, bổ sung cơ chế tài chính cho Quỹ Đầu tư mạo hiểm quốc gia hỗ trợ doanh nghiệp.",
        "c) Bố trí kinh phí từ Chương trình vươn ra thị trường quốc tế và Chương trình Xúc tiến thương mại.",
        "4. Phát triển thương hiệu số", "Bộ Công Thương chủ trì."]


def test_a_heading_that_reached_the_wrap_width_runs_on() -> None:
    import textwrap
    body = textwrap.wrap("Bộ Y tế chủ trì rà soát các quy định về khám bệnh, chữa bệnh bảo hiểm y tế và đề xuất "
                         "sửa đổi các thông tư hướng dẫn cho phù hợp với thực tiễn. " * 12, 66)
    head = ["5. Đa dạng, mở rộng các nguồn thu, bảo đảm bền vững và phát triển hơn",
            "Quỹ bảo hiểm y tế để mở rộng quyền lợi."]
    short = ["6. Kinh phí thực hiện", "Ngân sách nhà nước bảo đảm theo phân cấp."]
    lines = normalize("\n".join([*body, *head, *short])).text.split("\n")
    assert lines[-3:] == [" ".join(head), *short]  # a short heading stays a line of its own


# A legal-document site's page: its frame (copyright, metadata table) above the document, its page title,
# "no English text" notice and related documents (with their dates and a decree of its own) after it.
SITE_PAGE = """|
Bản dịch này thuộc quyền sở hữu của trang.
**Số hiệu:**
|
88/TB-VPCP
|
**Nơi ban hành:**
|
Văn phòng Chính phủ
|
**Tình trạng:**
|
Đã biết
|
|
**THÔNG BÁO**
1. Bộ Tài chính chủ trì rà soát các dự án.
2. Bộ Xây dựng báo cáo trước ngày 15/12/2025.
|
Thông báo 88/TB-VPCP năm 2025 kết luận của Thủ tướng Chính phủ
Văn bản này chưa cập nhật nội dung Tiếng Anh
## Văn bản liên quan
Ban hành:
06/11/2025
Nghị định 13/2023/NĐ-CP về Bảo vệ dữ liệu cá nhân yêu cầu xác nhận sự đồng ý của thành viên.
"""


def test_a_web_page_keeps_the_document_without_the_site_text_around_it() -> None:
    norm = normalize(SITE_PAGE)
    assert norm.text.startswith("|\n|\nTHÔNG BÁO\n1. Bộ Tài chính")
    assert norm.text.endswith("trước ngày 15/12/2025.\n|")
    at = norm.text.index("Bộ Xây dựng")
    assert norm.quote(at, at + 11) == "Bộ Xây dựng"
