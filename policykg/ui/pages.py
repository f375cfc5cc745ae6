"""The explorer's pages: one registry that app.py turns into `st.navigation([st.Page(...)])`."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from policykg.ui.i18n import TEXT, Lang, tr


@dataclass(frozen=True)
class PageSpec:
    """A page: its key (the function app.py draws it with), URL path, title key and icon."""

    key: str
    url_path: str
    icon: str

    def title(self, lang: Lang) -> str:
        return tr(f"page.{self.key}", lang)


PAGES: tuple[PageSpec, ...] = (
    PageSpec("network", "mang-luoi", ":material/hub:"),
    PageSpec("owners", "ai-lam-gi", ":material/assignment_ind:"),
    PageSpec("matrix", "ma-tran", ":material/grid_on:"),
    PageSpec("targets", "muc-tieu", ":material/flag:"),
    PageSpec("legal", "van-ban", ":material/gavel:"),
    PageSpec("overlaps", "chong-lan", ":material/join_inner:"),
    PageSpec("diff", "du-thao", ":material/difference:"),
    PageSpec("export", "xuat", ":material/download:"),
    PageSpec("sparql", "sparql", ":material/terminal:"),
)


def favicon() -> Any:
    """A small image served by the app itself (a material or emoji icon would be fetched from a CDN)."""
    from PIL import Image, ImageDraw

    image = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse((2, 2, 14, 14), fill="#2e9e5b")
    draw.rectangle((18, 18, 30, 30), fill="#2f6fb0")
    draw.line((8, 8, 24, 24), fill="#555555", width=3)
    return image


def requested(value: str | None) -> PageSpec:
    """The page a `?page=` value names (key, URL path, or title in either language); the first otherwise."""
    if value:
        for page in PAGES:
            if value in (page.key, page.url_path, *TEXT[f"page.{page.key}"]):
                return page
    return PAGES[0]
