"""Bodies beyond the registry: departments, boards, funds, local committees, named by their shape.

A body's name is a head ("Cục", "Vụ", "Sở", "Ủy ban nhân dân" …, data/bodies.json) followed by
its capitalised name ("Cục Biến đổi khí hậu", "Vụ Kế hoạch - Tài chính") and, for local bodies,
a level ("huyện Mèo Vạc", "cấp xã", "các cấp"). The name stops at a verb or function word ("chủ
trì", "có trách nhiệm", "phối hợp") or at another body. Each body is attached to its parent where
the text or the document gives it: "thuộc Bộ X", the province of its level, the issuing ministry
for a department, the issuing province for a bare "Sở Tài chính" or "UBND".
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from extract.agencies import DATA, GROUP_KIND, Agency, fold_key, group_agency, registry, slug
from extract.records import Mention

BODY_KIND = "body"
AGENCY_SPANS = "agencies"
PLACE_SPANS = "places"
_MINISTRY_KINDS = {"ministry", "ministry_level_agency", "government_agency"}


@dataclass(frozen=True)
class Shape:
    """One name shape: its head words, the body's kind and what may follow the head."""

    head: str
    kind: str
    first: str  # "title" | "any" | "level" | "none"
    unit: bool = False
    local: bool = False


@dataclass(frozen=True)
class Grammar:
    shapes: tuple[Shape, ...]
    expansions: dict[str, str]
    levels: tuple[str, ...]
    stops: tuple[str, ...]
    not_after_join: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    short_forms: frozenset[str] = frozenset()


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The name shapes, expansions, level words and stop phrases of data/bodies.json."""
    raw = json.loads((DATA / "bodies.json").read_text(encoding="utf-8"))
    shapes = tuple(Shape(h["head"], h["kind"], h["first"], h.get("unit", False), h.get("local", False))
                   for h in raw["heads"])
    return Grammar(shapes, raw["expansions"], tuple(raw["levels"]), tuple(raw["stops"]),
                   tuple(raw["not_after_join"]), tuple(raw.get("nouns", ())),
                   frozenset(fold_key(w) for w in raw.get("short_forms", ())))


def head_words(text: str) -> list[str]:
    """Words and punctuation as the tokenizer splits them ("Tổ quốc, các" -> "Tổ", "quốc", ",", "các")."""
    return re.findall(r"\w+|[^\w\s]", text)


@lru_cache(maxsize=1)
def _heads() -> list[tuple[list[str], Shape]]:
    """Every shape's head as lower-cased words, longest first."""
    heads = [([w.lower() for w in head_words(s.head)], s) for s in grammar().shapes]
    return sorted(heads, key=lambda h: -len(h[0]))


def shape_of(name: str) -> Shape | None:
    """The shape whose head starts a name (longest head first)."""
    words = [w.lower() for w in head_words(name)[:max((len(h) for h, _ in _heads()), default=0)]]
    return next((s for head, s in _heads() if words[:len(head)] == head), None)


@lru_cache(maxsize=1)
def _abbreviation_words() -> dict[str, str]:
    """Ministry abbreviations inside names ("TN&MT", "TNMT") -> the words they stand for."""
    out: dict[str, str] = {}
    for a in registry().agencies.values():
        if a.kind != "ministry":
            continue
        words = a.name.removeprefix("Bộ ")
        words = words[:1].lower() + words[1:].lower()
        for label in (*a.abbreviations, *a.aliases):
            short = label.removeprefix("Bộ ").strip()
            if short != label or re.fullmatch(r"B[A-ZĐ&]+", label):
                short = short if short != label else label[1:]
                if short.replace("&", "").replace("-", "").isupper() and len(short) >= 3:
                    out.setdefault(short, words)
    return out


def canonical(text: str) -> str:
    """A body's name written out: abbreviations expanded, spaces and dashes folded, capitals of a header
    ("SỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG") as the registry writes the name."""
    g = grammar()
    letters = [c for c in text if c.isalpha()]
    if len(letters) > 6 and all(c.isupper() for c in letters) and (known := registry().resolve(text)) is not None:
        text = known.name
    words = []
    for w in re.sub(r"\s+", " ", text.replace(" - ", " - ")).strip(" ,;.:").split(" "):
        words.append(g.expansions.get(w) or _abbreviation_words().get(w) or w)
    name = " ".join(words)
    name = _CLASS_RE.sub(lambda m: f"{m.group(1)} cấp {_CLASS_LEVEL[(m.group(2) or m.group(3)).lower()]}", name)
    name = _UNDER_COMMITTEE_RE.sub(r"\1", name)
    return name[:1].upper() + name[1:]


# "Các sở, ban, ngành trực thuộc UBND tỉnh": the province's departments, the class "các sở, ban, ngành"
_UNDER_COMMITTEE_RE = re.compile(r"^((?:các\s+)?sở, ban, ngành(?:, (?:cơ quan|đơn vị|địa phương))*)"
                                 r"\s+(?:trực\s+)?thuộc\s+(?:UBND|Ủy ban nhân dân)(?:\s+(?:tỉnh|thành phố))?$", re.I)


# "UBND các xã, phường", "Ủy ban nhân dân các phường, xã", "UBND xã, phường" name one class: the commune-level
# committees (a list of levels without "các" too; "UBND xã Bảo Hà" is one commune's)
_CLASS_LEVEL = {"xã": "xã", "phường": "xã", "thị trấn": "xã", "huyện": "huyện", "quận": "huyện", "thị xã": "huyện"}
_LEVELS = "xã|phường|thị trấn|huyện|quận|thị xã"
_CLASS_RE = re.compile(
    rf"^(Ủy ban nhân dân|Hội đồng nhân dân) (?:(?:các|cấp) ({_LEVELS})(?:(?:,|,? và) (?:{_LEVELS}|thành phố))*"
    rf"|({_LEVELS})(?:(?:,|,? và) (?:{_LEVELS}|thành phố))+)$", re.I)


@dataclass(frozen=True)
class Context:
    """What a document says about where its bare names belong: its issuer and its province."""

    issuer: str | None = None  # registry id of the issuing body
    province: str | None = None  # registry id of the issuing province ("p-ha-giang")


def context_of(issuer_name: str | None) -> Context:
    """The issuer's registry id and, for a provincial issuer, its province."""
    if not issuer_name:
        return Context()
    reg = registry()
    agency = reg.resolve(issuer_name)
    province = _province_in(issuer_name) or _province_at_end(issuer_name)
    if agency is not None and agency.id.startswith("ubnd-p-"):
        province = agency.id.removeprefix("ubnd-")
    return Context(agency.id if agency else None, province)


def header_context(ctx: Context, header_agencies: list[str]) -> Context:
    """Fill what the issuer did not give from the agencies of the header ("ỦY BAN NHÂN DÂN TỈNH X")."""
    reg = registry()
    for aid in header_agencies:
        agency = reg.agencies.get(aid)
        if agency is None:
            continue
        if ctx.province is None and aid.startswith("ubnd-p-"):
            return Context(ctx.issuer or aid, aid.removeprefix("ubnd-"))
        if ctx.issuer is None and agency.kind in _MINISTRY_KINDS:
            return Context(aid, ctx.province)
    return ctx


# a title in capitals comes out in lower case ("… với lãnh đạo tỉnh phú thọ"): the place is read from the words
_TITLED_PLACE_RE = re.compile(r"\b(?:tỉnh ủy|thành ủy|tỉnh|thành phố)\s+(\w+(?:\s+\w+){0,2})", re.I)


def titled_context(ctx: Context, title: str | None) -> Context:
    """A national document about one province ("Kết luận … tại buổi làm việc với lãnh đạo tỉnh Phú Thọ"): its
    bare provincial bodies ("Tỉnh ủy", "UBND tỉnh") are that province's."""
    if ctx.province is not None or not title:
        return ctx
    places = set()
    for m in _TITLED_PLACE_RE.finditer(title):
        words = m.group(1).split()
        place = next((p for k in range(len(words), 0, -1) if (p := registry().resolve(" ".join(words[:k])))
                      is not None and p.kind in ("province", "city")), None)
        if place is not None:
            places.add(place.id)
    return Context(ctx.issuer, places.pop()) if len(places) == 1 else ctx


def _province_at_end(text: str) -> str | None:
    """The province a provincial body's name ends with ("Tỉnh ủy Lào Cai", "Sở Tài chính Hà Giang")."""
    words = fold_key(text).split()
    for k in (3, 2, 1):
        place = registry().resolve(" ".join(words[-k:])) if len(words) > k else None
        if place is not None and place.kind in ("province", "city"):
            return place.id
    return None


def _province_in(text: str) -> str | None:
    """A province named after a level word ("... tỉnh Hà Giang", "THÀNH PHỐ HÀ NỘI")."""
    m = re.search(r"\b(?:tỉnh|thành phố)\s+(.+)$", fold_key(text))
    if not m:
        return None
    for k in range(len(m.group(1).split()), 0, -1):
        place = registry().resolve(" ".join(m.group(1).split()[:k]))
        if place is not None and place.kind in ("province", "city"):
            return place.id
    return None


def _level(name: str) -> tuple[str, str | None, str | None]:
    """(name without its level, level word, province id named by the level)."""
    key = fold_key(name)
    for level in sorted(grammar().levels, key=len, reverse=True):
        m = re.search(rf"\s(?:cấp |các )?{level}(?:\s+(.+))?$", key)
        if m and " " in key[:m.start()]:
            place = _province_in(f"tỉnh {m.group(1)}") if m.group(1) and level in ("tỉnh", "thành phố") else None
            return name[:m.start()], level, place
    return name, None, None


def _bare_level(name: str) -> bool:
    """A name that ends with its level word and no place: "Công an tỉnh", "Quỹ … tỉnh"."""
    return fold_key(name).endswith((" tỉnh", " thành phố"))


def body(text: str, ctx: Context, parent: str | None = None) -> Agency:
    """The body a name refers to in a document's context, with a stable id from its name."""
    reg = registry()
    name = canonical(text)
    if parent == "ubnd-tinh" and ctx.province:
        parent = None  # "Đảng ủy UBND tỉnh" in a provincial text: of the province's committee, not the class
    issuer = reg.agencies.get(ctx.issuer or "")
    if name.endswith(" Bộ") and issuer is not None and issuer.kind == "ministry":
        name, parent = f"{name[:-3]} {issuer.name}", parent or issuer.id  # "Văn phòng Bộ": the issuing ministry's
    shape = shape_of(name)
    kind = shape.kind if shape else "organisation"
    _, level, place = _level(name)
    if parent is None and ctx.province and name.lower().endswith((" ủy", " uỷ")):
        # "Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy": of the document's province ("Tỉnh ủy Lào Cai")
        name, parent = f"{name} {reg.agencies[ctx.province].name.removeprefix('Thành phố ')}", "ubnd-" + ctx.province
    if parent is None and shape is not None:
        if place is not None:
            parent = "ubnd-" + place if kind != "local_committee" else place
        elif ctx.province and (shape.local or _bare_level(name)) and level in (None, "tỉnh", "thành phố"):
            province = reg.agencies[ctx.province]
            short = province.name.removeprefix("Thành phố ")
            if name.lower().endswith((" ủy", " uỷ")) or re.fullmatch(r"(?:Tỉnh|Thành) \S+", name):
                name = f"{name} {short}"  # "Tỉnh ủy Lào Cai", "Ban Thường vụ Tỉnh ủy Lào Cai", "Tỉnh đoàn Lào Cai"
            elif _bare_level(name):
                name = f"{name} {short}"  # "Công an tỉnh" -> "Công an tỉnh Lào Cai"
            elif level is None and kind != "local_council":
                name = f"{name} {'thành phố' if province.kind == 'city' else 'tỉnh'} {short}"
            parent = "ubnd-" + ctx.province
        elif shape.local and ctx.province:
            parent = "ubnd-" + ctx.province
        elif shape.unit and ctx.issuer and reg.agencies[ctx.issuer].kind in _MINISTRY_KINDS:
            parent = ctx.issuer
    known = reg.resolve(name)
    if known is not None:
        return known
    aid = slug(name) + (f"--{parent}" if parent and shape is not None and shape.unit else "")
    return Agency(aid, name, name, kind, parent=parent)


def contextual(agency: Agency, text: str, ctx: Context) -> Agency:
    """A registry name read in a provincial document: its bare "UBND", "Sở Tài chính" are the province's."""
    if ctx.province is None:
        return agency
    if agency.id == "ubnd-tinh" and fold_key(text) in ("ubnd", "ủy ban nhân dân", "ubnd tỉnh", "ủy ban nhân dân tỉnh"):
        return registry().agencies["ubnd-" + ctx.province]
    if agency.kind == "provincial_department":
        return body(text, ctx)
    if agency.id == "mttq" and "trung ương" not in fold_key(text):
        return body("Ủy ban Mặt trận Tổ quốc Việt Nam", ctx)  # a provincial plan's "Mặt trận Tổ quốc" is the province's
    return agency


def resolve(label: str, text: str, parent: str, ctx: Context) -> Agency | None:
    """The agency a span of the agency ruler names (None for a generic group)."""
    if label == GROUP_KIND:
        return None
    if label == BODY_KIND:
        return body(text, ctx, parent or None)
    return contextual(registry().agencies[label], text, ctx)


def named_in_full(mentions: list[Mention]) -> list[Mention]:
    """Mentions where a body's generic words alone ("Ban Chỉ đạo", "Tổ Công tác") stand for the body the
    document names in full ("Ban Chỉ đạo Nhà nước về …"): the nearest such body before, else the first
    after; with none, the words name no body of their own and are kept as a group."""
    short = grammar().short_forms
    mentions = numbered_names(mentions)
    full = [m for m in mentions if m.agency != GROUP_KIND and m.name and fold_key(m.name) not in short]
    out: list[Mention] = []
    for m in mentions:
        key = fold_key(m.name) if m.agency != GROUP_KIND and m.name else ""
        if key not in short:
            out.append(m)
            continue
        named = [x for x in full if fold_key(x.name).startswith(key + " ")]
        pick = next((x for x in reversed(named) if x.start < m.start), named[0] if named else None)
        out.append(Mention(pick.agency, m.text, m.start, m.end, pick.name) if pick is not None
                   else Mention(GROUP_KIND, m.text, m.start, m.end, group_agency(m.text).name))
    return out


def numbered_names(mentions: list[Mention]) -> list[Mention]:
    """Mentions of a board named after its programme's number ("Ban Chỉ đạo quốc gia 1237") where the
    document also writes it without the number ("Ban Chỉ đạo quốc gia") or with its topic ("Ban Chỉ đạo quốc
    gia về …"): one body, under its numbered name."""
    numbered: dict[str, list[Mention]] = {}
    for m in mentions:
        if m.agency != GROUP_KIND and m.name and (cut := re.match(r"^(.+?)\s+\d{2,4}$", m.name)):
            numbered.setdefault(fold_key(cut.group(1)), []).append(m)
    if not numbered:
        return mentions
    out = []
    for m in mentions:
        key = fold_key(m.name) if m.agency != GROUP_KIND and m.name else ""
        base = key if key in numbered else next((k for k in numbered if key.startswith(k + " về ")), None)
        names = {x.name for x in numbered.get(base or "", [])}
        if base is not None and len(names) == 1:
            pick = numbered[base][0]
            m = Mention(pick.agency, m.text, m.start, m.end, pick.name)
        out.append(m)
    return out


_SAME_LEVEL_RE = re.compile(r"\s+cùng cấp\b", re.I)
_LOCAL_HEADS = ("Ủy ban nhân dân", "Hội đồng nhân dân")


def same_level(mentions: list[Mention], text: str) -> list[Mention]:
    """"Ủy ban nhân dân cấp tỉnh trình Hội đồng nhân dân cùng cấp": the council of the level the sentence named
    last (that of the committee before it), where the registry or the document knows that body."""
    known = {fold_key(m.name): m for m in mentions if m.name and m.agency != GROUP_KIND}
    out: list[Mention] = []
    for k, m in enumerate(mentions):
        head = next((h for h in _LOCAL_HEADS if m.name and fold_key(m.name) == fold_key(h)), None)
        if head is None or not _SAME_LEVEL_RE.match(text, m.end):
            out.append(m)
            continue
        sentence = max(text.rfind(". ", 0, m.start), text.rfind("\n", 0, m.start))
        before = next((p for p in reversed(mentions[:k]) if p.start > sentence and p.name
                       and p.name.startswith(_LOCAL_HEADS) and fold_key(p.name) not in map(fold_key, _LOCAL_HEADS)),
                      None)
        if before is None:
            out.append(m)
            continue
        name = head + before.name[len(next(h for h in _LOCAL_HEADS if before.name.startswith(h))):]
        found = registry().resolve(name)
        same = known.get(fold_key(name))
        end = _SAME_LEVEL_RE.match(text, m.end).end()  # type: ignore[union-attr]
        if found is not None:
            out.append(Mention(found.id, text[m.start:end], m.start, end, found.name))
        elif same is not None:
            out.append(Mention(same.agency, text[m.start:end], m.start, end, same.name))
        else:
            out.append(m)
    return out
