"""Task tables written one cell per line between lone "|" lines (a web page's table converted to text)."""

from extract.normalize import normalize
from tests.conftest import facts_of

# Rows are separated by two bars; the group row "II" has its empty cells as bars in a run; a body's name and
# the header's words are cut by the cell's width.
PLAN = """ỦY BAN NHÂN DÂN TỈNH ĐỒNG THÁP
Số: 12/KH-UBND
Đồng Tháp, ngày 2 tháng 3 năm 2026
KẾ HOẠCH
Chuyển đổi số trong doanh nghiệp
PHỤ LỤC
DANH MỤC NHIỆM VỤ
* (Kèm theo Kế hoạch số 12/KH-UBND)*
|
**STT**
|
**Tên nhiệm
vụ**
|
**Cơ quan chủ trì**
|
**Cơ quan phối hợp**
|
**Thời gian hoàn thành**
|
|
**I**
|
**Nâng cao nhận thức**
|
|
1
|
Tổ chức tập huấn kỹ năng số cho
hộ kinh doanh trên địa bàn tỉnh.
|
Sở Khoa học và
Công nghệ
|
Sở Công Thương; UBND các xã, phường
|
Quý IV/2026
|
|
II
|
Hoàn thiện chính sách
|
|
|
|
|
2
|
Xây dựng Bộ tiêu chí đánh giá mức độ chuyển đổi số.
|
Sở Nội vụ
|
|
Năm 2027
|
Nơi nhận:
- Như trên;
- Lưu: VT.
"""


def test_the_cells_of_a_row_are_one_pipe_row() -> None:
    norm = normalize(PLAN)
    rows = [line for line in norm.text.split("\n") if line.startswith("| ")]
    assert rows == [
        "| STT | Tên nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |",
        "| I | Nâng cao nhận thức |",
        "| 1 | Tổ chức tập huấn kỹ năng số cho hộ kinh doanh trên địa bàn tỉnh. | Sở Khoa học và Công nghệ "
        "| Sở Công Thương; UBND các xã, phường | Quý IV/2026 |",
        "| II | Hoàn thiện chính sách | | | |",
        "| 2 | Xây dựng Bộ tiêu chí đánh giá mức độ chuyển đổi số. | Sở Nội vụ | | Năm 2027 |",
    ]
    at = norm.text.index("Sở Khoa học và Công nghệ")
    assert norm.quote(at, at + len("Sở Khoa học và Công nghệ")) == "Sở Khoa học và\nCông nghệ"


_P = "tỉnh Đồng Tháp"  # a province's plan: its departments are the province's


def test_each_row_is_one_task_with_its_columns() -> None:
    tasks = facts_of(PLAN, kind="plan").tasks
    assert [(t.text, t.owner, t.owner_role, t.lead, t.cooperating, t.deadline) for t in tasks] == [
        ("Tổ chức tập huấn kỹ năng số cho hộ kinh doanh trên địa bàn tỉnh.", f"Sở Khoa học và Công nghệ {_P}",
         "lead", (f"Sở Khoa học và Công nghệ {_P}",), (f"Sở Công Thương {_P}", "Ủy ban nhân dân cấp xã"),
         "Quý IV/2026"),
        ("Xây dựng Bộ tiêu chí đánh giá mức độ chuyển đổi số.", f"Sở Nội vụ {_P}", "lead", (f"Sở Nội vụ {_P}",), (),
         "Năm 2027"),
    ]  # the group rows "I" and "II" and the header's cells are no tasks


def test_other_bar_blocks_are_left_as_they_are() -> None:
    header = "|\nỦY BAN NHÂN DÂN\nTỈNH ĐỒNG THÁP\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n|\nSố: 12/KH-UBND\n|\n" \
             "Đồng Tháp, ngày 2 tháng 3 năm 2026\n|\n" * 2
    assert "| " not in normalize(header).text  # no task table's header: the page's header block stays as lines
