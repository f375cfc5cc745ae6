"""Pipe task tables in the shapes a ministry's work plan takes: time first, merged cells, two-line header."""

from tests.conftest import facts_of

WORK_PLAN = """BỘ CÔNG THƯƠNG
Số: 77/QĐ-BCT
Hà Nội, ngày 3 tháng 2 năm 2026
QUYẾT ĐỊNH
Ban hành Kế hoạch lập quy hoạch mạng lưới kho xăng dầu
KẾ HOẠCH
I. TIẾN ĐỘ THỰC HIỆN
Thời gian | Nội dung công việc | Cơ quan chịu trách nhiệm theo quy định | Thực hiện
 |  |  | Đơn vị chủ trì | Đơn vị phối hợp
I | GIAI ĐOẠN 1: LẬP NHIỆM VỤ
1 | Lập nhiệm vụ quy hoạch
02-03/2026 | Xây dựng đề cương nhiệm vụ | Cơ quan lập | Vụ Thị trường trong nước | - Vụ Pháp chế; - Văn phòng Bộ.
 | Lấy ý kiến các bộ, ngành về nhiệm vụ | Cơ quan lập quy hoạch | Vụ Kế hoạch- Tài chính/ Vụ Pháp chế. | - Văn phòng Bộ.
 | Lựa chọn đơn vị tư vấn | Cơ quan lập quy hoạch | Vụ Thị trường trong nước /Tư vấn được lựa chọn | - Vụ Pháp chế.
04/2026 | Phê duyệt nhiệm vụ lập quy hoạch | Thủ tướng Chính phủ |  | 
05/2026 | Lấy ý kiến thành viên Hội đồng | Cơ quan lập | Do Chủ tịch Hội đồng quyết định (*) | - Vụ Pháp chế.
"""


def test_a_work_plan_with_its_time_column_first() -> None:
    tasks = [t for t in facts_of(WORK_PLAN, kind="plan").tasks if t.section.startswith("I")]
    assert [(t.text, t.owner, t.owner_role, t.lead, t.cooperating, t.deadline) for t in tasks] == [
        ("Xây dựng đề cương nhiệm vụ", "Vụ Thị trường trong nước", "lead",
         ("Vụ Thị trường trong nước",), ("Vụ Pháp chế", "Văn phòng Bộ Công Thương"), "02-03/2026"),
        # an empty time cell is the time merged over the rows below it; "X/ Y" names two leads
        ("Lấy ý kiến các bộ, ngành về nhiệm vụ", "Vụ Kế hoạch- Tài chính", "lead",
         ("Vụ Kế hoạch- Tài chính", "Vụ Pháp chế"), ("Văn phòng Bộ Công Thương",), "02-03/2026"),
        # a consultant still to be chosen is no body
        ("Lựa chọn đơn vị tư vấn", "Vụ Thị trường trong nước", "lead", ("Vụ Thị trường trong nước",),
         ("Vụ Pháp chế",), "02-03/2026"),
        # no unit to lead it: the body the column of state responsibility names answers for it
        ("Phê duyệt nhiệm vụ lập quy hoạch", "Thủ tướng Chính phủ", "responsible", (), (), "04/2026"),
        # a lead cell that names nobody ("as the chairman decides"): a task with no owner
        ("Lấy ý kiến thành viên Hội đồng", None, None, (), (), "05/2026"),
    ]  # the group rows "I | GIAI ĐOẠN 1 …" and "1 | Lập nhiệm vụ quy hoạch" are not tasks


GROUP_PARTNERS = """THỦ TƯỚNG CHÍNH PHỦ
Số: 30/QĐ-TTg
Hà Nội, ngày 3 tháng 2 năm 2026
QUYẾT ĐỊNH
Phê duyệt Chương trình chính phủ số
PHỤ LỤC
DANH MỤC NHIỆM VỤ
| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian |
| 1 | Xây dựng danh mục nền tảng số quốc gia | Bộ Khoa học và Công nghệ | Các bộ, ngành, địa phương | 2026 |
| 2 | Xây dựng Luật Chuyển đổi số | Bộ Khoa học và Công nghệ | Bộ Tư pháp, các bộ, ngành | 2026 |
| 3 | Xây dựng Luật An ninh dữ liệu | Bộ Công an | Bộ Tài chính và các bộ, ngành khác có liên quan | 2027 |
"""


def test_a_class_of_bodies_alone_in_the_partners_cell_is_the_partner() -> None:
    tasks = facts_of(GROUP_PARTNERS, kind="decision").tasks
    assert [t.cooperating for t in tasks] == [
        ("các bộ, ngành, địa phương",),  # alone: the row's partner
        ("Bộ Tư pháp",),  # beside a named body: a catch-all
        ("Bộ Tài chính",),  # trailing the list off: a catch-all
    ]
