"""Tasks wherever the genre puts them: attachments after "Nơi nhận", field blocks, pipe tables."""

import pytest

from extract.segment import CLOSING, segment
from extract.task_table import cells, header_columns
from tests.conftest import facts_of

DECISION = """THỦ TƯỚNG CHÍNH PHỦ
Số: 12/QĐ-TTg
Hà Nội, ngày 5 tháng 3 năm 2025
QUYẾT ĐỊNH
Ban hành Kế hoạch thực hiện Luật Dữ liệu
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch thực hiện Luật Dữ liệu.
Điều 2. Các Bộ trưởng, Chủ tịch Ủy ban nhân dân cấp tỉnh chịu trách nhiệm thi hành Quyết định này.
Nơi nhận:
- Bộ Tài chính;
- Bộ Nội vụ;
- Lưu: VT.
KT. THỦ TƯỚNG
PHÓ THỦ TƯỚNG
KẾ HOẠCH
Thực hiện Luật Dữ liệu
(Kèm theo Quyết định số 12/QĐ-TTg ngày 5 tháng 3 năm 2025 của Thủ tướng Chính phủ)
I. MỤC ĐÍCH, YÊU CẦU
1. Bộ Công an bảo đảm sự thống nhất trong triển khai.
II. NỘI DUNG
1. Xây dựng Nghị định quy định chi tiết Luật Dữ liệu
a) Cơ quan chủ trì: Bộ Công an.
b) Cơ quan phối hợp: Bộ Tư pháp, Văn phòng Chính phủ và các cơ quan liên quan.
c) Thời gian thực hiện: Quý II/2025.
d) Sản phẩm: Nghị định của Chính phủ.
2. Rà soát văn bản quy phạm pháp luật
a) Cơ quan thực hiện:
- Các bộ, cơ quan ngang bộ:
+ Rà soát văn bản thuộc phạm vi quản lý.
- Bộ Tư pháp:
+ Chủ trì tổng hợp kết quả rà soát.
b) Thời gian thực hiện: Thường xuyên.
3. Tổ chức tập huấn về Luật
- Cơ quan chủ trì: Bộ Thông tin và Truyền thông.
- Thời hạn: Năm 2025 và các năm tiếp theo.
III. KINH PHÍ
1. Kinh phí được bố trí từ ngân sách nhà nước.
2. Bộ Tài chính chủ trì bố trí kinh phí hằng năm.
IV. TỔ CHỨC THỰC HIỆN
1. Bộ trưởng Bộ Công an có trách nhiệm theo dõi, đôn đốc việc thực hiện Kế hoạch.
2. Trong quá trình thực hiện, đề nghị các bộ, ngành, địa phương phản ánh vướng mắc về Bộ Công an.
"""


@pytest.fixture(scope="module")
def decision():
    return facts_of(DECISION, kind="decision")


def test_the_attachment_after_the_closing_block_is_read() -> None:
    from extract.normalize import normalize
    sections, items = segment(normalize(DECISION).text)
    ids = [s.id for s in sections]
    assert ids[:3] == ["D1", "D2", "NN"] and "II.1.a" in ids and "IV.2" in ids  # top level again
    closing = [i.text for i in items if i.section == "NN"]
    assert closing[0] == "Nơi nhận:" and closing[-1] == "KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG"
    assert next(s for s in sections if s.id == "NN").style == CLOSING


def by_start(facts, quote):
    return next(t for t in facts.tasks if t.text.startswith(quote))


@pytest.mark.parametrize("quote, owner, role, lead, coop, deadline, product", [
    ("Xây dựng Nghị định quy định chi tiết", "Bộ Công an", "lead", ("Bộ Công an",),
     ("Bộ Tư pháp", "Văn phòng Chính phủ"), "Quý II/2025", "Nghị định của Chính phủ"),
    ("Rà soát văn bản thuộc phạm vi", "các bộ, cơ quan ngang bộ", "responsible", (), (), "Thường xuyên", None),
    ("Chủ trì tổng hợp kết quả rà soát", "Bộ Tư pháp", "lead", ("Bộ Tư pháp",), (), "Thường xuyên", None),
    ("Tổ chức tập huấn về Luật", "Bộ Thông tin và Truyền thông", "lead", ("Bộ Thông tin và Truyền thông",), (),
     "Năm 2025 và các năm tiếp theo", None),
    ("Bộ Tài chính chủ trì bố trí kinh phí", "Bộ Tài chính", "lead", ("Bộ Tài chính",), (), "hằng năm", None),
    ("Bộ trưởng Bộ Công an có trách nhiệm", "Bộ Công an", "responsible", (), (), None, None),
    ("Trong quá trình thực hiện, đề nghị", "các bộ, ngành, địa phương", "responsible", (), (), None, None),
])
def test_tasks_of_a_decision_with_its_plan(decision, quote, owner, role, lead, coop, deadline, product) -> None:
    t = by_start(decision, quote)
    assert (t.owner, t.owner_role, t.lead, t.cooperating, t.deadline, t.product) == (
        owner, role, lead, coop, deadline, product)


def test_recipients_purposes_and_the_execution_clause_are_not_tasks(decision) -> None:
    texts = " ".join(t.text for t in decision.tasks)
    assert "Lưu" not in texts and "bảo đảm sự thống nhất" not in texts
    assert "chịu trách nhiệm thi hành" not in texts and "Kinh phí được bố trí" not in texts
    assert len(decision.tasks) == 7


TABLE = """KẾ HOẠCH
Triển khai Chỉ thị
III. TỔ CHỨC THỰC HIỆN
Các đơn vị thực hiện theo Phụ lục.
PHỤ LỤC
DANH MỤC NHIỆM VỤ
| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Sản phẩm | Thời gian hoàn thành |
| --- | --- | --- | --- | --- | --- |
| I | Hoàn thiện thể chế | | | | |
| 1. | Xây dựng Thông tư | Bộ Tài chính | Bộ Tư pháp, các đơn vị liên quan thuộc Bộ Y tế | Thông tư | Quý IV/2025 |
| 2. | Tổ chức tuyên truyền | Cục Thông tin cơ sở; Cục Báo chí | Bộ Nội vụ | Tin bài | 2025 - 2026 |
| II | Phát triển hạ tầng | | | | |
| 3. | Nâng cấp hệ thống dữ liệu | Bộ Công an | | | Năm 2026 |
"""


@pytest.mark.parametrize("k, text, owner, lead, coop, deadline, product", [
    (0, "Xây dựng Thông tư", "Bộ Tài chính", ("Bộ Tài chính",), ("Bộ Tư pháp",), "Quý IV/2025", "Thông tư"),
    (1, "Tổ chức tuyên truyền", "Cục Thông tin cơ sở", ("Cục Thông tin cơ sở", "Cục Báo chí"),
     ("Bộ Nội vụ",), "2025 - 2026", "Tin bài"),
    (2, "Nâng cấp hệ thống dữ liệu", "Bộ Công an", ("Bộ Công an",), (), "Năm 2026", None),
])
def test_pipe_table_rows_by_their_header_words(k, text, owner, lead, coop, deadline, product) -> None:
    tasks = facts_of(TABLE, kind="plan").tasks
    assert len(tasks) == 3  # group rows "I | Hoàn thiện thể chế" head rows, they are not tasks
    t = tasks[k]
    assert (t.text, t.owner, t.lead, t.cooperating, t.deadline, t.product) == (text, owner, lead, coop, deadline,
                                                                              product)
    assert TABLE[t.evidence.start:t.evidence.end] == text


@pytest.mark.parametrize("row, kinds", [
    ("| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian thực hiện/ hoàn thành |",
     {"index": 0, "task": 1, "lead": 2, "cooperating": 3, "deadline": 4}),
    ("| Nội dung công việc | Thời hạn | Đơn vị thực hiện |", {"task": 0, "deadline": 1, "lead": 2}),
    ("| STT | Chỉ tiêu | Đơn vị tính | Năm 2025 |", None),
])
def test_header_columns(row, kinds) -> None:
    assert header_columns(cells(row, 0)) == kinds


def test_a_wrapped_pipe_row_is_one_row() -> None:
    text = TABLE.replace("| Thông tư | Quý IV/2025 |", "| Thông\ntư | Quý IV/2025 |")
    tasks = facts_of(text, kind="plan").tasks
    assert (tasks[0].product, tasks[0].deadline) == ("Thông tư", "Quý IV/2025")


HEADED = """II. NHIỆM VỤ CHỦ YẾU CỦA BỘ TÀI NGUYÊN VÀ MÔI TRƯỜNG
1. Xây dựng và ban hành Kế hoạch giảm phát thải khí nhà kính.
2. Phối hợp với Bộ Tài chính hoàn thiện Đề án thị trường các-bon.
"""


def test_a_heading_names_its_owner_after_cua() -> None:
    tasks = facts_of(HEADED, kind="plan").tasks
    assert [t.owner for t in tasks] == ["Bộ Tài nguyên và Môi trường"] * 2
    assert tasks[1].cooperating == ("Bộ Tài chính",)


@pytest.mark.parametrize("text, names", [
    ("Các Bộ: Y tế, Giáo dục và Đào tạo, Nội vụ:", ["Bộ Y tế", "Bộ Giáo dục và Đào tạo", "Bộ Nội vụ"]),
    ("giao các Bộ: Tư pháp, Ngoại giao chủ trì rà soát", ["Bộ Tư pháp", "Bộ Ngoại giao"]),
    ("Các Bộ: Công Thương và Xây dựng", ["Bộ Công Thương", "Bộ Xây dựng"]),
    ("Các bộ, ngành liên quan", []),
])
def test_a_shared_list_gives_full_names(text, names) -> None:
    from extract.task_owners import shared_list
    assert shared_list(text) == names


GENRE = """II. NHIỆM VỤ CỤ THỂ
Nhằm đạt được mục tiêu đề ra, các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ, \
Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương thực hiện các nhiệm vụ sau đây:
1. Về thể chế
a) Rà soát các quy định về đầu tư công nghệ.
III. TRÁCH NHIỆM THỰC HIỆN
1. Các Bộ: Y tế, Giáo dục và Đào tạo, Nội vụ:
- Xây dựng kế hoạch đào tạo nhân lực.
2. Bộ Tài chính, Bộ Kế hoạch và Đầu tư:
- Bố trí vốn thực hiện Chương trình.
3. Nhiệm vụ chung
- Bộ Công Thương:
+ Xây dựng Chiến lược phát triển công nghiệp.
- Các Bộ: Tư pháp, Ngoại giao:
+ Rà soát điều ước quốc tế.
4. Trên cơ sở Chương trình này, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương xây dựng kế hoạch.
5. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ, \
Chủ tịch Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương tập trung chỉ đạo thực hiện.
6. Sở Y tế
Chủ trì đánh giá năng lực y tế cơ sở. Cụ thể:
(i) Rà soát trạm y tế; (ii) Đề xuất đầu tư.
"""


@pytest.mark.parametrize("quote, owners", [
    ("Rà soát các quy định về đầu tư", ("các bộ, cơ quan ngang bộ, cơ quan thuộc chính phủ",
                                        "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương")),
    ("Xây dựng kế hoạch đào tạo", ("Bộ Y tế", "Bộ Giáo dục và Đào tạo", "Bộ Nội vụ")),
    ("Bố trí vốn", ("Bộ Tài chính", "Bộ Kế hoạch và Đầu tư")),
    ("Xây dựng Chiến lược phát triển", ("Bộ Công Thương",)),
    ("Rà soát điều ước", ("Bộ Tư pháp", "Bộ Ngoại giao")),
    ("Trên cơ sở Chương trình này", ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",)),
    ("Bộ trưởng, Thủ trưởng", ("các bộ, cơ quan ngang bộ, cơ quan thuộc chính phủ",
                               "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương")),
    ("Chủ trì đánh giá năng lực y tế cơ sở. Cụ thể:\n(i) Rà soát", ("Sở Y tế",)),
])
def test_owners_in_the_genres_phrasings(quote, owners) -> None:
    t = by_start(facts_of(GENRE, kind="programme"), quote)
    assert t.owners == owners


CELL_LINES = """PHỤ LỤC
DANH MỤC NHIỆM VỤ
| TT | Nội dung hoạt động | Cơ quan chủ trì | Cơ quan phối hợp |
Thời gian thực hiện
1
Tuyên truyền, phổ biến Nghị định
a)
Tổ chức hội nghị phổ biến Nghị định.
Cục Lâm nghiệp và Kiểm lâm
Vụ Pháp chế; các cơ quan, đơn vị có liên quan
Quý III/2026
3
Huy động nguồn lực cho rừng.
Viện Khoa học lâm nghiệp Việt Nam, Bộ
Tài chính
Bộ Ngoại giao
Thường xuyên
"""


def test_a_table_whose_cells_came_out_one_per_line() -> None:
    tasks = facts_of(CELL_LINES, kind="plan").tasks
    assert [(t.text, t.lead, t.cooperating, t.deadline) for t in tasks] == [
        ("Tổ chức hội nghị phổ biến Nghị định.", ("Cục Lâm nghiệp và Kiểm lâm",), ("Vụ Pháp chế",), "Quý III/2026"),
        ("Huy động nguồn lực cho rừng.", ("Viện Khoa học lâm nghiệp Việt Nam", "Bộ Tài chính"), ("Bộ Ngoại giao",),
         "Thường xuyên")]  # "1 / Tuyên truyền …" has no agency: a group row


def test_a_heading_naming_a_class_of_bodies_owns_its_items() -> None:
    text = ("V. TỔ CHỨC THỰC HIỆN\n10. Các chủ đầu tư dự án hạ tầng khu công nghiệp\n"
            "- Rà soát và lập hồ sơ mở rộng khu công nghiệp.\n11. Các nhiệm vụ khác\n- Tổng kết việc thực hiện.\n")
    tasks = facts_of(text, kind="plan").tasks
    assert [(t.owner, t.text) for t in tasks] == [
        ("các chủ đầu tư dự án hạ tầng khu công nghiệp", "Rà soát và lập hồ sơ mở rộng khu công nghiệp."),
        (None, "Tổng kết việc thực hiện.")]  # "Các nhiệm vụ khác" names nobody: a task with no owner


def test_an_owner_field_after_the_bullets_owns_them() -> None:
    text = ("III. NHIỆM VỤ, GIẢI PHÁP\n3.1. Tăng cường tuyên truyền\n- Quán triệt quan điểm bảo vệ môi trường.\n"
            "- Đổi mới công tác tuyên truyền.\n"
            "Trách nhiệm chỉ đạo thực hiện: Các cấp ủy, tổ chức đảng; Bộ Tài nguyên và Môi trường.\n")
    tasks = facts_of(text, kind="programme").tasks
    assert [(t.text, t.owners, t.owner_role) for t in tasks] == [
        ("Quán triệt quan điểm bảo vệ môi trường.", ("Các cấp ủy, tổ chức đảng", "Bộ Tài nguyên và Môi trường"),
         "responsible"),
        ("Đổi mới công tác tuyên truyền.", ("Các cấp ủy, tổ chức đảng", "Bộ Tài nguyên và Môi trường"), "responsible")]


def test_a_partner_named_through_its_specialised_body() -> None:
    text = "II. NHIỆM VỤ\n1. Bộ Tài chính\n- Phối hợp với cơ quan chuyên môn thuộc Bộ Công Thương rà soát thuế.\n"
    assert facts_of(text).tasks[0].cooperating == ("Bộ Công Thương",)


def test_a_task_list_without_an_appendix_heading() -> None:
    text = ("V. TỔ CHỨC THỰC HIỆN\nTriển khai theo danh mục dưới đây.\nDANH MỤC NHIỆM VỤ TRIỂN KHAI\n"
            "TT Nhiệm vụ\nCơ quan chủ trì\n1. Phát triển công nghiệp số Bộ Thông tin và Truyền thông\n"
            "2. Cải thiện hệ sinh thái cho khởi nghiệp Bộ Khoa học và Công nghệ\n")
    tasks = facts_of(text, kind="programme").tasks
    assert [(t.text, t.lead) for t in tasks] == [
        ("Phát triển công nghiệp số", ("Bộ Thông tin và Truyền thông",)),
        ("Cải thiện hệ sinh thái cho khởi nghiệp", ("Bộ Khoa học và Công nghệ",))]


PARTNERS = """III. TỔ CHỨC THỰC HIỆN
1. Sở Công Thương
- Phối hợp với các Sở, ban, ngành và Ủy ban nhân dân cấp xã rà soát quy hoạch.
- Chủ trì, phối hợp với các bộ, ngành liên quan và Bộ Tư pháp xây dựng quy chế.
- Chủ trì, phối hợp với các cơ quan Đảng, Quốc hội, Mặt trận Tổ quốc Việt Nam bảo đảm liên thông.
- Chủ trì, phối hợp chặt chẽ với Bộ Công an tổ chức kiểm tra; Bộ Y tế báo cáo kết quả.
- Chủ trì, phối hợp với các cơ quan, đơn vị có liên quan tổ chức tập huấn.
"""


@pytest.mark.parametrize("k, coop", [
    (0, ("Ủy ban nhân dân cấp xã",)),
    (1, ("Bộ Tư pháp",)),
    (2, ("Quốc hội", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam")),
    (3, ("Bộ Công an",)),
    (4, ()),
])
def test_partners_run_through_catch_all_words_which_are_not_partners(k, coop) -> None:
    assert facts_of(PARTNERS, kind="plan").tasks[k].cooperating == coop


WRAPPED_CELLS = """Điều 3. Cục trưởng Cục Lâm nghiệp và Kiểm lâm chịu trách nhiệm thi hành Quyết định này.
PHỤ LỤC
DANH MỤC NHIỆM VỤ
| TT | Nội dung hoạt động | Cơ quan chủ trì | Cơ quan phối hợp |
Thời gian thực hiện
1
Xây dựng tiêu chuẩn các-bon rừng quốc gia và hướng dẫn
Viện Khoa học lâm nghiệp Việt Nam, Cục
Vụ Khoa học và Công nghệ
Quý IV/2026
đăng ký dự án các-bon rừng.
Lâm nghiệp và Kiểm lâm
2
Đàm phán thỏa thuận chuyển nhượng tín chỉ.
Cục Lâm nghiệp và Cục Kiểm lâm
Vụ Hợp tác quốc tế
Thường xuyên
"""


def test_lines_after_the_last_cell_continue_the_cells_a_page_break_cut() -> None:
    tasks = facts_of(WRAPPED_CELLS, kind="plan").tasks
    assert [(t.text, t.lead, t.cooperating) for t in tasks] == [
        ("Xây dựng tiêu chuẩn các-bon rừng quốc gia và hướng dẫn đăng ký dự án các-bon rừng.",
         ("Viện Khoa học lâm nghiệp Việt Nam", "Cục Lâm nghiệp và Kiểm lâm"), ("Vụ Khoa học và Công nghệ",)),
        # a merged body written out as its former parts is the body the document names
        ("Đàm phán thỏa thuận chuyển nhượng tín chỉ.", ("Cục Lâm nghiệp và Kiểm lâm",), ("Vụ Hợp tác quốc tế",))]


PROVINCIAL = """II. NHIỆM VỤ, GIẢI PHÁP
1. Tăng cường quản lý khoáng sản
- Các Sở, ban, ngành và UBND cấp xã, phường nêu cao trách nhiệm người đứng đầu.
- Các cấp, ngành chủ động xây dựng kế hoạch thanh tra.
- Các Sở, ngành và các cơ quan chức năng chủ động phối hợp chặt chẽ.
IV. TỔ CHỨC THỰC HIỆN
1. Giám đốc các Sở và Thủ trưởng các ban, ngành tỉnh; Chủ tịch Ủy ban nhân dân các xã, phường:
- Khẩn trương ổn định bộ máy quản lý khoáng sản.
2. Các sở, ban, ngành và các đơn vị khác có liên quan
- Phối hợp chặt chẽ với các cơ quan chủ trì.
"""


@pytest.mark.parametrize("quote, owners", [
    ("Các Sở, ban, ngành và UBND", ("các sở, ban, ngành", "Ủy ban nhân dân cấp xã")),
    ("Các cấp, ngành", ("các cấp, ngành",)),
    ("Các Sở, ngành và các cơ quan chức năng", ("các sở, ngành và các cơ quan chức năng",)),
    ("Khẩn trương ổn định", ("các sở, ban, ngành", "Ủy ban nhân dân cấp xã")),
    ("Phối hợp chặt chẽ với các cơ quan chủ trì", ("các sở, ban, ngành và các đơn vị khác có liên quan",)),
])
def test_provincial_groups_and_heads_of_departments_own_tasks(quote, owners) -> None:
    assert by_start(facts_of(PROVINCIAL, kind="plan"), quote).owners == owners


PARAGRAPH_CELLS = """CHƯƠNG TRÌNH HÀNH ĐỘNG
Thực hiện Kết luận về bảo vệ môi trường
III. NHIỆM VỤ
1. Các nhiệm vụ cần làm ngay được xác định tại
Phụ lục 2 kèm theo Chương trình hành động; tổ chức thực hiện theo tiến độ.
Nơi nhận:
- Ban Bí thư Trung ương Đảng;
- Lưu Văn phòng Tỉnh ủy.
T/M TỈNH ỦY

PHỤ LỤC 2
DANH MỤC CÁC NHIỆM VỤ QUAN TRỌNG

TT

Nhiệm vụ cụ thể

Cơ quan chủ trì

Thời hạn

1

2

Rà soát, hoàn thiện hệ thống văn bản
quy phạm pháp luật về bảo vệ môi trường

Sở Tài chính; Sở Tư
pháp

Đồng chí Nguyễn Văn A - Phó Chủ
tịch UBND tỉnh

2026 - 2027

II.1 Huy động các nguồn lực

3 Xây dựng Kế hoạch quản lý chất thải rắn
đến năm 2035

Sở Xây dựng

Đồng chí Nguyễn Văn B - Phó Chủ tịch UBND tỉnh
"""


def test_a_task_list_whose_cells_came_out_as_paragraphs() -> None:
    facts = facts_of(PARAGRAPH_CELLS, kind="programme")
    rows = [t for t in facts.tasks if t.section.startswith("PL")]
    assert [(t.text, t.lead, t.deadline) for t in rows] == [
        ("Rà soát, hoàn thiện hệ thống văn bản quy phạm pháp luật về bảo vệ môi trường",
         ("Sở Tài chính", "Sở Tư pháp"), "2026 - 2027"),
        ("Xây dựng Kế hoạch quản lý chất thải rắn đến năm 2035", ("Sở Xây dựng",), None)]
    assert PARAGRAPH_CELLS[rows[1].evidence.start:rows[1].evidence.end].startswith("Xây dựng Kế hoạch")
    # a sentence that cites "Phụ lục 2" is no appendix heading; recipients end where the appendix starts
    assert not any(s.style == "appendix" and "kèm theo" in s.heading for s in facts.sections)
    assert {m.name for m in facts.mentions} >= {"Sở Tài chính", "Sở Xây dựng"}


CLASSES = """V. TỔ CHỨC THỰC HIỆN
1. Các viện nghiên cứu, trường đại học căn cứ nhiệm vụ đề ra xây dựng chương trình nghiên cứu.
2. Các cơ quan nhà nước, tổ chức chính trị - xã hội, doanh nghiệp thực hiện tiết kiệm năng lượng.
3. Các cơ quan được phân công chủ trì thực hiện nhiệm vụ có trách nhiệm báo cáo kết quả.
4. Hằng năm, các bộ quản lý ngành, lĩnh vực tổng hợp kết quả thi hành Luật.
5. Trong quá trình thực hiện, nếu có vướng mắc, Thủ trưởng các cơ quan, đơn vị gửi ý kiến về Bộ Tài chính.
6. Bộ Tư pháp chủ trì, phối hợp với Ủy ban nhân dân các tỉnh, thành phố và các cơ quan có liên quan kiểm tra.
"""


@pytest.mark.parametrize("quote, owner, role, coop", [
    ("Các viện nghiên cứu", "các viện nghiên cứu, trường đại học", "responsible", ()),
    ("Các cơ quan nhà nước", "các cơ quan nhà nước, tổ chức chính trị - xã hội, doanh nghiệp", "responsible", ()),
    ("Các cơ quan được phân công", "các cơ quan được phân công chủ trì thực hiện nhiệm vụ", "responsible", ()),
    ("Hằng năm, các bộ", "các bộ quản lý ngành, lĩnh vực", "responsible", ()),
    ("Trong quá trình thực hiện", "các cơ quan, đơn vị", "responsible", ()),
    ("Bộ Tư pháp chủ trì", "Bộ Tư pháp", "lead", ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",)),
])
def test_classes_of_bodies_own_tasks_and_a_name_is_not_cut_by_a_group(quote, owner, role, coop) -> None:
    t = by_start(facts_of(CLASSES, kind="plan"), quote)
    assert (t.owner, t.owner_role, t.cooperating) == (owner, role, coop)


HTML_TABLE = """KẾ HOẠCH
Triển khai chuyển đổi số năm 2024
PHỤ LỤC
DANH MỤC NHIỆM VỤ
<table>
<tr><th>STT</th><th>Nhiệm vụ</th><th>Cơ quan chủ trì</th><th>Cơ quan phối hợp</th><th>Thời gian hoàn thành</th></tr>
<tr><td>I</td><td>Hoàn thiện thể chế</td><td></td><td></td><td></td></tr>
<tr>
<td>1</td>
<td>Xây dựng quy chế quản lý<br>dữ liệu &amp; chia sẻ</td>
<td>Sở Thông tin và Truyền thông</td>
<td>Sở Tư pháp; Sở Tài chính</td>
<td>Quý IV/2024</td>
</tr>
</table>
"""


def test_an_html_task_table_reads_like_pipe_rows() -> None:
    tasks = facts_of(HTML_TABLE, kind="plan").tasks
    assert [(t.text, t.lead, t.cooperating, t.deadline) for t in tasks] == [
        ("Xây dựng quy chế quản lý dữ liệu & chia sẻ", ("Sở Thông tin và Truyền thông",),
         ("Sở Tư pháp", "Sở Tài chính"), "Quý IV/2024")]
    assert tasks[0].evidence.quote == "Xây dựng quy chế quản lý<br>dữ liệu &amp; chia sẻ"  # the original's markup


BODY_HEADINGS = """KẾ HOẠCH
Thực hiện Nghị quyết số 57-NQ/TW
II. NHIỆM VỤ, GIẢI PHÁP
1. Nhiệm vụ chung
Các cơ quan của Quốc hội quán triệt Nghị quyết.
2. Nhiệm vụ cụ thể
a) Hội đồng Dân tộc, các Ủy ban của Quốc hội
- Thẩm tra các dự án luật về khoa học, công nghệ.
b) Chủ tịch Ủy ban nhân dân cấp xã:
- Chỉ đạo xây dựng cơ sở dữ liệu đất đai.
"""


@pytest.mark.parametrize("quote, owners", [
    ("Các cơ quan của Quốc hội", ("các cơ quan của quốc hội",)),
    ("Thẩm tra các dự án luật", ("Hội đồng Dân tộc", "các ủy ban của quốc hội")),
    ("Chỉ đạo xây dựng cơ sở dữ liệu", ("Ủy ban nhân dân cấp xã",)),  # the heading names the body's head
])
def test_lettered_headings_naming_bodies_or_their_heads(quote, owners) -> None:
    assert by_start(facts_of(BODY_HEADINGS, kind="plan"), quote).owners == owners


REGULATION = """ỦY BAN NHÂN DÂN TỈNH LÀO CAI
Số: 12/QĐ-UBND
QUYẾT ĐỊNH
Ban hành Quy chế quản lý dữ liệu
Điều 1. Ban hành kèm theo Quyết định này Quy chế quản lý dữ liệu.
Điều 2. Giám đốc các sở chịu trách nhiệm thi hành Quyết định này.
Nơi nhận:
- Như Điều 2;
- Lưu: VT.
QUY CHẾ
Quản lý dữ liệu trên địa bàn tỉnh
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc quản lý dữ liệu của các cơ quan nhà nước.
Chương III
TỔ CHỨC THỰC HIỆN
Điều 10. Trách nhiệm của Sở Khoa học và Công nghệ
1. Chủ trì hướng dẫn các cơ quan triển khai Quy chế này.
2. Cập nhật dữ liệu chuyên ngành:
a) Dữ liệu đất đai;
b) Dữ liệu dân cư.
Điều 11. Công an tỉnh
Bảo đảm an ninh dữ liệu của tỉnh.
"""


@pytest.mark.parametrize("quote, owner, section", [
    ("Chủ trì hướng dẫn các cơ quan", "Sở Khoa học và Công nghệ tỉnh Lào Cai", "CIII.D10.1"),
    ("Cập nhật dữ liệu chuyên ngành", "Sở Khoa học và Công nghệ tỉnh Lào Cai", "CIII.D10.2"),  # items list nouns
    ("Bảo đảm an ninh dữ liệu", "Công an tỉnh Lào Cai", "CIII.D11"),  # an article heading is not run on
])
def test_duties_by_article_in_an_attached_regulation(quote, owner, section) -> None:
    facts = facts_of(REGULATION, kind="decision")
    t = by_start(facts, quote)
    assert (t.owner, t.section) == (owner, section)
    assert not any("Phạm vi" in x.text or x.text.startswith("Dữ liệu") for x in facts.tasks)


ONE_COLUMN = """KẾ HOẠCH
Triển khai Luật Dữ liệu
PHỤ LỤC
DANH MỤC NHIỆM VỤ
| TT | Nội dung công việc | Cơ quan thực hiện | Thời gian |
| --- | --- | --- | --- |
| 1 | Xây dựng cơ sở dữ liệu dân cư | Bộ Công an chủ trì, phối hợp với Bộ Tư pháp | 2025 |
| 2 | Kết nối dữ liệu đất đai | Bộ Tài nguyên và Môi trường (chủ trì); Bộ Tài chính | 2026 |
| TT | Nhiệm vụ | Cơ quan thực hiện | | Thời gian |
| | | Chủ trì | Phối hợp | |
| 3 | Số hóa hồ sơ | Bộ Nội vụ | Bộ Tư pháp | 2027 |
| 4 | Xây dựng đề án | Bộ Nội vụ | Các cơ quan, đơn vị | Năm 2028 |
"""


def test_lead_and_partners_in_one_column_and_a_two_row_header() -> None:
    tasks = facts_of(ONE_COLUMN, kind="plan").tasks
    assert [(t.text, t.lead, t.cooperating, t.deadline) for t in tasks] == [
        ("Xây dựng cơ sở dữ liệu dân cư", ("Bộ Công an",), ("Bộ Tư pháp",), "2025"),
        ("Kết nối dữ liệu đất đai", ("Bộ Tài nguyên và Môi trường",), ("Bộ Tài chính",), "2026"),
        ("Số hóa hồ sơ", ("Bộ Nội vụ",), ("Bộ Tư pháp",), "2027"),  # "Chủ trì | Phối hợp" under "Cơ quan thực hiện"
        ("Xây dựng đề án", ("Bộ Nội vụ",), (), "Năm 2028")]  # a row with header words is still a row


def test_an_owner_named_before_a_colon_that_cooperates() -> None:
    t = facts_of("II. NHIỆM VỤ\n- Sở Nội vụ: phối hợp với Sở Tư pháp rà soát thủ tục hành chính.\n").tasks[0]
    assert (t.owner, t.owner_role, t.cooperating) == ("Sở Nội vụ", "cooperating", ("Sở Tư pháp",))


def test_a_heading_ending_in_de_keeps_its_purposes() -> None:
    text = ("II. NHIỆM VỤ\n1. Bộ Tư pháp\na) Sửa đổi Luật Ban hành văn bản để:\n"
            "- Tháo gỡ các vướng mắc về thủ tục;\n- Đơn giản hóa quy trình xây dựng luật.\n"
            "b) Rà soát các văn bản quy phạm pháp luật hằng năm.\n")
    tasks = facts_of(text, kind="plan").tasks
    assert [(t.owner, t.text.split("\n")[0]) for t in tasks] == [
        ("Bộ Tư pháp", "Sửa đổi Luật Ban hành văn bản để:"),
        ("Bộ Tư pháp", "Rà soát các văn bản quy phạm pháp luật hằng năm.")]
    assert tasks[0].text.endswith("Đơn giản hóa quy trình xây dựng luật.")


ADDRESSED = """KẾ HOẠCH
Thực hiện Chương trình chuyển đổi số
III. NỘI DUNG TRỌNG TÂM
1. Giao Sở Tài chính chủ trì, phối hợp với Sở Nội vụ tham mưu bố trí kinh phí.
2. Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội tuyên truyền.
"""


@pytest.mark.parametrize("k, owner, role, coop", [
    (0, "Sở Tài chính", "lead", ("Sở Nội vụ",)),  # the body given the task leads it
    (1, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "responsible", ()),  # no group cut out of the name's tail
])
def test_bodies_a_sentence_gives_the_task_to(k, owner, role, coop) -> None:
    t = facts_of(ADDRESSED, kind="plan").tasks[k]
    assert (t.owner, t.owner_role, t.cooperating) == (owner, role, coop)


def test_numbered_items_past_99_are_items() -> None:
    lines = [f"{k}. Rà soát thủ tục hành chính số {k} thuộc lĩnh vực y tế." for k in range(98, 102)]
    tasks = facts_of("II. NHIỆM VỤ CỦA BỘ Y TẾ\n" + "\n".join(lines) + "\n", kind="plan").tasks
    assert [t.section for t in tasks] == ["II.98", "II.99", "II.100", "II.101"]
    assert all(t.owner == "Bộ Y tế" for t in tasks)


GROUP_COLUMN = """PHỤ LỤC
DANH MỤC HOẠT ĐỘNG
| TT | Nhóm hoạt động | Hoạt động | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
| --- | --- | --- | --- | --- | --- |
| a) | Nhóm hoạt động bảo vệ nguồn nước |
| - | Quản lý khai thác nước ngầm. | + Kiểm kê các giếng khoan ở vùng ven biển. | Bộ Xây dựng | Bộ Y tế | 2027 - 2028 |
|  |  | + Xây dựng bản đồ vùng hạn chế khai thác. | Bộ Công Thương | Bộ Xây dựng | 2028 |
"""


def test_a_group_column_heads_the_activities_of_a_table() -> None:
    tasks = facts_of(GROUP_COLUMN, kind="plan").tasks
    assert [(t.text, t.owner, t.cooperating, t.deadline) for t in tasks] == [
        ("+ Kiểm kê các giếng khoan ở vùng ven biển.", "Bộ Xây dựng", ("Bộ Y tế",), "2027 - 2028"),
        ("+ Xây dựng bản đồ vùng hạn chế khai thác.", "Bộ Công Thương", ("Bộ Xây dựng",), "2028"),
    ]


SCHEDULE = """III. TIẾN ĐỘ VÀ KINH PHÍ
1. Tiến độ thực hiện
a) Giai đoạn 2026 - 2027:
- Ưu tiên triển khai các hoạt động sau:
+ Khảo sát hiện trạng các trạm quan trắc;
+ Lắp đặt thiết bị đo tự động tại cửa sông.
2. Kinh phí
- Từ ngân sách trung ương là 40 tỷ đồng;
- Vốn vay ưu đãi của các nhà tài trợ.
- Bộ Tài chính: 2.500.000.000 đồng.
- Bộ Xây dựng: 1.200.000.000 đồng.
3. Bộ Tài chính chủ trì, phối hợp với các Bộ: Xây dựng, Y tế bố trí vốn đối ứng.
"""


def test_a_schedule_holds_tasks_and_money_lines_are_not_tasks() -> None:
    tasks = facts_of(SCHEDULE, kind="plan").tasks
    assert [t.text for t in tasks] == [
        "Khảo sát hiện trạng các trạm quan trắc;", "Lắp đặt thiết bị đo tự động tại cửa sông.",
        "Bộ Tài chính chủ trì, phối hợp với các Bộ: Xây dựng, Y tế bố trí vốn đối ứng."]
    assert tasks[0].owner is None
    assert tasks[2].cooperating == ("Bộ Xây dựng", "Bộ Y tế")  # "các Bộ:" names the ministry once


BARE_APPENDIX = """Điều 3. Các Bộ trưởng, Thủ trưởng cơ quan ngang bộ chịu trách nhiệm thi hành Quyết định này.

Phụ lục II

DANH MỤC CÁC NHIỆM VỤ THỰC HIỆN ĐỀ ÁN

(Kèm theo Quyết định số 77/QĐ-TTg ngày 02 tháng 3 năm 2026 của Thủ tướng Chính phủ)

STT

Tên nhiệm vụ

Đơn vị
chủ trì

Đơn vịphốihợp

Sản phẩm

Thời gian thực hiện

Xây dựng bộ dữ liệu mở về thời tiết phục vụ nông nghiệp

Bộ Nông nghiệp và Môi trường

Bộ Khoa học và Công nghệ, các bộ, ngành liên quan và Ủy ban nhân dân các tỉnh, thành phố

Bộ dữ liệu mở được công bố

Giai đoạn
2026 - 2028

Ban hành hướng dẫn chia sẻ dữ liệu khí tượng

Bộ Khoa học và Công nghệ

Các bộ, ngành liên quan

Văn bản hướng dẫn

Tháng 6/2027
"""


def test_a_bare_appendix_heading_and_a_partners_column_of_paragraph_cells() -> None:
    rows = [t for t in facts_of(BARE_APPENDIX, kind="decision").tasks if t.section.startswith("PL")]
    assert [(t.text, t.owner, t.cooperating, t.deadline) for t in rows] == [
        ("Xây dựng bộ dữ liệu mở về thời tiết phục vụ nông nghiệp", "Bộ Nông nghiệp và Môi trường",
         ("Bộ Khoa học và Công nghệ", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"),
         "Giai đoạn 2026 - 2028"),
        ("Ban hành hướng dẫn chia sẻ dữ liệu khí tượng", "Bộ Khoa học và Công nghệ", (), "Tháng 6/2027")]


def test_glued_header_words_name_their_columns() -> None:
    assert header_columns(cells("| TT | Nhiệm vụ thựchiện | Đơn vịchủ trì | Đơn vịphốihợp | Thờigian |", 0)) == {
        "index": 0, "task": 1, "lead": 2, "cooperating": 3, "deadline": 4}


def test_a_partner_named_after_a_catch_all_and_va() -> None:
    text = ("PHỤ LỤC\nDANH MỤC NHIỆM VỤ\n| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |\n"
            "| --- | --- | --- | --- | --- |\n"
            "| 1 | Lập đề án phát triển khu công nghệ cao | Bộ Khoa học và Công nghệ | "
            "Các cơ quan liên quan và UBND TP Hà Nội | 2027 |\n")
    (task,) = facts_of(text, kind="plan").tasks
    assert task.cooperating == ("Ủy ban nhân dân thành phố Hà Nội",)


def test_items_under_a_heading_whose_owner_leads_are_led_by_it() -> None:
    text = ("III. TỔ CHỨC THỰC HIỆN\n1. Giao Bộ Xây dựng chủ trì, phối hợp với các bộ, ngành liên quan:\n"
            "a) Rà soát quy chuẩn về nhà ở xã hội;\nb) Tổng kết việc thực hiện chính sách nhà ở.\n"
            "2. Bộ Tài chính có trách nhiệm:\na) Bố trí kinh phí thực hiện Đề án.\n")
    tasks = facts_of(text, kind="decision").tasks
    assert [(t.owner, t.owner_role, t.lead) for t in tasks] == [
        ("Bộ Xây dựng", "lead", ("Bộ Xây dựng",)), ("Bộ Xây dựng", "lead", ("Bộ Xây dựng",)),
        ("Bộ Tài chính", "responsible", ())]


REPORT_LISTS = """BÁO CÁO
Kết quả thực hiện Chương trình chuyển đổi số năm 2025
I. KẾT QUẢ
Các bộ đã hoàn thành 12 nhiệm vụ.
II. ĐỀ XUẤT, KIẾN NGHỊ
Bộ Tư pháp chủ trì, phối hợp với Bộ Công an:
- (i) Rà soát quy trình cấp phiếu lý lịch tư pháp trực tuyến;
- (ii) Kết nối cơ sở dữ liệu hộ tịch với cơ sở dữ liệu dân cư.
PHỤ LỤC 2: DANH MỤC NHIỆM VỤ CHÍNH PHỦ VÀ THỦ TƯỚNG CHÍNH PHỦ GIAO CÁC BỘ, NGÀNH TRONG NĂM 2025 CẦN TIẾP TỤC THỰC HIỆN
- Số hóa hồ sơ đăng ký đất đai.
- Vận hành Cổng dữ liệu quốc gia.
"""


def test_a_reports_proposals_under_a_lead_sentence_and_its_long_task_list_title() -> None:
    tasks = facts_of(REPORT_LISTS, kind="report").tasks
    assert [(t.text, t.owner, t.owner_role, t.cooperating) for t in tasks] == [
        ("(i) Rà soát quy trình cấp phiếu lý lịch tư pháp trực tuyến;", "Bộ Tư pháp", "lead", ("Bộ Công an",)),
        ("(ii) Kết nối cơ sở dữ liệu hộ tịch với cơ sở dữ liệu dân cư.", "Bộ Tư pháp", "lead", ("Bộ Công an",)),
        ("Số hóa hồ sơ đăng ký đất đai.", None, None, ()),
        ("Vận hành Cổng dữ liệu quốc gia.", None, None, ())]


def test_a_subject_whose_heading_ends_with_its_duty_and_a_head_given_the_task() -> None:
    text = ("Điều 9. Tổ chức thực hiện\n"
            "1. Giao Giám đốc Sở Xây dựng chịu trách nhiệm hướng dẫn thực hiện Quy chế này.\n"
            "2. Các Sở, ban, ngành, UBND cấp xã trong phạm vi quản lý liên quan đến nhà ở có trách nhiệm:\n"
            "a) Cập nhật dữ liệu nhà ở trên địa bàn;\nb) Báo cáo kết quả trước ngày 15 tháng 12 hằng năm.\n")
    tasks = facts_of(text, kind="decision").tasks
    assert [t.owner for t in tasks] == ["Sở Xây dựng", "các sở, ban, ngành", "các sở, ban, ngành"]
    assert tasks[1].owners == ("các sở, ban, ngành", "Ủy ban nhân dân cấp xã")


def test_a_report_records_directions_given_to_bodies_but_not_vague_ones() -> None:
    text = ("BÁO CÁO\nKết quả quản lý tài nguyên nước năm 2025\nI. KẾT QUẢ\n"
            "1. Về quy hoạch\nUBND tỉnh đã chỉ đạo Sở Xây dựng rà soát quy hoạch cấp nước đô thị.\n"
            "2. Về kiểm soát ô nhiễm\nUBND tỉnh đã chỉ đạo các sở, ngành thực hiện các nhiệm vụ được giao.\n"
            "3. Về cấp phép\nUBND tỉnh đã ban hành văn bản chỉ đạo Sở Tài chính về giá nước.\n")
    tasks = facts_of(text, kind="report").tasks
    assert [(t.owner, t.text) for t in tasks] == [
        ("Sở Xây dựng", "UBND tỉnh đã chỉ đạo Sở Xây dựng rà soát quy hoạch cấp nước đô thị.")]


def test_a_heading_whose_subject_follows_an_opening_clause() -> None:
    text = ("II. PHÂN CÔNG NHIỆM VỤ\n"
            "**2.1. Để thể chế hoá đầy đủ Nghị quyết, Đảng đoàn Quốc hội xác định các nhiệm vụ sau:**\n"
            "- Khẩn trương rà soát các quy định pháp luật về đổi mới sáng tạo.\n"
            "- Chủ động xây dựng chương trình giám sát chuyên đề.\n")
    tasks = facts_of(text, kind="plan").tasks
    assert [t.owner for t in tasks] == ["Đảng đoàn Quốc hội", "Đảng đoàn Quốc hội"]


def test_phases_of_implementation_hold_tasks_and_theo_doi_is_an_action() -> None:
    text = ("II. NHIỆM VỤ\n1. Quản lý nguồn nước\n- Theo dõi, giám sát chất lượng nước các sông liên tỉnh;\n"
            "- Theo quy định hiện hành, việc cấp phép do cấp tỉnh thực hiện.\n"
            "III. CÁC GIAI ĐOẠN THỰC HIỆN\n1. Giai đoạn đến năm 2030\n"
            "- Xây dựng cơ sở dữ liệu quốc gia về tài nguyên nước;\n"
            "IV. LỘ TRÌNH TRIỂN KHAI THỊ TRƯỜNG\n"
            "a) Giai đoạn thực hiện thí điểm từ năm 2027 đến năm 2028\n"
            "- Toàn bộ hạn ngạch được phân bổ miễn phí cho các cơ sở.\n")
    assert [t.text for t in facts_of(text, kind="plan").tasks] == [
        "Theo dõi, giám sát chất lượng nước các sông liên tỉnh;", "Xây dựng cơ sở dữ liệu quốc gia về tài nguyên nước;"]


def test_recipients_after_a_clause_without_its_final_stop_are_no_tasks() -> None:
    text = ("CHÍNH PHỦ\nSố: 5/NQ-CP\nHà Nội, ngày 2 tháng 3 năm 2026\nNGHỊ QUYẾT\nBan hành Chương trình hành động\n"
            "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình hành động.\n"
            "Điều 2. Bộ trưởng, Thủ trưởng cơ quan ngang bộ, Thủ trưởng cơ quan thuộc Chính phủ chịu trách nhiệm "
            "thi hành Nghị quyết này\n \n\nNơi nhận:\n- Ban Bí thư Trung ương Đảng;\n- Kiểm toán nhà nước;\n"
            "- Lưu: VT.\nCHƯƠNG TRÌNH HÀNH ĐỘNG\nII. NHIỆM VỤ, GIẢI PHÁP\n"
            "- Hoàn thiện chính sách thu hút nhân lực địa chất.\n")
    tasks = facts_of(text, kind="resolution").tasks
    assert [(t.text, t.owner) for t in tasks] == [("Hoàn thiện chính sách thu hút nhân lực địa chất.", None)]


REPORT = """ỦY BAN NHÂN DÂN TỈNH HÒA BÌNH
Số: 210/BC-UBND
Hòa Bình, ngày 5 tháng 1 năm 2026
BÁO CÁO
Kết quả quản lý vật liệu xây dựng năm 2025
1. Công tác chỉ đạo
Trong các kết luận giao ban, Ủy ban nhân dân tỉnh thường xuyên chỉ đạo các cơ quan chuyên môn kiểm tra các mỏ đá.
Thời gian tới, Ủy ban nhân dân tỉnh tiếp tục yêu cầu các Sở, ban, ngành và địa phương:
- Tăng cường kiểm tra các bãi tập kết cát.
- Báo cáo kết quả hằng quý đúng thời hạn.
2. Khó khăn
Quy định về đóng cửa mỏ chưa rõ. Nội dung này, đề nghị Bộ Xây dựng hướng dẫn tiêu chí đóng cửa mỏ.
Lý do: tránh thất thoát tài nguyên khi doanh nghiệp đề nghị Bộ Xây dựng cho đóng cửa mỏ sớm.
2.1. Giải pháp thực hiện
- Rà soát hồ sơ môi trường của các mỏ đang khai thác.
"""


def test_a_reports_assignments_requests_and_proposals() -> None:
    tasks = facts_of(REPORT, kind="report").tasks
    assert [(t.text[:40], t.owner, t.owners, t.kind) for t in tasks] == [
        ("Trong các kết luận giao ban, Ủy ban nhân", "các cơ quan chuyên môn", ("các cơ quan chuyên môn",),
         "recommended"),
        ("Tăng cường kiểm tra các bãi tập kết cát.", "các sở, ban, ngành", ("các sở, ban, ngành", "các địa phương"),
         "recommended"),
        ("Báo cáo kết quả hằng quý đúng thời hạn.", "các sở, ban, ngành", ("các sở, ban, ngành", "các địa phương"),
         "recommended"),
        ("Quy định về đóng cửa mỏ chưa rõ. Nội dun", "Bộ Xây dựng", ("Bộ Xây dựng",), "recommended"),
        ("Rà soát hồ sơ môi trường của các mỏ đang", None, (), "recommended"),
    ]  # the lead sentence and "Lý do: …" are no tasks


def test_heads_of_bodies_directly_under_the_government_and_a_two_line_signer() -> None:
    text = ("CHÍNH PHỦ\nSố: 7/NQ-CP\nHà Nội, ngày 2 tháng 3 năm 2026\nNGHỊ QUYẾT\nVề công tác đối ngoại\n"
            "III. TỔ CHỨC THỰC HIỆN\n1. Bộ trưởng, Thủ trưởng cơ quan ngang Bộ, cơ quan trực thuộc Chính phủ tập "
            "trung chỉ đạo thực hiện Chương trình.\n\nTM. CHÍNH PHỦ KT. THỦ TƯỚNG PHÓ THỦ TƯỚNG\n\nNguyễn Văn B\n")
    tasks = facts_of(text, kind="resolution").tasks
    assert [(t.text[:30], t.owner) for t in tasks] == [
        ("Bộ trưởng, Thủ trưởng cơ quan ", "các bộ, cơ quan ngang bộ, cơ quan thuộc chính phủ")]


def test_an_item_whose_subject_is_its_heading_after_an_opening_clause() -> None:
    text = ("IV. TỔ CHỨC THỰC HIỆN\n3. Bộ Công Thương\n- Theo chức năng, nhiệm vụ được giao, chủ trì, phối hợp với "
            "Bộ Tài chính, Bộ Xây dựng lập quy hoạch khoáng sản.\n")
    task = facts_of(text, kind="strategy").tasks[0]
    assert (task.owner, task.cooperating) == ("Bộ Công Thương", ("Bộ Tài chính", "Bộ Xây dựng"))


def test_a_task_given_as_numbered_fields_with_its_name_first() -> None:
    text = ("CHÍNH PHỦ\nSố: 8/NQ-CP\nHà Nội, ngày 2 tháng 3 năm 2026\nNGHỊ QUYẾT\nSửa đổi nhiệm vụ\n"
            "Điều 1. Điều chỉnh nhiệm vụ số 3 của Chương trình hành động như sau:\n"
            "1. Tên nhiệm vụ: Xây dựng Đề án phát triển mạng lưới chuyên gia pháp lý.\n"
            "2. Cơ quan chủ trì: Bộ Tư pháp.\n3. Cơ quan phối hợp: Bộ Ngoại giao.\n"
            "4. Kết quả: Quyết định của Thủ tướng Chính phủ.\n5. Thời gian hoàn thành: Quý IV/2026.\n"
            "Điều 2. Nghị quyết này có hiệu lực từ ngày ký.\n")
    tasks = facts_of(text, kind="resolution").tasks
    assert [(t.text, t.owner, t.cooperating, t.deadline, t.product) for t in tasks] == [
        ("Xây dựng Đề án phát triển mạng lưới chuyên gia pháp lý.", "Bộ Tư pháp", ("Bộ Ngoại giao",), "Quý IV/2026",
         "Quyết định của Thủ tướng Chính phủ")]


def test_the_contents_a_task_lists_are_not_tasks_of_their_own() -> None:
    text = ("II. NHIỆM VỤ, GIẢI PHÁP\n- Hoàn thành hồ sơ dự án Luật Địa chất trình Chính phủ trong năm 2026. "
            "Tập trung vào một số nội dung:\n+ Quy định rõ nội dung điều tra cơ bản địa chất.\n"
            "+ Quy định rõ trách nhiệm của tổ chức tham gia hoạt động khoáng sản.\n"
            "- Trong năm 2026 hoàn thành việc lập, trình phê duyệt các nhiệm vụ:\n+ Chiến lược địa chất.\n"
            "+ Quy hoạch điều tra cơ bản địa chất.\n")
    tasks = facts_of(text, kind="programme").tasks
    assert [t.text[:30] for t in tasks] == ["Hoàn thành hồ sơ dự án Luật Đị", "Chiến lược địa chất.",
                                            "Quy hoạch điều tra cơ bản địa "]


def test_a_long_heading_naming_zones_and_associations_owns_its_items() -> None:
    text = ("V. TỔ CHỨC THỰC HIỆN\n8. Các Khu Công nghệ cao, Khu Công nghệ số tập trung và hiệp hội, doanh nghiệp "
            "liên quan\na) Làm cầu nối giữa cơ quan quản lý nhà nước với các doanh nghiệp công nghệ số.\n")
    task = facts_of(text, kind="programme").tasks[0]
    assert task.owner == "các khu công nghệ cao, khu công nghệ số tập trung và hiệp hội, doanh nghiệp liên quan"
