"""Task tables whose cells came out one wrapped line per line (a gazette's PDF text layer)."""

from tests.conftest import facts_of

GAZETTE = """CHÍNH PHỦ
Số: 41/NQ-CP
Hà Nội, ngày 2 tháng 3 năm 2026
NGHỊ QUYẾT
Ban hành Chương trình hành động về dữ liệu
Điều 1. Ban hành kèm theo Nghị quyết này Phụ lục danh mục nhiệm vụ.
Điều 2. Nghị quyết này có hiệu lực từ ngày ký.
Phụ lục
DANH MỤC CÁC NHIỆM VỤ
(Kèm theo Nghị quyết số 41/NQ-CP ngày 02 tháng 3 năm 2026 của Chính phủ)
TT
Tên nhiệm vụ
Cơ quan
chủ trì
Cơ quan
phối hợp
Kết quả
Thời gian
hoàn thành
I.
Hoàn thiện thể chế về dữ liệu
1
Rà soát các quy định về chia sẻ dữ liệu
giữa các cơ quan nhà nước, đề xuất sửa
đổi Nghị định về quản lý dữ liệu
Bộ Công an
Bộ Tư pháp,
Bộ Tài chính
Báo cáo rà soát
Quý III/2026
2
Xây dựng cơ sở dữ liệu về đất đai kết nối
với Cổng Dịch vụ công quốc gia
Bộ Nông nghiệp và
Môi trường
Văn phòng Chính phủ
Cơ sở dữ liệu
được vận hành
Năm 2027
II.
Phát triển nhân lực
1
Tổ chức đào tạo kỹ năng số cho công chức
Các bộ, cơ quan
ngang bộ  Bộ Nội vụ
Các khóa đào tạo
Thường
xuyên
2 Nghị định số 13/2023/NĐ-CP ngày 17 tháng 4 năm 2023 của Chính phủ về bảo vệ dữ liệu cá nhân, được sửa đổi.

CÔNG BÁO/Số 120/Ngày 10-03-2026
45
TT
Tên nhiệm vụ
Cơ quan
chủ trì
Cơ quan
phối hợp
Kết quả
Thời gian
hoàn thành
2
Hướng dẫn các địa phương triển khai nền
tảng học tập trực tuyến mở
Bộ Giáo dục và
Đào tạo
Ủy ban nhân dân
các tỉnh, thành phố
Nền tảng được
triển khai
Năm 2026
"""


def test_a_gazette_table_read_on_its_lines() -> None:
    tasks = [t for t in facts_of(GAZETTE, kind="resolution").tasks if t.owner]
    assert [(t.text, t.lead, t.cooperating, t.deadline) for t in tasks] == [
        ("Rà soát các quy định về chia sẻ dữ liệu giữa các cơ quan nhà nước, đề xuất sửa đổi Nghị định về "
         "quản lý dữ liệu", ("Bộ Công an",), ("Bộ Tư pháp", "Bộ Tài chính"), "Quý III/2026"),
        ("Xây dựng cơ sở dữ liệu về đất đai kết nối với Cổng Dịch vụ công quốc gia",
         ("Bộ Nông nghiệp và Môi trường",), ("Văn phòng Chính phủ",), "Năm 2027"),
        ("Tổ chức đào tạo kỹ năng số cho công chức", ("các bộ, cơ quan ngang bộ",), ("Bộ Nội vụ",), "Thường xuyên"),
        ("Hướng dẫn các địa phương triển khai nền tảng học tập trực tuyến mở", ("Bộ Giáo dục và Đào tạo",),
         ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",), "Năm 2026"),
    ]  # group rows (I., II.), the footnote, the page header and the repeated header are not tasks


def test_a_rows_result_cell_is_its_product() -> None:
    tasks = [t for t in facts_of(GAZETTE, kind="resolution").tasks if t.owner]
    assert [t.product for t in tasks] == ["Báo cáo rà soát", "Cơ sở dữ liệu được vận hành", "Các khóa đào tạo",
                                          "Nền tảng được triển khai"]
    assert tasks[0].evidence.quote.startswith("Rà soát các quy định về chia sẻ dữ liệu\ngiữa")


GAZETTE_BODY = """CHÍNH PHỦ
Số: 52/NQ-CP
Hà Nội, ngày 9 tháng 3 năm 2026
NGHỊ QUYẾT
Về nhiệm vụ chuyển đổi số
Điều 1. Nhiệm vụ
1. Bộ Khoa học và Công nghệ chủ trì xây dựng nền tảng dữ liệu dùng chung cho các bộ,
Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Cơ quan: VĂN PHÒNG CHÍNH PHỦ
Ngày ký: 2026-03-12 10:01:02 +07:00

CÔNG BÁO/Số 150/Ngày 12-03-2026
33
ngành, hoàn thành trong năm 2026.
Điều 2. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ chịu trách nhiệm thi hành Nghị quyết này.

TM. CHÍNH PHỦ
THỦ TƯỚNG

Nguyễn Văn A
"""


def test_gazette_page_furniture_and_the_signer_are_no_text_of_a_task() -> None:
    tasks = facts_of(GAZETTE_BODY, kind="resolution").tasks
    assert [(t.text, t.owner) for t in tasks] == [
        ("Bộ Khoa học và Công nghệ chủ trì xây dựng nền tảng dữ liệu dùng chung cho các bộ, ngành, hoàn thành "
         "trong năm 2026.", "Bộ Khoa học và Công nghệ")]  # the signer's lines are not the heads' tasks


PARTNERS = """Phụ lục
DANH MỤC NHIỆM VỤ
TT
Tên nhiệm vụ
Cơ quan
chủ trì
Cơ quan
phối hợp
Kết quả
Thời hạn
hoàn thành
1.
Tuyên truyền về công tác dân tộc trên
các phương tiện thông tin đại chúng
Bộ Dân tộc và
Tôn giáo
Các
Bộ,
ngành, địa
phương, Ủy
ban nhân dân
các tỉnh,
VTV, VOV,
TTXVN
Hội nghị, tập huấn
Thực hiện
thường xuyên
2.
Xây dựng bộ tiêu chí đánh giá hiệu quả
Bộ Dân tộc và
Tôn giáo
Bộ tiêu chí
được ban hành
Năm 2027
3.
Nghiên cứu khám bệnh vào ngày nghỉ, ngày lễ
Cơ sở khám
bệnh,
chữa
bệnh
Bộ Y tế, Sở Y tế
Đề án triển khai
Từ quý I/2027
"""


def test_a_partners_cell_of_classes_and_acronyms_and_a_product_opening_with_bo() -> None:
    tasks = [t for t in facts_of(PARTNERS, kind="plan").tasks if t.owner]
    assert [(t.lead, t.cooperating, t.product, t.deadline) for t in tasks] == [
        (("Bộ Dân tộc và Tôn giáo",), ("các bộ, ngành, địa phương",
                                       "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
                                       "Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam"),
         "Hội nghị, tập huấn", "Thực hiện thường xuyên"),
        (("Bộ Dân tộc và Tôn giáo",), (), "Bộ tiêu chí được ban hành", "Năm 2027"),
        (("Cơ sở khám bệnh, chữa bệnh",), ("Bộ Y tế", "Sở Y tế"), "Đề án triển khai", "Từ quý I/2027"),
    ]


def test_a_table_whose_lead_column_is_the_body_that_carries_it_out() -> None:
    text = ("KẾ HOẠCH\nPhụ lục\nSTT\nNội dung công việc\nCơ quan thực\nhiện\nThời gian\nthực hiện\n"
            "1\nRà soát quy hoạch vùng nguyên liệu\nSở Nông nghiệp và\nMôi trường\nQuý II/2026\n"
            "2\nTổ chức hội nghị tập huấn cán bộ\nSở Tư pháp\nNăm 2026\n")
    tasks = facts_of(text, kind="plan").tasks
    assert [(t.text, t.owner, t.deadline) for t in tasks] == [
        ("Rà soát quy hoạch vùng nguyên liệu", "Sở Nông nghiệp và Môi trường", "Quý II/2026"),
        ("Tổ chức hội nghị tập huấn cán bộ", "Sở Tư pháp", "Năm 2026")]


PAGE_CUT = """Phụ lục
DANH MỤC NHIỆM VỤ
STT
Tên nhiệm vụ cụ thể
Cơ quan
chủ trì
Cơ quan
phối hợp
Thời gian hoàn
thành
1.
Từng bước triển khai phân luồng người bệnh
giữa các cấp chuyên môn kỹ thuật khám bệnh,
Bộ Y tế, Sở Y tế
Bộ Tài chính
Từ quý II/2027

CÔNG BÁO/Số 286/Ngày 27-05-2026
98
STT
Tên nhiệm vụ cụ thể
Cơ quan
chủ trì
Cơ quan
phối hợp
Thời gian hoàn
thành
chữa bệnh để giảm điều trị các bệnh lý nhẹ ở
tuyến chuyên sâu
2.
Xây dựng Nghị quyết về thí điểm huy động
Bộ Y tế
Bộ Tư pháp
Năm 2027
3.
Xây dựng Nghị định về tăng mức đóng bảo
hiểm y tế theo lộ trình phù hợp Bộ Y tế
Bộ Tài chính
Tháng 3/2027
4.
Tổng hợp kết quả thực hiện, báo cáo
Thủ tướng Chính phủ
Bộ Y tế
Bộ Tài chính
Hằng năm
"""


def test_a_row_whose_task_a_page_break_cut_after_a_comma() -> None:
    tasks = [t for t in facts_of(PAGE_CUT, kind="plan").tasks if t.owner]
    assert [(t.text, t.lead, t.cooperating, t.deadline) for t in tasks] == [
        ("Từng bước triển khai phân luồng người bệnh giữa các cấp chuyên môn kỹ thuật khám bệnh, chữa bệnh để "
         "giảm điều trị các bệnh lý nhẹ ở tuyến chuyên sâu", ("Bộ Y tế", "Sở Y tế"), ("Bộ Tài chính",),
         "Từ quý II/2027"),
        ("Xây dựng Nghị quyết về thí điểm huy động", ("Bộ Y tế",), ("Bộ Tư pháp",), "Năm 2027"),
        # the lead's cell glued to the task's last line by the PDF; a body the task reports to is no lead
        ("Xây dựng Nghị định về tăng mức đóng bảo hiểm y tế theo lộ trình phù hợp", ("Bộ Y tế",), ("Bộ Tài chính",),
         "Tháng 3/2027"),
        ("Tổng hợp kết quả thực hiện, báo cáo Thủ tướng Chính phủ", ("Bộ Y tế",), ("Bộ Tài chính",), "Hằng năm")]


SUB_ROWS = """Phụ lục
TT
Tên nhiệm vụ
Cơ quan
chủ trì
Cơ quan
phối hợp
Kết quả
Thời gian
hoàn thành
1
Thể chế hóa kịp thời các chủ trương về
phát triển văn hóa
Bộ Văn hóa, Thể
thao và Du lịch
Bộ Tư pháp
Báo cáo
chuyên đề
Tháng
5/2026
Báo cáo kết
quả
Tháng
11/2026
2
Trình Quốc hội dự án Luật Thủ đô
Bộ Tư pháp
Văn phòng Chính
phủ
Dự án Luật
Kỳ họp thứ nhất Quốc hội khóa
XVI
"""


def test_a_row_with_two_sub_rows_has_both_deadlines() -> None:
    tasks = [t for t in facts_of(SUB_ROWS, kind="resolution").tasks if t.owner]
    assert [(t.lead, t.cooperating, t.deadline) for t in tasks] == [
        (("Bộ Văn hóa, Thể thao và Du lịch",), ("Bộ Tư pháp",), "Tháng 5/2026, Tháng 11/2026"),
        (("Bộ Tư pháp",), ("Văn phòng Chính phủ",), "Kỳ họp thứ nhất Quốc hội khóa XVI")]


SUBMITTED = """CHÍNH PHỦ
Số: 42/NQ-CP
Hà Nội, ngày 2 tháng 3 năm 2026
NGHỊ QUYẾT
Ban hành Chương trình hành động về tổ chức bộ máy
Phụ lục
NHIỆM VỤ TRIỂN KHAI CHƯƠNG TRÌNH HÀNH ĐỘNG
TT
Nội dung công việc
Cơ quan
chủ trì
Cơ quan
phối hợp
Cấp trình
Sản phẩm
Thời hạn
hoàn thành
1
Tham mưu ban hành Nghị định quy định
chức năng của cơ quan chuyên môn
Bộ Nội vụ
Bộ Tư pháp
Chính phủ
Nghị định
Quý II/2026
2
Xây dựng Đề án sắp xếp đơn vị sự nghiệp
công lập trong lĩnh vực y tế
Bộ Y tế
Bộ Tài chính
Thủ tướng Chính
phủ
Đề án
Quý III/2026
"""


def test_the_body_a_row_is_submitted_to_is_no_partner() -> None:
    tasks = facts_of(SUBMITTED, kind="resolution").tasks
    assert [(t.owner, t.cooperating, t.product, t.deadline) for t in tasks] == [
        ("Bộ Nội vụ", ("Bộ Tư pháp",), "Nghị định", "Quý II/2026"),  # "Cấp trình: Chính phủ" is not a partner
        ("Bộ Y tế", ("Bộ Tài chính",), "Đề án", "Quý III/2026"),
    ]
