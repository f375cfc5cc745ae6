"""Directives, letters and notices: agency headings, addressees and openings own the items below them."""

from __future__ import annotations

import pytest

from extract.letters import addressees, closing_start, letter_owners, opening_end
from extract.pipeline import extract_text, meta_from_text

DIRECTIVE = """THỦ TƯỚNG CHÍNH PHỦ
Số: 15/CT-TTg
Hà Nội, ngày 4 tháng 6 năm 2024
CHỈ THỊ
Về tăng cường quản lý khoáng sản
Thời gian qua, công tác quản lý khoáng sản đã đạt nhiều kết quả; tuy nhiên vẫn còn tình trạng khai thác trái phép.
Để khắc phục tình trạng trên, Thủ tướng Chính phủ chỉ thị:
1. Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:
a) Tăng cường công tác tuyên truyền, phổ biến pháp luật về khoáng sản.
b) Kiểm tra, xử lý nghiêm các vi phạm trong hoạt động khai thác khoáng sản.
2. Bộ Công Thương:
a) Rà soát quy hoạch thăm dò, khai thác khoáng sản làm vật liệu.
b) Chủ trì, phối hợp với Bộ Xây dựng hướng dẫn sử dụng khoáng sản tiết kiệm.
3. Bộ Tài chính chủ trì, phối hợp với các bộ, ngành bố trí kinh phí thực hiện Chỉ thị này.
4. Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:
- Chỉ đạo các sở, ngành kiểm tra hoạt động khoáng sản trên địa bàn.
- Báo cáo kết quả thực hiện trước ngày 15 tháng 12 hằng năm.
5. Tổng kết việc thực hiện Chỉ thị vào năm 2030.
6. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Chủ tịch Ủy ban nhân dân các tỉnh chịu trách nhiệm thi hành Chỉ thị này./.
Nơi nhận:
- Ban Bí thư Trung ương Đảng;
- Lưu: VT, CN.
"""

LETTER = """ỦY BAN NHÂN DÂN TỈNH LÀO CAI
Số: 512/UBND-NLN
V/v tăng cường phòng cháy, chữa cháy rừng mùa khô năm 2026
Lào Cai, ngày 2 tháng 3 năm 2026

Kính gửi:
- Sở Nông nghiệp và Môi trường;
- Công an tỉnh;
- Ủy ban nhân dân các xã, phường.

Thực hiện Chỉ thị số 12/CT-TTg ngày 5 tháng 2 năm 2026 của Thủ tướng Chính phủ, Ủy ban nhân dân tỉnh yêu cầu \
các cơ quan, đơn vị thực hiện các nội dung sau:
1. Tăng cường công tác tuyên truyền về phòng cháy, chữa cháy rừng đến từng thôn, bản.
2. Tổ chức kiểm tra, rà soát phương án chữa cháy rừng trên địa bàn.
3. Công an tỉnh chủ trì điều tra, xử lý nghiêm các vụ vi phạm gây cháy rừng.
Yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện./.
Nơi nhận:
- Như trên;
- Chủ tịch, các PCT UBND tỉnh;
- Lưu: VT, NLN.
"""

BULLETS = """BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
Số: 9400/BNNMT-LN
V/v triển khai trồng rừng thay thế
Hà Nội, ngày 12 tháng 11 năm 2025
Kính gửi: Ủy ban nhân dân tỉnh Lào Cai.
Bộ Nông nghiệp và Môi trường nhận được văn bản số 15/UBND-NLN của Ủy ban nhân dân tỉnh Lào Cai về việc trồng \
rừng thay thế. Bộ Nông nghiệp và Môi trường đề nghị Ủy ban nhân dân tỉnh Lào Cai chỉ đạo thực hiện một số nội dung sau:
- Rà soát diện tích rừng chuyển mục đích sử dụng trên địa bàn tỉnh.
- Xây dựng phương án trồng rừng thay thế, gửi Bộ Nông nghiệp và Môi trường trước ngày 30 tháng 12 năm 2025.
- Báo cáo kết quả thực hiện về Bộ Nông nghiệp và Môi trường.
Bộ Nông nghiệp và Môi trường đề nghị Ủy ban nhân dân tỉnh quan tâm, chỉ đạo thực hiện./.
Nơi nhận:
- Như trên;
- Lưu: VT, LN.
"""

NOTICE = """VĂN PHÒNG CHÍNH PHỦ
Số: 120/TB-VPCP
Hà Nội, ngày 20 tháng 3 năm 2025
THÔNG BÁO
Kết luận của Phó Thủ tướng Chính phủ tại cuộc họp về dự án đường sắt
Ngày 15 tháng 3 năm 2025, Phó Thủ tướng Chính phủ chủ trì cuộc họp về dự án đường sắt. Sau khi nghe báo cáo, \
Phó Thủ tướng Chính phủ kết luận như sau:
1. Đánh giá cao sự chủ động của các cơ quan trong thời gian qua.
2. Giao Bộ Xây dựng chủ trì, phối hợp với các cơ quan liên quan:
a) Hoàn thiện hồ sơ dự án, trình cấp có thẩm quyền trong tháng 4 năm 2025.
b) Đôn đốc các nhà thầu bảo đảm tiến độ thi công.
3. Đề nghị Ủy ban nhân dân tỉnh Lào Cai đẩy nhanh công tác giải phóng mặt bằng.
Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.
Nơi nhận:
- Bộ Xây dựng;
- Lưu: VT, CN.
"""

HEADS = "các bộ, cơ quan ngang bộ, cơ quan thuộc chính phủ"
PROVINCES = "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"


def tasks_of(text: str) -> list[tuple[str, str | None, tuple[str, ...]]]:
    facts = extract_text(text, meta_from_text("x", "x.txt", text))
    return [(t.text[:30], t.owner, t.owners) for t in facts.tasks]


def test_a_directives_agency_headings_own_their_items() -> None:
    assert tasks_of(DIRECTIVE) == [
        ("Tăng cường công tác tuyên truy", HEADS, (HEADS, PROVINCES)),
        ("Kiểm tra, xử lý nghiêm các vi ", HEADS, (HEADS, PROVINCES)),
        ("Rà soát quy hoạch thăm dò, kha", "Bộ Công Thương", ("Bộ Công Thương",)),
        ("Chủ trì, phối hợp với Bộ Xây d", "Bộ Công Thương", ("Bộ Công Thương",)),
        ("Bộ Tài chính chủ trì, phối hợp", "Bộ Tài chính", ("Bộ Tài chính",)),
        ("Chỉ đạo các sở, ngành kiểm tra", PROVINCES, (PROVINCES,)),
        ("Báo cáo kết quả thực hiện trướ", PROVINCES, (PROVINCES,)),
        ("Tổng kết việc thực hiện Chỉ th", None, ()),  # a direction that names nobody
    ]  # not the preamble, not "… chịu trách nhiệm thi hành Chỉ thị này", not "Nơi nhận"


def test_a_letters_addressees_own_the_items_its_opening_gives_to_everyone() -> None:
    sở, công_an, xã = ("Sở Nông nghiệp và Môi trường tỉnh Lào Cai", "Công an tỉnh Lào Cai",
                       "Ủy ban nhân dân cấp xã")
    assert tasks_of(LETTER) == [
        ("Tăng cường công tác tuyên truy", sở, (sở, công_an, xã)),
        ("Tổ chức kiểm tra, rà soát phươ", sở, (sở, công_an, xã)),
        ("Công an tỉnh chủ trì điều tra,", công_an, (công_an,)),
    ]  # the closing "Yêu cầu … nghiêm túc thực hiện./." is no task


def test_a_letters_opening_names_the_owner_of_its_bullets() -> None:
    ubnd = "Ủy ban nhân dân tỉnh Lào Cai"
    assert tasks_of(BULLETS) == [
        ("Rà soát diện tích rừng chuyển ", ubnd, (ubnd,)),
        ("Xây dựng phương án trồng rừng ", ubnd, (ubnd,)),
        ("Báo cáo kết quả thực hiện về B", ubnd, (ubnd,)),
    ]
    facts = extract_text(BULLETS, meta_from_text("x", "x.txt", BULLETS))
    last = facts.tasks[-1]
    assert last.evidence.quote == "Báo cáo kết quả thực hiện về Bộ Nông nghiệp và Môi trường."  # closing cut off
    assert facts.tasks[1].deadline == "trước ngày 30 tháng 12 năm 2025"


def test_a_notice_gives_each_item_to_the_body_it_names() -> None:
    assert tasks_of(NOTICE) == [
        ("Hoàn thiện hồ sơ dự án, trình ", "Bộ Xây dựng", ("Bộ Xây dựng",)),
        ("Đôn đốc các nhà thầu bảo đảm t", "Bộ Xây dựng", ("Bộ Xây dựng",)),
        ("Đề nghị Ủy ban nhân dân tỉnh L", "Ủy ban nhân dân tỉnh Lào Cai", ("Ủy ban nhân dân tỉnh Lào Cai",)),
    ]  # "Đánh giá cao …" assesses, the closing "… biết, thực hiện./." informs


def test_an_opening_that_names_one_body_wins_over_the_addressees() -> None:
    text = LETTER.replace("yêu cầu các cơ quan, đơn vị thực hiện", "giao Công an tỉnh thực hiện")
    assert "giao Công an tỉnh thực hiện các nội dung sau:" in text
    owners = {owner for _, owner, _ in tasks_of(text)}
    assert owners == {"Công an tỉnh Lào Cai"}
    assert opening_end(text, len(text)) == text.index("sau:\n") + 4
    assert letter_owners("Kính gửi: các bộ.\nĐề nghị thực hiện:\n", [], 10) == []
    assert addressees("Không có dòng kính gửi.", [], 20) == []


@pytest.mark.parametrize(("body", "cut"), [
    ("Yêu cầu các cơ quan, đơn vị nghiêm túc thực hiện./.", 0),
    ("Văn phòng Chính phủ thông báo để các cơ quan biết, thực hiện./.", 0),
    ("Báo cáo kết quả. Bộ X đề nghị Ủy ban nhân dân tỉnh quan tâm, chỉ đạo thực hiện./.", 16),
    ("Sở Tài chính tổng hợp, báo cáo Ủy ban nhân dân tỉnh trước ngày 15/12./.", None),
    ("Giao Sở Nội vụ tổ chức thực hiện./.", None),
])
def test_the_closing_formula_of_a_letter(body: str, cut: int | None) -> None:
    assert closing_start(body) == cut
