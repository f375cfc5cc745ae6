"""Every string the explorer writes, in Vietnamese and English: one table, looked up by key."""

from __future__ import annotations

from typing import Literal

Lang = Literal["vi", "en"]

TEXT: dict[str, tuple[str, str]] = {
    # chrome
    "app.loading": ("Đang mở đồ thị của bộ văn bản…", "Opening the corpus graph…"),
    "lang.toggle": ("English", "English"),
    "all": ("(tất cả)", "(all)"),
    "choose": ("Chọn…", "Choose…"),
    "upload.label": ("Thêm văn bản (.txt, .md, .docx, .pdf)", "Add a document (.txt, .md, .docx, .pdf)"),
    "upload.button": ("Chọn tệp", "Upload"),
    "upload.limit": ("Tối đa {mb} MB mỗi tệp", "{mb}MB per file • {types}"),
    "upload.drop": ("Thả tệp vào đây", "Drag and drop a file here"),
    "upload.help": ("Kéo thả tệp vào đây hoặc bấm “Chọn tệp”.", "Drag and drop a file here or press “Upload”."),
    "doc.draft": ("(dự thảo)", "(draft)"),
    "skip.main": ("Đến nội dung chính", "Skip to main content"),
    "input.enter": ("Nhấn Enter để áp dụng", "Press Enter to apply"),
    "input.ctrl_enter": ("Nhấn Ctrl+Enter để áp dụng", "Press Ctrl+Enter to apply"),
    "upload.type": ("Không thêm được {name}: chỉ nhận tệp {types}.",
                    "Cannot add {name}: only {types} files are taken."),
    "upload.added": ("Đã thêm {name}. Bộ văn bản nay có {documents} văn bản, {tasks} nhiệm vụ, {agencies} cơ quan, "
                     "{references} văn bản được trích dẫn, {targets} mục tiêu.",
                     "Added {name}. The corpus now holds {documents} documents, {tasks} tasks, {agencies} agencies, "
                     "{references} cited documents, {targets} targets."),
    "upload.err.empty": ("Không thêm được {name}: tệp không có nội dung; hãy chọn một văn bản có chữ.",
                         "Cannot add {name}: the file has no text in it; choose a document with text."),
    "upload.err.too_large": ("Không thêm được {name}: tệp lớn hơn {mb} MB; hãy tách văn bản thành nhiều tệp.",
                             "Cannot add {name}: the file is larger than {mb} MB; split the document."),
    "upload.err.type": ("Không thêm được {name}: chỉ nhận tệp {types}.",
                        "Cannot add {name}: only {types} files are taken."),
    "upload.err.binary": ("Không thêm được {name}: đây không phải tệp văn bản; hãy lưu thành .txt, .md hoặc .docx.",
                          "Cannot add {name}: it is not a text file; save it as .txt, .md or .docx."),
    "upload.err.encoding": ("Không thêm được {name}: không đọc được bảng mã của tệp; hãy lưu lại dưới dạng UTF-8.",
                            "Cannot add {name}: its character encoding cannot be read; save it again as UTF-8."),
    "upload.err.docx": ("Không thêm được {name}: không phải tệp Word (.docx) đọc được.",
                        "Cannot add {name}: not a readable Word (.docx) file."),
    "upload.err.zip_bomb": ("Không thêm được {name}: tệp giải nén ra hơn {mb} MB, không phải một văn bản.",
                            "Cannot add {name}: it unzips to more than {mb} MB; this is not a document."),
    "upload.err.pdf": ("Không thêm được {name}: không phải tệp PDF đọc được.",
                       "Cannot add {name}: not a readable PDF."),
    "upload.err.pdf_scan": ("Không thêm được {name}: tệp PDF không có lớp chữ (bản quét?); hãy nhận dạng chữ (OCR) "
                            "trước.", "Cannot add {name}: the PDF has no text layer (a scan?); run OCR on it first."),
    "upload.err.duplicate.text": ("Không thêm được {name}: văn bản này đã có trong bộ văn bản ({doc}, cùng nội dung).",
                                  "Cannot add {name}: this document is already in the corpus ({doc}, same text)."),
    "upload.err.duplicate.number": ("Không thêm được {name}: bộ văn bản đã có {doc} cùng số hiệu {number} và ngày "
                                    "{date}.", "Cannot add {name}: the corpus already holds {doc} with the same "
                                    "number {number} and date {date}."),
    "upload.err.busy": ("Không thêm được {name}: đang có người khác ghi vào bộ văn bản; hãy thử lại sau.",
                        "Cannot add {name}: someone else is writing to the corpus; try again later."),
    "upload.err.date": ("Không thêm được {name}: ngày ban hành không phải một ngày có thật.",
                        "Cannot add {name}: its date is not a real day."),
    "upload.err.other": ("Không thêm được {name}: tệp không đọc được.", "Cannot add {name}:"),
    "error.generic": ("Lỗi: {message}", "Error: {message}"),
    "page.err.other": ("Không vẽ được trang này từ đồ thị hiện có; hãy thử lại hoặc dựng lại bộ văn bản.",
                       "This page cannot be drawn from the graph:"),
    "open.wait": ("Đang mở đồ thị của bộ văn bản…", "Opening the corpus graph…"),
    "open.err.other": ("Không mở được bộ văn bản {workspace}; hãy dựng nó bằng “policykg build”.",
                       "Cannot open the corpus {workspace}:"),
    # pages
    "page.network": ("Mạng lưới", "Network"),
    "page.owners": ("Ai làm gì", "Who owns what"),
    "page.targets": ("Mục tiêu", "Targets"),
    "page.legal": ("Văn bản pháp lý", "Legal documents"),
    "page.overlaps": ("Chồng lấn", "Overlaps"),
    "page.diff": ("Dự thảo và chính thức", "Draft vs final"),
    "page.matrix": ("Ma trận nhiệm vụ", "Task matrix"),
    "page.export": ("Xuất", "Export"),
    "page.sparql": ("SPARQL", "SPARQL"),
    # search
    "search.label": ("Tìm cơ quan, văn bản, nhiệm vụ, chỉ tiêu (có hoặc không dấu, số hiệu, viết tắt)",
                     "Find agencies, documents, tasks, indicators (with or without diacritics, symbol, abbreviation)"),
    "search.none": ("Không tìm thấy “{text}”.", "Nothing matches “{text}”."),
    "search.hits": ("Kết quả", "Results"),
    # network
    "net.depth": ("Độ sâu", "Depth"),
    "net.types": ("Loại nút", "Node types"),
    "net.docs": ("Văn bản", "Documents"),
    "net.agencies": ("Cơ quan", "Agencies"),
    "net.relations": ("Quan hệ", "Relations"),
    "net.physics": ("Bố cục động (mô phỏng lực)", "Physics layout"),
    "net.layout": ("Bố cục", "Layout"),
    "net.layout.force": ("Tự do", "Force"),
    "net.layout.tree": ("Phân cấp", "Hierarchical"),
    "net.cap": ("Số nút tối đa", "Node cap"),
    "net.overview": ("Tổng quan: các cơ quan và văn bản giao nhiệm vụ cho họ (cỡ nút theo số nhiệm vụ). "
                     "Tìm hoặc bấm vào một nút để mở rộng.",
                     "Overview: agencies and the documents that assign them tasks (node size by task count). "
                     "Search or click a node to expand it."),
    "net.overview.cut": ("Đang hiện {shown} trong {total} cơ quan có nhiều nhiệm vụ nhất.",
                         "Showing the {shown} of {total} agencies with the most tasks."),
    "net.overview.docs": ("Văn bản: {shown} trong {total} văn bản giao cho họ nhiều nhiệm vụ nhất; chọn văn bản ở "
                          "thanh bên để xem văn bản khác.",
                          "Documents: the {shown} of {total} that give them the most tasks; pick documents in the "
                          "sidebar to see others."),
    "net.truncated": ("Có {total} nút phù hợp; đang hiện {cap} nút nhiều liên kết nhất. Thu hẹp bộ lọc để xem thêm.",
                      "{total} nodes match; showing the {cap} best connected. Narrow the filters to see the rest."),
    "net.focus.cut": ("{agency}: đang hiện {tasks} trong {total_tasks} nhiệm vụ, ở {docs} trong {total_docs} văn bản "
                      "giao cho cơ quan này nhiều nhiệm vụ nhất.",
                      "{agency}: showing {tasks} of {total_tasks} tasks, in the {docs} of {total_docs} documents that "
                      "give it the most tasks."),
    "net.more": ("Hiện thêm nhiệm vụ và văn bản", "Show more tasks and documents"),
    "net.doc.cut": ("{doc}: đang hiện {docs} trong {total_docs} mục và {tasks} trong {total_tasks} nhiệm vụ. Bấm vào "
                    "một mục để mở mục đó.",
                    "{doc}: showing {docs} of {total_docs} sections and {tasks} of {total_tasks} tasks. Click a "
                    "section to open it."),
    "net.more.sections": ("Hiện thêm mục và nhiệm vụ", "Show more sections and tasks"),
    "net.reset": ("Về tổng quan", "Back to the overview"),
    "net.click": ("Bấm vào một nút để xem chi tiết.", "Click a node for its details."),
    "net.missing": ("Không có nút này trong đồ thị.", "This node is not in the graph."),
    "net.tasks": ("{n} nhiệm vụ", "{n} tasks"),
    "details.relations": ("Quan hệ", "Relations"),
    "details.evidence": ("Trích nguyên văn", "Source passages"),
    "details.open": ("Mở", "Open"),
    "details.section": ("mục {section}", "section {section}"),
    "legend": ("Chú giải", "Legend"),
    "legend.draft": ("viền đứt: dự thảo", "dashed border: draft"),
    # ownership
    "own.agency": ("Cơ quan (tên, viết tắt, không dấu)", "Agency (name, abbreviation, no diacritics)"),
    "own.role": ("Vai trò", "Role"),
    "own.doc": ("Văn bản", "Document"),
    "own.counts": ("Số nhiệm vụ theo vai trò", "Tasks by role"),
    "own.scale": ("Bộ văn bản có {tasks} nhiệm vụ, quá nhiều để liệt kê hết: hãy gõ tên một cơ quan hoặc chọn một "
                  "văn bản để xem từng nhiệm vụ. Bảng dưới đây đếm nhiệm vụ của mỗi cơ quan.",
                  "The corpus holds {tasks} tasks, too many to list at once: type an agency or choose a document to "
                  "see its tasks. The table below counts each agency's tasks."),
    "own.nomatch": ("Không có cơ quan nào khớp “{text}”.", "No agency matches “{text}”."),
    "own.today": ("nay là {name}, từ {since}, theo {basis}", "now {name}, since {since}, under {basis}"),
    "download.csv": ("Tải CSV", "Download CSV"),
    "download.xlsx": ("Tải Excel (XLSX)", "Download Excel (XLSX)"),
    # matrix
    "matrix.doc": ("Văn bản", "Document"),
    "matrix.caption": ("Hàng: cơ quan; cột: mục của văn bản; ô: số nhiệm vụ (C = chủ trì, P = phối hợp).",
                       "Rows: agencies; columns: sections of the document; cells: task counts "
                       "(L = lead, C = cooperating)."),
    "matrix.scoped": ("Theo khung nhìn hiện tại của trang Mạng lưới (tìm kiếm, nút đang chọn, bộ lọc).",
                      "Within the Network page's current view (search, selected node, filters)."),
    "matrix.none": ("Khung nhìn hiện tại của trang Mạng lưới không có nhiệm vụ nào: hãy nới bộ lọc "
                    "hoặc về tổng quan.",
                    "The Network page's current view holds no task: widen its filters or go back to the overview."),
    "matrix.empty": ("Văn bản này không giao nhiệm vụ nào cho cơ quan cụ thể.",
                     "This document assigns no task to a named agency."),
    # targets
    "tg.indicator": ("Chỉ tiêu", "Indicator"),
    "tg.chart.target": ("mục tiêu", "target"),
    "tg.chart.observed": ("thực tế", "observed"),
    "tg.rank.note": ("Chỉ tiêu xếp hạng: trục đảo ngược (hạng 1 ở trên).",
                     "Rank indicator: inverted axis (rank 1 on top)."),
    "tg.none": ("Chưa có giá trị số cho chỉ tiêu này.", "No numeric values for this indicator."),
    "tg.all": ("Tất cả mục tiêu", "All targets"),
    "tg.all.large": ("Bộ văn bản có {total} mục tiêu; chọn một chỉ tiêu ở trên để xem mục tiêu của nó.",
                     "The corpus holds {total} targets; pick an indicator above to see its targets."),
    "more": ("Đang hiện {shown} dòng đầu trong {total} dòng.", "Showing the first {shown} of {total} rows."),
    "legal.citing": ("Văn bản trích dẫn", "Citing document"),
    # legal
    "legal.cited": ("Văn bản được trích dẫn", "Cited document"),
    # overlaps
    "ov.a": ("Văn bản A", "Document A"),
    "ov.b": ("Văn bản B", "Document B"),
    "ov.threshold": ("Ngưỡng tương đồng", "Similarity threshold"),
    "ov.same": ("Hãy chọn hai văn bản khác nhau.", "Choose two different documents."),
    "ov.relations": ("Quan hệ giữa hai văn bản", "How the two relate"),
    "ov.shared_citations": ("Cùng trích dẫn", "Cited by both"),
    "ov.passages": ("Đoạn nêu cả hai", "Passages naming both"),
    "ov.shared_agencies": ("Cơ quan được cả hai giao nhiệm vụ", "Agencies both give tasks to"),
    "ov.similar": ("Nhiệm vụ tương tự", "Similar tasks"),
    "ov.indicators": ("Chỉ tiêu cả hai đặt mục tiêu", "Indicators both set targets for"),
    "ov.none": ("Không có.", "None."),
    "table.empty": ("(không có dòng nào)", "(no rows)"),  # an empty table's text (Streamlit's own: "empty")
    "ov.no_text.short": ("Chưa so được: thiếu văn bản {name} (xem ở trên).",
                         "Not compared: the text of {name} is missing (see above)."),
    "ov.no_text": ("Văn bản {name} không có trong bộ văn bản: chỉ có các trích dẫn đến nó, nên không so được "
                   "nhiệm vụ. Thêm văn bản (thanh bên) để so sánh.",
                   "The text of {name} is not in the corpus: only citations of it are, so tasks cannot be "
                   "compared. Add the document (sidebar) to compare tasks."),
    # diff
    "df.draft": ("Dự thảo", "Draft"),
    "df.final": ("Chính thức", "Final"),
    "df.targets.removed": ("Mục tiêu bị bỏ ở bản chính thức", "Targets dropped from the final text"),
    "df.targets.added": ("Mục tiêu mới ở bản chính thức", "Targets new in the final text"),
    "df.targets.changed": ("Mục tiêu thay đổi giá trị", "Targets whose value changed"),
    "df.sections.removed": ("Mục bị bỏ", "Sections dropped"),
    "df.sections.added": ("Mục mới", "Sections added"),
    "df.agencies": ("Nhiệm vụ của cơ quan trong hai bản", "Agencies' tasks in the two texts"),
    # export
    "ex.source": ("Chọn phần đồ thị", "Selection"),
    "ex.source.view": ("Khung nhìn mạng lưới hiện tại", "The current network view"),
    "ex.source.focus": ("Một nút và lân cận", "A node and its neighbours"),
    "ex.source.doc": ("Một văn bản", "One document"),
    "ex.focus": ("Nút trung tâm (tên, viết tắt, số hiệu)", "Focus node (name, abbreviation, symbol)"),
    "ex.depth": ("Độ sâu", "Depth"),
    "ex.drafts": ("Gồm cả dự thảo", "Include drafts"),
    "ex.preview": ("Sẽ xuất: {nodes} nút, {tasks} nhiệm vụ, {targets} mục tiêu, {docs} văn bản nguồn.",
                   "Will export: {nodes} nodes, {tasks} tasks, {targets} targets, {docs} source documents."),
    "ex.build": ("Tạo tệp {fmt}", "Build {fmt}"),
    "ex.ready": ("Tải {fmt}", "Download {fmt}"),
    "ex.view.none": ("Chưa có khung nhìn: đang dùng tổng quan.", "No network view yet: using the overview."),
    # sparql
    "sq.examples": ("Ví dụ", "Examples"),
    "sq.query": ("Truy vấn SPARQL (chỉ đọc)", "SPARQL query (read-only)"),
    "sq.limit": ("Số dòng tối đa", "Row limit"),
    "sq.timeout": ("Thời gian tối đa (giây)", "Timeout (s)"),
    "sq.run": ("Chạy", "Run"),
    "sq.err.update": ("Không chạy: {keyword} bị từ chối vì bảng truy vấn chỉ đọc (SELECT, ASK, CONSTRUCT hoặc "
                      "DESCRIBE).", "Not run: {keyword} is refused, the console is read-only (SELECT, ASK, CONSTRUCT "
                      "or DESCRIBE)."),
    "sq.err.service": ("Không chạy: SERVICE bị từ chối, bảng truy vấn không gửi yêu cầu đến địa chỉ khác.",
                       "Not run: SERVICE is refused, the console never sends requests to other addresses."),
    "sq.err.from": ("Không chạy: FROM và FROM NAMED bị từ chối, chỉ truy vấn được đồ thị của bộ văn bản này.",
                    "Not run: FROM and FROM NAMED are refused, the console queries this corpus's graph only."),
    "sq.err.syntax": ("Truy vấn không đúng cú pháp SPARQL ở gần “{near}”.",
                      "The query is not valid SPARQL near “{near}”."),
    "sq.err.invalid": ("Truy vấn không hợp lệ.", "The query is not valid."),
    "sq.err.escape": ("Truy vấn có mã thoát \\u không hợp lệ; hãy viết thẳng ký tự.",
                      "The query has an invalid \\u escape; write the character itself."),
    "sq.err.empty": ("Truy vấn trống: hãy viết một truy vấn SELECT, ASK, CONSTRUCT hoặc DESCRIBE.",
                     "The query is empty: write a SELECT, ASK, CONSTRUCT or DESCRIBE query."),
    "sq.err.too_long": ("Truy vấn dài quá {chars} ký tự.", "The query is longer than {chars} characters."),
    "sq.err.timeout": ("Truy vấn chạy quá {seconds} giây nên đã bị dừng; hãy thêm LIMIT hoặc thu hẹp truy vấn.",
                       "The query took longer than {seconds} s and was stopped; add a LIMIT or narrow it down."),
    "sq.err.memory": ("Truy vấn cần hơn {mb} MB bộ nhớ nên đã bị dừng; hãy thu hẹp truy vấn.",
                      "The query needed more than {mb} MB of memory and was stopped; narrow it down."),
    "sq.err.failed": ("Truy vấn không chạy được.", "The query failed."),
    "sq.err.other": ("Truy vấn không chạy được.", "The query could not be run:"),
    "sq.truncated": ("Chỉ hiện {limit} dòng đầu.", "Only the first {limit} rows are shown."),
}

# table columns
COLUMNS: dict[str, tuple[str, str]] = {
    "agency": ("Cơ quan", "Agency"), "role": ("Vai trò", "Role"), "doc": ("Văn bản", "Document"),
    "section": ("Mục", "Section"), "task": ("Nhiệm vụ", "Task"), "kind": ("Loại", "Kind"),
    "deadline": ("Thời hạn", "Deadline"), "partners": ("Cùng với", "With whom"),
    "today": ("Hiện nay", "Today"), "indicator": ("Chỉ tiêu", "Indicator"), "comparator": ("So sánh", "Comparator"),
    "target": ("Mục tiêu", "Target"), "unit": ("Đơn vị", "Unit"), "year": ("Năm", "Year"),
    "scope": ("Phạm vi", "Scope"), "latest": ("Số liệu mới nhất", "Latest observation"),
    "status": ("Tình trạng", "Status"), "text": ("Nguyên văn", "Text"), "cited": ("Văn bản được trích dẫn", "Cited"),
    "relation": ("Quan hệ", "Relation"), "cited_by": ("Trích dẫn bởi", "Cited by"),
    "passage": ("Đoạn trích", "Passage"), "node": ("Nút", "Node"), "type": ("Loại", "Type"),
    "score": ("Độ tương đồng", "Similarity"), "terms": ("Từ chung", "Shared terms"),
    "subject": ("Văn bản", "Document"), "object": ("Văn bản được nêu", "Document named"),
    "stated_in": ("Nêu tại", "Stated in"),
    "a": ("Văn bản A", "Document A"), "b": ("Văn bản B", "Document B"),
    "tasks_a": ("Nhiệm vụ trong A", "Tasks in A"),
    "tasks_b": ("Nhiệm vụ trong B", "Tasks in B"),
    "target_a": ("Mục tiêu trong A", "Target in A"), "target_b": ("Mục tiêu trong B", "Target in B"),
    "draft": ("Dự thảo", "Draft"), "final": ("Chính thức", "Final"), "heading": ("Tiêu đề", "Heading"),
    "pairs": ("Cặp khớp", "Matched pairs"), "lead": ("Chủ trì", "Lead"), "cooperating": ("Phối hợp", "Cooperating"),
    "responsible": ("Chịu trách nhiệm", "Responsible"), "total": ("Tổng", "Total"), "value": ("Giá trị", "Value"),
    "series": ("Chuỗi", "Series"), "tasks": ("Số nhiệm vụ", "Tasks"),
    "lead_n": ("Chủ trì", "Lead"), "cooperating_n": ("Phối hợp", "Cooperating"),
    "responsible_n": ("Chịu trách nhiệm", "Responsible"), "count": ("Số lượng", "Count"),
}

WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "role": {"lead": ("chủ trì", "lead"), "cooperating": ("phối hợp", "cooperating"),
             "responsible": ("chịu trách nhiệm", "responsible")},
    "status": {"achieved": ("đạt", "achieved"), "on_track": ("đúng tiến độ", "on track"),
               "off_track": ("chậm", "off track"), "no_data": ("chưa có số liệu", "no data"),
               "added": ("chỉ có ở bản chính thức", "only in the final text"),
               "removed": ("chỉ có ở dự thảo", "only in the draft"), "both": ("có ở cả hai", "in both"),
               "changed": ("có thay đổi", "changed"), "same": ("không đổi", "unchanged")},
    "comparator": {"equals": ("bằng", "equals"), "at_least": ("ít nhất", "at least"),
                   "more_than": ("trên", "more than"), "less_than": ("dưới", "less than"),
                   "at_most": ("tối đa", "at most"), "about": ("khoảng", "about"),
                   "top_n": ("trong nhóm đầu", "within the top"), "": ("", "")},
    "scope": {"world": ("thế giới", "world"), "ASEAN": ("ASEAN", "ASEAN"), "": ("", "")},
    "unit": {"rank": ("hạng", "rank")},
    "task_kind": {"assigned": ("được giao", "assigned"), "recommended": ("kiến nghị", "recommended")},
    "node": {"agency": ("Cơ quan", "Agency"), "task": ("Nhiệm vụ", "Task"),
             "legal": ("Văn bản được trích dẫn", "Cited document"), "document": ("Văn bản trong bộ", "Corpus document"),
             "target": ("Mục tiêu", "Target"), "observation": ("Số liệu thực tế", "Observation"),
             "section": ("Mục", "Section"), "indicator": ("Chỉ tiêu", "Indicator"), "topic": ("Chủ đề", "Topic"),
             "other": ("Khác", "Other")},
    "relation": {"owner": ("giao cho", "assigned to"), "lead": ("chủ trì", "lead"),
                 "cooperating": ("phối hợp", "cooperating"), "assigned in": ("giao tại", "assigned in"),
                 "sub-task of": ("là việc con của", "sub-task of"), "indicator": ("chỉ tiêu", "indicator"),
                 "measures": ("đo", "measures"), "in document": ("thuộc văn bản", "in document"),
                 "cites": ("trích dẫn", "cites"), "based on": ("căn cứ", "based on"),
                 "based_on": ("căn cứ", "based on"), "implements": ("triển khai", "implements"),
                 "part of": ("thuộc", "part of"), "passed by": ("ban hành bởi", "passed by"),
                 "draft of": ("là dự thảo của", "draft of"), "reports on": ("báo cáo về", "reports on"),
                 "mentions": ("nêu tên", "mentions"), "tasks": ("giao nhiệm vụ", "assigns tasks")},
}


def tr(key: str, lang: Lang = "vi", **values: object) -> str:
    """The string for a key in a language, with {placeholders} filled."""
    vi, en = TEXT[key]
    text = en if lang == "en" else vi
    return text.format(**values) if values else text


def worded(exc: Exception, group: str, lang: Lang = "vi", **values: object) -> str:
    """An error in the reader's language, from its reason (`PolicyKGError.reason`) and particulars: the text of
    "{group}.err.{reason}"; without one, "{group}.err.other", which the English interface follows with the
    CLI's own (English) message."""
    reason = getattr(exc, "reason", "")
    key = f"{group}.err.{reason}"
    if reason and key in TEXT:
        return tr(key, lang, **{**getattr(exc, "values", {}), **values})
    head = tr(f"{group}.err.other", lang, **values)
    return f"{head} {exc}" if lang == "en" else head


def column(key: str, lang: Lang = "vi") -> str:
    vi, en = COLUMNS[key]
    return en if lang == "en" else vi


def word(group: str, code: str | None, lang: Lang = "vi") -> str:
    """A code (role, status, comparator, node type, relation …) as a word; unknown codes pass through."""
    if code is None:
        return ""
    pair = WORDS[group].get(code)
    if pair is None:
        return code
    return pair[1] if lang == "en" else pair[0]


UNASSIGNED = ("chưa giao cơ quan chủ trì", "no agency assigned")


def owner_name(owner: str | None, lang: Lang = "vi") -> str:
    """A task's owner as shown: its name, or the words for a task that names no agency."""
    if owner:
        return owner
    return UNASSIGNED[1] if lang == "en" else UNASSIGNED[0]


def columns(keys: list[str], lang: Lang = "vi") -> dict[str, str]:
    """A rename map for a table's columns."""
    return {k: column(k, lang) for k in keys if k in COLUMNS}
