import pytest

from extract.quantities import parse_number
from tests.conftest import facts_of


@pytest.mark.parametrize("raw, value", [("12,66", 12.66), ("7,5", 7.5), ("80,000", 80000), ("300.000", 300000),
                                         ("1,000,000", 1_000_000), ("20", 20),
                                         ("3.094,17", 3094.17), ("0,002", 0.002),
                                         ("328.782,902", 328782.902), ("10.367,700", 10367.7)])
def test_numbers(raw: str, value: float) -> None:
    assert parse_number(raw) == value


def test_digital_economy_targets(corpus) -> None:
    got = {(t.year, t.value, t.comparator, t.unit) for t in corpus.doc("000").targets
           if t.indicator == "digital-economy-gdp"}
    assert got == {(2025, 20.0, "about", "%"), (2030, 30.0, "about", "%")}


def test_a_bullet_splits_into_atomic_targets() -> None:
    text = ("II. MỤC TIÊU\nMục tiêu đến năm 2025:\n- 80% dân số sử dụng Internet; 80% dịch vụ công trực tuyến "
            "mức độ 4; tỷ lệ dân số có tài khoản thanh toán điện tử trên 50%;\n"
            "- Hạ tầng mạng băng rộng cáp quang phủ trên 80% hộ gia đình, 100% xã;\n"
            "- Chỉ số Chính phủ điện tử theo xếp hạng của Liên hợp quốc thuộc nhóm 4 nước dẫn đầu ASEAN;")
    got = [(t.indicator, t.value, t.comparator, t.year, t.scope) for t in facts_of(text).targets]
    assert got == [
        ("internet-users", 80.0, "equals", 2025, None),
        ("online-services-level4", 80.0, "equals", 2025, None),
        ("e-payment-accounts", 50.0, "more_than", 2025, None),
        ("fibre-households", 80.0, "more_than", 2025, None),
        ("broadband-communes", 100.0, "equals", 2025, None),
        ("egov-rank", 4.0, "top_n", 2025, "ASEAN"),
    ]


def test_draft_rd_targets_and_2020_interim_values(corpus) -> None:
    rd = {(t.year, t.value, t.comparator) for t in corpus.doc("001").targets if t.indicator == "rd-spending-gdp"}
    assert rd == {(2025, 1.5, "at_least"), (2030, 2.0, "at_least")}
    smes = {(t.year, t.value) for t in corpus.doc("004").targets if t.indicator == "smes-digital-platforms"}
    assert smes == {(2025, 50.0), (2020, 10.0)}


def test_report_observations_and_status(corpus) -> None:
    obs = sorted((o.year, o.value) for o in corpus.doc("003").observations if o.indicator == "digital-economy-gdp")
    assert obs == [(2020, 12.66), (2021, 12.88), (2022, 12.63), (2023, 12.33)]
    from extract import contract
    rows = {(r["indicator"], r["year"]): r for r in contract.targets(corpus) if r["doc"] == "000"}
    assert rows[("digital-economy-gdp", 2025)]["status"] == "off_track"
    assert [o["value"] for o in rows[("digital-economy-gdp", 2025)]["observations"]] == [12.66, 12.88, 12.63, 12.33]
    assert rows[("labour-productivity-growth", 2025)]["status"] == "off_track"
    assert rows[("gci-rank", 2025)]["status"] == "achieved"


def test_target_quotes_are_exact(corpus, originals) -> None:
    for d in corpus.docs:
        for t in d.targets:
            assert originals[d.meta.id][t.evidence.start:t.evidence.end] == t.evidence.quote


# Snippets written for these tests, one pattern of the genre each:
# (text, [(indicator label, value, unit, comparator, year), ...]).
PATTERNS = [
    ("II. MỤC TIÊU\n2. Mục tiêu cụ thể\nĐến năm 2030:\n- Tỷ lệ đô thị hóa đạt khoảng 45 %;\n"
     "- Tối thiểu 60 % hộ gia đình được sử dụng nước sạch theo quy chuẩn.",
     [("Tỷ lệ đô thị hóa", 45.0, "%", "about", 2030),
      ("Tỷ lệ hộ gia đình được sử dụng nước sạch theo quy chuẩn", 60.0, "%", "at_least", 2030)]),
    ("II. MỤC TIÊU\na) Giai đoạn 2026–2030\n- Hoàn thành khoảng 120 km đường cao tốc;\n"
     "- Trồng mới ít nhất 1.500 ha rừng phòng hộ.",
     [("Đường cao tốc", 120.0, "km", "about", 2030), ("Trồng mới rừng phòng hộ", 1500.0, "ha", "at_least", 2030)]),
    ("II. MỤC TIÊU ĐẾN NĂM 2025\n1. Tối thiểu 60% hộ gia đình sử dụng nước sạch\n"
     "2. Bảo đảm 100% xã có đường ô tô đến trung tâm xã",
     [("Tỷ lệ hộ gia đình sử dụng nước sạch", 60.0, "%", "at_least", 2025),
      ("Tỷ lệ xã có đường ô tô đến trung tâm xã", 100.0, "%", "equals", 2025)]),
    ("II. MỤC TIÊU\nMục tiêu đến năm 2030:\n- Số vụ tai nạn lao động nghiêm trọng bằng 0;\n"
     "- Công suất điện mặt trời mái nhà không quá 2.600 MW;\n- Thu nhập bình quân đầu người trên 5.000 USD/người/năm.",
     [("Số vụ tai nạn lao động nghiêm trọng", 0.0, None, "equals", 2030),
      ("Công suất điện mặt trời mái nhà", 2600.0, "MW", "at_most", 2030),
      ("Thu nhập bình quân đầu người", 5000.0, "USD/người/năm", "more_than", 2030)]),
    ("II. MỤC TIÊU\nMục tiêu đến năm 2025:\n- Có 1.000 hợp tác xã ứng dụng công nghệ cao, "
     "trong đó ít nhất 300 hợp tác xã do phụ nữ quản lý.",
     [("Hợp tác xã ứng dụng công nghệ cao", 1000.0, "hợp tác xã", "equals", 2025),
      ("Hợp tác xã do phụ nữ quản lý", 300.0, "hợp tác xã", "at_least", 2025)]),
    ("KẾ HOẠCH\nThực hiện chuyển đổi số tỉnh X giai đoạn 2021 - 2025\nI. MỤC TIÊU\n2. Mục tiêu cụ thể\n"
     "- 80% thủ tục hành chính được cung cấp trực tuyến toàn trình.",
     [("Tỷ lệ thủ tục hành chính được cung cấp trực tuyến toàn trình", 80.0, "%", "equals", 2025)]),
    ("II. MỤC TIÊU\n- Tỷ lệ lao động qua đào tạo đạt 70% vào năm 2025 và 75% vào năm 2030.",
     [("Tỷ lệ lao động qua đào tạo", 70.0, "%", "equals", 2025),
      ("Tỷ lệ lao động qua đào tạo", 75.0, "%", "equals", 2030)]),
    ("III. KẾT QUẢ THỰC HIỆN\n1. Chỉ tiêu tỷ lệ hộ nghèo giảm 1,5 %/năm\nNăm 2023 tỷ lệ hộ nghèo giảm 1,2 %.", []),
]


@pytest.mark.parametrize("text, expected", PATTERNS)
def test_target_patterns_of_the_genre(text: str, expected: list) -> None:
    got = [(t.indicator_label, t.value, t.unit, t.comparator, t.year) for t in facts_of(text).targets]
    assert got == expected


def test_reduction_against_a_base_year() -> None:
    text = ("II. MỤC TIÊU\nMục tiêu đến năm 2030:\n- Giảm 15% lượng phát thải khí nhà kính so với năm gốc 2014;\n"
            "- Tỷ lệ hộ nghèo giảm bình quân 1,5%/năm.")
    got = [(t.indicator_label, t.value, t.unit, t.year, t.baseline, t.change) for t in facts_of(text).targets]
    assert got == [("Lượng phát thải khí nhà kính", 15.0, "%", 2030, "2014", "decrease"),
                   ("Tỷ lệ hộ nghèo", 1.5, "%/năm", 2030, None, "decrease")]


def test_one_indicator_keeps_one_id_across_wordings() -> None:
    a = facts_of("II. MỤC TIÊU\nĐến năm 2025:\n- Tỷ lệ hộ gia đình sử dụng nước sạch đạt 95%.").targets
    b = facts_of("II. MỤC TIÊU\nĐến năm 2030:\n- Phấn đấu 100% hộ gia đình sử dụng nước sạch.").targets
    assert a[0].indicator == b[0].indicator == "ind-ho-gia-dinh-su-dung-nuoc-sach"


@pytest.mark.parametrize("text", ["Bảo đảm", "Đến năm 2030", "Phấn đấu", "Mục tiêu"])
def test_lead_words_are_not_indicators(text: str) -> None:
    got = facts_of(f"II. MỤC TIÊU\n- {text} 90% trường học có kết nối Internet đến năm 2030.").targets
    assert [t.indicator_label for t in got] == ["Tỷ lệ trường học có kết nối Internet"]


def _report(text: str):
    from extract.pipeline import extract_text, meta_from_text
    return extract_text(text, meta_from_text("r", "r.txt", text, {"kind": "report", "date": "2024-12-20"}))


# Progress figures a report gives, written for the test: (text, [(indicator, year, value, unit), ...]).
FIGURES = [
    ("BÁO CÁO\nIII. KẾT QUẢ THỰC HIỆN\n1. Kinh tế số\nNăm 2023, tỷ trọng kinh tế số trong GDP đạt 12,33%, trong đó "
     "kinh tế số ICT đóng góp 7,42% (chiếm 60,19%), kinh tế số nền tảng đóng góp 4,91%.",
     [("digital-economy-gdp", 2023, 12.33, "%"), ("digital-economy-ict-gdp", 2023, 7.42, "%"),
      ("digital-economy-platform-gdp", 2023, 4.91, "%")]),
    ("BÁO CÁO\nIII. KẾT QUẢ THỰC HIỆN\n- Năng suất lao động tăng từ 173 triệu đồng/lao động năm 2021 lên khoảng "
     "199 triệu đồng/lao động năm 2023.\n- Bình quân giai đoạn 2021-2023 tốc độ tăng năng suất đạt 4,4%.",
     [("labour-productivity-level", 2021, 173.0, "triệu đồng/lao động"),
      ("labour-productivity-level", 2023, 199.0, "triệu đồng/lao động")]),
    ("BÁO CÁO\nIII. KẾT QUẢ THỰC HIỆN\n- Đến nay, 51 tỉnh, thành phố đã triển khai nền tảng họp trực tuyến.",
     [("ind-tinh-thanh-pho-trien-khai-nen-tang-hop-truc-tuyen", 2024, 51.0, "tỉnh, thành phố")]),
    ("BÁO CÁO\nI. BỐI CẢNH\n- Năm 2023, 40 tỉnh đã triển khai nền tảng họp trực tuyến.", []),
    # a report's review heading ("Đánh giá tình hình thực hiện …") holds results; "hiện nay" is the report's date;
    # "12/12 đơn vị" counts 12
    ("BÁO CÁO\nI. ĐÁNH GIÁ TÌNH HÌNH THỰC HIỆN\nTính đến nay, có 12/12 đơn vị đã kết nối, 90% trường học "
     "đã có Internet.",
     [("ind-don-vi-ket-noi", 2024, 12.0, "đơn vị"), ("ind-truong-hoc-co-internet", 2024, 90.0, "%")]),
    # a total and its components in brackets, "416.442" one number
    ("BÁO CÁO\nII. TÌNH HÌNH THỰC HIỆN DỰ TOÁN\n- Tổng kinh phí năm 2023: 416.442 triệu đồng (trong đó: cấp tỉnh: "
     "38.124 triệu đồng; cấp xã: 378.318 triệu đồng).",
     [("ind-tong-kinh-phi", 2023, 416442.0, "triệu đồng"), ("ind-cap-tinh", 2023, 38124.0, "triệu đồng"),
      ("ind-cap-xa", 2023, 378318.0, "triệu đồng")]),
]


@pytest.mark.parametrize("text, expected", FIGURES)
def test_every_figure_of_a_report_is_an_observation(text: str, expected: list) -> None:
    got = [(o.indicator, o.year, o.value, o.unit) for o in _report(text).observations]
    assert got == expected


def test_report_components_levels_and_links(corpus) -> None:
    obs = {(o.indicator, o.year): o.value for o in corpus.doc("003").observations}
    assert obs[("digital-economy-ict-gdp", 2023)] == 7.42 and obs[("digital-economy-sectors-gdp", 2023)] == 4.91
    assert obs[("labour-productivity-level", 2021)] == 173.0 and obs[("labour-productivity-level", 2023)] == 199.0


def test_a_report_citing_a_strategy_measures_its_targets() -> None:
    from extract.contract import targets
    from extract.pipeline import Corpus, extract_text, meta_from_text
    plan = ("QUYẾT ĐỊNH\nII. MỤC TIÊU\nĐến năm 2025:\n- Tỷ lệ hộ gia đình sử dụng nước sạch đạt 95%.")
    report = ("BÁO CÁO\nKết quả thực hiện Quyết định số 12/QĐ-UBND ngày 5 tháng 1 năm 2021\n"
              "II. KẾT QUẢ THỰC HIỆN\n- Năm 2023, tỷ lệ hộ gia đình sử dụng nước sạch đạt 91%.")
    corpus = Corpus([
        extract_text(plan, meta_from_text("p", "p.txt", plan, {"kind": "decision", "number": "12/QĐ-UBND",
                                                               "date": "2021-01-05"})),
        extract_text(report, meta_from_text("r", "r.txt", report, {"kind": "report", "date": "2024-06-30"}))])
    row = next(r for r in targets(corpus) if r["doc"] == "p")
    assert [(o["year"], o["value"]) for o in row["observations"]] == [(2023, 91.0)]
    assert row["status"] == "off_track"


def test_a_lead_line_opens_a_block_of_numbered_targets() -> None:
    text = ("CÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026 - 2030\nI. Về kinh tế\n"
            "1. Thu nhập bình quân đầu người/năm đến năm 2030: 90 triệu đồng.\n"
            "2. Tốc độ tăng GRDP bình quân (giá so sánh năm 2010) đạt 8%, trong đó: công nghiệp tăng 10%.\n"
            "3. Tổng vốn đầu tư thời kỳ 2026-2030: 9.000 tỷ đồng.\n"
            "II. Nhiệm vụ\n1. Xây dựng 20 trường học.")
    got = [(t.indicator_label, t.value, t.unit, t.year) for t in facts_of(text).targets]
    assert got == [("Thu nhập bình quân đầu người/năm", 90.0, "triệu đồng", 2030),
                   ("Tốc độ tăng GRDP bình quân", 8.0, "%", 2030),
                   ("Công nghiệp", 10.0, "%", 2030),
                   ("Tổng vốn đầu tư", 9000.0, "tỷ đồng", 2030)]


# Conventions met in real documents, each in a snippet written for the test:
# (text, [(value, unit, comparator, year), ...]).
CONVENTIONS = [
    # counts of anything a target names, written with a leading zero ("01 nền tảng", "05 thương hiệu")
    ("II. MỤC TIÊU\n1. Mục tiêu đến năm 2028\n- Hình thành 01 sàn giao dịch công nghệ của tỉnh;\n"
     "- Xây dựng được tối thiểu 05 thương hiệu sản phẩm nông nghiệp chủ lực.",
     [(1.0, "sàn giao", "equals", 2028), (5.0, "thương hiệu", "at_least", 2028)]),
    # a range is its lower bound, at least
    ("II. MỤC TIÊU\nĐến năm 2030:\n- Tổng chi cho nghiên cứu đạt 1 - 1,5% GRDP hằng năm.",
     [(1.0, "%", "at_least", 2030)]),
    # a sentence opening with its year gives it to the "Trong đó: …" sentence after it
    ("II. MỤC TIÊU\nTầm nhìn đến năm 2050\n- Đến năm 2035, lượng nước thải được xử lý tăng 40%. Trong đó: "
     "khu đô thị xử lý 90%, lượng bùn thải không vượt quá 12 nghìn tấn.",
     [(40.0, "%", "equals", 2035), (90.0, "%", "equals", 2035), (12.0, "nghìn tấn", "at_most", 2035)]),
    # net balances below zero and a zero written in quotes
    ("II. MỤC TIÊU\nĐến năm 2040:\n- Rừng trồng hấp thụ ròng đạt ít nhất -20 triệu tấn CO2tđ;\n"
     "- Phát thải ròng bằng “0”.",
     [(-20.0, "triệu tấn", "at_least", 2040), (0.0, None, "equals", 2040)]),
    # "b) Kết quả", "c) Sản phẩm đầu ra" under "Mục tiêu cụ thể" are levels of the targets, not a review
    ("II. MỤC TIÊU\n2. Mục tiêu cụ thể đến năm 2030\na) Kết quả\n- 70% hợp tác xã ứng dụng thương mại điện tử.\n"
     "b) Sản phẩm đầu ra\n- 100% xã có điểm phục vụ bưu chính.",
     [(70.0, "%", "equals", 2030), (100.0, "%", "equals", 2030)]),
    # a target table whose rows the text layer ran together: each value closes its row
    ("PHỤ LỤC 1\nCÁC CHỈ TIÊU CHỦ YẾU GIAI ĐOẠN 2026-2030\nTỷ lệ xã có trạm quan trắc 40% Số khu công nghiệp "
     "sinh thái 02 khu Tỷ trọng điện mặt trời đạt tối thiểu 12,5% GRDP",
     [(40.0, "%", "equals", 2030), (2.0, "khu", "equals", 2030), (12.5, "%", "at_least", 2030)]),
    # signs in table cells are comparators
    ("II. MỤC TIÊU ĐẾN NĂM 2030\n- Số trạm quan trắc tự động >25 trạm;\n- Tỷ lệ hộ nghèo ≤ 3%.",
     [(25.0, "trạm", "more_than", 2030), (3.0, "%", "at_most", 2030)]),
    # a vision heading gives its year to what it says
    ("II. MỤC TIÊU\n1. Mục tiêu đến năm 2030\n- Tỷ lệ che phủ rừng đạt 42%.\n2. Tầm nhìn đến năm 2045\n"
     "Tỉnh thuộc nhóm 10 tỉnh dẫn đầu cả nước về chỉ số PCI.",
     [(42.0, "%", "equals", 2030), (10.0, "rank", "top_n", 2045)]),
]


@pytest.mark.parametrize("text, expected", CONVENTIONS)
def test_target_conventions(text: str, expected: list) -> None:
    got = [(t.value, t.unit, t.comparator, t.year) for t in facts_of(text).targets if t.value is not None]
    assert got == expected


@pytest.mark.parametrize("text", [
    "Quyết định số 12/QĐ-UBND ngày 05 tháng 3 năm 2025", "Điều 3 của Luật", "giai đoạn 2021 - 2025 các tỉnh",
    "khoản 2 Điều 5", "thực hiện trong 02 năm", "cơ hội của cuộc CMCN 4.0 nhằm thúc đẩy",
    "trở thành 1 trong các nước", "mô hình từ 07 tỷ đến dưới 70 tỷ tham số", "2026 - 2030 Đồng chí Phó Chủ tịch"])
def test_numbers_that_count_nothing(text: str) -> None:
    from extract.quantities import quantities
    assert quantities(text, counts=True) == []


# Targets outside the target blocks, each convention in a snippet written for the test:
# (text, [(value, unit, year), ...]).
OUTSIDE = [
    # an aim with a year of its own, in a task paragraph
    ("KẾ HOẠCH\nII. NHIỆM VỤ\n1. Phát triển thương mại điện tử\nXây dựng sàn giao dịch của tỉnh. Phấn đấu đến năm "
     "2028, có ít nhất 03 sàn thương mại điện tử được kết nối.\n2. Ban hành quy chế phối hợp trong năm 2026.",
     [(3.0, "sàn thương", 2028)]),
    # ... but not an aim without a year ("tối thiểu đạt 25%") in a document whose title sets none
    ("NGHỊ QUYẾT\nBan hành Chương trình hành động\nII. NHIỆM VỤ\n1. Phấn đấu bố trí tỷ lệ cán bộ nữ tối thiểu đạt 25%.",
     []),
    # a one-year plan: its title's year, not the dateline's, is the year of the numbered result headings
    ("Số: 12/KH-UBND Hà Nam, ngày 3 tháng 2 năm 2025\nKẾ HOẠCH\nPhát triển cụm công nghiệp năm 2026\n"
     "II. NỘI DUNG\n1. Hoàn thành di dời 02 cụm công nghiệp.\n- Sở Công Thương chủ trì thực hiện.\n"
     "2. Xây dựng 20 nhà văn hóa thôn.\n3. Tỷ lệ cụm công nghiệp có trạm xử lý nước thải đạt 100%.",
     [(2.0, "cụm công nghiệp", 2026), (100.0, "%", 2026)]),
    # a funding section gives its total and its sources, not the cost of each work item
    ("KẾ HOẠCH\nThực hiện Đề án năm 2026\nIV. KINH PHÍ THỰC HIỆN\nTổng kinh phí dự kiến: 1.200 tỷ đồng, trong đó:\n"
     "1. Vốn ngân sách tỉnh: 200 tỷ đồng\n+ Nâng cấp đường tỉnh 151 với kinh phí 80 tỷ đồng.\n"
     "2. Vốn xã hội hóa: 1.000 tỷ đồng",
     [(1200.0, "tỷ đồng", 2026), (200.0, "tỷ đồng", 2026), (1000.0, "tỷ đồng", 2026)]),
    # a total set for a period, split by year in brackets
    ("BÁO CÁO\nIII. KẾ HOẠCH NĂM 2027\nDự toán chi giai đoạn 2027 - 2029 là 3.150,5 tỷ đồng "
     "(năm 2027 là 1.000 tỷ đồng, năm 2028 là 1.050,5 tỷ đồng và năm 2029 là 1.100 tỷ đồng).",
     [(3150.5, "tỷ đồng", 2029), (1000.0, "tỷ đồng", 2027), (1050.5, "tỷ đồng", 2028), (1100.0, "tỷ đồng", 2029)]),
    # a rule that applies from a year ("… trở lên từ năm 2027") is a target of that year; a base year is not
    ("KẾ HOẠCH\nIII. NHIỆM VỤ\n- Kiểm kê khí nhà kính tại các cơ sở phát thải từ 1.000 tấn CO2tđ trở lên từ năm 2027; "
     "300 tấn CO2tđ trở lên từ năm 2035.\n- Sản lượng tăng từ năm 2020 đến nay.",
     [(1000.0, "tấn", 2027), (300.0, "tấn", 2035)]),
    # a target restated in the tasks is one target; a review section states no targets
    ("QUYẾT ĐỊNH\nI. ĐÁNH GIÁ THỰC TRẠNG\nĐến năm 2020, có 45% xã đạt chuẩn nông thôn mới.\nII. MỤC TIÊU\n"
     "- Đến năm 2030, phát thải ròng bằng “0”.\nIII. NHIỆM VỤ\n- Xây dựng lộ trình đạt mức phát thải ròng bằng “0” "
     "vào năm 2030.",
     [(0.0, None, 2030)]),
    # a value the target block gives no year is a target with year null; a year that opens the next clause
    # ("… và đến năm 2028 đạt …") is that clause's, not the value's before it
    ("KẾ HOẠCH\nII. MỤC TIÊU\n2. Mục tiêu cụ thể\n- Hết năm 2026 đạt ít nhất 50% số xã, phường không ma túy và "
     "đến năm 2028 đạt tỉnh không ma túy.\n- 100% người nghiện ma túy được lập hồ sơ.",
     [(50.0, "%", 2026), (100.0, "%", None)]),
    # "trước năm 2050" is the year a task's aim is for
    ("NGHỊ QUYẾT\nII. NHIỆM VỤ\n- Sử dụng công nghệ tiên tiến nhằm giảm phát thải, hướng tới mục tiêu phát thải ròng "
     "bằng “0” trước năm 2050.",
     [(0.0, None, 2050)]),
    # "đã" inside a noun phrase ("các mỏ đã cấp phép") of a sentence saying what must be done is not a result
    ("QUYẾT ĐỊNH\nIII. ĐỊNH HƯỚNG\n+ Quặng đất hiếm: phát triển đồng bộ. Đến năm 2025, các mỏ đã cấp phép khai thác "
     "phải hoàn thành xây dựng cơ bản, sản phẩm đất hiếm dạng carbonat đạt 99%.",
     [(99.0, "%", 2025)]),
    # a decision's funding plan: the total, its sources, each body's share and its parts are targets, of no
    # year when the project names none; the financing rule after it (a share in %) is not
    ("QUYẾT ĐỊNH\nĐiều 1. Phê duyệt Dự án hỗ trợ kỹ thuật với các nội dung sau:\n"
     "(1) Tổng mức vốn của Dự án: 3.600.000 USD, trong đó:\n- Vốn ODA: 3.000.000 USD do WB viện trợ, phân bổ:\n"
     "| + Bộ Công Thương: | 760.000 USD; |\n- Vốn đối ứng: 600.000 USD (tương đương 13.000.000.000 VNĐ), trong đó:\n"
     "+ Bộ Xây dựng: 4.500.000.000 VNĐ (2.640.000.000 VNĐ tiền mặt và 1.860.000.000 VNĐ bằng hiện vật).\n"
     "(2) Cơ chế tài chính:\n+ Ngân sách nhà nước cấp phát 100% vốn viện trợ.",
     [(3600000.0, "USD", None), (3000000.0, "USD", None), (760000.0, "USD", None), (600000.0, "USD", None),
      (13000000000.0, "VNĐ", None), (4500000000.0, "VNĐ", None), (2640000000.0, "VNĐ", None),
      (1860000000.0, "VNĐ", None)]),
    # a sentence that opens with a start year ("Từ năm 2027, …") gives it to the sentences after it; a period
    # "từ năm 2020 đến nay" is a review, not a lead
    ("NGHỊ QUYẾT\nII. MỤC TIÊU\n- Từ năm 2027, cung cấp hạ tầng cho các bộ, ngành. Đồng thời, bảo đảm 100% các cơ "
     "quan nhà nước sử dụng.\n- Từ năm 2020 đến nay, mạng cáp quang phát triển nhanh. Phấn đấu 60% xã có trạm 5G.",
     [(100.0, "%", 2027), (60.0, "%", None)]),
    # a public-investment plan written as numbered headings: the total and each source, of the plan's period; an
    # amount that line wrapping put below its source's name is that source's
    ("QUYẾT ĐỊNH\nVề kế hoạch đầu tư công trung hạn giai đoạn 2026-2030 của huyện\nĐiều 1. Giao kế hoạch vốn như sau:\n"
     "1. Tổng kế hoạch đầu tư công trung hạn: 12.500 triệu đồng.\n"
     "a) Nguồn vốn ngân sách tập trung: 10.000 triệu đồng.\n"
     "b) Nguồn thu từ các tổ chức, cá nhân đóng góp tự nguyện:\n2.500 triệu đồng.\n2. Nguyên tắc phân bổ vốn:\n"
     "a) Ưu tiên bố trí vốn cho 05 dự án chuyển tiếp.",
     [(12500.0, "triệu đồng", 2030), (10000.0, "triệu đồng", 2030), (2500.0, "triệu đồng", 2030)]),
    # a goal's value stated after its name in a content section, of the heading's year; a scheme's funding takes
    # the year it runs to ("Đề án được thực hiện từ nay đến năm 2020"), its sources ("Từ ngân sách …") too
    ("QUYẾT ĐỊNH\nI. PHẠM VI\nĐề án được thực hiện từ nay đến năm 2020.\nII. NỘI DUNG CHÍNH\n"
     "1. Thực hiện mục tiêu giảm phát thải đến năm 2020\n- Lĩnh vực nông nghiệp\n"
     "Mục tiêu giảm phát thải khí nhà kính so với năm 2005: 20%\nHoạt động, biện pháp giảm phát thải:\n"
     "+ Áp dụng kỹ thuật canh tác tiên tiến.\nIII. KINH PHÍ THỰC HIỆN\n"
     "Kinh phí thực hiện Đề án dự kiến khoảng 220 tỷ đồng, trong đó:\n- Từ ngân sách nhà nước là 120 tỷ đồng;\n"
     "- Từ nguồn vốn ODA là 100 tỷ đồng.",
     [(20.0, "%", 2020), (220.0, "tỷ đồng", 2020), (120.0, "tỷ đồng", 2020), (100.0, "tỷ đồng", 2020)]),
    # a task table's output cell stating a value in the passive is a target of the row's time cell
    ("QUYẾT ĐỊNH\nII. NHIỆM VỤ\n| TT | Hoạt động | Cơ quan chủ trì | Đầu ra chủ yếu | Thời gian |\n"
     "| 1 | Hỗ trợ trồng rừng ven biển. | Bộ Nông nghiệp và Phát triển nông thôn. | 30.000 ha rừng ven biển được "
     "trồng. | 2017 - 2020 |\n"
     "| 2 | Hỗ trợ chủ rừng. | Bộ Tài chính. | Chủ rừng được tư vấn tại 12 tỉnh. | 2018 - 2020 |",
     [(30000.0, "ha", 2020)]),
    # a directive's opening commitment is an aim, although what was done about it follows; its title is not
    ("CHỈ THỊ\nVỀ QUẢN LÝ 1.000 TÍN CHỈ CÁC-BON ĐẾN NĂM 2030\n\nThực hiện cam kết về giảm phát thải ròng bằng “0” vào "
     "năm 2050 tại COP26, Việt Nam đã cập nhật NDC năm 2022.\n1. Bộ Tài chính chủ trì xây dựng sàn giao dịch.",
     [(0.0, None, 2050)]),
    # a road's number before "trước năm" is no count of anything; a heading value without a year is not a target
    ("NGHỊ QUYẾT\nII. NHIỆM VỤ\n- Phấn đấu hoàn thành đường Vành đai 4 trước năm 2027.\n"
     "3. Hoàn thành di dời 02 cụm công nghiệp.", []),
]


@pytest.mark.parametrize("text, expected", OUTSIDE)
def test_targets_outside_the_target_blocks(text: str, expected: list) -> None:
    got = [(t.value, t.unit, t.year) for t in facts_of(text).targets if t.value is not None]
    assert got == expected


def test_the_un_e_government_index_is_one_indicator_by_its_acronym() -> None:
    text = ("NGHỊ QUYẾT\nII. MỤC TIÊU\n- Đến năm 2030, Việt Nam thuộc nhóm: 40 nước dẫn đầu về Chính phủ điện tử "
            "(EGDI).")
    assert [(t.indicator, t.value, t.year) for t in facts_of(text).targets] == [("egov-rank", 40.0, 2030)]


@pytest.mark.parametrize("one, other, same", [
    # a share after a short verb phrase is the share of what follows that the verb applies to: the same indicator
    # as the ratio named in full
    ("Đến năm 2025, phủ sóng 5G 90% dân số", "Tỷ lệ dân số được phủ sóng 5G đạt 85%", True),
    # a comma after one or two words lists the groups measured; what they do tells two indicators apart
    ("100% cán bộ, công chức, viên chức sử dụng chữ ký số", "100% cán bộ, công chức, viên chức được bồi dưỡng kỹ "
     "năng số", False),
    # a top-N rank measures the field it ranks in ("… dẫn đầu khu vực … về X"), not the country's name
    ("Việt Nam thuộc nhóm 3 nước dẫn đầu khu vực Đông Nam Á về nghiên cứu và phát triển trí tuệ nhân tạo",
     "Việt Nam thuộc nhóm 10 quốc gia dẫn đầu châu Á về năng lượng tái tạo", False),
    # a ratio named inside a long lead ("… để đạt mục tiêu tới năm 2026 tỷ lệ bao phủ …") names the indicator,
    # not the population after the value
    ("Đẩy mạnh phát triển đối tượng tham gia để đạt mục tiêu tới năm 2026 tỷ lệ bao phủ bảo hiểm y tế đạt trên 95,5% "
     "dân số", "phủ sóng 90% dân số", False),
])
def test_one_indicator_keeps_one_id_across_phrasings(one: str, other: str, same: bool) -> None:
    from extract.indicators import identify
    from extract.quantities import quantities

    def key(text: str) -> str:
        return identify(text, next(q for q in quantities(text) if q.unit in ("%", "rank")))[0]
    assert (key(one) == key(other)) is same
    assert {key(one), key(other)}.isdisjoint({"ind-dan-so", "ind-can-bo", "ind-viet-nam"})


def test_a_wrapped_amount_is_named_by_its_source() -> None:
    text = ("QUYẾT ĐỊNH\nVề kế hoạch đầu tư công giai đoạn 2026-2030\nĐiều 1. Giao kế hoạch vốn như sau:\n"
            "1. Tổng kế hoạch đầu tư công trung hạn: 12.500 triệu đồng.\n"
            "a) Nguồn thu xổ số kiến thiết:\n2.500 triệu đồng.\n")
    labels = [t.indicator_label for t in facts_of(text).targets]
    assert labels == ["Tổng kế hoạch đầu tư công trung hạn", "Nguồn thu xổ số kiến thiết"]


def _plan_and_report(report_lines: str) -> dict[str, tuple[str, str]]:
    from extract.contract import targets
    from extract.pipeline import Corpus, extract_text, meta_from_text
    plan = ("QUYẾT ĐỊNH\nII. MỤC TIÊU\nĐến năm 2030:\n- Tỷ lệ hộ nghèo giảm xuống dưới 2%;\n"
            "- Tỷ lệ thất thoát nước sạch giảm xuống còn 10%;\n"
            "- Giảm 15% lượng phát thải khí nhà kính so với năm 2020.")
    report = ("BÁO CÁO\nKết quả thực hiện Quyết định số 12/QĐ-UBND ngày 5 tháng 1 năm 2021\n"
              "II. KẾT QUẢ THỰC HIỆN\n" + report_lines)
    corpus = Corpus([
        extract_text(plan, meta_from_text("p", "p.txt", plan, {"kind": "decision", "number": "12/QĐ-UBND",
                                                               "date": "2021-01-05"})),
        extract_text(report, meta_from_text("r", "r.txt", report, {"kind": "report", "date": "2024-06-30"}))])
    return {r["indicator_label"]: (r["comparator"], r["status"]) for r in targets(corpus) if r["doc"] == "p"}


def test_a_letter_sending_a_report_measures_what_it_reports_on() -> None:
    from extract.contract import targets
    from extract.pipeline import Corpus, extract_text, meta_from_text
    plan = ("KẾ HOẠCH\nII. MỤC TIÊU\nĐến năm 2025:\n- Tỷ lệ hộ gia đình sử dụng cáp quang đạt 80%.")
    letter = ("Số: 45/UBND-KT\nV/v báo cáo kết quả thực hiện Kế hoạch số 12/KH-UBND ngày 5/1/2021\n"
              "II. KẾT QUẢ THỰC HIỆN\n- Năm 2024, tỷ lệ hộ gia đình sử dụng cáp quang đạt 83,4%.")
    other = letter.replace("V/v báo cáo kết quả thực hiện", "V/v góp ý dự thảo sửa đổi")
    for sent, status in ((letter, "achieved"), (other, "no_data")):
        corpus = Corpus([
            extract_text(plan, meta_from_text("p", "p.txt", plan, {"kind": "plan", "number": "12/KH-UBND",
                                                                   "date": "2021-01-05"})),
            extract_text(sent, meta_from_text("l", "l.txt", sent, {"kind": "letter", "date": "2024-12-30"}))])
        assert [r["status"] for r in targets(corpus) if r["doc"] == "p"] == [status]


def test_decrease_targets_are_met_at_or_below_their_level() -> None:
    reached = _plan_and_report("- Năm 2024, tỷ lệ hộ nghèo còn 1,8%; tỷ lệ thất thoát nước sạch còn 9,5%.")
    assert reached["Tỷ lệ hộ nghèo"] == ("less_than", "achieved")
    assert reached["Tỷ lệ thất thoát nước sạch"] == ("at_most", "achieved")
    falling = _plan_and_report(
        "- Năm 2023, tỷ lệ hộ nghèo là 3,5%, tỷ lệ thất thoát nước sạch là 12%.\n"
        "- Năm 2024, tỷ lệ hộ nghèo là 2,9%; tỷ lệ thất thoát nước sạch là 11%.")
    assert falling["Tỷ lệ hộ nghèo"] == ("less_than", "on_track")
    assert falling["Tỷ lệ thất thoát nước sạch"] == ("at_most", "on_track")


def test_a_change_target_is_not_measured_by_a_level_in_another_unit() -> None:
    got = _plan_and_report("- Lượng phát thải khí nhà kính năm 2024 là 400 triệu tấn.")
    assert got["Lượng phát thải khí nhà kính"] == ("equals", "no_data")


# (text, [(indicator label, value, unit, comparator, year, baseline), ...]), written for the test.
LEADS_AND_BASES = [
    # a lead before a colon gives its year to every part of the line
    ("II. MỤC TIÊU\nMục tiêu đến năm 2027: Số người dùng nền tảng đạt ít nhất 2 triệu người; doanh thu đạt "
     "1.000 tỷ đồng.",
     [("Số người dùng nền tảng", 2.0, "triệu người", "at_least", 2027, None),
      ("Doanh thu", 1000.0, "tỷ đồng", "equals", 2027, None)]),
    # "so với mức năm 2020" is the base, "vào năm 2030" the target's year
    ("II. MỤC TIÊU\n- Giảm 30% tổng lượng phát thải khí mê-tan so với mức năm 2020 vào năm 2030.",
     [("Tổng lượng phát thải khí mê-tan", 30.0, "%", "equals", 2030, "2020")]),
    # brought down to a level: at most that level; "ổn định ở mức" is not part of the indicator
    ("II. MỤC TIÊU\nĐến năm 2030:\n- Tỷ lệ thất thoát nước sạch giảm xuống còn 10%;\n"
     "- Tỷ lệ che phủ rừng ổn định ở mức 60%.",
     [("Tỷ lệ thất thoát nước sạch", 10.0, "%", "at_most", 2030, None),
      ("Tỷ lệ che phủ rừng", 60.0, "%", "equals", 2030, None)]),
]


@pytest.mark.parametrize("text, expected", LEADS_AND_BASES)
def test_leads_bases_and_levels(text: str, expected: list) -> None:
    got = [(t.indicator_label, t.value, t.unit, t.comparator, t.year, t.baseline) for t in facts_of(text).targets]
    assert got == expected


# Year-column target tables, written for the test: (text, [(label, value, unit, comparator, year), ...]).
TABLES = [
    ("II. MỤC TIÊU\n2. Mục tiêu cụ thể\n"
     "| TT | Chỉ tiêu | Đơn vị tính | Năm 2025 (thực hiện) | Năm 2027 | Giai đoạn 2026 - 2030 |\n"
     "| --- | --- | --- | --- | --- | --- |\n"
     "| 1 | Tỷ lệ che phủ rừng | % | 58 | 59 | ≥ 60 |\n"
     "| 2 | Số doanh nghiệp công nghệ số | doanh nghiệp | 300 | 500 | 1.000 |\n"
     "| 3 | Tỷ lệ hộ nghèo | % | 5,2 | Giảm 1,5%/năm | < 2 |\nIII. NHIỆM VỤ",
     [("Tỷ lệ che phủ rừng", 59.0, "%", "equals", 2027), ("Tỷ lệ che phủ rừng", 60.0, "%", "at_least", 2030),
      ("Số doanh nghiệp công nghệ số", 500.0, "doanh nghiệp", "equals", 2027),
      ("Số doanh nghiệp công nghệ số", 1000.0, "doanh nghiệp", "equals", 2030),
      ("Tỷ lệ hộ nghèo", 2.0, "%", "less_than", 2030)]),
    # a header naming its rows "Chỉ tiêu" is a target table under any heading; group rows carry no value
    ("PHỤ LỤC\n| STT | Chỉ tiêu | ĐVT | Mục tiêu đến năm 2030 |\n| I | Về kinh tế | | |\n"
     "| 1 | Thu nhập bình quân đầu người | triệu đồng | Tối thiểu 95 |",
     [("Thu nhập bình quân đầu người", 95.0, "triệu đồng", "at_least", 2030)]),
    # a report's table of what was spent is not a target table
    ("BÁO CÁO\nII. KẾT QUẢ THỰC HIỆN\n| Nội dung | Đơn vị | Năm 2024 | Năm 2025 |\n"
     "| Kinh phí sự nghiệp môi trường | triệu đồng | 12.000 | 13.500 |", []),
]


@pytest.mark.parametrize("text, expected", TABLES)
def test_year_column_target_tables(text: str, expected: list) -> None:
    got = [(t.indicator_label, t.value, t.unit, t.comparator, t.year) for t in facts_of(text).targets]
    assert got == expected


# More figures of reports, written for the test: (text, [(indicator, year, value, unit), ...]).
MORE_FIGURES = [
    # a numbered heading that states a result; "toàn tỉnh" does not name the indicator
    ("BÁO CÁO\nI. KẾT QUẢ THỰC HIỆN\n1. Năm 2024, toàn tỉnh có 152 xã có đường ô tô đến trung tâm xã\n"
     "- Các xã còn lại đang thi công.",
     [("ind-xa-duong-o-to-den-trung-tam-xa", 2024, 152.0, "xã")]),
    # "từ X năm A xuống còn Y năm B": both values of one indicator
    ("BÁO CÁO\nI. KẾT QUẢ THỰC HIỆN\n- Tỷ lệ hộ nghèo giảm từ 12,5% năm 2021 xuống còn 8,2% năm 2023.",
     [("ind-ho-ngheo", 2021, 12.5, "%"), ("ind-ho-ngheo", 2023, 8.2, "%")]),
    # a sentence's one year dates its figures; "đạt 104% kế hoạch" is the plan's share of the figure before
    ("BÁO CÁO\nI. KẾT QUẢ THỰC HIỆN\n- Đã trồng mới 1.250 ha rừng, đạt 104% kế hoạch năm 2024.",
     [("ind-trong-moi-rung", 2024, 1250.0, "ha"), ("ind-trong-moi-rung-ke-hoach", 2024, 104.0, "%")]),
    # a horizon is not the year of a figure
    ("BÁO CÁO\nI. KẾT QUẢ THỰC HIỆN\n- Theo quy hoạch tỉnh thời kỳ 2021-2030, tầm nhìn đến năm 2050, tỉnh có "
     "04 trạm quan trắc tự động.", [("ind-tram-quan-trac-tu-dong", 2024, 4.0, "trạm")]),
    # a licence's figures are as of its date written in figures; a term in years or months is a figure; a
    # date in brackets or in another ";" part dates nothing, so the inspection's figures are the report's year
    ("BÁO CÁO\nI. KẾT QUẢ KIỂM TRA\n- Công ty A được cấp Giấy phép khai thác số 15/GP-UBND ngày 02/3/2016, với "
     "diện tích khu vực khai thác 5,2 ha, thời hạn khai thác 20 năm (trong đó thời gian xây dựng cơ bản là 06 tháng)."
     "\n- Điểm kiểm tra (theo Giấy phép số 15/GP-UBND ngày 02/3/2016) có cao độ +215m; điểm mốc số 3 cách ranh giới "
     "khoảng 8m.",
     [("ind-voi-dien-tich-khu-vuc-khai-thac", 2016, 5.2, "ha"), ("ind-thoi-han-khai-thac", 2016, 20.0, "năm"),
      ("ind-thoi-gian-xay-dung-co-ban", 2016, 6.0, "tháng"), ("ind-diem-kiem-tra-co-cao-do", 2024, 215.0, "m"),
      ("ind-diem-moc-so-3-cach-ranh-gioi", 2024, 8.0, "m")]),
    # a bracket right after a figure giving its value at an earlier month or year is that indicator's value then;
    # a share in brackets ("(chiếm 60% …)") is not
    ("BÁO CÁO\nI. KẾT QUẢ THỰC HIỆN\n- Tỷ lệ hộ gia đình sử dụng cáp quang: 85,1% (so với tháng 9 là 84,2%); số "
     "chứng thư chữ ký số đã cấp là 1.250.000 chứng thư (T12/2023: 1.100.000); tỷ trọng kinh tế số đạt 18,3% (chiếm "
     "60% của khu vực dịch vụ).",
     [("fibre-households", 2024, 85.1, "%"), ("fibre-households", 2024, 84.2, "%"),
      ("ind-chung-thu-chu-ky-so-cap", 2024, 1250000.0, "chứng thư"),
      ("ind-chung-thu-chu-ky-so-cap", 2023, 1100000.0, "chứng thư"), ("ind-ty-trong-kinh-te-so", 2024, 18.3, "%")]),
    # a report's table: columns of what was done are observations, the plan's column is not
    ("BÁO CÁO\nII. KẾT QUẢ THỰC HIỆN\n| Chỉ tiêu | Đơn vị | Năm 2023 | Ước thực hiện 2024 | Kế hoạch 2025 |\n"
     "| Tỷ lệ che phủ rừng | % | 58,2 | 59,5 | 60 |",
     [("ind-che-phu-rung", 2023, 58.2, "%"), ("ind-che-phu-rung", 2024, 59.5, "%")]),
]


@pytest.mark.parametrize("text, expected", MORE_FIGURES)
def test_more_figures_of_reports(text: str, expected: list) -> None:
    got = [(o.indicator, o.year, o.value, o.unit) for o in _report(text).observations]
    assert got == expected


def test_a_hamlets_number_counts_nothing() -> None:
    text = ("BÁO CÁO\nI. KẾT QUẢ THỰC HIỆN\n- Năm 2024, tại thôn 13 xã Đồng Khê và tổ 5 phường Yên Thịnh "
            "đã trồng 12 ha rừng.")
    assert [(o.value, o.unit) for o in _report(text).observations] == [(12.0, "ha")]


def test_a_reports_status_table_gives_targets_and_observations() -> None:
    from extract.progress import status
    text = ("BÁO CÁO\nI. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU\n"
            "| TT | Chỉ tiêu | Mục tiêu đến năm 2025 | Kết quả đến hết năm 2024 | Đánh giá |\n"
            "| 1 | Tỷ lệ dân số trưởng thành có điện thoại thông minh (%) | 80% | 84,5% | Đạt |\n"
            "| 2 | Số doanh nghiệp công nghệ số | 1.000 | 850 | Chưa đạt |\n")
    facts = _report(text)
    assert [(t.value, t.year) for t in facts.targets] == [(80.0, 2025), (1000.0, 2025)]
    assert [(o.value, o.year) for o in facts.observations] == [(84.5, 2024), (850.0, 2024)]
    assert [status(t, facts.observations) for t in facts.targets] == ["achieved", "off_track"]


def test_a_year_table_written_one_cell_per_line() -> None:
    cells = ["STT", "Chỉ tiêu", "Đơn vị tính", "Cơ quan chủ trì", "Năm 2027", "Năm 2028", "Năm 2029",
             "I", "Hạ tầng số",
             "1", "Xã có trạm sạc xe điện công cộng", "%", "Sở Công Thương", "20", "45", "70",
             "2", "Trường học được lắp đặt điện mặt trời áp mái", "Trường", "Sở Giáo dục và Đào tạo",
             "12", "1.200", "3-5",
             "Ghi chú: số liệu lũy kế."]
    text = "KẾ HOẠCH\nPhát triển hạ tầng\n\nPhụ lục\n\n" + "\n\n".join(cells) + "\n"
    got = [(t.indicator_label, t.value, t.unit, t.comparator, t.year) for t in facts_of(text).targets]
    assert got == [
        ("Xã có trạm sạc xe điện công cộng", 20.0, "%", "equals", 2027),
        ("Xã có trạm sạc xe điện công cộng", 45.0, "%", "equals", 2028),
        ("Xã có trạm sạc xe điện công cộng", 70.0, "%", "equals", 2029),
        ("Trường học được lắp đặt điện mặt trời áp mái", 12.0, "Trường", "equals", 2027),
        ("Trường học được lắp đặt điện mặt trời áp mái", 1200.0, "Trường", "equals", 2028),
        ("Trường học được lắp đặt điện mặt trời áp mái", 3.0, "Trường", "at_least", 2029),
    ]
    first = facts_of(text).targets[0].evidence
    assert first.quote.startswith("Xã có trạm sạc") and first.quote.endswith("20")


def test_a_cell_table_of_results_is_not_read_as_targets() -> None:
    cells = ["STT", "Nội dung", "Đơn vị", "Năm 2023", "Năm 2024", "1", "Xã có trạm sạc", "%", "20", "45"]
    text = "BÁO CÁO\nKết quả thực hiện\n\n" + "\n\n".join(cells) + "\n"
    assert [t for t in facts_of(text).targets if t.value in (20.0, 45.0)] == []


def test_a_floor_in_a_task_table_row_is_a_target_of_its_time_cell() -> None:
    text = ("QUYẾT ĐỊNH\nPhê duyệt Đề án\n\nPHỤ LỤC\nDANH MỤC NHIỆM VỤ\n"
            "| TT | Nhiệm vụ | Cơ quan chủ trì | Sản phẩm | Thời gian |\n"
            "| 1 | Tập huấn cho cán bộ cơ sở | Sở Nội vụ | - Ít nhất 300 cán bộ xã được tập huấn. - Tài liệu "
            "tập huấn được ban hành | 2025 - 2027 |\n"
            "| 2 | Xây dựng cơ sở dữ liệu | Sở Tài chính | 01 cơ sở dữ liệu được vận hành | 2026 |\n")
    got = [(t.value, t.unit, t.comparator, t.year, t.evidence.quote) for t in facts_of(text, "decision").targets]
    assert got == [(300.0, "cán bộ", "at_least", 2027, "- Ít nhất 300 cán bộ xã được tập huấn")]


def test_speeds_are_values_with_their_unit() -> None:
    text = ("II. MỤC TIÊU\nĐến năm 2025:\n- Tốc độ tải xuống trung bình đạt tối thiểu 40 Mbit/s;\n"
            "- Tốc độ truy nhập băng rộng cố định trên 200Mbps.")
    got = [(t.value, t.unit, t.comparator, t.year) for t in facts_of(text).targets]
    assert got == [(40.0, "Mbit/s", "at_least", 2025), (200.0, "Mbps", "more_than", 2025)]


def test_a_sentence_opened_by_its_year_is_an_aim_but_what_was_done_is_not() -> None:
    text = ("II. NHIỆM VỤ VÀ GIẢI PHÁP\n1. Phát triển y tế cơ sở\n"
            "- Nâng cao chất lượng khám bệnh. Năm 2026, hoàn thành số hóa hồ sơ, 95% người dân được quản lý "
            "sức khỏe.\n"
            "- Năm 2025, đã tổ chức khám sàng lọc cho 40% người cao tuổi.")
    got = [(t.value, t.year) for t in facts_of(text, "decision").targets]
    assert got == [(95.0, 2026)]


# A report's sections tell what was done even without a "Kết quả" heading; its proposals do not. Figures
# without a year are of the year the title names (the report is signed early the next year); counted papers
# are written with a capital ("10 Giấy phép").
_ANNUAL_REPORT = (
    "ỦY BAN NHÂN DÂN TỈNH LÀO CAI\nBÁO CÁO\nCông tác quản lý nhà nước về khoáng sản năm 2025\n\n"
    "1. Công tác cấp phép hoạt động khoáng sản\n- Đã cấp 10 Giấy phép khai thác khoáng sản, ban hành 02 quyết "
    "định thu hồi giấy phép.\n- Số tiền còn phải thu chuyển sang năm 2026: 100.340.859.020 đồng.\n"
    "2. Đề xuất, kiến nghị\n- Đề nghị bổ sung 05 điểm mỏ vào quy hoạch.\n")


def test_a_reports_sections_give_observations_of_the_year_its_title_names() -> None:
    from extract.pipeline import extract_text, meta_from_text
    meta = meta_from_text("r", "r.txt", _ANNUAL_REPORT, {"kind": "report", "date": "2026-01-15"})
    got = [(o.year, o.value, o.unit) for o in extract_text(_ANNUAL_REPORT, meta).observations]
    # a balance carried over to next year is the report year's ("chuyển sang năm 2026" is where it goes)
    assert got == [(2025, 10.0, "giấy phép"), (2025, 2.0, "quyết định"), (2025, 100340859020.0, "đồng")]
    plan = extract_text(_ANNUAL_REPORT, meta_from_text("p", "p.txt", _ANNUAL_REPORT, {"kind": "plan"}))
    assert plan.observations == []  # outside a report only a results heading holds results


@pytest.mark.parametrize("title, date, year", [
    ("Báo cáo công tác quản lý nhà nước về khoáng sản năm 2025", "2026-01-15", 2025),
    ("Kết quả thực hiện Chỉ thị số 38/CT-TTg ngày 29/9/2020 … năm 2025", None, 2025),  # a cited date is not it
    ("Tình hình thực hiện dự toán năm 2025 và năm 2026; Kế hoạch năm 2027", "2026-08-28", 2026),  # several: the date
    (None, "2024-12-20", 2024),
])
def test_the_year_of_a_reports_undated_figures(title: str | None, date: str | None, year: int) -> None:
    from extract.progress import period_year
    assert period_year(title, date) == year
