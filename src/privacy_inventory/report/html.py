"""HTML of the reports, rendered from Jinja2 templates with autoescape: every ledger value is escaped.

Pieces that notebook cells show (tables, cards, headings) and whole pages outside the notebook export
(the period's index, the public notice) come from templates/pages/.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from ..assess.notice import Notice, blocks
from ..i18n import t
from .charts import level_colours

TEMPLATES = Path(__file__).resolve().parent / "templates"
# Table cells of risk levels are tinted: a light version of the chart colours, dark text stays readable.
TINT = {"#4caf50": "#c8e6c9", "#ffc107": "#ffe082", "#ff7043": "#ffab91", "#c62828": "#c62828;color:#fff"}


@cache
def _env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    env.filters["css_string"] = css_string
    return env


def css_string(text: object) -> Markup:
    """A CSS string literal that no ledger value can break out of (quotes, backslashes, </style>)."""
    out = []
    for ch in str(text):
        out.append(f"\\{ord(ch):x} " if ch in '"\\<>&\n\r' or ord(ch) < 0x20 else ch)
    return Markup('"' + "".join(out) + '"')


def render_fragment(name: str, **values: Any) -> str:
    """One macro of templates/pages/fragments.html.j2, rendered with escaping."""
    macro = getattr(_env().get_template("pages/fragments.html.j2").module, name)
    return str(macro(**values))


def css(levels: tuple[str, ...] | list[str] = (), header: str | None = None) -> str:
    """The report's style sheet, a tint for each of the model's risk levels (by position, lowest first),
    and the printed page's header (organisation, period) and page numbers."""
    base = (TEMPLATES / "pages" / "report.css").read_text(encoding="utf-8")
    tints = "".join(
        f".pi-lvl-{i}{{background:{TINT[colour]};--pi-swatch:{colour}}}"
        for i, colour in enumerate(level_colours(levels).values())
    )
    page = ""
    if header is not None:
        page = (
            "@page{@top-left{content:" + css_string(header) + ";font-size:8pt;color:#52606d}"
            '@bottom-right{content:counter(page) " / " counter(pages);font-size:8pt;color:#52606d}}'
        )
    return base + tints + "\n" + page + "\n"


def nav_items(pages: list[str], current: str, lang: str) -> list[tuple[str, str, bool]]:
    """(href, label, is current) for the navigation bar: the index, then every page."""
    return [(f"{p}.html", t(f"page.{p}", lang), p == current) for p in ["index", *pages]]


def index_page(board: dict, page_css: str, note: str | None = None) -> str:
    """The period's landing page: the board summary. No script, no external resource."""
    return _env().get_template("pages/index.html.j2").render(b=board, css=page_css, note=note)


def markdown_html(text: str) -> str:
    """Markdown written by the package (drafted reports) as HTML; raw HTML in it is escaped, not kept."""
    from markdown_it import MarkdownIt

    return '<div class="pi-document">' + MarkdownIt("commonmark", {"html": False}).render(text) + "</div>"


def notice_page(n: Notice) -> str:
    """The public notice as a standalone page: every ledger value escaped, no external resource."""
    return (
        _env()
        .get_template("pages/notice.html.j2")
        .render(lang=n.lang, title=t("notice.title", n.lang), blocks=blocks(n))
    )
