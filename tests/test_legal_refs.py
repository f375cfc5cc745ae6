import pytest

from tests.conftest import facts_of


def refs(text: str) -> dict[str, str]:
    return {r.id: r.relation for r in facts_of(text).refs if r.subject is None}


@pytest.mark.parametrize("text, ref_id", [
    ("theo Nghị quyết số 52-NQ/TW ngày 27 tháng 9 năm 2019 của Bộ Chính trị", "nq-52-tw-2019"),
    ("Quyết định số 749/QĐ-TTg ngày 03/6/2020", "qd-749-ttg-2020"),
    ("Nghị định 10/2024/NĐ-CP về khu công nghệ cao", "nd-10-cp-2024"),
    ("tại Luật Doanh nghiệp (2020).", "luat-doanh-nghiep-2020"),
    ("Luật Các tổ chức tín dụng (Luật 32/2024/QH15)", "qh-32-qh15-2024"),
    ("ban hành Thông tư 15/2024/TT-BKHĐT ngày 30/09/2024", "tt-15-bkhdt-2024"),
    ("Chỉ thị số 20/CT-TTg (năm 2017) về chấn chỉnh", "ct-20-ttg-2017"),
    ("Tờ trình số 492/TTr-CP ngày 20/9/2024", "ttr-492-cp-2024"),
    ("Thông báo số 285/TB-VPCP ngày 29/6/2024", "tb-285-vpcp-2024"),
    ("Công văn số 7260/BKHĐT-QLKTTW ngày 5/9/2024", "cv-7260-bkhdt-2024"),
    ("các Nghị quyết số 19/NQ-CP (các năm 2014 - 2018) về cải thiện", "nq-19-cp-2014-2018"),
    ("theo Đề án 950 (Quyết định số 950/QĐ-TTg ngày 01/8/2018 của Thủ tướng)", "qd-950-ttg-2018"),
    ("triển khai Đề án 06 về dữ liệu dân cư", "de-an-06-x"),  # no decision 06 in the text: the scheme itself
    ("Kết luận số 91-KL/TW ngày 12/8/2024 của Bộ Chính trị", "kl-91-tw-2024"),
])
def test_citation_forms(text: str, ref_id: str) -> None:
    assert ref_id in refs(text)


def cited(text: str) -> list[tuple[str, str | None, int | None]]:
    """(kind, name or number, year) of each distinct document a text cites."""
    out = {}
    for r in facts_of(text).refs:
        out.setdefault(r.id, (r.kind, r.code or r.name, r.year))
    return list(out.values())


@pytest.mark.parametrize("text, expected", [
    # an amending law is one law, whether cited by name or by number
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền "
     "địa phương ngày 22 tháng 11 năm 2019;",
     [("Luật", "Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền "
       "địa phương", 2019)]),
    ("Căn cứ Luật số 47/2019/QH14 sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức "
     "chính quyền địa phương;", [("Luật", "47/2019/QH14", 2019)]),
    # Party guidance kinds
    ("Kết luận số 36-KL/TW ngày 23/6/2022 và Hướng dẫn 11-HD/BTGTW",
     [("Kết luận", "36-KL/TW", 2022), ("Hướng dẫn", "11-HD/BTGTW", None)]),
    ("Quy định số 08-QĐi/TW ngày 25/10/2018", [("Quy định", "08-QĐi/TW", 2018)]),
    ("Chương trình hành động số 31-CTr/TW ngày 28/7/2026 của Bộ Chính trị",
     [("Chương trình hành động", "31-CTr/TW", 2026)]),
    # lower-case names; a defined short name followed by a verb is not a law
    ("theo quy định của Luật đầu tư công, Luật Bảo vệ môi trường.",
     [("Luật", "Luật đầu tư công", None), ("Luật", "Luật Bảo vệ môi trường", None)]),
    ("(sau đây gọi tắt là Luật). Đưa Luật kịp thời đi vào cuộc sống", []),
    # a year written "năm 2024"; a name stops where the name stops
    ("Luật Đất đai năm 2024 và khoản 2 Điều 5 Luật Đầu tư", [("Luật", "Luật Đất đai", 2024),
                                                           ("Luật", "Luật Đầu tư", None)]),
    ("theo Luật Ngân sách nhà nước và quy định về phân cấp", [("Luật", "Luật Ngân sách nhà nước", None)]),
    ("của Luật Khoáng sản và khoáng chất. Tiếp tục", [("Luật", "Luật Khoáng sản và khoáng chất", None)]),
    ("Luật Bảo vệ môi trường và các văn bản hướng dẫn", [("Luật", "Luật Bảo vệ môi trường", None)]),
    ("Luật Ban hành văn bản quy phạm pháp luật và Nghị định số 80/2025/NĐ-CP ngày 01/4/2025",
     [("Luật", "Luật Ban hành văn bản quy phạm pháp luật", None), ("Nghị định", "80/2025/NĐ-CP", 2025)]),
    ("Luật Tiêu chuẩn, Quy chuẩn kỹ thuật; Luật Quy hoạch, Luật Đầu tư",
     [("Luật", "Luật Tiêu chuẩn, Quy chuẩn kỹ thuật", None), ("Luật", "Luật Quy hoạch", None),
      ("Luật", "Luật Đầu tư", None)]),
    # a name cited once with its number is that number everywhere
    ("Căn cứ Luật Trí tuệ nhân tạo ngày 10 tháng 12 năm 2025; Luật Trí tuệ nhân tạo số 134/2025/QH15",
     [("Luật", "134/2025/QH15", 2025)]),
    ("Luật Công nghiệp công nghệ số số 71/2025/QH15", [("Luật", "71/2025/QH15", 2025)]),
    # treaties and agreements; a short second mention is the same treaty
    ("thực hiện Thỏa thuận Paris về biến đổi khí hậu kể từ năm 2021; yêu cầu của Công ước khung của Liên hợp "
     "quốc về biến đổi khí hậu, Thoả thuận Paris và các cơ chế",
     [("Thỏa thuận", "Thỏa thuận Paris về biến đổi khí hậu", None),
      ("Công ước", "Công ước khung của Liên hợp quốc về biến đổi khí hậu", None)]),
    ("Hiệp định Đối tác toàn diện và tiến bộ xuyên Thái Bình Dương (CPTPP)",
     [("Hiệp định", "Hiệp định Đối tác toàn diện và tiến bộ xuyên Thái Bình Dương", None)]),
    ("ký kết thỏa thuận hoặc hợp đồng với các đối tác", []),
    ("thực hiện Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng;",
     [("Nghị quyết", "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng", None)]),
    # a law still being drafted is not a citation
    ("trong dự án xây dựng Luật Khoa học, Công nghệ và Đổi mới sáng tạo", []),
    ("Bộ Giáo dục và Đào tạo trình dự án Luật Nhà giáo", []),
    # ... but the laws listed after "các dự án:" are cited alike, the first one too
    ("chủ trì thẩm tra các dự án: Luật Tổ chức Quốc hội, Luật Nhà giáo.",
     [("Luật", "Luật Tổ chức Quốc hội", None), ("Luật", "Luật Nhà giáo", None)]),
    # short forms in a law's name are written out: one law however it is written
    ("hoàn thành khi Luật KHCN&ĐMST được thông qua; theo Luật KH, CN và ĐMST",
     [("Luật", "Luật Khoa học, Công nghệ và Đổi mới sáng tạo", None)]),
    ("thực hiện Luật BVMT 2020 và Luật Bảo vệ môi trường năm 2020.", [("Luật", "Luật Bảo vệ môi trường", 2020)]),
    ("Luật SĐBS 1 số điều của Luật CLSPHH đã được thông qua",
     [("Luật", "Luật sửa đổi, bổ sung một số điều của Luật Chất lượng sản phẩm, hàng hóa", None)]),
    # a pair of words after a comma belongs to the name; a clause after a comma does not
    ("rà soát Luật Viên chức, Luật Cán bộ, công chức; Luật Thi đua, khen thưởng.",
     [("Luật", "Luật Viên chức", None), ("Luật", "Luật Cán bộ, công chức", None),
      ("Luật", "Luật Thi đua, khen thưởng", None)]),
    ("theo Luật Đầu tư công, quy định rõ trách nhiệm của chủ đầu tư", [("Luật", "Luật Đầu tư công", None)]),
    ("| 3 | Luật Phòng, chống tham nhũng | Thanh tra Chính phủ |", [("Luật", "Luật Phòng, chống tham nhũng", None)]),
    ("Căn cứ Luật tổ chức Chính phủ ngày 25 tháng 12 năm 2001;", [("Luật", "Luật tổ chức Chính phủ", 2001)]),
    # a treaty named after a place stops where its proper name and subject stop
    ("bán chứng chỉ giảm phát thải theo Nghị định thư Kyoto ra thị trường quốc tế",
     [("Nghị định thư", "Nghị định thư Kyoto", None)]),
    ("tuân thủ Nghị định thư Montreal về các chất làm suy giảm tầng ô-dôn và chất thay thế",
     [("Nghị định thư", "Nghị định thư Montreal về các chất làm suy giảm tầng ô-dôn", None)]),
    ("quy định của Công ước khung Liên hợp quốc về biến đổi khí hậu (UNFCCC)",
     [("Công ước", "Công ước khung của Liên hợp quốc về biến đổi khí hậu", None)]),
    ("thực hiện Hiệp định đối tác tự nguyện về Thực thi Lâm luật, Quản trị rừng và Thương mại lâm sản (FLEGT)",
     [("Hiệp định", "Hiệp định đối tác tự nguyện về Thực thi Lâm luật, Quản trị rừng và Thương mại lâm sản", None)]),
    ("Ngân hàng Nhà nước ký với Ngân hàng Thế giới Hiệp định Dự án hỗ trợ kỹ thuật trên", []),
    # a date after a comma is still the citation's date
    ("Bộ đã ban hành Quyết định số 41/QĐ-BYT, ngày 12/3/2024 về danh mục", [("Quyết định", "41/QĐ-BYT", 2024)]),
    # programmes cited by their title and horizon; not when approved by the citation before, nor work to do
    ("gắn với Chương trình mục tiêu phát triển văn hóa giai đoạn 2016 - 2020 và Chiến lược phát triển du lịch "
     "đến năm 2030, tầm nhìn đến năm 2045;",
     [("Chương trình", "Chương trình mục tiêu phát triển văn hóa giai đoạn 2016 - 2020", None),
      ("Chiến lược", "Chiến lược phát triển du lịch đến năm 2030, tầm nhìn đến năm 2045", None)]),
    ("Quyết định số 88/QĐ-TTg ngày 05/02/2020 phê duyệt Chiến lược phát triển du lịch đến năm 2030;",
     [("Quyết định", "88/QĐ-TTg", 2020)]),
    ("Bộ Văn hóa xây dựng Đề án phát triển công nghiệp văn hóa đến năm 2030.", []),
    ("| 2 | Đề án phát triển công nghiệp văn hóa đến năm 2030 | Bộ Văn hóa, Thể thao và Du lịch |", []),
    ("thực hiện Chiến lược đến năm 2030 của tỉnh", []),
    ("như đã đề ra tại Chiến lược phát triển kinh tế - xã hội giai đoạn 2021 - 2030, Bộ Tài chính",
     [("Chiến lược", "Chiến lược phát triển kinh tế - xã hội giai đoạn 2021 - 2030", None)]),
    ("yêu cầu của Công ước khung của Liên hợp quốc về biến đổi khí hậu, Thủ tướng Chính phủ yêu cầu",
     [("Công ước", "Công ước khung của Liên hợp quốc về biến đổi khí hậu", None)]),
    # codes of law; a pair after a comma before the sentence's verb
    ("xử lý theo Bộ Luật hình sự năm 2015 và Bộ luật Dân sự;",
     [("Bộ luật", "Bộ luật hình sự", 2015), ("Bộ luật", "Bộ luật Dân sự", None)]),
    ("trước ngày Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ có hiệu lực",
     [("Luật", "Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ", None)]),
])
def test_named_citations(text: str, expected: list) -> None:
    assert cited(text) == expected


def test_same_number_different_years_are_different_documents() -> None:
    found = refs("Nghị quyết số 50/NQ-CP ngày 17/4/2020 và Nghị quyết số 50/NQ-CP ngày 20/4/2023.")
    assert {"nq-50-cp-2020", "nq-50-cp-2023"} <= set(found)


def test_year_unknown_is_flagged_not_guessed() -> None:
    (r,) = facts_of("Thực hiện tốt Quyết định số 714/QĐ-TTg về cơ sở dữ liệu.").refs
    assert r.year is None and r.ambiguous


def test_relations() -> None:
    text = ("Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n"
            "Thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019, Chính phủ ban hành kế hoạch.\n"
            "Chính phủ đã ban hành Nghị quyết số 50/NQ-CP ngày 17/4/2020 ban hành Chương trình hành động "
            "thực hiện Nghị quyết số 23-NQ/TW ngày 22/3/2018.")
    facts = facts_of(text)
    rel = {r.id: r.relation for r in facts.refs if r.subject is None}
    assert rel["luat-to-chuc-chinh-phu-2015"] == "based_on"
    assert rel["nq-52-tw-2019"] == "implements"
    assert rel["nq-50-cp-2020"] == "cites"
    assert any(r.subject == "nq-50-cp-2020" and r.id == "nq-23-tw-2018" and r.relation == "implements"
               for r in facts.refs)


def test_qd2289_legal_basis(corpus) -> None:
    rel = {r.id: r.relation for r in corpus.doc("000").refs if r.subject is None}
    assert rel["nq-52-tw-2019"] == "implements"
    assert rel["nq-50-cp-2020"] == "implements" and rel["qd-749-ttg-2020"] == "implements"
    assert "qd-2289-ttg-2020" not in rel  # its own number is its identity
    assert any(r.subject == "nq-50-cp-2020" and r.id == "nq-52-tw-2019" for r in corpus.doc("000").refs)
    assert "qd-2289-ttg-2020" in {r.id for r in corpus.doc("003").refs}


def test_the_pipeline_is_registered_spacy_components() -> None:
    from extract.nlp import pipeline
    from extract.normalize import normalize
    nlp = pipeline()
    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": "policykg.syllables.v1"}
    assert nlp.pipe_names == ["agency_ruler", "body_ruler", "legal_ref_ruler"]
    doc = nlp(normalize("Bộ Tài chính chủ trì thực hiện Nghị quyết số 52-NQ/TW ngày 27/9/2019 và Luật Đất đai "
                        "năm 2024; Cục Thuế phối hợp.").text)
    assert [(s.text, s.label_) for s in doc.spans["agencies"]] == [("Bộ Tài chính", "mof"), ("Cục Thuế", "body")]
    assert [(s.label_, s.kb_id_) for s in doc.spans["legal_refs"]] == [
        ("Nghị quyết", "nq-52-tw-2019"), ("Luật", "luat-dat-dai-2024")]
    assert doc.spans["legal_refs"][0]._.legal_ref.code == "52-NQ/TW"


@pytest.mark.parametrize("text, expected", [
    # a Party plenum's resolution is cited by its plenum and term
    ("tiếp tục thực hiện Nghị quyết Trung ương 7 khóa XI về chủ động ứng phó với biến đổi khí hậu",
     [("Nghị quyết", "Nghị quyết Trung ương 7 khóa XI", None)]),
    ("Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương khoá XII về chiến lược bảo vệ Tổ quốc;",
     [("Nghị quyết", "Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương khóa XII", None)]),
    ("Nghị quyết Trung ương về phát triển nông nghiệp", []),
    # an acronym stands for the law whose initials it gives
    ("theo Luật Bảo vệ môi trường năm 2020. Các cơ sở thực hiện đúng Luật BVMT.",
     [("Luật", "Luật Bảo vệ môi trường", 2020)]),
    # ... and a common short form (data/law_abbreviations.json) is written out even without the full name
    ("Luật Đất đai năm 2024; theo Luật BVMT",
     [("Luật", "Luật Đất đai", 2024), ("Luật", "Luật Bảo vệ môi trường", None)]),
    ("Luật Đất đai năm 2024; theo Luật BVĐĐ", [("Luật", "Luật Đất đai", 2024), ("Luật", "Luật BVĐĐ", None)]),
    # a name stops before the level word of the body that acts after it
    ("Trên cơ sở quy định Luật Bảo vệ môi trường tỉnh đang chỉ đạo lập kế hoạch.",
     [("Luật", "Luật Bảo vệ môi trường", None)]),
    # a footnote cut into the sentence by the PDF's text layer
    ("Luật Bảo vệ môi trường năm 2020; theo quy định của Luật Bảo vệ môi 4 Đối với tỉnh Lào Cai: lấy mẫu.",
     [("Luật", "Luật Bảo vệ môi trường", 2020)]),
    # laws still to be passed are not citations
    ("g) Hoàn thiện Luật Công nghiệp công nghệ số trình Quốc hội ban hành;", []),
    ("đề nghị Chính phủ trình Quốc hội thông qua Luật Thủy lợi (sửa đổi, bổ sung) để tiếp tục", []),
])
def test_more_named_citations(text: str, expected: list) -> None:
    assert cited(text) == expected


def test_a_numbered_law_then_its_name_is_one_law() -> None:
    text = ("theo khoản 16 Điều I Luật số 146/2025/QH15 của Quốc hội: Luật sửa đổi, bổ sung một số điều của 15 luật "
            "trong lĩnh vực nông nghiệp và môi trường.")
    assert cited(text) == [("Luật", "146/2025/QH15", 2025)]


@pytest.mark.parametrize("text, expected", [
    # an amending law of a number of laws runs to its date
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của 11 Luật có liên quan đến quy hoạch ngày 15 tháng 6 năm 2018;",
     [("Luật", "Luật sửa đổi, bổ sung một số điều của 11 Luật có liên quan đến quy hoạch", 2018)]),
    # a law in lower case is a citation when its year follows
    ("căn cứ luật đất đai năm 2024, luật lâm nghiệp năm 2017", [("Luật", "Luật đất đai", 2024),
                                                               ("Luật", "Luật lâm nghiệp", 2017)]),
    ("theo luật định và luật pháp hiện hành", []),
])
def test_amendments_and_lower_case_laws(text: str, expected: list) -> None:
    assert cited(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a kind code in the symbol names the kind: a notice of conclusions, a dispatch
    ("Thông báo kết luận số 15-TB/TW ngày 3/4/2025 của Bộ Chính trị", [("Thông báo", "15-TB/TW", 2025)]),
    ("Công điện số 07/CĐ-TTg ngày 5/2/2025", [("Công điện", "07/CĐ-TTg", 2025)]),
    ("Quy chế số 03-QC/ĐĐQH ngày 4/3/2025", [("Quy chế", "03-QC/ĐĐQH", 2025)]),
    # a scheme cited by its symbol, then by its nickname
    ("Đề án số 06-ĐA/TU ngày 1/2/2024; theo Đề án 06", [("Đề án", "06-ĐA/TU", 2024)]),
])
def test_party_and_government_kinds(text: str, expected: list) -> None:
    assert cited(text) == expected


def test_a_strategy_is_not_a_citation_in_the_decision_that_issues_it() -> None:
    text = ("QUYẾT ĐỊNH\nBan hành Chiến lược phát triển du lịch đến năm 2030\n"
            "Điều 1. Ban hành kèm theo Quyết định này Chiến lược phát triển du lịch đến năm 2030.\n"
            "Điều 2. Thực hiện Chiến lược phát triển du lịch đến năm 2030 gắn với Chương trình mục tiêu phát triển "
            "văn hóa giai đoạn 2021 - 2025.")
    assert [(r.kind, r.name) for r in facts_of(text, "decision").refs] == [
        ("Chương trình", "Chương trình mục tiêu phát triển văn hóa giai đoạn 2021 - 2025")]


def test_a_provincial_symbol_is_of_the_province_its_issuer_names_else_the_citing_documents() -> None:
    """"12/KH-UBND" is issued by every province: a citation names the province that issued it, or is of the
    citing document's province; a national symbol stays national, and the plan does not cite itself."""
    from extract.pipeline import extract_text, meta_from_text

    text = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\nSố: 12/KH-UBND\nLào Cai, ngày 03 tháng 02 năm 2025\nKẾ HOẠCH\n"
            "Chuyển đổi số năm 2025\nCăn cứ Quyết định số 5/QĐ-UBND ngày 02/01/2025 của UBND tỉnh Yên Bái; "
            "Kế hoạch số 7/KH-UBND ngày 03/01/2025 về dữ liệu số; Báo cáo số 40/BC-SNNMT ngày 05/01/2025 về "
            "đất đai; Quyết định số 749/QĐ-TTg ngày 03/6/2020 của Thủ tướng Chính phủ; Kế hoạch số 12/KH-UBND "
            "ngày 03/02/2025 này.\nII. NHIỆM VỤ\n1. Sở Tài chính chủ trì bố trí kinh phí.\n")
    ids = {r.id for r in extract_text(text, meta_from_text("kh", "kh.txt", text)).refs}
    assert ids == {"qd-5-ubnd-yen-bai-2025", "kh-7-ubnd-lao-cai-2025", "bc-40-snnmt-lao-cai-2025",
                   "qd-749-ttg-2020"}


@pytest.mark.parametrize("text, expected", [
    # a report's sentence that opens with a date and issues the document it cites dates that document
    ("BÁO CÁO\nI. KẾT QUẢ\nNgày 05/3/2025, Sở Xây dựng đã có Văn bản số 512/SXD-QLN đề nghị các xã rà soát.",
     [("Công văn", "512/SXD-QLN", 2025)]),
    ("BÁO CÁO\nI. KẾT QUẢ\nNgày 3 tháng 5 năm 2025, Ủy ban nhân dân tỉnh ban hành Kế hoạch số 77/KH-UBND.",
     [("Kế hoạch", "77/KH-UBND", 2025)]),
    # ... but not a document the issued one merely implements, nor one cited in a sentence that opens otherwise
    ("BÁO CÁO\nI. KẾT QUẢ\nNgày 3/5/2025, tỉnh ban hành Kế hoạch số 77/KH-UBND thực hiện Nghị quyết số 57-NQ/TW.\n"
     "Sở Xây dựng đã có Văn bản số 512/SXD-QLN đề nghị các xã rà soát.",
     [("Kế hoạch", "77/KH-UBND", 2025), ("Nghị quyết", "57-NQ/TW", None), ("Công văn", "512/SXD-QLN", None)]),
    # a licence is cited by its kind code (GP of the official list of kind codes)
    ("BÁO CÁO\nI. KẾT QUẢ\nCông ty A được cấp Giấy phép khai thác khoáng sản số 15/GP-UBND ngày 02/3/2016.",
     [("Giấy phép", "15/GP-UBND", 2016)]),
])
def test_dates_and_kind_codes_of_a_reports_citations(text: str, expected: list) -> None:
    assert cited(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a law named after bodies runs to its date, although a body's name starts inside it
    ("Căn cứ Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân ngày 26 tháng 11 năm 2003;",
     [("Luật", "Luật Tổ chức Hội đồng nhân dân và Ủy ban nhân dân", 2003)]),
    # "sửa đổi bổ sung" written without its comma is the amending law's name all the same
    ("Căn cứ Luật Sửa đổi bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương "
     "ngày 22 tháng 11 năm 2019;",
     [("Luật", "Luật Sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương",
       2019)]),
    # a short form is written out; "trên địa bàn" is where a law is applied, not part of its name
    ("Căn cứ Luật Bảo vệ bí mật nhà nước ngày 15 tháng 11 năm 2018;\n1. Sở Tư pháp kiểm tra việc thực hiện Luật Bảo "
     "vệ BMNN trên địa bàn tỉnh.",
     [("Luật", "Luật Bảo vệ bí mật nhà nước", 2018)]),
    # a symbol that line wrapping cut after a hyphen keeps the date after its last part
    ("Theo đề nghị của Giám đốc Công an tỉnh tại Tờ trình số 05/TTr-CAT- PV01 ngày 03 tháng 02 năm 2023.",
     [("Tờ trình", "05/TTr-CAT", 2023)]),
])
def test_law_names_and_wrapped_symbols(text: str, expected: list) -> None:
    assert cited(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a national strategy, programme or plan is cited by its title without a horizon; the title ends at a stop
    ("QUYẾT ĐỊNH\nĐiều 1. Lồng ghép vào Chiến lược quốc gia về phòng chống thiên tai, Chương trình mục tiêu quốc gia "
     "phòng, chống ma túy và các chương trình khác; Kế hoạch hành động quốc gia thực hiện Chương trình Nghị sự 2030 "
     "vì sự phát triển bền vững.",
     [("Chiến lược", "Chiến lược quốc gia về phòng chống thiên tai", None),
      ("Chương trình", "Chương trình mục tiêu quốc gia phòng, chống ma túy", None),
      ("Kế hoạch", "Kế hoạch hành động quốc gia thực hiện Chương trình Nghị sự 2030 vì sự phát triển bền vững", None)]),
    # ... but not one the text asks to make, wherever it names it
    ("KẾ HOẠCH\n1. Nhiệm vụ\na) Cập nhật, ban hành Chiến lược quốc gia về dữ liệu mở; rà soát định kỳ.\n"
     "b) Lồng ghép mục tiêu của Chiến lược quốc gia về dữ liệu mở vào kế hoạch của ngành.", []),
])
def test_national_titles_without_a_horizon(text: str, expected: list) -> None:
    assert cited(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a master plan with its period is a document; the text's title of it later is the decision that approved it
    ("Căn cứ Quyết định số 512/QĐ-TTg ngày 05/4/2024 của Thủ tướng Chính phủ phê duyệt Quy hoạch mạng lưới "
     "cảng cá thời kỳ 2021 - 2030, tầm nhìn đến năm 2050;\n1. Tổ chức thực hiện Quy hoạch mạng lưới cảng cá thời kỳ "
     "2021 - 2030, tầm nhìn đến năm 2050.",
     [("Quyết định", "512/QĐ-TTg", 2024)]),
    ("1. Rà soát việc thực hiện Quy hoạch mạng lưới cảng cá thời kỳ 2021 - 2030, tầm nhìn 2050 đúng tiến độ.",
     [("Quy hoạch", "Quy hoạch mạng lưới cảng cá thời kỳ 2021 - 2030, tầm nhìn 2050", None)]),
    # a plan being revised is work to do, unless the text says the one in force
    ("1. Hoàn thành điều chỉnh Quy hoạch tỉnh thời kỳ 2021 - 2030, tầm nhìn đến năm 2050 trong năm 2025.", []),
    ("2. Đề xuất điều chỉnh Quy hoạch mạng lưới cảng cá thời kỳ 2021 - 2030 đã được Thủ tướng Chính phủ phê duyệt.",
     [("Quy hoạch", "Quy hoạch mạng lưới cảng cá thời kỳ 2021 - 2030", None)]),
    # "các Chương trình …" is a class of documents
    ("3. Ban hành cơ chế quản lý các Chương trình mục tiêu quốc gia giai đoạn 2026 - 2030.", []),
    # a strategy's period written "10 năm 2021-2030"
    ("4. Thực hiện Chiến lược phát triển kinh tế - xã hội 10 năm 2021-2030 của tỉnh.",
     [("Chiến lược", "Chiến lược phát triển kinh tế - xã hội 10 năm 2021-2030", None)]),
    # the laws amended together by one law; a symbol with a space after its hyphen; a date on the next line
    ("Căn cứ Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư theo phương thức "
     "đối tác công tư và Luật Đấu thầu ngày 29/11/2024;\nCăn cứ Quyết định số 227/QĐ- TTg ngày 12/3/2024;\n"
     "Căn cứ Quyết định số 1999/QĐ-TTg\nngày 07/12/2020 của Thủ tướng Chính phủ;",
     [("Luật", "Luật sửa đổi, bổ sung một số điều của Luật Quy hoạch, Luật Đầu tư, Luật Đầu tư theo phương thức "
       "đối tác công tư và Luật Đấu thầu", 2024), ("Quyết định", "227/QĐ-TTg", 2024),
      ("Quyết định", "1999/QĐ-TTg", 2020)]),
])
def test_master_plans_titles_and_wrapped_dates(text: str, expected: list) -> None:
    assert cited(text) == expected


def test_a_known_strategy_cited_by_title_is_its_approving_decision() -> None:
    text = ("Căn cứ Quyết định số 2289/QĐ-TTg ngày 31/12/2020 của Thủ tướng Chính phủ;\n1. Triển khai Chiến lược "
            "quốc gia về Cách mạng công nghiệp lần thứ tư đến năm 2030.\n2. Lồng ghép Chiến lược quốc gia về tăng "
            "trưởng xanh giai đoạn 2021 - 2030, tầm nhìn 2050.")
    assert [(r.id, r.kind) for r in facts_of(text).refs] == [
        ("qd-2289-ttg-2020", "Quyết định"), ("qd-1658-ttg-2021", "Chiến lược")]


@pytest.mark.parametrize("text, relation", [
    ("Thực hiện Quyết định số 2289/QĐ-TTg ngày 31/12/2020, Bộ ban hành kế hoạch.", "implements"),
    # a report on how a decision was carried out cites it
    ("Báo cáo tình hình và kết quả thực hiện Quyết định số 2289/QĐ-TTg ngày 31/12/2020 năm 2024.", "cites"),
])
def test_a_report_on_carrying_out_a_decision_cites_it(text: str, relation: str) -> None:
    assert refs(text) == {"qd-2289-ttg-2020": relation}


@pytest.mark.parametrize("text, expected", [
    # a resolution numbered with a decimal point
    ("1. Về đề nghị sửa đổi Nghị quyết số 12.3/2025/NQ-CP đối với thủ tục chuyển mục đích sử dụng rừng.",
     [("Nghị quyết", "12.3/2025/NQ-CP", 2025)]),
    # "pháp luật" is the law in general, not a law's name
    ("xử lý theo quy định của pháp luật trước ngày 25 tháng 12 năm 2025.", []),
    # a congress's resolution, "của" before the congress or not, with its term
    ("Trên cơ sở Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - 2030, và theo Nghị quyết "
     "của Đại hội đại biểu toàn quốc lần thứ XIV của Đảng.",
     [("Nghị quyết", "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ I, nhiệm kỳ 2025 - 2030", 2025),
      ("Nghị quyết", "Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIV của Đảng", None)]),
])
def test_decimal_numbers_the_law_in_general_and_congress_resolutions(text: str, expected: list) -> None:
    assert cited(text) == expected


def test_numbers_that_share_one_symbol_are_one_citation_each() -> None:
    assert cited("Căn cứ Quyết định số 4, 5 và 7/CMP3 của Hội nghị các bên;") == [
        ("Quyết định", "4/CMP3", None), ("Quyết định", "5/CMP3", None), ("Quyết định", "7/CMP3", None)]
