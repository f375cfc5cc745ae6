"""Tasks numbered "(1)", "(2)" inside one paragraph of a conclusion notice, and clauses that give work to
another subject."""

from tests.conftest import facts_of

NOTICE = """VĂN PHÒNG CHÍNH PHỦ
Số: 700/TB-VPCP
Hà Nội, ngày 3 tháng 12 năm 2025
THÔNG BÁO
Kết luận của Thủ tướng Chính phủ tại cuộc họp về dữ liệu
III. NHIỆM VỤ, GIẢI PHÁP
1. Quyết liệt trong chỉ đạo:
Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ trực tiếp chỉ đạo, đôn đốc \
hoàn thành các nhiệm vụ được giao trong năm 2025.
2. Khẩn trương ban hành chiến lược dữ liệu: (1) Thanh tra Chính phủ ban hành trước ngày 25 tháng 12 năm 2025; \
(2) Bộ Công an chủ trì, phối hợp các bộ ban hành hướng dẫn đánh giá cơ sở dữ liệu; Các bộ, ngành, địa phương \
căn cứ hướng dẫn tổ chức rà soát cơ sở dữ liệu; Bộ Tư pháp phối hợp thẩm định kết quả.
3. Nhiệm vụ về chuyển đổi số
a) Bộ Khoa học và Công nghệ: (1) trình Thủ tướng Chính phủ Chương trình phát triển sản phẩm số; \
(2) Phối hợp với Bộ Tài chính hướng dẫn định mức chi cho chuyển đổi số.
b) Giao đồng chí Bộ trưởng Bộ Xây dựng chỉ đạo hoàn thành đường cao tốc trong năm 2026.
"""


def test_each_number_of_a_paragraph_is_a_task() -> None:
    tasks = facts_of(NOTICE, kind="notice").tasks
    assert [(t.text, t.owner, t.owner_role, t.cooperating) for t in tasks] == [
        ("Các đồng chí Bộ trưởng, Thủ trưởng cơ quan ngang bộ, cơ quan thuộc Chính phủ trực tiếp chỉ đạo, đôn đốc "
         "hoàn thành các nhiệm vụ được giao trong năm 2025.", "các bộ, cơ quan ngang bộ, cơ quan thuộc chính phủ",
         "responsible", ()),
        # the topic's title before "(1)" is no task; each number names its own owner
        ("Thanh tra Chính phủ ban hành trước ngày 25 tháng 12 năm 2025", "Thanh tra Chính phủ", "responsible", ()),
        ("Bộ Công an chủ trì, phối hợp các bộ ban hành hướng dẫn đánh giá cơ sở dữ liệu", "Bộ Công an", "lead", ()),
        # a clause whose subject acts is that subject's task; one whose subject only helps stays with it
        ("Các bộ, ngành, địa phương căn cứ hướng dẫn tổ chức rà soát cơ sở dữ liệu; Bộ Tư pháp phối hợp thẩm "
         "định kết quả.", "các bộ, ngành, địa phương", "responsible", ("Bộ Tư pháp",)),
        # the owner named before "(1)" owns the numbers that name nobody
        ("trình Thủ tướng Chính phủ Chương trình phát triển sản phẩm số", "Bộ Khoa học và Công nghệ", "responsible",
         ()),
        ("Phối hợp với Bộ Tài chính hướng dẫn định mức chi cho chuyển đổi số.", "Bộ Khoa học và Công nghệ",
         "cooperating", ("Bộ Tài chính",)),
        ("Giao đồng chí Bộ trưởng Bộ Xây dựng chỉ đạo hoàn thành đường cao tốc trong năm 2026.", "Bộ Xây dựng",
         "responsible", ()),
    ]
