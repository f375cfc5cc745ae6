import pytest

from extract.quantities import parse_number
from tests.conftest import facts_of


@pytest.mark.parametrize("raw, value", [("12,66", 12.66), ("7,5", 7.5), ("80,000", 80000), ("300.000", 300000),
                                         ("1,000,000", 1_000_000), ("20", 20)])
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
