"""Header metadata from every header layout of the genre."""

import pytest

from extract.metadata import from_header

TWO_COLUMNS = """ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
       TỈNH HÀ GIANG                       Độc lập - Tự do - Hạnh phúc

      Số: 134 /KH-UBND                   Hà Giang, ngày 7 tháng 5 năm 2021

                                KẾ HOẠCH
  Thực hiện Nghị quyết số 50/NQ-CP ngày 17/4/2020
 về chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư

      Căn cứ Nghị định số 35/2022/NĐ-CP ngày 28 tháng 5 năm 2022 của Chính phủ;
"""

PIPES = """| BỘ KẾ HOẠCH VÀ ĐẦU TƯ ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc --- |
| --- | --- |
| Số: 7260/BKHĐT-QLKTTW | *Hà Nội, ngày 10 tháng 9 năm 2024* |
KẾ HOẠCH
TRIỂN KHAI CHỈ THỊ SỐ 13/CT-TTG VỀ TÍN CHỈ CÁC-BON
"""

MARKDOWN = """# Quyết định phê duyệt Chương trình (tiêu đề của kho)
749/QĐ-TTg — còn hiệu lực

**THỦ TƯỚNG CHÍNH PHỦ**

**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**

Số: 749/QĐ-TTg

Hà Nội, ngày 03 tháng 6 năm 2020

**QUYẾT ĐỊNH**

Phê duyệt "Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030"

**THỦ TƯỚNG CHÍNH PHỦ**

Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;
"""

JOINED = """THỦ TƯỚNG CHÍNH PHỦ   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 2289/QĐ-TTg     Hà Nội, ngày 31 tháng 12 năm 2020
QUYẾT ĐỊNH
BAN HÀNH CHIẾN LƯỢC QUỐC GIA VỀ CÁCH MẠNG
CÔNG NGHIỆP LẦN THỨ TƯ ĐẾN NĂM 2030
"""

DRAFT = """BỘ THÔNG TIN VÀ TRUYỀN THÔNG
DỰ THẢO
Số:     /QĐ-TTg
Hà Nội, ngày   tháng   năm 2020
QUYẾT ĐỊNH
Phê duyệt Đề án Chuyển đổi số quốc gia
"""

ONE_SPACE = """# CHÍNH PHỦ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 03/NQ-CP
Hà Nội, ngày 09 tháng 01 năm 2025

# NGHỊ QUYẾT
## Ban hành Chương trình hành động của Chính phủ

# CHÍNH PHỦ
"""

WIDE = """ỦY BAN NHÂN DÂN                                  TỈNH LÀO CAI |  | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số:           /KH-UBND |  | Lào Cai, ngày       tháng      năm 2026

KẾ HOẠCH
Triển khai thực hiện Chỉ thị số 11-CT/TU
"""

SIGNER = """| BỘ NÔNG NGHIỆP VÀ  MÔI TRƯỜNG ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |
| Số: 2200/QĐ-BNNMT | *Hà Nội, ngày 10 tháng 6 năm 2026* |
QUYẾT ĐỊNH
BAN HÀNH KẾ HOẠCH THỰC HIỆN NGHỊ ĐỊNH SỐ 180/2026/NĐ-CP CỦA CHÍNH PHỦ
BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
"""

DEPARTMENT = """ỦY BAN NHÂN DÂN TỈNH LÀO CAI
SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG
CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số:         /BC-SNNMT
Lào Cai, ngày        tháng      năm 2026
BÁO CÁO
Tình hình thực hiện kế hoạch năm 2025
"""

REPORT = """BÁO CÁO TÓM TẮT
Tình hình thực hiện Quyết định số 2289/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ
Bộ Kế hoạch và Đầu tư báo cáo như sau:
"""


@pytest.mark.parametrize("text, kind, status, number, issuer, date, title", [
    (TWO_COLUMNS, "plan", "final", "134/KH-UBND", "Ủy ban nhân dân tỉnh Hà Giang", "2021-05-07",
     "Kế hoạch thực hiện Nghị quyết số 50/NQ-CP ngày 17/4/2020 về chủ động tham gia cuộc Cách mạng công nghiệp "
     "lần thứ tư"),
    (PIPES, "plan", "final", "7260/BKHĐT-QLKTTW", "Bộ Kế hoạch và Đầu tư", "2024-09-10",
     "Kế hoạch triển khai Chỉ thị số 13/CT-TTG về tín chỉ các-bon"),
    (MARKDOWN, "decision", "final", "749/QĐ-TTg", "Thủ tướng Chính phủ", "2020-06-03",
     'Quyết định phê duyệt "Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030"'),
    (JOINED, "decision", "final", "2289/QĐ-TTg", "Thủ tướng Chính phủ", "2020-12-31",
     "Quyết định ban hành chiến lược quốc gia về cách mạng công nghiệp lần thứ tư đến năm 2030"),
    (DRAFT, "decision", "draft", None, "Bộ Thông tin và Truyền thông", "2020",  # the year the blank dateline keeps
     "Quyết định phê duyệt Đề án Chuyển đổi số quốc gia"),
    (ONE_SPACE, "resolution", "final", "03/NQ-CP", "Chính phủ", "2025-01-09",
     "Nghị quyết ban hành Chương trình hành động của Chính phủ"),
    (WIDE, "plan", "final", None, "Ủy ban nhân dân tỉnh Lào Cai", "2026",
     "Kế hoạch triển khai thực hiện Chỉ thị số 11-CT/TU"),
    (SIGNER, "decision", "final", "2200/QĐ-BNNMT", "Bộ Nông nghiệp và Môi trường", "2026-06-10",
     "Quyết định ban hành kế hoạch thực hiện Nghị định số 180/2026/NĐ-CP của Chính phủ"),
    (DEPARTMENT, "report", "final", None, "Sở Nông nghiệp và Môi trường tỉnh Lào Cai", "2026",
     "Báo cáo tình hình thực hiện kế hoạch năm 2025"),
    (REPORT, "report", "final", None, None, None, "Báo cáo tóm tắt"),  # 31/12/2020 is the cited decision's
])
def test_header_layouts(text, kind, status, number, issuer, date, title) -> None:
    got = from_header(text)
    assert (got["kind"], got["status"], got["number"], got["issuer"], got["date"], got["title"]) == (
        kind, status, number, issuer, date, title)


SIGNED_NOTE = """[Văn bản trích từ PDF ký số KH 57/KH-SCT ngày 12/3/2025; số và ngày nằm ở trường ký số.]
ỦY BAN NHÂN DÂN TỈNH HÀ GIANG
SỞ CÔNG THƯƠNG
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số:        /KH-SCT
Hà Giang, ngày      tháng 3 năm 2025
KẾ HOẠCH
Phát triển thương mại điện tử năm 2025
"""

PARTY_NOTE = """# NGHỊ QUYẾT SỐ 12-NQ/TU NGÀY 05/6/2024 CỦA TỈNH ỦY HÀ GIANG
TỈNH UỶ HÀ GIANG
*
Số         -NQ/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Giang, ngày        tháng 6 năm 2024
NGHỊ QUYẾT
về chuyển đổi số đến năm 2030, thực hiện Nghị quyết số 52-NQ/TW
ngày 27/9/2019 của Bộ Chính trị
"""

# The note names another document of the same series: not the document's own number.
OTHER_NOTE = """[Xem thêm Kế hoạch 40/KH-SCT ngày 02/01/2024 của Sở.]
SỞ CÔNG THƯƠNG
Số:        /KH-SCT
Hà Giang, ngày      tháng 3 năm 2025
KẾ HOẠCH
Phát triển thương mại điện tử năm 2025
"""


@pytest.mark.parametrize("text, number, issuer, date", [
    (SIGNED_NOTE, "57/KH-SCT", "Sở Công Thương tỉnh Hà Giang", "2025-03-12"),
    (PARTY_NOTE, "12-NQ/TU", "Tỉnh ủy Hà Giang", "2024-06-05"),  # not 27/9/2019, the cited resolution's
    (OTHER_NOTE, None, "Sở Công Thương", "2025-03"),  # the note's date disagrees: the dateline's month and year
])
def test_blank_number_from_a_note_above_the_header(text, number, issuer, date) -> None:
    got = from_header(text)
    assert (got["number"], got["issuer"], got["date"]) == (number, issuer, date)


PARTY = """BAN CHẤP HÀNH TRUNG ƯƠNG
*
Số 52-NQ/TW
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 27 tháng 9 năm 2019
NGHỊ QUYẾT
CỦA BỘ CHÍNH TRỊ
Về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng công nghiệp lần thứ tư
"""

PROVINCIAL_PARTY = """ĐẢNG BỘ TỈNH HÀ GIANG
TỈNH ỦY
*
Số 25-CT/TU
ĐẢNG CỘNG SẢN VIỆT NAM
Hà Giang, ngày 05 tháng 3 năm 2022
CHỈ THỊ
của Ban Thường vụ Tỉnh ủy về tăng cường lãnh đạo chuyển đổi số
"""

TABS = ("THỦ TƯỚNG CHÍNH PHỦ\t\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n-------\t\tĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 749/QĐ-TTg\t\tHà Nội, ngày 03 tháng 6 năm 2020\nQUYẾT ĐỊNH\n"
        "Phê duyệt Chương trình Chuyển đổi số quốc gia\n")

LETTER = """BỘ KẾ HOẠCH VÀ ĐẦU TƯ
-------
Số: 7260/BKHĐT-QLKTTW
V/v triển khai Quyết định số 2289/QĐ-TTg
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Hà Nội, ngày 10 tháng 9 năm 2024
Kính gửi: Các Bộ, cơ quan ngang Bộ
"""




HTML = ('<table><tr><td><p>ỦY BAN NHÂN DÂN TỈNH ĐẮK NÔNG<br/>SỞ THÔNG TIN VÀ TRUYỀN THÔNG</p></td>'
        '<td><p>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br/>Độc lập - Tự do - Hạnh phúc</p></td></tr>'
        '<tr><td>Số: 45/KH-STTTT</td><td><i>Đắk Nông, ngày 12 tháng 3 năm 2024</i></td></tr></table>\n'
        '<p align="center"><b>KẾ HOẠCH</b></p>\n<p align="center"><b>Chuyển đổi số năm 2024</b></p>\n')

PARTY_OF_A_BODY = """ĐẢNG BỘ TỈNH LÀO CAI
ĐẢNG ỦY ỦY BAN NHÂN DÂN TỈNH
*
Số 15-KH/ĐU
ĐẢNG CỘNG SẢN VIỆT NAM
Lào Cai, ngày 10 tháng 3 năm 2025
KẾ HOẠCH
thực hiện chuyển đổi số
"""


@pytest.mark.parametrize("text, kind, number, issuer, date, title", [
    # the Central Committee's header over a Politburo resolution: the title names its author
    (PARTY, "resolution", "52-NQ/TW", "Bộ Chính trị", "2019-09-27",
     "Nghị quyết của Bộ Chính trị về một số chủ trương, chính sách chủ động tham gia cuộc Cách mạng công "
     "nghiệp lần thứ tư"),
    # "ĐẢNG BỘ TỈNH X / TỈNH ỦY", a directive of its Standing Committee
    (PROVINCIAL_PARTY, "directive", "25-CT/TU", "Ban Thường vụ Tỉnh ủy Hà Giang", "2022-03-05",
     "Chỉ thị của Ban Thường vụ Tỉnh ủy về tăng cường lãnh đạo chuyển đổi số"),
    # the number and the dateline in one line (two columns joined by tabs)
    (TABS, "decision", "749/QĐ-TTg", "Thủ tướng Chính phủ", "2020-06-03",
     "Quyết định phê duyệt Chương trình Chuyển đổi số quốc gia"),
    # a letter has a subject line ("V/v …") instead of a kind and a title
    (LETTER, "letter", "7260/BKHĐT-QLKTTW", "Bộ Kế hoạch và Đầu tư", "2024-09-10",
     "Công văn về việc triển khai Quyết định số 2289/QĐ-TTg"),
    # an HTML header (converted web page); the Party committee of a body
    (HTML, "plan", "45/KH-STTTT", "Sở Thông tin và Truyền thông tỉnh Đắk Nông", "2024-03-12",
     "Kế hoạch chuyển đổi số năm 2024"),
    (PARTY_OF_A_BODY, "plan", "15-KH/ĐU", "Đảng ủy Ủy ban nhân dân tỉnh Lào Cai", "2025-03-10",
     "Kế hoạch thực hiện chuyển đổi số"),
])
def test_party_letter_and_html_headers(text, kind, number, issuer, date, title) -> None:
    got = from_header(text)
    assert (got["kind"], got["number"], got["issuer"], got["date"], got["title"]) == (kind, number, issuer, date, title)


UNIT_UNDER_BODY = """ĐẢNG CỘNG SẢN VIỆT NAM

**BAN CHẤP HÀNH TRUNG ƯƠNG**
**ĐẢNG ĐOÀN QUỐC HỘI**

Số 12-KH/ĐĐQH15

Hà Nội, ngày 03 tháng 02 năm 2025

**KẾ HOẠCH**
**thực hiện công tác thẩm tra dự án luật**
"""

OFFICE_OF_BODY = """**ĐẢNG ỦY CHÍNH PHỦ**
**VĂN PHÒNG**
Số 77-CV/VPĐU
V/v góp ý dự thảo báo cáo sơ kết

ĐẢNG CỘNG SẢN VIỆT NAM
Hà Nội, ngày 14 tháng 6 năm 2025
"""

WIDE_DATELINE = """    ỦY BAN NHÂN DÂN                 CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
      TỈNH YÊN BÁI                          Độc lập - Tự do - Hạnh phúc

    Số: 88 /QĐ-UBND                 Yên Bái, ngày    12   tháng 3 năm 2025

                                 QUYẾT ĐỊNH
     Ban hành Quy chế quản lý dữ liệu đất đai

     Căn cứ Nghị định số 10/2023/NĐ-CP ngày 03/4/2023 của Chính phủ;
"""

BLANK_DAY_CELLS = """UỶ BAN NHÂN DÂN TỈNH YÊN BÁI |  | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc
Số:           /BC-UBND |  | Yên Bái, ngày        tháng        năm 2025
BÁO CÁO
Kết quả thực hiện Chỉ thị số 20/CT-TTg ngày 08/7/2021 của Thủ tướng Chính phủ
"""

ATTACHED_PLAN = """            THỦ TƯỚNG CHÍNH PHỦ             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
                                                       Độc lập - Tự do - Hạnh phúc
                                     KẾ HOẠCH HÀNH ĐỘNG
                        Phòng, chống thiên tai giai đoạn 2026 - 2030
                               (Kèm theo Quyết định số 512/QĐ-TTg
                        Ngày 04 tháng 3 năm 2026 của Thủ tướng Chính phủ)
"""


@pytest.mark.parametrize("text, number, issuer, date", [
    (UNIT_UNDER_BODY, "12-KH/ĐĐQH15", "Đảng đoàn Quốc hội", "2025-02-03"),  # the lower line is the issuer
    (OFFICE_OF_BODY, "77-CV/VPĐU", "Văn phòng Đảng ủy Chính phủ", "2025-06-14"),  # a bare unit: the office of the body
    (WIDE_DATELINE, "88/QĐ-UBND", "Ủy ban nhân dân tỉnh Yên Bái", "2025-03-12"),  # wide spaces cut the dateline
    (BLANK_DAY_CELLS, None, "Ủy ban nhân dân tỉnh Yên Bái", "2025"),  # the blank dateline's year, not 08/7/2021
    (ATTACHED_PLAN, "512/QĐ-TTg", "Thủ tướng Chính phủ", "2026-03-04"),  # the attaching decision's
])
def test_issuer_units_datelines_and_attached_plans(text, number, issuer, date) -> None:
    got = from_header(text)
    assert (got["number"], got["issuer"], got["date"]) == (number, issuer, date)


# A conversion that lost the header: the preamble names issuer, kind and title; the caption keeps the year.
NO_HEADER = """# Public_512

Căn cứ Quyết định số 12/QĐ-UBND ngày 02/01/2025 của UBND thành phố Hải Phòng; Sở Công Thương ban hành \
Kế hoạch phát triển thương mại điện tử thành phố Hải Phòng năm 2025 như sau:

I. MỤC ĐÍCH, YÊU CẦU
1. Phát triển thương mại điện tử.

PHỤ LỤC
(Kèm theo Kế hoạch số     /KH-SCT ngày   /   /2025 của Sở Công Thương)
"""

# A header that says what it is wins over any "ban hành" sentence of the body.
HEADER_AND_PREAMBLE = """ỦY BAN NHÂN DÂN TỈNH CAO BẰNG
Số: 40/QĐ-UBND
Cao Bằng, ngày 05 tháng 3 năm 2025
QUYẾT ĐỊNH
Ban hành Kế hoạch chuyển đổi số năm 2025
Căn cứ Luật Tổ chức chính quyền địa phương; Sở Thông tin và Truyền thông ban hành Kế hoạch đo kiểm \
chất lượng mạng di động như sau:
"""


@pytest.mark.parametrize("text, kind, issuer, date, title", [
    (NO_HEADER, "plan", "Sở Công Thương thành phố Hải Phòng", "2025",
     "Kế hoạch phát triển thương mại điện tử thành phố Hải Phòng năm 2025"),
    (HEADER_AND_PREAMBLE, "decision", "Ủy ban nhân dân tỉnh Cao Bằng", "2025-03-05",
     "Quyết định ban hành Kế hoạch chuyển đổi số năm 2025"),
])
def test_a_document_without_its_header_is_named_by_its_preamble(text, kind, issuer, date, title) -> None:
    got = from_header(text)
    assert (got["kind"], got["issuer"], got["date"], got["title"]) == (kind, issuer, date, title)


# A web page's markdown: the header table one cell per line between "|" lines, each cell's text wrapped
# inside its bold or italic marks, the dateline cut after the month.
ONE_CELL_PER_LINE = """|
**ỦY BAN NHÂN
DÂN**
TỈNH QUẢNG TRỊ
-------
|
**CỘNG HÒA XÃ
HỘI CHỦ NGHĨA VIỆT NAM**
Độc lập - Tự do - Hạnh phúc
---------------
|
|
Số: 212/KH-UBND
|
*Quảng Trị, ngày 03 tháng 10
năm 2025*
|

**KẾ HOẠCH**

PHÁT TRIỂN
DU LỊCH NÔNG THÔN NĂM 2026
"""

# The page opens with the site's own frame: a copyright line and a metadata table whose dates are the
# site's, then the document's header; the header's dateline wins.
SITE_FRAME = """|
Bản dịch này thuộc quyền sở hữu của trang.
#
**Số hiệu:**
|
88/TB-VPCP
|
|
**Ngày ban hành:**
|
02/03/2025
|
|
**Tình trạng:**
|
Đã biết
|
|
**VĂN PHÒNG
CHÍNH PHỦ**
-------
|
**CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM**
|
|
Số: 88/TB-VPCP
|
*Hà Nội, ngày 01 tháng 3 năm 2025*
|
**THÔNG BÁO**
KẾT LUẬN CỦA THỦ TƯỚNG CHÍNH PHỦ TẠI CUỘC HỌP VỀ NGHỊ QUYẾT SỐ 57-NQ/TW NGÀY 22/12/2024
"""

# The document's own header is missing from the page: the site's table gives number, kind, issuer, date.
FRAME_ONLY = """#
**Số hiệu:**
|
1503/BYT-KHTC
|
|
**Loại văn bản:**
|
Công văn
|
**Nơi ban hành:**
|
Bộ Y tế
|
**Ngày ban hành:**
|
07/05/2025
|
|
**Kính gửi:**
|
- Sở Y tế các tỉnh, thành phố.
"""

# A resolution whose page lost its header: the signature signs for the Government, the appendix caption
# carries the number and the date.
NO_HEADER = """**NGHỊ QUYẾT**

VỀ PHÁT TRIỂN THỂ THAO CỘNG ĐỒNG

**CHÍNH PHỦ**

*Căn cứ Luật Tổ chức Chính phủ ngày 18 tháng 02 năm 2025;*

**QUYẾT NGHỊ:**

Điều 1. Giao các bộ triển khai.

**TM. CHÍNH PHỦ**
THỦ TƯỚNG

**PHỤ LỤC**

*(Kèm theo
Nghị quyết số 41/NQ-CP ngày 09 tháng 4 năm 2025 của Chính phủ)*
"""


@pytest.mark.parametrize("text, kind, number, issuer, date", [
    (ONE_CELL_PER_LINE, "plan", "212/KH-UBND", "Ủy ban nhân dân tỉnh Quảng Trị", "2025-10-03"),
    (SITE_FRAME, "notice", "88/TB-VPCP", "Văn phòng Chính phủ", "2025-03-01"),
    (FRAME_ONLY, "letter", "1503/BYT-KHTC", "Bộ Y tế", "2025-05-07"),
    (NO_HEADER, "resolution", "41/NQ-CP", "Chính phủ", "2025-04-09"),
])
def test_web_page_layouts(text, kind, number, issuer, date) -> None:
    got = from_header(text)
    assert (got["kind"], got["number"], got["issuer"], got["date"]) == (kind, number, issuer, date)


def test_one_cell_per_line_title() -> None:
    assert from_header(ONE_CELL_PER_LINE)["title"] == "Kế hoạch phát triển du lịch nông thôn năm 2026"
