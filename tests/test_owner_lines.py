"""Owners given on lines of their own: a "-" line naming only bodies above its "+" items, a paragraph naming
only bodies above the bullets, a task block's "Nhiệm vụ:" / "Cơ quan thực hiện:" sub-headings; and headings
of a text whose paragraphs are set apart by blank lines (a web page's text)."""

from extract.normalize import normalize
from tests.conftest import facts_of

RESOLUTION = """CHÍNH PHỦ
Số: 40/NQ-CP
Hà Nội, ngày 4 tháng 5 năm 2026
NGHỊ QUYẾT
Về quản lý rác thải
III. NHIỆM VỤ, GIẢI PHÁP
Các bộ, cơ quan trung ương, Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương tổ chức thực hiện các \
nhiệm vụ sau đây:
1. Hoàn thiện thể chế
- Bộ Công Thương
+ Ban hành quy định về thiết kế sản phẩm dễ tái chế.
+ Rà soát quy hoạch điện rác.
- Bộ Xây dựng.
+ Ban hành quy chuẩn công trình xử lý chất thải.
2. Hoàn thiện hạ tầng thu gom
Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương:
- Rà soát danh mục dự án thu gom rác thải.
- Bố trí trang thiết bị phân loại rác.
"""


def test_a_line_that_only_names_bodies_owns_the_items_below_it() -> None:
    tasks = facts_of(RESOLUTION, kind="resolution").tasks
    assert [(t.text, t.owner) for t in tasks] == [
        ("Ban hành quy định về thiết kế sản phẩm dễ tái chế.", "Bộ Công Thương"),
        ("Rà soát quy hoạch điện rác.", "Bộ Công Thương"),
        ("Ban hành quy chuẩn công trình xử lý chất thải.", "Bộ Xây dựng"),
        # a paragraph naming only the committees, then ":" — the owner of the bullets, not the section's lead
        ("Rà soát danh mục dự án thu gom rác thải.", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"),
        ("Bố trí trang thiết bị phân loại rác.", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"),
    ]  # "- Bộ Công Thương" and "- Bộ Xây dựng." head their items: no tasks of their own


PLAN = """ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI
Số: 30/KH-UBND
Hà Nội, ngày 2 tháng 3 năm 2026
KẾ HOẠCH
Phát triển dữ liệu
II. NHIỆM VỤ
1. Về dữ liệu
1.1. Xây dựng kho dữ liệu dùng chung:
a) Nhiệm vụ: Xây dựng kho dữ liệu dùng chung của Thành phố.
b) Cơ quan thực hiện:
- Đơn vị chủ trì: Sở Khoa học và Công nghệ.
- Đơn vị phối hợp: Sở Tài chính.
c) Thời gian thực hiện: Năm 2026.
1.2. Chuẩn hóa dữ liệu:
a) Nhiệm vụ:
- Rà soát, chuẩn hóa cơ sở dữ liệu chuyên ngành.
- Kết nối dữ liệu về Trung tâm dữ liệu quốc gia.
b) Cơ quan thực hiện:
- Đơn vị chủ trì: Sở Nội vụ.
- Đơn vị phối hợp: Sở Tư pháp.
c) Thời gian thực hiện: Thường xuyên.
"""


def test_a_block_of_task_and_executor_sub_headings() -> None:
    tasks = facts_of(PLAN, kind="plan").tasks
    city = "thành phố Hà Nội"
    assert [(t.text, t.owner, t.owner_role, t.cooperating, t.deadline) for t in tasks] == [
        ("Nhiệm vụ: Xây dựng kho dữ liệu dùng chung của Thành phố.", f"Sở Khoa học và Công nghệ {city}", "lead",
         (f"Sở Tài chính {city}",), "Năm 2026"),
        ("Rà soát, chuẩn hóa cơ sở dữ liệu chuyên ngành.", f"Sở Nội vụ {city}", "lead", (f"Sở Tư pháp {city}",),
         "Thường xuyên"),
        ("Kết nối dữ liệu về Trung tâm dữ liệu quốc gia.", f"Sở Nội vụ {city}", "lead", (f"Sở Tư pháp {city}",),
         "Thường xuyên"),
    ]  # "Cơ quan thực hiện:" is no task: its lines say who leads and who cooperates


# Each paragraph after a blank line; the first line of a paragraph cut short ("d) Đài Truyền hình Việt").
WEB = "\n\n".join([
    "I. MỤC TIÊU", "1. Mục tiêu chung", "Giảm rác thải nhựa.", "II. NHIỆM VỤ, GIẢI PHÁP",
    *[f"{k}. Nhiệm vụ số {k}" for k in range(1, 9)],
    "b) Hoàn thiện hạ tầng kỹ thuật đồng bộ về phân loại, thu gom, vận chuyển, tái chế, xử lý rác thải sinh\n"
    "hoạt sau phân loại",
    "Ủy ban nhân dân các tỉnh:",
    "- Rà soát danh mục dự án.",
    "d) Đài Truyền hình Việt\nNam, Đài Tiếng nói Việt Nam tăng cường thời lượng tuyên truyền.",
])


def test_a_blank_line_ends_a_heading_and_no_blank_line_goes_on() -> None:
    lines = normalize(WEB).text.split("\n")
    assert "b) Hoàn thiện hạ tầng kỹ thuật đồng bộ về phân loại, thu gom, vận chuyển, tái chế, xử lý rác thải " \
           "sinh hoạt sau phân loại" in lines
    assert "Ủy ban nhân dân các tỉnh:" in lines  # a paragraph of its own, not the heading's end
    assert "d) Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam tăng cường thời lượng tuyên truyền." in lines
