"""Task items that name no agency: still tasks ("chưa giao cơ quan chủ trì"), inside task sections only.

A plan's "Nhiệm vụ, giải pháp" or "Nội dung triển khai" often lists actions without saying who does
them ("a) Tổ chức Hội nghị phổ biến …"). They are tasks with no owner, so that an analyst can ask which
tasks nobody was given. Everything else is guarded out: purpose, target and context sections, the
clause on entry into force, "Nơi nhận", statements about money or the document itself, pointers to an
appendix, headings that group items, items another task already holds, and a report's narrative (a
report's items say what was done, not what is to be done, except under "Nhiệm vụ … thời gian tới").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from itertools import accumulate

from extract.task_draft import Draft

# Headings of the sections the genre gives tasks in.
_TASK_SECTION_RE = re.compile(
    r"nhiệm vụ|giải pháp|tổ chức thực hiện|trách nhiệm|phân công|nội dung|chương trình hành động|hoạt động"
    r"|^tiến độ\b|^(?:các )?giai đoạn thực hiện\W*$|^lộ trình thực hiện\W*$", re.I)
# Headings of sections that hold no tasks even inside a task section ("Mục tiêu", "Yêu cầu", "Hiệu lực …").
_NOT_TASK_SECTION_RE = re.compile(
    r"^(?:mục tiêu|chỉ tiêu|quan điểm|nguyên tắc|mục đích|yêu cầu|tầm nhìn|căn cứ|sự cần thiết|bối cảnh|thực trạng|"
    r"tình hình|kết quả|đánh giá|định hướng|hiệu lực|điều khoản thi hành|nơi nhận|kiến nghị|đề xuất"
    # the land a plan uses and the projects it lists: what it rests on, not what anyone is to do
    r"|kế hoạch sử dụng đất|danh mục (?:các )?(?:chương trình, )?dự án"
    # "Dự báo những tác động đến thu, chi ngân sách": a forecast ("Dự báo và cảnh báo sớm" is a task's topic)
    r"|dự báo\s+(?:những\s+|các\s+)?(?:tác động|tình hình|xu hướng|bối cảnh|khả năng)(?!.*(?:giải pháp|nhiệm vụ)))"
    r"|tình hình (?:triển khai|thực hiện)|kết quả đạt được", re.I)
# Openings of an item that states something rather than asks for it: a note, a figure, a pointer,
# a sentence about the document itself, money ("Kinh phí thực hiện … được bố trí từ …").
_NOT_ACTION_RE = re.compile(
    r"^(?:\(?\d|Trên đây|Nơi nhận|Lưu\b|Căn cứ|Theo\b(?! dõi)|Trong đó|Bao gồm|Gồm\b|Là\b|Với\b"
    r"|Tuy nhiên|Nhìn chung|Do\b|Vì\b"
    r"|Kết quả|Tình hình|Số liệu|Tổng (?:số|cộng)|Đến (?:nay|năm)|Nhu cầu|Phụ lục"
    r"|Kinh phí|(?:Các )?nguồn vốn|Vốn\b|Từ\b|(?:Các\s+)?nhiệm vụ\b|Ban hành kèm theo"
    r"|(?:Quyết định|Nghị quyết|Chỉ thị|Kế hoạch|Chương trình|Thông tư|Văn bản|Công văn) này)", re.I)
# A report's section of what is to be done next ("V- NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI", "Phương hướng, nhiệm vụ
# năm 2026"): its items are tasks, where the rest of a report says what was done.
_AHEAD_RE = re.compile(
    r"^(?:(?:các\s+)?(?:nhiệm vụ|giải pháp)\b.*\b(?:thời gian tới|sắp tới|tiếp theo|năm \d{4})|phương hướng"
    r"|giải pháp(?: thực hiện)?(?:, kiến nghị)?$|kiến nghị(?:,? (?:và )?đề xuất)?$"
    r"|đề xuất(?:,? (?:và )?kiến nghị)?$)", re.I)  # a report's proposals ("III. KIẾN NGHỊ, ĐỀ XUẤT") are tasks
_TASK_LIST_RE = re.compile(r"^(?:phụ lục\s*\S*\s*[:.–-]?\s*)?danh mục (?:các )?nhiệm vụ", re.I)
_POINTER_RE = re.compile(
    r"được (?:xác định|quy định|nêu|giao) tại|(?:tại|theo) (?:các )?(?:Phụ lục|danh mục)|\(Phụ lục", re.I)


def is_title(heading: str) -> bool:
    """A heading that titles a section: short, or written in capitals however long; a long heading in
    sentence case is an item."""
    return len(heading.split()) < 15 or heading.isupper()


def task_section(headings: list[str]) -> bool:
    """A section chain (innermost first) that holds tasks: a task heading and no purpose, money or closing one."""
    titles = [h for h in headings if is_title(h)]  # a heading that is a whole sentence is an item
    if any(_NOT_TASK_SECTION_RE.search(h.strip(" .:")) for h in titles):
        return False
    return any(_TASK_SECTION_RE.search(h) for h in titles)


def ahead_section(headings: list[str]) -> bool:
    """A report's section chain (innermost first) under a heading of what is to be done next, or in a list
    of the tasks given ("Phụ lục 2: DANH MỤC NHIỆM VỤ … GIAO")."""
    return any(_AHEAD_RE.search(h.strip(" .:")) or _TASK_LIST_RE.search(h) for h in headings if is_title(h))


def operative_section(headings: list[str]) -> bool:
    """A section of a directive's operative part ("Thủ tướng Chính phủ chỉ thị: 1. … 2. …"), whose items
    are all directions: any section but purpose, context and closing ones."""
    return not any(_NOT_TASK_SECTION_RE.search(h.strip(" .:")) for h in headings if is_title(h))


def unowned_task(body: str) -> bool:
    """An item that states an action of its own: a few words opening with a capital (the genre starts a
    task item with its verb: "Xây dựng …", "Tổ chức …"), not a note, a figure or a pointer to an appendix."""
    text = body.strip()
    if text.isupper():
        return False  # a title in capitals ("NỘI DUNG CHI TIẾT") heads what follows
    return len(text.split()) >= 3 and text[:1].isupper() and not _NOT_ACTION_RE.match(text) \
        and not _POINTER_RE.search(text)


def without_repeats(drafts: list[Draft]) -> list[Draft]:
    """The drafts without an owner-less one whose text another task already covers (an appendix row's
    linked sub-tasks, a heading task with its list): an item is one task, with the owner it was given.
    Only owner-less drafts go, and they come after every parent a sub-task points at."""
    owned = sorted((d.start, d.end) for d in drafts if d.owner is not None)
    starts = [s for s, _ in owned]
    reach = list(accumulate((e for _, e in owned), max))  # the furthest end of the owned spans so far

    def covered(d: Draft) -> bool:
        k = bisect_right(starts, d.start)  # owned spans that start at or before d
        return (k > 0 and reach[k - 1] > d.start) or (k < len(owned) and owned[k][0] < d.end)

    return [d for d in drafts if d.owner is not None or not covered(d)]
