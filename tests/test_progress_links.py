"""Observations and the targets they measure: a rank's moves are no level; every match of indicator, unit and scope
is linked (the 2024 report on QĐ 2289 in the bundled corpus)."""

import pytest

from extract.contract import observations_for
from extract.progress import relevant


def _report(text: str):
    from extract.pipeline import extract_text, meta_from_text
    return extract_text(text, meta_from_text("r", "r.txt", text, {"kind": "report", "date": "2024-12-20"}))


def test_the_steps_a_rank_moved_are_not_observations() -> None:
    text = ("BÁO CÁO\nIII. KẾT QUẢ THỰC HIỆN\n1. Chỉ số Đổi mới sáng tạo toàn cầu (GII)\n"
            "Năm 2021, Việt Nam giảm 3 bậc, xếp hạng 47; năm 2023, Việt Nam tăng 2 bậc, xếp hạng 45. Thứ hạng 45 này "
            "là thứ hạng tốt nhất, tăng 10 bậc so với năm 2015 và 20 bậc so với năm 2012.\n"
            "2. Hạ tầng\nNăm 2024, 12 tỉnh đã lắp đặt trạm quan trắc.")
    got = sorted((o.indicator, o.year, o.value, o.unit) for o in _report(text).observations)
    assert ("gii-rank", 2021, 47.0, "rank") in got and ("gii-rank", 2023, 45.0, "rank") in got
    assert [o for o in got if o[3] in ("bậc", "này")] == []
    assert any(o[2:] == (12.0, "tỉnh") for o in got)


def test_every_observation_of_a_targets_indicator_unit_and_scope_is_linked(corpus) -> None:
    report, strategy = corpus.doc("003"), corpus.doc("000")
    linked = {o.id for t in strategy.targets for o in observations_for(corpus, t)}
    matching = {o.id for o in report.observations if any(relevant(t, [o]) for t in strategy.targets)}
    assert linked == matching
    assert len(linked) == 20
    assert {o.indicator for o in report.observations if o.id in linked} == {
        "gii-rank", "gci-rank", "egov-rank", "digital-economy-gdp", "labour-productivity-growth"}
    # what stays unlinked measures no target of QĐ 2289: components, levels in other units, other scopes
    unlinked = [o for o in report.observations if o.id not in linked]
    assert ("labour-productivity-level", "triệu đồng/lao động") in {(o.indicator, o.unit) for o in unlinked}
    assert {o.scope for o in unlinked if o.indicator == "gci-rank"} == {"ASEAN", "region"}
    assert not [o for o in report.observations if o.indicator_label in ("Việt Nam", "Tăng", "Việt Nam giảm tiếp")]


# Snippets written for these tests: (text, [(year, value, unit), ...]) of a report's figures.
FIGURES = [
    # a value per head or per unit is a yearly value; an aim restated in brackets is an aside
    ("BÁO CÁO\nI. KẾT QUẢ THỰC HIỆN NĂM 2025\n- Tốc độ tăng trưởng kinh tế ước đạt 7,5% so cùng kỳ (đạt mục tiêu "
     "Nghị quyết đề ra). GRDP bình quân đầu người ước đạt 75 triệu đồng/người/năm.",
     [(2025, 7.5, "%"), (2025, 75.0, "triệu đồng/người/năm")]),
    # parts listed in a bracket opened by a capital "Trong đó"; two separators: the last is the decimal one
    ("BÁO CÁO\nI. KẾT QUẢ THỰC HIỆN NĂM 2025\n- Toàn tỉnh có 310 dự án đầu tư, tổng vốn đăng ký 12.345,678 tỷ đồng "
     "(Trong đó: có 14 dự án FDI).",
     [(2025, 310.0, "dự án"), (2025, 12345.678, "tỷ đồng"), (2025, 14.0, "dự án")]),
    # the bracket after "so cùng kỳ" is the same period's value a year before
    ("BÁO CÁO\nI. KẾT QUẢ THỰC HIỆN NĂM 2025\n- Ước thực hiện thu ngân sách cả năm là 4.200 tỷ đồng, tăng 5% "
     "so cùng kỳ (4.000 tỷ đồng).",
     [(2025, 4200.0, "tỷ đồng"), (2025, 5.0, "%"), (2024, 4000.0, "tỷ đồng")]),
    # a bracket stating a figure with its verb is a figure; a change against another time is an aside
    ("BÁO CÁO\nI. KẾT QUẢ THỰC HIỆN NĂM 2025\n- Chính quyền các xã vận hành thông suốt (giải quyết hồ sơ đạt tỷ lệ "
     "96,5%), số hồ sơ trực tuyến tăng 12% (tăng 3% so với quý III).",
     [(2025, 12.0, "%"), (2025, 96.5, "%")]),
    # a share of the plan with nothing before it is named by its own words; the year of another ";" part dates
    # nothing here; what is striven for is not done
    ("BÁO CÁO\nI. KẾT QUẢ THỰC HIỆN\n- Giải ngân đầu tư công đạt tỷ lệ 61,2% kế hoạch; đã hoàn thành 40/52 nhiệm vụ; "
     "năm 2024 xếp thứ 07 về chỉ số cải cách hành chính. Chi thường xuyên phấn đấu đạt 100% kế hoạch.",
     [(2024, 61.2, "%"), (2024, 40.0, "nhiệm vụ")]),
]


def test_the_nations_figure_in_a_bracket_is_named_after_the_provinces() -> None:
    text = ("BÁO CÁO\nI. KẾT QUẢ THỰC HIỆN NĂM 2025\n- Xuất khẩu tăng 18,3% (bình quân cả nước tăng 16,2%); giải ngân "
            "đầu tư công đạt tỷ lệ 66,7% kế hoạch (bình quân cả nước là 54,4%).")
    got = [(o.value, o.indicator_label) for o in _report(text).observations]
    assert got == [(18.3, "Xuất khẩu"), (66.7, "Tỷ lệ giải ngân đầu tư công (% kế hoạch)"),
                   (16.2, "Xuất khẩu (cả nước)"), (54.4, "Tỷ lệ giải ngân đầu tư công (% kế hoạch) (cả nước)")]


@pytest.mark.parametrize("text, expected", FIGURES)
def test_figures_of_a_report(text: str, expected: list) -> None:
    assert [(o.year, o.value, o.unit) for o in _report(text).observations] == expected
