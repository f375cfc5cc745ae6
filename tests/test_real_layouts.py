"""Layouts of real documents of the genre, on snippets written for the tests: a footer table row that holds
the recipients, the authority line above "Căn cứ" when the header's column is unreadable."""

import pytest

from extract.metadata import from_header
from tests.conftest import facts_of

FOOTER = """KẾ HOẠCH
II. TỔ CHỨC THỰC HIỆN
1. Sở Xây dựng: hướng dẫn các quận, huyện lập hồ sơ.
| Nơi nhận: - Bộ Xây dựng; - Sở Tài chính; - Lưu : V T . | KT. CHỦ TỊCH PHÓ CHỦ TỊCH |
KẾ HOẠCH
I. NHIỆM VỤ
1. Sở Tài chính thẩm định dự toán kinh phí thực hiện.
2. Sở Xây dựng chủ trì, phối hợp với Sở Tài chính lập Đề án.
"""


def test_a_footer_row_holds_its_recipients_and_nothing_after_it() -> None:
    facts = facts_of(FOOTER, kind="plan")
    assert [(t.text[:30], t.owner, t.cooperating) for t in facts.tasks] == [
        ("Sở Xây dựng: hướng dẫn các quậ", "Sở Xây dựng", ()),
        ("Sở Tài chính thẩm định dự toán", "Sở Tài chính", ()),
        ("Sở Xây dựng chủ trì, phối hợp ", "Sở Xây dựng", ("Sở Tài chính",))]
    assert "Bộ Xây dựng" not in {m.name for m in facts.mentions}  # a recipient only


# the same footer converted with one cell per line: the "|" stands alone and the recipients follow
FOOTER_CELLS = """KẾ HOẠCH
II. TỔ CHỨC THỰC HIỆN
1. Sở Xây dựng: hướng dẫn các quận, huyện lập hồ sơ.
|
**Nơi nhận:**
- Bộ Xây dựng;
- Sở Tài chính;
- Lưu: VT.
|
KT. CHỦ TỊCH
PHÓ CHỦ TỊCH
|
"""


def test_a_footer_with_one_cell_per_line_holds_every_recipient_below_it() -> None:
    facts = facts_of(FOOTER_CELLS, kind="plan")
    assert [(t.text[:30], t.owner) for t in facts.tasks] == [("Sở Xây dựng: hướng dẫn các quậ", "Sở Xây dựng")]
    assert not {"Bộ Xây dựng", "Sở Tài chính"} & {m.name for m in facts.mentions}  # recipients only


@pytest.mark.parametrize("authority, issuer", [
    ("CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH", "Ủy ban nhân dân thành phố Hồ Chí Minh"),
    ("BỘ TRƯỞNG BỘ TÀI CHÍNH", "Bộ Tài chính"),
    ("THỦ TƯỚNG CHÍNH PHỦ", "Thủ tướng Chính phủ"),
])
def test_the_authority_line_names_the_issuer_when_the_header_column_is_unreadable(authority: str,
                                                                                  issuer: str) -> None:
    text = ("| ỦY B AN NH ÂN D Â N ------- | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc |\n"
            "| Số: 12/QĐ - UBND | ngày 28 tháng 6 năm 2014 |\n\nQUYẾT ĐỊNH\n\nVỀ BAN HÀNH KẾ HOẠCH HỖ TRỢ NHÀ Ở\n\n"
            f"{authority}\n\nCăn cứ Luật Tổ chức chính quyền địa phương;\n")
    assert from_header(text)["issuer"] == issuer


def test_a_readable_header_column_wins_over_the_authority_line() -> None:
    text = ("ỦY BAN NHÂN DÂN TỈNH SƠN LA\nSố: 254/QĐ-UBND\nQUYẾT ĐỊNH\nBan hành Kế hoạch bảo vệ bí mật nhà nước\n"
            "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH\nCăn cứ Luật Bảo vệ bí mật nhà nước;\n")
    assert from_header(text)["issuer"] == "Ủy ban nhân dân tỉnh Sơn La"


SCHEME = """IV. ĐỐI TƯỢNG, PHẠM VI TRIỂN KHAI
1. Bộ Công an đầu tư, xây dựng hạ tầng dùng chung của Trung tâm dữ liệu quốc gia.
V. NHIỆM VỤ
1. Về hoàn thiện thể chế
a) Rà soát văn bản pháp luật
Rà soát, tổng hợp, đề xuất sửa đổi các luật có quy định về cơ sở dữ liệu quốc gia.
- Đơn vị chủ trì: Bộ Công an.
- Thời gian thực hiện: Trong năm 2024.
b) Đào tạo, tập huấn nguồn nhân lực vận hành
Trung tâm dữ liệu quốc gia.
- Đơn vị chủ trì: Bộ Công an.
- Thời gian thực hiện: Thực hiện thường xuyên.
c) Xây dựng cơ sở dữ liệu dùng chung
- Rà soát dữ liệu các bộ, ngành.
- Đơn vị chủ trì: Bộ Tài chính.
"""


def test_a_field_blocks_heading_goes_on_in_the_paragraph_below_it_and_the_scope_is_no_task() -> None:
    tasks = facts_of(SCHEME, kind="programme").tasks
    assert [(t.text, t.owner, t.deadline) for t in tasks] == [
        ("Rà soát văn bản pháp luật\nRà soát, tổng hợp, đề xuất sửa đổi các luật có quy định về cơ sở dữ liệu "
         "quốc gia.",
         "Bộ Công an", "Trong năm 2024"),
        ("Đào tạo, tập huấn nguồn nhân lực vận hành\nTrung tâm dữ liệu quốc gia.", "Bộ Công an",
         "Thực hiện thường xuyên"),
        ("Rà soát dữ liệu các bộ, ngành.", "Bộ Tài chính", None)]  # a bullet under the heading is the action


@pytest.mark.parametrize("name", ["Các sở, ban, ngành trực thuộc UBND tỉnh",
                                  "các sở, ban, ngành thuộc Ủy ban nhân dân tỉnh", "Các sở, ban, ngành"])
def test_the_departments_under_the_provincial_committee_are_the_class_of_departments(name: str) -> None:
    from extract.agencies import group_agency
    from extract.bodies import canonical
    assert group_agency(canonical(name)).id == "g-so-ban-nganh"


STEPS = """II. NỘI DUNG THỰC HIỆN
2. Trình tự, thời gian lập danh sách
2.2. Bước 2: Kiểm tra hiện trạng nhà ở của từng hộ gia đình.
Ủy ban nhân dân cấp xã tổ chức kiểm tra hiện trạng nhà ở của từng hộ có đơn đề nghị.
Thời gian hoàn tất: trước ngày 25 tháng 7 năm 2026.
2.3. Bước 3: Lập Đề án hỗ trợ nhà ở.
Sở Xây dựng chủ trì, phối hợp với Sở Tài chính lập Đề án hỗ trợ nhà ở.
Thời gian hoàn tất: trước ngày 30 tháng 9 năm 2026.
"""


def test_a_dated_step_is_one_task_owned_by_the_subject_of_its_paragraph() -> None:
    tasks = facts_of(STEPS, kind="plan").tasks
    assert [(t.text.split("\n")[0], t.owner, t.owner_role, t.cooperating, t.deadline) for t in tasks] == [
        ("Bước 2: Kiểm tra hiện trạng nhà ở của từng hộ gia đình.", "Ủy ban nhân dân cấp xã", "responsible", (),
         "trước ngày 25 tháng 7 năm 2026"),
        ("Bước 3: Lập Đề án hỗ trợ nhà ở.", "Sở Xây dựng", "lead", ("Sở Tài chính",),
         "trước ngày 30 tháng 9 năm 2026")]  # the time lines are fields, not tasks


def test_the_council_of_the_same_level_is_that_of_the_committee_before_it() -> None:
    text = ("II. NHIỆM VỤ\n1. Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp bố trí ngân sách.\n"
            "2. Hội đồng nhân dân cùng cấp giám sát việc thực hiện.\n")
    facts = facts_of(text, kind="plan")
    assert [(m.text, m.agency) for m in facts.mentions] == [
        ("Ủy ban nhân dân cấp tỉnh", "ubnd-tinh"), ("Hội đồng nhân dân cùng cấp", "hdnd-tinh"),
        ("Hội đồng nhân dân", "hoi-dong-nhan-dan")]  # no committee before it in its sentence: no level to take


def test_a_heading_sentence_spelled_out_below_cu_the_owns_the_bullets() -> None:
    text = ("VI. TỔ CHỨC THỰC HIỆN\n3. Các bộ, ngành, Ủy ban nhân dân tỉnh, thành phố trực thuộc Trung ương tổ chức "
            "thực hiện các nhiệm vụ của Đề án trong phạm vi quản lý.\nCụ thể:\n"
            "- Phối hợp với Bộ Ngoại giao theo dõi, đánh giá kết quả bồi dưỡng.\n"
            "- Bố trí kinh phí hằng năm để cử cán bộ tham gia bồi dưỡng.\n")
    tasks = facts_of(text, kind="decision").tasks
    assert [(t.text[:20], t.owner, t.cooperating) for t in tasks] == [
        ("Phối hợp với Bộ Ngoạ", "các bộ, ngành", ("Bộ Ngoại giao",)),
        ("Bố trí kinh phí hằng", "các bộ, ngành", ())]  # the heading sentence is the lead, not a task
    assert "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương" in tasks[0].owners


def test_working_groups_named_by_their_task_or_topic() -> None:
    text = ("Ban Chỉ đạo có 03 Tổ Công tác để chỉ đạo thực hiện:\n"
            "- Tổ Công tác cải cách hành chính, do đồng chí Bộ trưởng Bộ Nội vụ làm Tổ trưởng.\n"
            "- Tổ Công tác về phát triển khoa học, công nghệ và chuyển đổi số chủ trì tổng hợp.\n"
            "- Tổ Công tác liên ngành kiểm soát các hoạt động hợp pháp liên quan đến ma túy.\n")
    names = [m.name for m in facts_of(text, kind="report").mentions]
    assert "Tổ Công tác cải cách hành chính" in names
    assert "Tổ Công tác về phát triển khoa học, công nghệ và chuyển đổi số" in names
    assert not any(n and n.startswith("Tổ Công tác liên ngành") for n in names)  # its name runs past what is read


def test_a_bullet_that_lists_what_it_includes_is_the_task_and_a_list_of_contents_is_not() -> None:
    text = ("III. TỔ CHỨC THỰC HIỆN\n1. Ủy ban nhân dân cấp xã:\n"
            "- Lập hồ sơ hoàn công cho từng hộ gia đình được hỗ trợ, bao gồm:\n+ Đơn đề nghị hỗ trợ của hộ gia đình;\n"
            "+ Biên bản xác nhận hoàn thành xây dựng nhà ở.\n"
            "- Tiếp tục triển khai các nội dung chính của Đề án, bao gồm:\n+ Kiểm kê khí nhà kính định kỳ;\n")
    tasks = facts_of(text, kind="plan").tasks
    assert [t.text for t in tasks] == ["Lập hồ sơ hoàn công cho từng hộ gia đình được hỗ trợ, bao gồm:",
                                       "Kiểm kê khí nhà kính định kỳ;"]
    assert {t.owner for t in tasks} == {"Ủy ban nhân dân cấp xã"}


def test_bodies_an_item_asks_by_name_own_it_under_a_heading_naming_a_class() -> None:
    text = ("III. TỔ CHỨC THỰC HIỆN\n3. Đối với các tổ chức khác\n"
            "Đề nghị Hội Liên hiệp Phụ nữ tỉnh, Hội Cựu chiến binh tỉnh phát động các cuộc vận động hỗ trợ.\n"
            "Tổ chức các hoạt động hưởng ứng tại cơ sở.\n")
    tasks = facts_of(text, kind="plan").tasks
    assert [t.owner for t in tasks] == ["Hội Liên hiệp Phụ nữ tỉnh", "các tổ chức khác"]
    assert tasks[0].owners == ("Hội Liên hiệp Phụ nữ tỉnh", "Hội Cựu chiến binh tỉnh")


def test_a_longer_class_of_provincial_bodies_under_the_committee() -> None:
    from extract.agencies import group_agency
    from extract.bodies import canonical
    assert group_agency(canonical("các Sở, ban, ngành, cơ quan, đơn vị thuộc Ủy ban nhân dân tỉnh")).id == \
        group_agency("các sở, ban, ngành, cơ quan, đơn vị").id


def test_the_central_committee_of_an_association_is_a_body() -> None:
    text = "- Trung ương Hội Cựu chiến binh Việt Nam và Trung ương Hội Nông dân Việt Nam phối hợp tuyên truyền.\n"
    assert [m.name for m in facts_of(text, kind="plan").mentions] == [
        "Trung ương Hội Cựu chiến binh Việt Nam", "Trung ương Hội Nông dân Việt Nam"]


def test_a_reports_proposals_to_enterprises_are_their_tasks_and_its_sign_off_is_none() -> None:
    text = ("BÁO CÁO\nI. KẾT QUẢ KIỂM TRA\n1. Đoàn kiểm tra đã kiểm tra hiện trạng khu vực mỏ.\n"
            "II. KIẾN NGHỊ, ĐỀ XUẤT\n1. Đối với Công ty TNHH Minh Phát và Doanh nghiệp tư nhân Hòa Bình\n"
            "- Thường xuyên kiểm tra, duy trì hệ thống mốc giới khu vực mỏ.\n"
            "- Tổ chức khai thác đúng thiết kế mỏ được phê duyệt.\n"
            "Sở Nông nghiệp và Môi trường trân trọng báo cáo Ủy ban nhân dân tỉnh./.\n")
    facts = extract_report(text)
    assert [(t.text[:25], t.owners) for t in facts.tasks] == [
        ("Thường xuyên kiểm tra, du", ("Công ty TNHH Minh Phát", "Doanh nghiệp tư nhân Hòa Bình")),
        ("Tổ chức khai thác đúng th", ("Công ty TNHH Minh Phát", "Doanh nghiệp tư nhân Hòa Bình"))]


def extract_report(text: str):
    from extract.pipeline import extract_text, meta_from_text
    return extract_text(text, meta_from_text("r", "r.txt", text, {"kind": "report", "date": "2026-08-28"}))


def test_the_wrapped_end_of_a_heading_naming_a_firm_is_no_task() -> None:
    text = ("BÁO CÁO\nII. KIẾN NGHỊ, ĐỀ XUẤT\n1. Đối với Công ty TNHH Minh Phát và Doanh nghiệp tư nhân\n"
            "Hòa Bình Nghĩa Lộ\n- Tổ chức khai thác đúng thiết kế mỏ được phê duyệt.\n")
    assert [(t.text, t.owner) for t in extract_report(text).tasks] == [
        ("Tổ chức khai thác đúng thiết kế mỏ được phê duyệt.", "Công ty TNHH Minh Phát")]


def test_a_one_clause_heading_over_bullets_titles_them_and_a_long_one_is_a_task() -> None:
    text = ("II. TỔ CHỨC THỰC HIỆN\n4. Bộ Nội vụ\n"
            "a) Tập trung hoàn thiện thể chế về tổ chức thôn, tổ dân phố.\n"
            "- Nghiên cứu cơ chế đầu tư phát triển thôn, tổ dân phố.\n"
            "b) Kết thúc hoạt động của các tổ công tác trước ngày 31 tháng 5 năm 2026. Ban hành phương án.\n"
            "- Rà soát, sắp xếp các tổ công tác.\n")
    tasks = facts_of(text, kind="directive").tasks
    assert [t.text[:22] for t in tasks] == [
        "Nghiên cứu cơ chế đầu ", "Kết thúc hoạt động của", "Rà soát, sắp xếp các t"]
    assert {t.owner for t in tasks} == {"Bộ Nội vụ"}


def test_a_number_cut_into_two_cells_by_wide_spaces() -> None:
    text = ("UBND TỈNH LÀO CAI                  CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG                   Độc lập - Tự do - Hạnh phúc\n\n"
            "     Số: 904    /BC-SNNMT                   Lào Cai, ngày 28 tháng 8 năm 2026\n\n"
            "                                BÁO CÁO\n         Về kết quả kiểm tra khu vực mỏ\n")
    meta = from_header(text)
    assert (meta["number"], meta["date"]) == ("904/BC-SNNMT", "2026-08-28")
