"""Indicators: the registry of known ones (data/indicators.json) and a stable id for new ones.

A new indicator is named by what is measured, not by the sentence's first words: "Bảo đảm 100 %
xã có đường ô tô" measures "xã có đường ô tô", "Tỷ lệ đô thị hóa đạt 45 %" measures "tỷ lệ đô thị
hóa". Its id is a slug of that phrase without a leading "tỷ lệ" / "số", so "Tỷ lệ hộ gia đình sử dụng
nước sạch" and "60 % hộ gia đình sử dụng nước sạch" are one indicator.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from extract.agencies import DATA, slug
from extract.quantities import CMP, Quantity

_YEAR = r"(?:19|20)\d\d"
# Words that open a target sentence without naming what is measured (cut from the left, repeatedly).
_LEAD_RE = re.compile(
    rf"^(?:[-+•*]\s*|\(?[a-zđ0-9]{{1,2}}[).]\s*|(?:đến|tới|vào|trong|từ|sau)\s+(?:hết\s+|cuối\s+)?năm\s+{_YEAR}|"
    rf"(?:giai đoạn|thời kỳ)\s+{_YEAR}\s*[-–—]\s*{_YEAR}|năm\s+{_YEAR}|hằng năm|hàng năm|mỗi năm|bình quân|"
    r"phấn đấu|dự kiến|bảo đảm|đảm bảo|hoàn thành|duy trì|đạt|có|là|nâng cao|nâng|tiếp tục|cơ bản|trong đó|"
    r"toàn tỉnh|toàn quốc|cả nước|toàn thành phố|"
    rf"trên|chỉ tiêu|mục tiêu|cụ thể|{CMP})(?:\s+|[,:;]\s*|$)", re.I)
# Words that close the measured phrase on the right (a value's verb, a comparison, a date).
_TAIL_RE = re.compile(
    rf"\s+(?:đạt|dự kiến|tăng|giảm|lên|xuống|còn|là|ở mức|ổn định|chiếm|bằng|có|được|phủ|duy trì|từ|so với|vào|đến|"
    rf"tới|thuộc|"
    rf"năm\s+{_YEAR}|(?:giai đoạn|thời kỳ|nhiệm kỳ)(?:\s+{_YEAR}\s*[-–—]\s*{_YEAR})?|{CMP})"
    r"(?:\s+(?:bình quân|trung bình|hằng năm|hàng năm|mỗi năm|khoảng))*\s*$", re.I)
_STOP_RE = re.compile(rf"[,;:(]|\s(?:trong đó|so với|vào năm|đến năm|năm {_YEAR}|giai đoạn|trở lên|và)\s", re.I)
_ID_DROP_RE = re.compile(r"^(?:tỷ lệ|tỉ lệ|số lượng|số|tổng số)\s+", re.I)
# Phrases that name a measure by themselves ("Tỷ lệ đô thị hóa đạt 45 %").
NAMED_RE = re.compile(r"(?:chỉ số|chỉ tiêu|tỷ lệ|tỉ lệ|tỷ trọng|tốc độ|số lượng|số|tổng|xếp hạng|trụ cột|thu nhập|"
                      r"giá trị|giá|chi phí|kim ngạch|năng suất|mức|thu|chi|vốn|diện tích|sản lượng|tuổi thọ)\b", re.I)
# A name is what is measured, to where its noun phrase ends; past MAX_WORDS it is a sentence, cut where a phrase
# opens (before "của", "trong", "để", "và", …, or after a comma), never inside a phrase or after a function word.
MAX_WORDS = 20
_OPENS_PHRASE = frozenset(("của", "trong", "tại", "cho", "với", "theo", "để", "nhằm", "từ", "và", "hoặc", "về",
                           "được", "trên", "đến", "tới", "vào", "bằng", "do", "khi", "như", "mà", "thì", "phục", "bao",
                           "gồm", "đối", "đã", "đang", "sẽ"))
_FUNCTION = _OPENS_PHRASE | frozenset(("các", "những", "một", "là", "có", "bị", "so", "dưới", "phạm", "ra", "nên"))
# a year or an aim's lead inside the words before a value: the name is what follows ("với mục tiêu phủ sóng 99 %")
_YEAR_WORDS_RE = re.compile(
    rf"\b(?:đến|tới|vào|trong)\s+(?:hết\s+|cuối\s+)?năm\s+{_YEAR}\s*,?\s*|\bvới mục tiêu\s+", re.I)
_RANKED_IN_RE = re.compile(r"[^,;:()]{0,60}?\bvề\s+([^;:()]+)", re.I)  # what a top-N rank ranks in
_FIELD_END_RE = re.compile(rf"[;:(.]|\s(?:trong đó|so với|đến năm|vào năm|năm {_YEAR})\b", re.I)
_RATIO_RE = re.compile(r"\b(?:tỷ lệ|tỉ lệ|tỷ trọng|chỉ số|tốc độ)\b", re.I)
# A short verb phrase before a share ("phủ sóng", "kết nối", "số hóa"): what is done to the part measured.
_VERB_PHRASE_RE = re.compile(r"[a-zđà-ỹ]+(?:\s+\w+){0,3}")
_ZERO_OF_RE = re.compile(r"\b(?:mục tiêu|mức|đạt|theo lộ trình|hướng tới|bảo đảm)\s+", re.I)
_CHANGE_BEFORE_RE = re.compile(r"(?:giảm|tăng)(?:\s+\S+){0,2}\s*$", re.I)
_SCALE_RE = re.compile(r"^(?:nghìn|ngàn|triệu|tỷ|vạn)\s+", re.I)


@dataclass(frozen=True)
class Indicator:
    id: str
    name: str
    name_en: str
    unit_class: str
    all: tuple[tuple[str, ...], ...]
    none: tuple[str, ...] = ()

    def matches(self, low: str) -> bool:
        """Whether a lower-cased text names it (plain loops: called for every indicator and clause)."""
        for word in self.none:
            if word in low:
                return False
        for group in self.all:
            for part in group:
                if part not in low:
                    break
            else:
                return True
        return False


@lru_cache(maxsize=1)
def indicators() -> tuple[Indicator, ...]:
    """The indicator registry (data/indicators.json)."""
    raw = json.loads((DATA / "indicators.json").read_text(encoding="utf-8"))["indicators"]
    return tuple(Indicator(i["id"], i["name"], i["name_en"], i["unit_class"],
                           tuple(tuple(g) for g in i["all"]), tuple(i.get("none", ()))) for i in raw)


@lru_cache(maxsize=4096)
def find_indicator(text: str, unit_class: str | None = None) -> Indicator | None:
    """The registry indicator a text is about; one of the value's unit class first."""
    low = text.lower()
    found = [ind for ind in indicators() if ind.matches(low)]
    fitting = [ind for ind in found if unit_class is None or _fits(ind.unit_class, unit_class)]
    return next(iter(fitting or found), None)


def _fits(expected: str, got: str) -> bool:
    return expected == got or {expected, got} == {"count", "amount"}


def _trim_left(phrase: str) -> str:
    phrase = phrase.lstrip()
    while (m := _LEAD_RE.match(phrase)) and m.end() > 0:
        phrase = phrase[m.end():]
    return phrase


def _trim_right(phrase: str) -> str:
    phrase = phrase.rstrip(" :")  # "Tỷ lệ đô thị hóa đến năm 2025: 16 %"
    while m := _TAIL_RE.search(phrase):
        phrase = phrase[:m.start()].rstrip(" :")
    return phrase


def _words(phrase: str) -> str:
    """The phrase as a name: asides dropped ("(giá so sánh năm 2010)"), cut where a phrase ends (see MAX_WORDS)."""
    phrase = re.sub(r"\([^)]*\)?|\)", " ", phrase)
    words = phrase.strip(" .,;:-–").split()
    if len(words) > MAX_WORDS:
        words = words[:_phrase_end(words)]
    while len(words) > 1 and (words[-1].lower().strip(",;:") in _FUNCTION or words[-1] in "-–"):
        words.pop()  # "… tăng thêm của khu vực dịch vụ trong": a dangling word opens a phrase left out
    return " ".join(words).strip(" .,;:-–")


def _phrase_end(words: list[str]) -> int:
    """How many words a long phrase keeps: up to the last place within MAX_WORDS where a phrase opens."""
    for k in range(MAX_WORDS, 3, -1):
        if words[k].lower() in _OPENS_PHRASE or words[k - 1].endswith((",", ";", ":")):
            return k
    return MAX_WORDS


def measured(text: str, q: Quantity | None) -> tuple[str, bool]:
    """The phrase naming what a clause measures, and whether it follows the value ("60 % hộ …")."""
    if q is None:
        return _words(re.split(r"[;(]", _trim_left(text))[0]), False
    left = _last_part(text[:q.start])
    if _trim_right(_trim_left(rest := _YEAR_WORDS_RE.split(left)[-1])).strip():
        left = rest  # "… với kết quả dự kiến đến hết năm 2025 số trạm 5G đạt 68.457 trạm": what follows the year
    if q.value == 0 and not q.unit:  # "… đạt mục tiêu phát thải ròng bằng 0": what is brought to zero
        left = _ZERO_OF_RE.split(left)[-1]
    raw = _trim_right(_trim_left(left))
    if not NAMED_RE.match(raw) and (named := list(_RATIO_RE.finditer(raw))):
        # "… để đạt mục tiêu tới năm 2026 tỷ lệ bao phủ bảo hiểm y tế đạt 95,5 %"; "giải quyết hồ sơ đạt tỷ lệ
        # 91,67%": a bare "tỷ lệ" before the value is the share of what comes before it
        tail, head = raw[named[-1].start():], _trim_right(raw[:named[-1].start()])
        head = head if not head or head.split()[0].isupper() else head[:1].lower() + head[1:]
        raw = f"{tail} {head}" if len(tail.split()) <= 2 and head else tail
    before = _words(raw)
    after = _words(_cut(_trim_left(text[q.end:])))
    if q.unit_class == "rank" and (field := _RANKED_IN_RE.match(text[q.end:])):
        # "thuộc nhóm 3 nước dẫn đầu khu vực Đông Nam Á về nghiên cứu và phát triển AI": the rank in that field
        return _words("xếp hạng về " + _FIELD_END_RE.split(field.group(1))[0]), False
    if q.unit_class == "rank" or not after or NAMED_RE.match(before):
        return before, False
    if q.unit_class == "percent" and len(after.split()) <= 2 and _VERB_PHRASE_RE.fullmatch(before) and \
            not _CHANGE_BEFORE_RE.search(text[:q.start]):
        return f"{after} được {before}", True  # "phủ sóng 90 % dân số": the share of the population covered
    if q.unit_class == "count":
        after = _words(_SCALE_RE.sub("", q.unit) + " " + after)  # "1.000 hợp tác xã …" counts hợp tác xã
        if re.search(r"\bcó\s*$", left):
            return after, False  # "tỉnh có 04 trạm quan trắc": the owner's name does not name what is counted
    if q.unit_class == "percent" or not before:
        # "Giảm 15 % lượng phát thải" changes what follows; "100 % xã …" is a share of it.
        return after, not _CHANGE_BEFORE_RE.search(text[:q.start])
    # "trồng mới 1.000 ha rừng": the verb before and the object after name it together.
    return _words(f"{before} {after}"), False


def _last_part(text: str) -> str:
    """The part of the text before a value that belongs to it (after the last ',' or ';')."""
    return re.split(r";\s+|\s+trong đó:?\s+", text)[-1]


def _cut(text: str) -> str:
    """The measured phrase after a value, to its first stop; a comma after one or two words lists the groups
    measured ("100% cán bộ, công chức, viên chức sử dụng …", "50% số xã, phường …"), it does not end the phrase."""
    for m in _STOP_RE.finditer(text):
        segment = text[text.rfind(",", 0, m.start()) + 1: m.start()]
        words = re.sub(r"^(?:số lượng|số|các|những)\s+", "", segment.strip(), flags=re.I).split()
        if m.group(0) == "," and len(words) <= 2 and re.match(r",\s*[a-zđà-ỹ]", text[m.start():]):
            continue
        return text[:m.start()]
    return text


def identify(text: str, q: Quantity | None, context: str = "") -> tuple[str, str]:
    """(id, Vietnamese label) of the indicator a clause states a value of."""
    cls = q.unit_class if q else None
    phrase, follows = measured(text, q)
    short = q is not None and len(phrase.split()) < 2
    # A part without a name of its own continues the sentence's first part ("… phủ 80 % hộ, 100 % xã").
    ind = find_indicator(text, cls) or (
        find_indicator(context + " " + text, cls) if context and not NAMED_RE.match(phrase) else None)
    if ind is not None:
        return ind.id, ind.name
    if short and context:
        phrase = _words(_trim_right(_trim_left(context))) + (" " + phrase if phrase else "")
    phrase = _words(re.sub(r"\s(?:đã|đang|sẽ)\s", " ", f" {phrase} ", flags=re.I)) or _words(text)
    key = _ID_DROP_RE.sub("", phrase.lower())
    # "60 % hộ gia đình …" reads "Tỷ lệ hộ gia đình …" as an indicator name.
    named = ("Tỷ lệ " + phrase) if follows and q is not None and q.unit_class == "percent" else phrase
    return indicator_id(key), named[:1].upper() + named[1:]


def indicator_id(name: str) -> str:
    """A new indicator's id: the slug of its name, at most 60 characters, cut between words."""
    key = slug(name)
    return "ind-" + (key if len(key) <= 60 else key[:61].rsplit("-", 1)[0])
