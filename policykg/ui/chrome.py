"""Streamlit's own words in the reader's language: its English widget texts replaced by CSS.

Streamlit 1.5x writes a few texts itself, in English only ("Upload", "20MB per file", "Drag and drop
a file here", "Press Enter to apply"). The page hides those texts and draws the translation in a
`::after` box instead; the stylesheet is plain text sent with the page, so it works offline.
English needs no replacement.
"""

from __future__ import annotations

from dataclasses import dataclass

from policykg.ui.i18n import Lang, tr


@dataclass(frozen=True)
class Replacement:
    """A Streamlit text (its CSS selector) and the key of its translation."""

    selector: str
    key: str
    size: str  # the replaced text's font size
    focusable: bool = False  # a link stays visible to the keyboard: only its text is shrunk to nothing


REPLACEMENTS = (
    Replacement("[data-testid=stFileUploaderDropzone] button [data-testid=stMarkdownContainer] p", "upload.button",
                "1rem"),
    Replacement("[data-testid=stFileUploaderDropzoneInstructions] span", "upload.limit", "0.875rem"),
    # shown while a file is dragged over the dropzone (no test id: the dropzone's only plain <div>)
    Replacement("[data-testid=stFileUploaderDropzone] > div:not([data-testid]) > span", "upload.drop", "1rem"),
    Replacement("[data-testid=stTextInput] [data-testid=InputInstructions]", "input.enter", "0.75rem"),
    Replacement("[data-testid=stNumberInput] [data-testid=InputInstructions]", "input.enter", "0.75rem"),
    Replacement("[data-testid=stTextArea] [data-testid=InputInstructions]", "input.ctrl_enter", "0.75rem"),
    Replacement("[data-testid=stSkipToContent]", "skip.main", "1rem", focusable=True),
)


def _css_string(text: str) -> str:
    """A CSS string literal (quotes, backslashes and line breaks escaped)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\a ") + '"'


def stylesheet(lang: Lang, max_upload_mb: int, types: list[str]) -> str:
    """The <style> block that puts Streamlit's own texts into the reader's language ("" for English)."""
    if lang == "en":
        return ""
    values = {"mb": max_upload_mb, "types": ", ".join(t.upper() for t in types)}
    rules = []
    for r in REPLACEMENTS:
        text = _css_string(tr(r.key, lang, **values))
        hide = "font-size: 0;" if r.focusable else "font-size: 0; visibility: hidden;"
        rules.append(f"{r.selector} {{ {hide} }}\n"
                     f"{r.selector}::after {{ content: {text}; font-size: {r.size}; visibility: visible; }}")
    return "<style>\n" + "\n".join(rules) + "\n</style>"


# Streamlit's texts that CSS cannot reach (tooltips, drop-down messages, error chips, labels read aloud):
# exact texts, then patterns ("File must be 20.0MB or smaller."), put into Vietnamese in the page itself
WORDS_VI: dict[str, str] = {
    "Download as CSV": "Tải về dạng CSV", "Search": "Tìm trong bảng", "Fullscreen": "Toàn màn hình",
    "Close fullscreen": "Thoát toàn màn hình", "Exit fullscreen": "Thoát toàn màn hình",
    "Show/hide columns": "Hiện/ẩn cột", "No results": "Không có kết quả", "Choose an option": "Chọn…",
    "Error:": "Lỗi:", "Upload failed": "Tải lên không thành công", "Click to retry upload": "Bấm để tải lên lại",
    "Only one file is allowed.": "Mỗi lần chỉ thêm một tệp.", "File size is too small.": "Tệp quá nhỏ.",
    "Unexpected error. Please try again.": "Có lỗi ngoài dự kiến. Hãy thử lại.",
    "Collapse sidebar": "Thu gọn thanh bên", "Expand sidebar": "Mở thanh bên", "Sidebar": "Thanh bên",
    "App pages": "Các trang", "Open": "Mở", "Clear all": "Xoá hết", "Clear": "Xoá", "file upload": "chọn tệp",
    "Increment": "Tăng", "Decrement": "Giảm", "Copy to clipboard": "Chép", "Copied": "Đã chép",
}
PATTERNS_VI: tuple[tuple[str, str], ...] = (
    (r"^File must be (.+) or smaller\.$", "Tệp quá lớn: tối đa $1 mỗi tệp."),
    (r"^(.+) files are not allowed\.$", "Không nhận tệp loại $1."),
    (r"^Remove (.+)$", "Bỏ $1"), (r"^Cancel upload of (.+)$", "Huỷ tải lên $1"), (r"^Help for (.+)$", "Trợ giúp: $1"),
)


def words(lang: Lang) -> dict[str, object]:
    """What the page translator receives: nothing for English."""
    if lang == "en":
        return {"words": {}, "patterns": []}
    return {"words": WORDS_VI, "patterns": [list(p) for p in PATTERNS_VI]}


TRANSLATOR_JS = """
const ATTRS = ["title", "aria-label", "placeholder"];
function translate(text) {  // the text with a known English phrase replaced, or null
  const key = text.trim();
  const state = window.__pkgWords;
  if (!key || !state) return null;
  let out = state.words[key];
  if (out === undefined) {
    for (const [re, rep] of state.patterns) { if (re.test(key)) { out = key.replace(re, rep); break; } }
  }
  return out === undefined ? null : text.replace(key, out);
}
function fixOne(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    const t = translate(node.nodeValue);
    if (t !== null && t !== node.nodeValue) node.nodeValue = t;
  } else if (node.nodeType === Node.ELEMENT_NODE) {
    for (const a of ATTRS) {
      const v = node.getAttribute(a);
      const t = v ? translate(v) : null;
      if (t !== null && t !== v) node.setAttribute(a, t);
    }
  }
}
function fix(root) {
  fixOne(root);
  if (root.nodeType !== Node.ELEMENT_NODE) return;
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
  while (walker.nextNode()) fixOne(walker.currentNode);
}
export default function ({ data }) {
  window.__pkgWords = { words: data.words || {},
                        patterns: (data.patterns || []).map(([re, rep]) => [new RegExp(re), rep]) };
  if (!window.__pkgTranslator) {
    window.__pkgTranslator = new MutationObserver((changes) => {
      for (const c of changes) {
        if (c.type === "childList") c.addedNodes.forEach(fix); else fixOne(c.target);
      }
    });
    window.__pkgTranslator.observe(document.body, { childList: true, subtree: true, characterData: true,
                                                    attributes: true, attributeFilter: ATTRS });
  }
  fix(document.body);
  window.__pkgTranslated = true;
}
"""


def translator_code() -> tuple[str, str, str]:
    """(html, css, js) of the invisible component that puts Streamlit's remaining English into the UI language."""
    return '<div class="pkg-words"></div>', ".pkg-words { display: none; }", TRANSLATOR_JS
