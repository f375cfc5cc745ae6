"""Task items that name no agency: tasks with no owner inside task sections, nothing outside them."""

from __future__ import annotations

import pytest

from extract.pipeline import Corpus
from extract.unowned import task_section, unowned_task
from tests.conftest import facts_of

PLAN = (
    "ỦY BAN NHÂN DÂN TỈNH YÊN BÁI\nSố: 12/KH-UBND\nYên Bái, ngày 3 tháng 2 năm 2025\nKẾ HOẠCH\n"
    "Triển khai Nghị định về rừng\n"
    "Căn cứ Nghị định số 10/2024/NĐ-CP ngày 1 tháng 2 năm 2024 của Chính phủ;\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\n- Tổ chức triển khai đầy đủ các quy định của Nghị định.\n"
    "II. MỤC TIÊU\n- Nâng tỷ lệ che phủ rừng đạt 65% vào năm 2030.\n"
    "III. NỘI DUNG TRIỂN KHAI\n1. Tuyên truyền, phổ biến Nghị định\n"
    "a) Tổ chức hội nghị phổ biến Nghị định đến các xã.\n"
    "b) Sở Nông nghiệp và Môi trường chủ trì biên soạn tài liệu hướng dẫn.\n"
    "2. Xây dựng cơ sở dữ liệu rừng của tỉnh.\n"
    "3. Các nhiệm vụ cụ thể được xác định tại Phụ lục kèm theo.\n"
    "IV. TỔ CHỨC THỰC HIỆN\n1. Kinh phí thực hiện Kế hoạch được bố trí từ ngân sách tỉnh.\n"
    "2. Kế hoạch này có hiệu lực kể từ ngày ký.\n"
    "Nơi nhận:\n- Bộ Nông nghiệp và Môi trường;\n- Lưu: VT.\n"
)


def test_an_item_of_a_task_section_that_names_nobody_is_a_task_with_no_owner() -> None:
    tasks = facts_of(PLAN, kind="plan").tasks
    assert [(t.text, t.owner, t.owner_role) for t in tasks] == [
        ("Tổ chức hội nghị phổ biến Nghị định đến các xã.", None, None),
        ("Sở Nông nghiệp và Môi trường chủ trì biên soạn tài liệu hướng dẫn.",
         "Sở Nông nghiệp và Môi trường tỉnh Yên Bái", "lead"),  # the province's department
        ("Xây dựng cơ sở dữ liệu rừng của tỉnh.", None, None),
    ]  # not the purpose, the target, the pointer to the appendix, money, entry into force or "Nơi nhận"
    first = tasks[0]
    assert (first.owners, first.lead, first.section) == ((), (), "III.1.a")
    assert PLAN[first.evidence.start:first.evidence.end] == first.evidence.quote == first.text


def test_a_report_states_what_was_done_so_its_items_without_owner_are_not_tasks_but_what_comes_next_is() -> None:
    report = ("BÁO CÁO\nKết quả thực hiện\nI. KẾT QUẢ THỰC HIỆN NHIỆM VỤ\n"
              "1. Tổ chức hội nghị phổ biến Nghị định đến các xã.\n"
              "II. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI\n1. Tiếp tục rà soát các quy định về rừng.\n")
    # what was done is no task; an item of "Nhiệm vụ … thời gian tới" asks for something: a task, no owner
    assert [(t.text, t.owner) for t in facts_of(report, kind="report").tasks] == [
        ("Tiếp tục rà soát các quy định về rừng.", None)]


def test_a_heading_that_groups_items_is_not_a_task_of_its_own() -> None:
    text = ("II. NHIỆM VỤ, GIẢI PHÁP\n1. Hoàn thiện ít nhất 500 ha mặt bằng sạch cho khu công nghiệp.\n"
            "- Sở Công Thương chủ trì tham mưu thành lập cụm công nghiệp.\n"
            "- Rà soát quỹ đất sạch của các xã.\n")
    assert [(t.text, t.owner) for t in facts_of(text, kind="plan").tasks] == [
        ("Sở Công Thương chủ trì tham mưu thành lập cụm công nghiệp.", "Sở Công Thương"),
        ("Rà soát quỹ đất sạch của các xã.", None)]


@pytest.mark.parametrize(("headings", "holds"), [
    (["Tổ chức hội nghị", "Tuyên truyền, phổ biến", "NỘI DUNG TRIỂN KHAI"], True),
    (["Các nhiệm vụ khác", "TỔ CHỨC THỰC HIỆN"], True),
    (["Giải pháp về chính sách", "GIẢI PHÁP THỰC HIỆN"], True),
    (["Mục đích", "MỤC ĐÍCH, YÊU CẦU"], False),
    (["Mục tiêu cụ thể", "NHIỆM VỤ VÀ MỤC TIÊU"], False),
    (["Hiệu lực và trách nhiệm thi hành"], False),
    (["BỐI CẢNH"], False),
    (["Kiến nghị với Chính phủ"], False),
    (["Kế hoạch sử dụng đất", "NỘI DUNG CHỦ YẾU"], False),  # the land a plan uses
    (["Danh mục các dự án ưu tiên đầu tư", "NỘI DUNG CHỦ YẾU"], False),  # the projects it lists
    (["Dự báo những tác động đến thu, chi ngân sách", "DỰ BÁO VÀ CÁC GIẢI PHÁP"], False),
    (["Các giải pháp thực hiện", "DỰ BÁO NHỮNG TÁC ĐỘNG VÀ CÁC GIẢI PHÁP"], True),
    (["Dự báo và cảnh báo sớm", "NHIỆM VỤ, GIẢI PHÁP"], True),
])
def test_task_sections_by_their_headings(headings: list[str], holds: bool) -> None:
    assert task_section(headings) is holds


@pytest.mark.parametrize(("body", "task"), [
    ("Tổ chức hội nghị phổ biến Nghị định.", True),
    ("Xây dựng cơ sở dữ liệu rừng.", True),
    ("Kinh phí thực hiện được bố trí từ ngân sách.", False),
    ("Nguồn vốn để thực hiện Chiến lược bao gồm vốn ngân sách.", False),
    ("Quyết định này có hiệu lực kể từ ngày ký.", False),
    ("Các nhiệm vụ cần làm ngay được xác định tại Phụ lục 1.", False),
    ("Triển khai theo danh mục dưới đây.", False),
    ("Tuy nhiên, việc bố trí kinh phí còn khó khăn.", False),
    ("rừng phòng hộ đầu nguồn", False),  # a continuation, not an item of its own
    ("Rà soát.", False),
])
def test_an_item_states_an_action_of_its_own(body: str, task: bool) -> None:
    assert unowned_task(body) is task


def test_a_task_with_no_owner_has_no_owner_triple_and_the_graph_conforms() -> None:
    from datetime import UTC, datetime

    from extract import contract
    from graph import answers
    from graph.build import build_graph
    from graph.namespace import ID, PKG
    from graph.store import from_graph
    from graph.validate import validate

    facts = facts_of(PLAN, kind="plan")
    corpus = Corpus([facts])
    g = build_graph(corpus, datetime(2026, 1, 1, tzinfo=UTC))
    report = validate(g)
    assert report.conforms, report.text
    task = ID["task/t-task-001"]
    assert g.value(task, PKG.owner) is None and g.value(task, PKG.ownerRole) is None
    assert g.value(task, PKG.inDocument) is not None and g.value(task, PKG.assignedIn) is not None
    expected = contract.tasks(corpus)
    for kind in ("memory", "oxigraph"):
        rows = {r["id"]: r for r in answers.tasks(from_graph(g, kind))}
        assert [(r["owner"], r["owner_role"], r["owners"]) for r in map(rows.get, ("t-task-001", "t-task-002"))] \
            == [(None, None, []), ("Sở Nông nghiệp và Môi trường tỉnh Yên Bái", "lead",
                                  ["Sở Nông nghiệp và Môi trường tỉnh Yên Bái"])]
        assert [rows[e["id"]]["owner"] for e in expected] == [e["owner"] for e in expected]
        assert rows["t-task-001"]["evidence"] == expected[0]["evidence"]


def test_the_ui_and_the_briefing_name_a_task_without_owner_in_vietnamese() -> None:
    from typing import cast

    from extract import contract
    from policykg.briefing import summary
    from policykg.ui import explorer
    from policykg.ui.corpus import Corpus as UICorpus
    from policykg.ui.i18n import owner_name

    rows = contract.tasks(Corpus([facts_of(PLAN, kind="plan")]))

    class Tasks:  # the explorer's corpus, reduced to what the ownership table reads
        tasks, agencies = rows, []

        @staticmethod
        def short(doc: str, lang: str) -> str:
            return doc

    own = explorer.ownership(cast(UICorpus, Tasks()), "vi")
    assert [(r["agency"], r["role"], r["task"][:20]) for r in own] == [
        ("chưa giao cơ quan chủ trì", "", "Tổ chức hội nghị phổ"),
        ("Sở Nông nghiệp và Môi trường tỉnh Yên Bái", "chủ trì", "Sở Nông nghiệp và Mô"),
        ("chưa giao cơ quan chủ trì", "", "Xây dựng cơ sở dữ li")]
    assert owner_name(None, "en") == "no agency assigned" and owner_name("Bộ Y tế") == "Bộ Y tế"
    assert summary("Kế hoạch 12", rows, [], {}).startswith(
        "Về Kế hoạch 12: 3 nhiệm vụ (chưa giao cơ quan chủ trì 2, chủ trì 1)")


def test_a_title_in_capitals_is_no_task() -> None:
    assert not unowned_task("NỘI DUNG CHI TIẾT")
    assert unowned_task("Tổ chức hội nghị công bố quy hoạch")


def test_principles_are_no_tasks_of_a_directive() -> None:
    from tests.conftest import facts_of
    text = ("CHỈ THỊ\nThủ tướng Chính phủ chỉ thị:\nI. NGUYÊN TẮC, YÊU CẦU SẮP XẾP THÔN, TỔ DÂN PHỐ\n"
            "1. Việc sắp xếp thôn phải bảo đảm phù hợp với tiêu chí, điều kiện theo quy định.\n"
            "II. TỔ CHỨC THỰC HIỆN\n1. Bộ Nội vụ hướng dẫn việc sắp xếp thôn, tổ dân phố.\n")
    assert [(t.text, t.owner) for t in facts_of(text, kind="directive").tasks] == [
        ("Bộ Nội vụ hướng dẫn việc sắp xếp thôn, tổ dân phố.", "Bộ Nội vụ")]


BUDGET_PLAN = """ỦY BAN NHÂN DÂN TỈNH CÀ MAU
Số: 20/KH-UBND
Cà Mau, ngày 2 tháng 3 năm 2026
KẾ HOẠCH
Tài chính - ngân sách 03 năm 2026 - 2028
III. DỰ BÁO NHỮNG TÁC ĐỘNG VÀ CÁC GIẢI PHÁP TỔ CHỨC THỰC HIỆN KẾ HOẠCH
1. Dự báo những tác động đến thu, chi ngân sách
Nguồn thu từ đất chưa tương xứng với tiềm năng của tỉnh.
2. Các giải pháp tổ chức thực hiện kế hoạch
- Triển khai đồng bộ các biện pháp quản lý thu ngân sách.
3. Dự báo và cảnh báo sớm
- Nâng cấp mạng lưới trạm quan trắc khí tượng thủy văn.
4. Nhóm giải pháp về bồi dưỡng cán bộ
Xây dựng, triển khai Kế hoạch bồi dưỡng cán bộ theo 2 cấp độ:
a) Bồi dưỡng về chuyên môn
- Cấp độ phổ quát: bồi dưỡng kiến thức về luật pháp quốc tế.
- Cấp độ nâng cao: bồi dưỡng kỹ năng đàm phán quốc tế.
"""


def test_a_forecast_and_the_parts_a_task_announces_are_no_tasks() -> None:
    assert [t.text for t in facts_of(BUDGET_PLAN, kind="plan").tasks] == [
        # "Dự báo những tác động …" forecasts; "Dự báo và cảnh báo sớm" is a task's topic
        "Triển khai đồng bộ các biện pháp quản lý thu ngân sách.",
        "Nâng cấp mạng lưới trạm quan trắc khí tượng thủy văn.",
        # "… theo 2 cấp độ:" then the levels: one task, its parts say what it covers
        "Xây dựng, triển khai Kế hoạch bồi dưỡng cán bộ theo 2 cấp độ:",
    ]


def test_a_heading_that_announces_its_parts_is_the_task() -> None:
    text = ("II. NHIỆM VỤ, GIẢI PHÁP\n"
            "1. Nhóm giải pháp về đào tạo: xây dựng chương trình đào tạo cán bộ theo 2 nhóm năng lực:\n"
            "a) Năng lực chuyên môn\n- Bồi dưỡng kiến thức pháp luật quốc tế.\n"
            "b) Kỹ năng mềm\n- Bồi dưỡng kỹ năng thuyết trình.\n")
    assert [t.text for t in facts_of(text, kind="plan").tasks] == [
        "Nhóm giải pháp về đào tạo: xây dựng chương trình đào tạo cán bộ theo 2 nhóm năng lực:"]
