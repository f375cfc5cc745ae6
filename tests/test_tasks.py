from collections import Counter

import pytest

from tests.conftest import facts_of


def test_qd2289_section_iv_has_57_tasks_under_20_headings(corpus) -> None:
    tasks = [t for t in corpus.doc("000").tasks if t.section.startswith("IV.")]
    assert len(tasks) == 57
    assert len({t.section for t in tasks}) == 20
    owners = Counter(t.owner for t in tasks)
    assert owners["Bộ Thông tin và Truyền thông"] == 6
    assert owners["Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương"] == 2


def test_qd2289_section_v(corpus) -> None:
    v = {t.section: t for t in corpus.doc("000").tasks if t.section.startswith("V.")}
    assert v["V.1.a"].owner == "Bộ Kế hoạch và Đầu tư" and v["V.1.a"].deadline == "trước ngày 20 tháng 12"
    # "phối hợp với các bộ, ngành": a catch-all, not a partner (data/eval/README.md, annotation rules)
    assert v["V.1.b"].owner_role == "lead" and v["V.1.b"].cooperating == ()
    assert v["V.2"].owner == "các bộ, cơ quan thuộc chính phủ"


def test_draft_section_iv_has_17_headings(corpus) -> None:
    sections = {t.section.split(".")[1] for t in corpus.doc("001").tasks if t.section.startswith("IV.")}
    assert sections == {str(n) for n in range(1, 18)}
    xd = [t for t in corpus.doc("001").tasks if t.section == "IV.13"]
    assert xd and all(t.owner == "Bộ Xây dựng" for t in xd)


def test_appendix_gives_43_tasks_each_with_a_lead(corpus) -> None:
    rows = [t for t in corpus.doc("004").tasks if t.section.startswith("PLI.")]
    assert len(rows) == 43
    assert all(t.lead and t.owner == t.lead[0] for t in rows)
    by = {t.section: t for t in rows}
    assert by["PLI.5"].text == "Tạo điều kiện phát triển cho kinh tế chia sẻ, kinh tế trả công"
    assert by["PLI.5"].lead == ("Bộ Kế hoạch và Đầu tư",)
    assert by["PLI.13"].lead == ("Bộ Nông nghiệp và Phát triển nông thôn",)
    assert by["PLI.32"].text.endswith("trong kinh tế nền tảng)")  # cell continued after the page break
    assert by["PLI.43"].lead == ("Bộ Thông tin và Truyền thông", "các cơ quan báo chí, đài truyền hình")


def test_appendix_rows_link_to_their_subsection(corpus) -> None:
    tasks = corpus.doc("004").tasks
    row = next(t for t in tasks if t.section == "PLI.1")
    subs = [t for t in tasks if t.parent == row.id]
    assert len(subs) == 11 and {t.section for t in subs} == {"D1.V.1.a"}
    assert all(t.owner == "Bộ Thông tin và Truyền thông" for t in subs)


def test_report_recommendations(corpus) -> None:
    recs = corpus.doc("003").tasks
    assert recs and all(t.kind == "recommended" for t in recs)
    merge = next(t for t in recs if t.section == "IV.4.2.3.5")
    assert merge.owner == "Chính phủ" and merge.lead == ("Bộ Khoa học và Công nghệ",)
    assert merge.cooperating == ("Bộ Kế hoạch và Đầu tư", "Bộ Thông tin và Truyền thông")
    assert not any("b/c" in t.text for t in recs)  # recipients are not task owners


SNIPPET = """IV. NHIỆM VỤ, GIẢI PHÁP
1. Bộ Tài chính
- Chủ trì, phối hợp với Ngân hàng Nhà nước và các bộ, ngành liên quan xây dựng khung thể chế.
- Phối hợp với Bộ Kế hoạch và Đầu tư rà soát quy định trong năm 2022.
- Rà soát các quy định về thuế, báo cáo trước ngày 31/12/2021.
2. Uỷ ban nhân dân các tỉnh, thành phố trực thuộc trung ương
Xây dựng kế hoạch hằng năm.
V. TỔ CHỨC THỰC HIỆN
Bộ Công an chủ trì, phối hợp với Bộ Quốc phòng triển khai Chiến lược.
"""


@pytest.mark.parametrize("k, owner, role, lead, coop, deadline", [
    (0, "Bộ Tài chính", "lead", ("Bộ Tài chính",), ("Ngân hàng Nhà nước Việt Nam",), None),
    (1, "Bộ Tài chính", "cooperating", (), ("Bộ Kế hoạch và Đầu tư",), "trong năm 2022"),
    (2, "Bộ Tài chính", "responsible", (), (), "trước ngày 31/12/2021"),
    (3, "Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương", "responsible", (), (), "hằng năm"),
    (4, "Bộ Công an", "lead", ("Bộ Công an",), ("Bộ Quốc phòng",), None),
])
def test_roles_on_snippets(k, owner, role, lead, coop, deadline) -> None:
    t = facts_of(SNIPPET).tasks[k]
    assert (t.owner, t.owner_role, t.lead, t.cooperating, t.deadline) == (owner, role, lead, coop, deadline)


def test_every_task_quote_is_the_original_text(corpus, originals) -> None:
    for d in corpus.docs:
        for t in d.tasks:
            assert originals[d.meta.id][t.evidence.start:t.evidence.end] == t.evidence.quote
