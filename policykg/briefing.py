"""A DOCX briefing in the Vietnamese administrative format (Nghị định 30/2020/NĐ-CP, Phụ lục I).

A4, Times New Roman 14 pt, margins top/bottom 20 mm, left 30 mm, right 15 mm, page numbers centred
in the header; a title naming the focus and the date, a summary paragraph, tasks grouped by document
(final first, drafts marked), targets with their latest observation and status, and the legal basis
written out in full.
"""

from __future__ import annotations

import io
from collections import Counter, defaultdict
from datetime import date
from typing import Any

from extract.rows import DocRow, RefRow, TargetRow, TaskRow
from graph.answers import task_roles
from graph.names import DocName
from policykg.ui.i18n import owner_name, word

Row = dict[str, Any]
FONT = "Times New Roman"
SIZE_PT = 14
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}


def _name(names: dict[str, DocName], doc: str, long: bool = False) -> str:
    n = names.get(doc)
    return (n.long if long else n.short) if n else doc


def _page_number(paragraph: Any) -> None:
    """A PAGE field (Word fills in the number)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)


def _setup(document: Any) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    for section in document.sections:
        section.page_width, section.page_height = Mm(210), Mm(297)
        section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
        section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
        header = section.header.paragraphs[0]
        header.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _page_number(header)
    for style_name in ("Normal", "Heading 1", "Heading 2", "Title", "List Number"):
        style = document.styles[style_name]
        style.font.name = FONT
        style.font.size = Pt(SIZE_PT)
        style.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT)
        for attr in ("w:ascii", "w:hAnsi", "w:cs"):
            style.element.get_or_add_rPr().get_or_add_rFonts().set(qn(attr), FONT)
        if style_name != "Normal":
            style.font.bold = True
            style.font.color.rgb = None
    document.styles["Normal"].paragraph_format.space_after = Pt(6)


def summary(focus: str, tasks: list[TaskRow], targets: list[TargetRow], names: dict[str, DocName]) -> str:
    """"Các văn bản giao 12 nhiệm vụ (chủ trì 5, …); theo văn bản: QĐ 2289/QĐ-TTg 10, …"."""
    roles = Counter(t["owner_role"] for t in tasks)
    by_doc = Counter(t["doc"] for t in tasks)
    role_text = ", ".join(f"{word('role', r) if r else owner_name(None)} {n}" for r, n in roles.most_common())
    doc_text = "; ".join(f"{_name(names, d)}: {n}" for d, n in by_doc.most_common())
    text = f"Về {focus}: {len(tasks)} nhiệm vụ"
    text += f" ({role_text})" if role_text else ""
    text += f", giao tại {doc_text}" if doc_text else ""
    if targets:
        status = Counter(t["status"] for t in targets)
        text += f"; {len(targets)} mục tiêu (" + ", ".join(f"{word('status', s)} {n}" for s, n in
                                                        status.most_common()) + ")"
    return text + "."


def briefing(focus: str, tasks: list[TaskRow], targets: list[TargetRow], refs: list[RefRow],
             names: dict[str, DocName], docs: list[DocRow], today: date | None = None) -> bytes:
    """The briefing as DOCX bytes."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    today = today or date.today()
    document = docx.Document()
    _setup(document)
    status = {d["id"]: d["status"] for d in docs}
    title = document.add_paragraph(style="Title")
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.add_run(f"BÁO CÁO TÓM TẮT\nNhiệm vụ và mục tiêu liên quan đến {focus}")
    sub = document.add_paragraph(f"(Tổng hợp từ văn bản, ngày {today.day}/{today.month}/{today.year})")
    sub.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(summary(focus, tasks, targets, names))

    number = 0
    if tasks:
        number += 1
        document.add_heading(f"{_roman(number)}. NHIỆM VỤ", level=1)
        grouped: dict[str, list[TaskRow]] = defaultdict(list)
        for t in tasks:
            grouped[t["doc"]].append(t)
        order = sorted(grouped, key=lambda d: (status.get(d) == "draft", not (d in names and names[d].symbol),
                                               _name(names, d)))
        for doc in order:
            head = _name(names, doc, long=True)
            if status.get(doc) == "draft" and "(dự thảo)" not in head:
                head += " (dự thảo)"
            document.add_heading(head, level=2)
            for k, t in enumerate(sorted(grouped[doc], key=lambda t: t["id"]), 1):
                ev = t["evidence"]
                quote = " ".join(ev["quote"].split())
                p = document.add_paragraph()
                p.add_run(f"{k}. ").bold = True
                p.add_run(f"“{quote}”")
                if quote != " ".join(t["text"].split()):
                    p.add_run(f" (nhiệm vụ: {' '.join(t['text'].split())})")
                roles = task_roles(t)
                who = "; ".join(f"{word('role', r)}: {', '.join(a for a, x in roles.items() if x == r)}"
                                for r in ("lead", "responsible", "cooperating") if r in roles.values())
                if t["owner"] is None:
                    who = owner_name(None) + (f"; {who}" if who else "")
                extra = who + (f"; thời hạn: {t['deadline']}" if t.get("deadline") else "")
                source = document.add_paragraph()
                source.add_run(f"Nguồn: {_name(names, ev['doc'])}, mục {ev['section']}.").italic = True
                if extra:
                    source.add_run(" " + extra[:1].upper() + extra[1:] + ".")
    if targets:
        number += 1
        document.add_heading(f"{_roman(number)}. MỤC TIÊU VÀ TIẾN ĐỘ", level=1)
        for g in targets:
            latest = g["observations"][-1] if g["observations"] else None
            value = f"{word('comparator', g['comparator'] or '')} {g['value']:g} {word('unit', g['unit'] or '')}" \
                .strip() if g["value"] is not None else " ".join(g["text"].split())
            line = f"{g['indicator_label']}: {value}" + (f" vào năm {g['year']}" if g["year"] is not None else "")
            line += f"; số liệu mới nhất: {latest['value']:g} ({latest['year']})" if latest and \
                latest["value"] is not None else ""
            line += f"; tình trạng: {word('status', g['status'])} ({_name(names, g['doc'])}, mục " \
                    f"{g['evidence']['section']})."
            document.add_paragraph(line)
    basis = _legal_basis(tasks, targets, refs, names)
    if basis:
        number += 1
        document.add_heading(f"{_roman(number)}. CĂN CỨ PHÁP LÝ", level=1)
        for line in basis:
            document.add_paragraph(line)
    sources = sorted(_docs_of(tasks, targets), key=lambda d: _name(names, d))
    closing = document.add_paragraph()
    closing.add_run("Văn bản nguồn: " + "; ".join(_name(names, d, long=True) for d in sources) +
                    f". Lập ngày {today.day}/{today.month}/{today.year} bằng policykg.").italic = True
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def _docs_of(tasks: list[TaskRow], targets: list[TargetRow]) -> set[str]:
    return {t["doc"] for t in tasks} | {t["doc"] for t in targets}


def _legal_basis(tasks: list[TaskRow], targets: list[TargetRow], refs: list[RefRow],
                 names: dict[str, DocName]) -> list[str]:
    """The source documents themselves, then what they implement or rest on, each written out in full."""
    sources = _docs_of(tasks, targets)
    lines = [_name(names, d, long=True) for d in sorted(sources, key=lambda d: _name(names, d))]
    cited = sorted({r["id"] for r in refs if r["cited_by"] in sources | {a for d in sources
                    for a in (names[d].aliases if d in names else ())} and r["relation"] in ("implements", "based_on")},
                   key=lambda i: _name(names, i))
    seen = set(lines)
    for i in cited:
        text = _name(names, _by_title(names, i), long=True)
        if text not in seen:
            seen.add(text)
            lines.append(text)
    return lines


def _by_title(names: dict[str, DocName], doc: str) -> str:
    """A document cited by its title alone ("Chiến lược quốc gia về cách mạng công nghiệp lần thứ tư đến năm 2030")
    is the issued document of that title when the corpus holds one (QĐ 2289/QĐ-TTg): named once, by its symbol."""
    n = names.get(doc)
    if n is None or n.symbol or not n.title:
        return doc
    key = _title_key(n.title)
    return next((d for d, m in names.items() if m.symbol and not m.draft and m.in_corpus and m.title
                 and _title_key(m.title) == key), doc)


def _title_key(title: str) -> str:
    import unicodedata

    return " ".join(unicodedata.normalize("NFC", title).casefold().split())


def _roman(n: int) -> str:
    return ["", "I", "II", "III", "IV", "V", "VI"][n]
