import pytest

from extract.agencies import registry
from extract.nlp import AGENCY_SPANS, pipeline
from extract.normalize import normalize


@pytest.mark.parametrize("alias, name", [
    ("MPI", "Bộ Kế hoạch và Đầu tư"),
    ("Bộ KH&ĐT", "Bộ Kế hoạch và Đầu tư"),
    ("bo ke hoach va dau tu", "Bộ Kế hoạch và Đầu tư"),
    ("NHNN", "Ngân hàng Nhà nước Việt Nam"),
    ("BTTTT", "Bộ Thông tin và Truyền thông"),
    ("Bộ LĐ-TB&XH", "Bộ Lao động - Thương binh và Xã hội"),
    ("Uỷ ban Quản lý vốn nhà nước tại doanh nghiệp", "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp"),
    ("VCCI", "Liên đoàn Thương mại và Công nghiệp Việt Nam"),
    ("UBND tỉnh Hà Giang", "Ủy ban nhân dân tỉnh Hà Giang"),
    ("Sở Kế hoạch và Đầu tư", "Sở Kế hoạch và Đầu tư"),
])
def test_resolve(alias: str, name: str) -> None:
    agency = registry().resolve(alias)
    assert agency is not None and agency.name == name


@pytest.mark.parametrize("aid, successor, since, basis", [
    ("mpi", "Bộ Tài chính", "2025-03-01", "Nghị quyết 176/2025/QH15"),
    ("mic", "Bộ Khoa học và Công nghệ", "2025-03-01", "Nghị quyết 176/2025/QH15"),
    ("molisa", "Bộ Nội vụ", "2025-03-01", "Nghị quyết 176/2025/QH15"),
    ("mot", "Bộ Xây dựng", "2025-03-01", "Nghị quyết 176/2025/QH15"),
    ("monre", "Bộ Nông nghiệp và Môi trường", "2025-03-01", "Nghị quyết 176/2025/QH15"),
    ("mard", "Bộ Nông nghiệp và Môi trường", "2025-03-01", "Nghị quyết 176/2025/QH15"),
    ("cmsc", "Bộ Tài chính", "2025-03-21", "Nghị quyết 58/NQ-CP"),
    ("vcci-old", "Liên đoàn Thương mại và Công nghiệp Việt Nam", "2021-12-31", None),
    ("ubnd-p-ha-giang", "Ủy ban nhân dân tỉnh Tuyên Quang", "2025-07-01", "Nghị quyết 202/2025/QH15"),
])
def test_successor(aid: str, successor: str, since: str, basis: str | None) -> None:
    found = registry().successor(aid)
    assert found is not None
    agency, event = found
    assert (agency.name, event.date) == (successor, since)
    assert basis is None or event.basis == basis


def test_unchanged_agencies_have_no_successor() -> None:
    assert registry().successor("bca") is None and registry().successor("most") is None


def test_provinces_before_and_after_2025() -> None:
    provinces = [a for a in registry().agencies.values() if a.kind in ("province", "city")]
    merged = [a for a in provinces if a.events and a.events[-1].type == "merged_into"]
    assert len(provinces) - 1 == 63  # Huế appears both as Thừa Thiên Huế and as the city
    assert len(provinces) - len(merged) - 1 == 34


def mentions(text: str) -> list[tuple[str, str]]:
    doc = pipeline()(normalize(text).text)
    return [(s.label_, s.text) for s in doc.spans[AGENCY_SPANS]]


@pytest.mark.parametrize("text, expected", [
    ("Bộ Tài chính chủ trì, phối hợp với Ngân hàng Nhà nước",
     [("mof", "Bộ Tài chính"), ("sbv", "Ngân hàng Nhà nước")]),
    ("phối hợp với các bộ, ngành liên quan", [("group", "các bộ, ngành liên quan")]),
    ("Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
     [("ubnd-tinh", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương")]),
    ("Uỷ ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
     [("ubnd-tinh", "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương")]),
    ("xây dựng Chính phủ điện tử và Chính phủ số", []),
    ("các bộ xây dựng kế hoạch", [("group", "các bộ")]),
    ("Thủ tướng Chính phủ ban hành", [("ttg", "Thủ tướng Chính phủ")]),
    ("Bộ Lao động – Thương binh và Xã hội", [("molisa", "Bộ Lao động - Thương binh và Xã hội")]),
    ("các cơ hội mới của các ngành", []),
    # the Front's central committee named without "Ủy ban" (a task table's lead cell), and with it
    ("Trung ương Mặt trận Tổ quốc Việt Nam chủ trì phát động phong trào",
     [("mttq", "Trung ương Mặt trận Tổ quốc Việt Nam")]),
    ("đề nghị Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam phối hợp",
     [("mttq", "Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam")]),
])
def test_mentions(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


def test_name_split_across_lines() -> None:
    assert ("mpi", "Bộ Kế hoạch và Đầu tư") in mentions("gửi báo cáo về Bộ Kế hoạch và \n\nĐầu tư để tổng hợp")


# Bodies beyond the registry, named by the shape of their names (extract/bodies.py, data/bodies.json).
@pytest.mark.parametrize("text, expected", [
    ("1. Cục Biến đổi khí hậu có trách nhiệm:", [("body", "Cục Biến đổi khí hậu")]),
    ("phối hợp với Cục Kiểm soát ô nhiễm môi trường, Vụ Môi trường hoàn thiện dự thảo",
     [("body", "Cục Kiểm soát ô nhiễm môi trường"), ("body", "Vụ Môi trường")]),
    ("Viện Năng lượng; Viện Chiến lược, Chính sách công thương nghiên cứu đề xuất",
     [("body", "Viện Năng lượng"), ("body", "Viện Chiến lược, Chính sách công thương")]),
    ("Vụ Kế hoạch - Tài chính tham mưu", [("body", "Vụ Kế hoạch - Tài chính")]),
    ("Trung tâm Thông tin TN&MT, Báo TN&MT đưa tin", [("body", "Trung tâm Thông tin TN&MT"), ("body", "Báo TN&MT")]),
    ("UBND huyện Mèo Vạc, UBND cấp xã và Công an tỉnh", [
        ("body", "UBND huyện Mèo Vạc"), ("body", "UBND cấp xã"), ("body", "Công an tỉnh")]),
    ("Ủy ban nhân dân các cấp bố trí kinh phí", [("body", "Ủy ban nhân dân các cấp")]),
    ("trình Hội đồng nhân dân cùng cấp", [("body", "Hội đồng nhân dân")]),
    ("Sở Tài chính tỉnh Lào Cai chủ trì", [("body", "Sở Tài chính tỉnh Lào Cai")]),
    ("Ủy ban MTTQ Việt Nam tỉnh Lào Cai", [("body", "Ủy ban MTTQ Việt Nam tỉnh Lào Cai")]),
    ("Ban Quản lý Khu kinh tế tỉnh Quảng Ninh", [("body", "Ban Quản lý Khu kinh tế tỉnh Quảng Ninh")]),
    ("Cục Thống kê thuộc Bộ Tài chính", [("body", "Cục Thống kê"), ("mof", "Bộ Tài chính")]),
    ("Ngân hàng Phát triển Việt Nam, Ngân hàng Chính sách xã hội và Kiểm toán nhà nước",
     [("vdb", "Ngân hàng Phát triển Việt Nam"), ("vbsp", "Ngân hàng Chính sách xã hội"),
      ("ktnn", "Kiểm toán nhà nước")]),
    ("Tòa án nhân dân tối cao, Viện kiểm sát nhân dân tối cao", [
        ("tandtc", "Tòa án nhân dân tối cao"), ("vksndtc", "Viện kiểm sát nhân dân tối cao")]),
    ("Ban Tuyên giáo Trung ương, Ban Kinh tế Trung ương", [
        ("btgtw", "Ban Tuyên giáo Trung ương"), ("bktw", "Ban Kinh tế Trung ương")]),
    ("Ngân hàng Nhà nước cũng áp dụng", [("sbv", "Ngân hàng Nhà nước")]),
    # not bodies: a verb, a report, an object of establishment, a law's name, a place
    ("Ban hành kèm theo Quyết định này", []),
    ("Báo cáo kết quả thực hiện", []),
    ("thành lập Quỹ Hỗ trợ đổi mới sáng tạo", []),
    ("Luật Tổ chức chính quyền địa phương", []),
    ("Hà Nội, ngày 06 tháng 8 năm 2024", []),
    ("đặt Trung tâm dữ liệu tại Việt Nam", []),  # a kind of facility, not a body
    ("xây dựng Trung tâm Dữ liệu quốc gia", []),  # created, not acting
    ("Ban Quản lý các Khu công nghiệp tỉnh Lào Cai", [("body", "Ban Quản lý các Khu công nghiệp tỉnh Lào Cai")]),
    ("Thanh tra tỉnh, Thuế tỉnh và Công an xã, phường", [
        ("body", "Thanh tra tỉnh"), ("body", "Thuế tỉnh"), ("body", "Công an xã, phường")]),
    ("Đảng ủy Ủy ban nhân dân tỉnh Lào Cai", [("body", "Đảng ủy Ủy ban nhân dân tỉnh Lào Cai")]),
    ("được Quốc hội khóa XV thông qua", [("qh", "Quốc hội")]),
    ("Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số từ trung ương",
     [("body", "Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số")]),
    ("Đảng ủy HĐND tỉnh; Đảng uỷ UBND tỉnh", [("body", "Đảng ủy HĐND tỉnh"), ("body", "Đảng ủy UBND tỉnh")]),
    # a list that names "Bộ" once names every ministry of it
    ("4. Các Bộ: Công Thương, Giao thông vận tải, Xây dựng:", [
        ("group", "Các Bộ"), ("moit", "Công Thương"), ("mot", "Giao thông vận tải"), ("moc", "Xây dựng")]),
    ("các Bộ: Tư pháp và Ngoại giao phối hợp", [("group", "các Bộ"), ("btp", "Tư pháp"), ("bng", "Ngoại giao")]),
])
def test_bodies(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


def test_places_are_kept_apart() -> None:
    doc = pipeline()(normalize("Hà Nội, ngày 06 tháng 8 năm 2024; tuyến đường sắt Lào Cai - Hà Nội").text)
    assert [s.text for s in doc.spans["places"]] == ["Hà Nội", "Lào Cai", "Hà Nội"]
    assert list(doc.spans[AGENCY_SPANS]) == []


@pytest.mark.parametrize("issuer, text, name, parent", [
    ("Ủy ban nhân dân tỉnh Lào Cai", "Sở Tài chính chủ trì", "Sở Tài chính tỉnh Lào Cai", "ubnd-p-lao-cai"),
    ("Ủy ban nhân dân tỉnh Lào Cai", "Công an tỉnh phối hợp", "Công an tỉnh Lào Cai", "ubnd-p-lao-cai"),
    ("Ủy ban nhân dân tỉnh Lào Cai", "UBND huyện Bát Xát", "Ủy ban nhân dân huyện Bát Xát", "ubnd-p-lao-cai"),
    ("Bộ Tài nguyên và Môi trường", "Cục Biến đổi khí hậu có trách nhiệm", "Cục Biến đổi khí hậu", "monre"),
    ("Bộ Tài nguyên và Môi trường", "Trung tâm Truyền thông TN&MT",
     "Trung tâm Truyền thông tài nguyên và môi trường", "monre"),
    ("Thủ tướng Chính phủ", "Cục Thống kê thuộc Bộ Tài chính", "Cục Thống kê", "mof"),
    ("Thủ tướng Chính phủ", "Sở Tài chính tỉnh Lào Cai", "Sở Tài chính tỉnh Lào Cai", "ubnd-p-lao-cai"),
    ("Ủy ban nhân dân tỉnh Lào Cai", "Tỉnh ủy ban hành", "Tỉnh ủy Lào Cai", "ubnd-p-lao-cai"),
    ("Ủy ban nhân dân tỉnh Lào Cai", "Ban Thường vụ Tỉnh ủy chỉ đạo", "Ban Thường vụ Tỉnh ủy Lào Cai",
     "ubnd-p-lao-cai"),
    ("Ủy ban nhân dân tỉnh Lào Cai", "Quỹ Phát triển khoa học và công nghệ tỉnh hỗ trợ",
     "Quỹ Phát triển khoa học và công nghệ tỉnh Lào Cai", "ubnd-p-lao-cai"),
    ("Ủy ban nhân dân tỉnh Lào Cai", "Ban Quản lý Khu kinh tế chủ trì", "Ban Quản lý Khu kinh tế tỉnh Lào Cai",
     "ubnd-p-lao-cai"),
    ("Ủy ban nhân dân tỉnh Lào Cai", "UBND các xã, phường thực hiện", "Ủy ban nhân dân cấp xã", "ubnd-p-lao-cai"),
    ("Tỉnh ủy Lào Cai", "Ban Tuyên giáo Tỉnh ủy chủ trì", "Ban Tuyên giáo Tỉnh ủy Lào Cai", "ubnd-p-lao-cai"),
    ("Tỉnh ủy Lào Cai", "Đảng ủy Ủy ban nhân dân tỉnh lãnh đạo", "Đảng ủy Ủy ban nhân dân tỉnh Lào Cai",
     "ubnd-p-lao-cai"),
    ("Tỉnh ủy Lào Cai", "Mặt trận Tổ quốc Việt Nam và các đoàn thể", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Lào Cai",
     "ubnd-p-lao-cai"),
    ("Ủy ban nhân dân tỉnh Lào Cai", "Ủy ban nhân dân các phường, xã thực hiện", "Ủy ban nhân dân cấp xã",
     "ubnd-p-lao-cai"),
])
def test_bodies_attach_to_their_parent(issuer: str, text: str, name: str, parent: str) -> None:
    from extract.pipeline import extract_text, meta_from_text
    facts = extract_text(text, meta_from_text("t", "t.txt", text, {"issuer": issuer}))
    body = next(b for b in facts.bodies.values() if b.name == name)
    assert body.parent == parent
    assert any(m.agency == body.id and m.name == name for m in facts.mentions)


def test_the_header_gives_the_province_when_the_issuer_is_not_known() -> None:
    from extract.pipeline import extract_text, meta_from_text
    text = "ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSố: /KH-UBND\nKẾ HOẠCH\n1. Sở Nội vụ chủ trì; UBND hướng dẫn."
    facts = extract_text(text, meta_from_text("t", "t.txt", text, {"issuer": "Ủy ban nhân dân"}))
    names = [m.name for m in facts.mentions]
    assert names[1:] == ["Sở Nội vụ tỉnh Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai"]


def test_bare_committee_of_a_provincial_plan_is_the_province() -> None:
    from extract.pipeline import extract_text, meta_from_text
    text = "Giao UBND tỉnh chỉ đạo; UBND cấp huyện thực hiện."
    facts = extract_text(text, meta_from_text("t", "t.txt", text, {"issuer": "Ủy ban nhân dân tỉnh Lào Cai"}))
    assert [m.agency for m in facts.mentions][0] == "ubnd-p-lao-cai"


def test_body_ids_are_stable_and_qualified_by_parent() -> None:
    from extract.bodies import Context, body
    a = body("Vụ Pháp chế", Context("monre"))
    b = body("Vụ  Pháp chế", Context("monre"))
    c = body("Vụ Pháp chế", Context("mof"))
    assert a.id == b.id == "vu-phap-che--monre" and c.id == "vu-phap-che--mof"


def test_recipients_are_not_actors() -> None:
    from extract.pipeline import extract_text, meta_from_text
    text = ("1. Bộ Tài chính chủ trì thực hiện.\n\nNơi nhận:\n- Ban Bí thư Trung ương Đảng;\n"
            "- Văn phòng Quốc hội;\n- Lưu: VT, KTTH.\n\nKT. THỦ TƯỚNG")
    facts = extract_text(text, meta_from_text("t", "t.txt", text))
    assert {m.agency for m in facts.mentions} == {"mof", "ttg"}


def test_a_gazette_signature_stamp_names_no_actor() -> None:
    # a gazette copy's digital signature: the office that signed the file does not act in the document
    from extract.pipeline import extract_text, meta_from_text
    text = ("1. Bộ Y tế chủ trì thực hiện.\n\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\n\nNguyễn Văn A\n\n"
            "Ký bởi: CÔNG BÁO NƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nCơ quan: VĂN PHÒNG CHÍNH PHỦ\n"
            "Ngày ký: 2026-04-22 16:16:54 +07:00\n\n2. Văn phòng Chính phủ theo dõi, đôn đốc.")
    facts = extract_text(text, meta_from_text("t", "t.txt", text))
    stamped = [m for m in facts.mentions if m.agency == "vpcp"]
    assert [m.text for m in stamped] == ["Văn phòng Chính phủ"]  # only the one that acts, in item 2


def test_recipients_after_an_execution_clause_without_a_full_stop_are_not_actors() -> None:
    # the clause has no full stop and a space-only line before "Nơi nhận:": line joining puts them on one line
    from extract.pipeline import extract_text, meta_from_text
    text = ("Điều 3. Bộ trưởng Bộ Tài chính, Chủ tịch Hội đồng thành viên, Tổng Giám đốc các tập đoàn kinh tế, tổng "
            "công ty nhà nước và các cơ quan, tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Nghị quyết này"
            "\n \n\nNơi nhận:\n"
            "- Ban Bí thư Trung ương Đảng;\n- Tòa án nhân dân tối cao;\n- Kiểm toán nhà nước;\n- Lưu: VT, CN (2).")
    facts = extract_text(text, meta_from_text("t", "t.txt", text))
    assert {m.agency for m in facts.mentions} - {"group"} == {"mof"}  # "các tập đoàn kinh tế" is a group


@pytest.mark.parametrize("text, expected", [
    # management boards of economic zones, industrial parks and projects, in any case
    ("phân bổ cho Sở Y tế, Ban quản lý khu kinh tế tỉnh để thực hiện",
     [("so-moh", "Sở Y tế"), ("body", "Ban quản lý khu kinh tế tỉnh")]),
    ("Ban Quản lý dự án Đầu tư xây dựng công trình giao thông tỉnh chủ trì",
     [("body", "Ban Quản lý dự án Đầu tư xây dựng công trình giao thông tỉnh")]),
    ("Ban Quản lý các khu công nghiệp có trách nhiệm", [("body", "Ban Quản lý các khu công nghiệp")]),
    # a noun that holds a verb ("vật liệu xây dựng") does not end the name; the verb after it does
    ("Giao Vụ Vật liệu xây dựng là cơ quan thường trực, xây dựng kế hoạch",
     [("body", "Vụ Vật liệu xây dựng")]),
    # the Party committee of the Front and mass organisations is one body
    ("4. Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh", [("body", "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh")]),
    # "tỉnh" is followed by a province's name or by nothing: the next table cell is not part of the body
    # (a bare "UBND tỉnh" is the registry's class; a provincial text reads it as its own province's)
    ("Phó Chủ tịch UBND tỉnh Đồng chí Phan Văn A", [("ubnd-tinh", "UBND tỉnh")]),
    ("UBND tỉnh Bắc Kạn Đồng chí Phan Văn A", [("ubnd-p-bac-kan", "UBND tỉnh Bắc Kạn")]),
    ("UBND huyện Bảo Yên Đồng chí Phan Văn A", [("body", "UBND huyện Bảo Yên")]),
    # a province's court is named by its level, like its procuracy
    ("Đề nghị Viện Kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh: phối hợp xét xử",
     [("body", "Viện Kiểm sát nhân dân tỉnh"), ("body", "Tòa án nhân dân tỉnh")]),
])
def test_more_body_shapes(text: str, expected: list[tuple[str, str]]) -> None:
    assert mentions(text) == expected


def _actors(text: str, issuer: str | None = None) -> list[str | None]:
    from extract.pipeline import extract_text, meta_from_text
    facts = extract_text(text, meta_from_text("t", "t.txt", text, {"issuer": issuer} if issuer else None))
    return [m.name for m in facts.mentions]


@pytest.mark.parametrize("text, names", [
    # a person's post names a body the person belongs to, not one that acts
    ("Đảng ủy UBND tỉnh chủ trì | Đồng chí Nguyễn Văn A - Ủy viên Ban Thường vụ Tỉnh ủy, Phó Chủ tịch UBND tỉnh",
     ["Đảng ủy Ủy ban nhân dân tỉnh Lào Cai", "Ủy ban nhân dân tỉnh Lào Cai"]),
    ("giao Bí thư Đảng ủy các xã, phường chỉ đạo", []),
    # a body inside the name of a cited treaty or law
    ("thực hiện Công ước khung của Liên hợp quốc về biến đổi khí hậu; Bộ Ngoại giao chủ trì",
     ["Bộ Ngoại giao"]),
    # a header in capitals is written as the registry writes the name
    ("ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG\nSố: 12/BC-SNNMT",
     ["Ủy ban nhân dân tỉnh Lào Cai", "Sở Nông nghiệp và Môi trường tỉnh Lào Cai"]),
])
def test_what_is_not_an_actor(text: str, names: list[str]) -> None:
    assert _actors(text, "Tỉnh ủy Lào Cai") == names


def test_recipients_end_at_the_kept_line_or_the_appendix() -> None:
    from extract.pipeline import extract_text, meta_from_text
    text = ("1. Tỉnh ủy chỉ đạo.\n\nNơi nhận:\n- Ban Bí thư Trung ương Đảng (để b/c);\n"
            "- Bộ Nông nghiệp và Môi trường;\n- Lưu Văn phòng Tỉnh ủy.\nT/M TỈNH ỦY\nPHỤ LỤC 2\n"
            "TT | Nhiệm vụ | Chủ trì\n1 | Lập quy hoạch | Sở Tài chính\n")
    facts = extract_text(text, meta_from_text("t", "t.txt", text, {"issuer": "Tỉnh ủy Lào Cai"}))
    assert [m.name for m in facts.mentions] == ["Tỉnh ủy Lào Cai", "Sở Tài chính tỉnh Lào Cai"]


def test_a_merged_body_written_as_its_former_parts_is_that_body() -> None:
    text = ("1. Cục Lâm nghiệp và Kiểm lâm có trách nhiệm theo dõi.\n"
            "2. Cục Lâm nghiệp và Cục Kiểm lâm chủ trì xây dựng cơ sở dữ liệu.\n"
            "3. Cục Trồng trọt và Cục Chăn nuôi phối hợp.")
    assert _actors(text, "Bộ Nông nghiệp và Môi trường") == [
        "Cục Lâm nghiệp và Kiểm lâm", "Cục Lâm nghiệp và Kiểm lâm", "Cục Trồng trọt", "Cục Chăn nuôi"]


@pytest.mark.parametrize("text, names", [
    # provincial bodies and mass organisations, attached to the province of the plan
    ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh, Liên minh Hợp tác xã tỉnh, Bảo hiểm xã hội tỉnh phối hợp.",
     ["Bộ Chỉ huy Bộ đội Biên phòng tỉnh Hà Giang", "Liên minh Hợp tác xã tỉnh Hà Giang",
      "Bảo hiểm xã hội tỉnh Hà Giang"]),
    # a level joined to the one before is lower case: "Tỉnh đoàn" after a comma is a body of its own
    ("Hội Cựu chiến binh tỉnh, Tỉnh đoàn; Công an xã, phường thực hiện.",
     ["Hội Cựu chiến binh tỉnh Hà Giang", "Tỉnh đoàn Hà Giang", "Công an xã, phường"]),
    # places: a university or a mine named after the province is no agency
    ("Giao Trường Đại học Hà Giang phối hợp; mỏ Apatit Hà Giang tiếp tục khai thác.", []),
])
def test_provincial_bodies(text: str, names: list[str]) -> None:
    assert _actors(text, "Ủy ban nhân dân tỉnh Hà Giang") == names


@pytest.mark.parametrize("text, names", [
    # a unit or standing board of a Party body named by the body it sits in
    ("Ban Thường vụ Đảng ủy Chính phủ giao Văn phòng Đảng đoàn Quốc hội tổng hợp.",
     ["Ban Thường vụ Đảng ủy Chính phủ", "Văn phòng Đảng đoàn Quốc hội"]),
    # a steering committee's generic words alone name again the committee named in full
    ("Ban Chỉ đạo Nhà nước về phòng chống thiên tai thuộc Bộ Nông nghiệp và Môi trường chỉ đạo. "
     "Định kỳ, Bộ Xây dựng báo cáo Ban Chỉ đạo.",
     ["Ban Chỉ đạo Nhà nước về phòng chống thiên tai", "Bộ Nông nghiệp và Môi trường", "Bộ Xây dựng",
      "Ban Chỉ đạo Nhà nước về phòng chống thiên tai"]),
    ("Định kỳ, Bộ Xây dựng báo cáo Ban Chỉ đạo.", ["Bộ Xây dựng", "các ban chỉ đạo"]),  # named nowhere in full
    # "về việc …" after a committee's name is the sentence's, not the committee's topic
    ("Thông báo kết luận của Hội đồng Thẩm định Trung ương về việc điều chỉnh quy hoạch.",
     ["Hội đồng Thẩm định Trung ương"]),
    # in a national text "Ủy ban nhân dân tỉnh" is every province's committee; a council class likewise
    ("Ủy ban nhân dân tỉnh chủ trì; Hội đồng nhân dân các tỉnh, thành phố trực thuộc trung ương giám sát.",
     ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương",
      "Hội đồng nhân dân các tỉnh, thành phố trực thuộc trung ương"]),
    # a company after a comma is a body of its own, not the end of the name before it
    ("Sở Giao dịch Chứng khoán Việt Nam, Tổng công ty Lưu ký và Bù trừ chứng khoán Việt Nam phối hợp.",
     ["Sở Giao dịch Chứng khoán Việt Nam"]),
])
def test_party_units_short_forms_and_national_classes(text: str, names: list[str]) -> None:
    assert _actors(text, "Thủ tướng Chính phủ") == names


@pytest.mark.parametrize("text, names", [
    # "xã hội" in a committee's name is a noun, not the level "xã"
    ("Tổ đảng ở Thường trực Ủy ban Xã hội chủ trì; Ủy ban Xã hội phối hợp.",
     ["Tổ đảng ở Thường trực Ủy ban Xã hội", "Ủy ban Xã hội"]),
    # the level of a body's name does not open a group ("Công an [tỉnh, các sở, ban, ngành]")
    ("1. Công an tỉnh, các sở, ban, ngành, đoàn thể tỉnh và Ủy ban nhân dân các xã, phường",
     ["Công an tỉnh Lào Cai", "Ủy ban nhân dân cấp xã"]),
    # the middle of a town is no body
    ("Doanh nghiệp lắp trạm phát sóng tại trung tâm huyện và Trung tâm thành phố.", []),
])
def test_names_that_look_like_levels(text: str, names: list[str]) -> None:
    assert _actors(text, "Ủy ban nhân dân tỉnh Lào Cai") == names


@pytest.mark.parametrize("name, expected", [
    ("Ủy ban nhân dân các xã, phường", "Ủy ban nhân dân cấp xã"),
    ("UBND xã, phường", "Ủy ban nhân dân cấp xã"),  # a list of levels without "các" is the class too
    ("Hội đồng nhân dân huyện, thị xã", "Hội đồng nhân dân cấp huyện"),
    ("UBND xã Bảo Hà", "Ủy ban nhân dân xã Bảo Hà"),  # one commune's committee stays itself
])
def test_classes_of_local_committees_have_one_name(name: str, expected: str) -> None:
    from extract.bodies import canonical
    assert canonical(name) == expected


@pytest.mark.parametrize("text, names", [
    # one kind word for a list of ministries and agencies; a member the registry names alone keeps its name
    ("Dự họp có đại diện các Bộ, cơ quan: Quốc phòng, Y tế, Nông nghiệp và Môi trường, Văn phòng Chính phủ.",
     ["Bộ Quốc phòng", "Bộ Y tế", "Bộ Nông nghiệp và Môi trường", "Văn phòng Chính phủ"]),
    # state groups and corporations, their abbreviations in brackets
    ("đề nghị các Tập đoàn: Bưu chính Viễn thông Việt Nam, Điện lực Việt Nam (EVN) bảo đảm cấp điện.",
     ["Tập đoàn Bưu chính Viễn thông Việt Nam", "Tập đoàn Điện lực Việt Nam"]),
    # a member outside the registry is a body named with the shared kind word
    ("giao các Tập đoàn: Hóa chất Miền Nam, Cao su Tây Nguyên rà soát.",
     ["Tập đoàn Hóa chất Miền Nam", "Tập đoàn Cao su Tây Nguyên"]),
    # the People's Committees of the provinces a list names, not the places
    ("Ủy ban nhân dân các tỉnh, thành phố: Quảng Trị, Hồ Chí Minh và Cà Mau chỉ đạo các chủ đầu tư.",
     ["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "Ủy ban nhân dân tỉnh Quảng Trị",
      "Ủy ban nhân dân thành phố Hồ Chí Minh", "Ủy ban nhân dân tỉnh Cà Mau"]),
    # the list ends where the members stop being names ("và các bộ, ngành")
    ("các Bộ: Công an, Xây dựng và các bộ, ngành đã chỉ đạo.", ["Bộ Công an", "Bộ Xây dựng"]),
])
def test_lists_that_share_a_kind_word(text: str, names: list[str]) -> None:
    assert list(dict.fromkeys(n for n in _actors(text) if n and not n.startswith("các "))) == names


def test_a_national_notice_about_one_province_reads_its_bare_bodies_as_that_provinces() -> None:
    from extract.pipeline import extract_text, meta_from_text
    text = ("VĂN PHÒNG CHÍNH PHỦ\nSố: 12/TB-VPCP\nHà Nội, ngày 3 tháng 3 năm 2025\nTHÔNG BÁO\n"
            "KẾT LUẬN CỦA PHÓ THỦ TƯỚNG TẠI BUỔI LÀM VIỆC VỚI LÃNH ĐẠO TỈNH QUẢNG TRỊ\n"
            "1. Đề nghị Tỉnh ủy, Ủy ban nhân dân tỉnh chỉ đạo rà soát các dự án.\n")
    facts = extract_text(text, meta_from_text("tb", "tb.txt", text))
    assert [m.name for m in facts.mentions if m.start > text.index("1.")] == [
        "Tỉnh ủy Quảng Trị", "Ủy ban nhân dân tỉnh Quảng Trị"]


@pytest.mark.parametrize("text, names", [
    # provinces that open an item and act are their People's Committees ...
    ("a) Các tỉnh Quảng Trị, Cà Mau khẩn trương hoàn thiện hồ sơ dự án.",
     ["Ủy ban nhân dân tỉnh Quảng Trị", "Ủy ban nhân dân tỉnh Cà Mau"]),
    # ... provinces a sentence describes are places
    ("Một số nhiệm vụ còn chậm như các tỉnh Quảng Trị, Cà Mau chưa hoàn thành giải phóng mặt bằng.", []),
])
def test_provinces_that_act(text: str, names: list[str]) -> None:
    assert [n for n in _actors(text) if n and not n.startswith("các ")] == names


def test_a_management_board_keeps_its_zones_name() -> None:
    assert _actors("Báo cáo (qua Ban Quản lý Khu kinh tế Vân Phong) để xử lý; Ban Quản lý khu kinh tế tỉnh phối hợp.",
                   "Ủy ban nhân dân tỉnh Khánh Hòa") == [
        "Ban Quản lý Khu kinh tế Vân Phong tỉnh Khánh Hòa", "Ban Quản lý khu kinh tế tỉnh Khánh Hòa"]


def test_the_standing_boards_of_all_provincial_party_committees_are_one_class() -> None:
    assert _actors("1. Ban Thường vụ Tỉnh ủy, Thành ủy lãnh đạo, chỉ đạo các cấp ủy đảng.") == [
        "Ban Thường vụ Tỉnh ủy, Thành ủy"]


@pytest.mark.parametrize("text, names", [
    # one committee word for several places
    ("đề nghị Ủy ban nhân dân thành phố Hà Nội, thành phố Hải Phòng và tỉnh Quảng Ninh trực tiếp hỗ trợ.",
     ["Ủy ban nhân dân thành phố Hà Nội", "Ủy ban nhân dân thành phố Hải Phòng", "Ủy ban nhân dân tỉnh Quảng Ninh"]),
    # national mass organisations named with "Việt Nam"
    ("Liên minh Hợp tác xã Việt Nam rà soát; Hội Chữ thập đỏ Việt Nam, Hội Cựu chiến binh Việt Nam hỗ trợ.",
     ["Liên minh Hợp tác xã Việt Nam", "Trung ương Hội Chữ thập đỏ Việt Nam",
      "Trung ương Hội Cựu chiến binh Việt Nam"]),
])
def test_committees_of_listed_places_and_national_organisations(text: str, names: list[str]) -> None:
    assert _actors(text) == names


def test_a_government_body_whose_name_ends_with_the_government() -> None:
    assert _actors("Bộ Quốc phòng (Ban Cơ yếu Chính phủ) chủ trì bảo đảm an toàn.") == [
        "Bộ Quốc phòng", "Ban Cơ yếu Chính phủ"]
