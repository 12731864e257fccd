"""Every report page in a real browser (headless Chromium) with the network blocked, in both languages:
no console error, no request leaves file://, every chart drew, ledger values show as text and nothing
executes; what a person reads is in the page's language (no codes, keys, reprs or Markdown); the
navigation reaches every page; nothing overflows a 390 px phone; printed A4 pages cut no table row."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from privacy_inventory.assess.actions import ActionState
from privacy_inventory.assess.diff import Change, FindingChange, Movement
from privacy_inventory.assess.incident import Band, Cause
from privacy_inventory.assess.model import load_model
from privacy_inventory.assess.rules import Severity
from privacy_inventory.i18n import Vocabulary
from privacy_inventory.ledger import schema
from privacy_inventory.report.period import parse_period
from privacy_inventory.report.review import NOTEBOOKS, run_review

from .conftest import REPO, XSS_ITEM, XSS_PARTNER

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]  # fmt: skip
PAGES = ("index", *NOTEBOOKS)
LANGS = ("ja", "en")


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail(
                "Chromium is not installed: .ci/run installs it (apt-get install chromium fonts-noto-cjk)"
            )
        pytest.skip("Chromium is not installed (apt-get install chromium fonts-noto-cjk)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        # Playwright starts every launch with a fresh, empty profile (user-data-dir) of its own.
        b = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def reports(tmp_path_factory) -> dict[str, Path]:
    """2026Q4 reviewed in each language beside the bundled history (so pages show the change since 2026Q3)."""
    out = {}
    for lang in LANGS:
        folder = tmp_path_factory.mktemp(f"reports-{lang}")
        shutil.copytree(REPO / "reports", folder, dirs_exist_ok=True)
        out[lang] = run_review(parse_period("2026Q4"), None, folder, lang=lang).path
    return out


def open_page(browser, path: Path, shot: str | None = None, width: int = 1280):
    """Load a page with every non-file request blocked; return (page, console errors, outside requests, dialogs)."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors, outside, dialogs = [], [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith(("file://", "blob:")):
            r.continue_()
        else:
            outside.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    page.goto(path.as_uri(), wait_until="load")
    charts = page.locator("div.pi-chart").count()
    if charts:
        page.wait_for_function(
            "n => document.querySelectorAll('div.pi-chart .main-svg').length >= n", arg=charts, timeout=20_000
        )
    if page.locator("table.pi-interactive").count():
        page.wait_for_function("window.piTablesReady === true", timeout=20_000)
    if shot:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{shot}.png"), full_page=True)
    return page, errors, outside, dialogs


def visible_text(page) -> str:
    """What a reader sees with every folded group opened and every table row shown (as when printed)."""
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    return page.inner_text("body")


# --- every page renders offline and links to every other page ------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_page_renders_offline_and_links_every_page(browser, reports, lang, name):
    page, errors, outside, dialogs = open_page(
        browser, reports[lang] / f"{name}.html", f"{lang}-{name}-1440", 1440
    )
    assert errors == [] and outside == [] and dialogs == []
    charts = page.locator("div.pi-chart").count()
    assert page.locator("div.pi-chart .main-svg").count() >= charts
    if name != "index":
        assert charts >= 1, "every report page has a chart"
    links = page.eval_on_selector_all("nav.pi-nav a", "as => as.map(a => a.getAttribute('href'))")
    assert sorted(links) == sorted(f"{p}.html" for p in PAGES)
    current = page.eval_on_selector_all(
        "nav.pi-nav a[aria-current=page]", "as => as.map(a => a.getAttribute('href'))"
    )
    assert current == [f"{name}.html"]
    assert ("コープやまぐち" if lang == "ja" else "Co-op Yamaguchi") in page.inner_text("body")
    page.close()


# --- what a person reads is in the page's language ------------------------------------------------------


def _vocabularies() -> list[type[Vocabulary]]:
    found = [
        v
        for v in vars(schema).values()
        if isinstance(v, type) and issubclass(v, Vocabulary) and v is not Vocabulary
    ]
    return [*found, Severity, ActionState, Change, FindingChange, Movement, Cause, Band]


def _field_keys() -> set[str]:
    """Keys a developer knows and a reader must never see: column names, organisation.yaml paths, file names."""
    keys = {c.name for t in schema.TABLES for c in t.columns if "_" in c.name}
    keys |= {f.path for f in schema.ORGANISATION_FIELDS if "_" in f.path or "." in f.path}
    keys |= {schema.ORGANISATION_FILE, "risk_model.yaml"} | {t.file for t in schema.TABLES}
    return keys


def wrong_language(text: str, lang: str) -> list[str]:
    """Codes, keys, reprs and Markdown a reader of `lang` should not see in `text`."""
    bad = []
    words = set(re.findall(r"(?<![\w.@/-])[A-Za-z][\w.]*(?![\w/@-])", text))
    codes = {m.value for v in _vocabularies() for m in v}
    levels = set(load_model().levels)
    if lang == "ja":
        # every code is an English word on a Japanese page: none may show (ids like PO01 are not codes)
        bad += sorted(w for w in words if w in codes | levels)
    else:
        bad += sorted(w for w in words if w in codes and "_" in w)
        # a Japanese label standing as a value (a cell, a line) is an untranslated code
        labels_ja = {m.ja for v in _vocabularies() for m in v if m.ja != m.en}
        values = {v.strip() for v in re.split(r"[\t\n]", text)}
        bad += sorted(values & labels_ja)
    bad += sorted(k for k in _field_keys() if re.search(rf"(?<![\w.]){re.escape(k)}(?![\w])", text))
    bad += re.findall(r"\{['\"][\w .]+['\"]: ", text)  # a dict repr
    bad += [
        w for w in ("True", "False", "None", "NaN", "NaT", "nan") if re.search(rf"(?<![\w]){w}(?![\w])", text)
    ]
    bad += re.findall(r"(?m)^#{1,4} \S.*$", text) + re.findall(r"\*\*[^*\n]+\*\*", text)  # Markdown markup
    return bad


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_visible_text_is_in_the_pages_language(browser, reports, lang, name):
    page, *_ = open_page(browser, reports[lang] / f"{name}.html")
    text = visible_text(page)
    page.close()
    assert wrong_language(text, lang) == []


def test_the_language_check_catches_what_it_should():
    assert wrong_language("根拠: joint_use", "ja") == ["joint_use"]
    assert wrong_language("水準 critical と high", "ja") == ["critical", "high"]
    assert wrong_language("basis: joint_use", "en") == ["joint_use"]
    assert wrong_language("kind\t委託先\n", "en") == ["委託先"]
    assert wrong_language("配送委託先Aの実地点検を実施する", "en") == []  # ledger text, not a code
    assert wrong_language("電話（contact.phone）", "ja") == ["contact.phone"]
    assert wrong_language("flow levels: {'low': 46}", "en") == ["{'low': "]
    assert wrong_language("## 判定\n**必要**", "ja") == ["## 判定", "**必要**"]
    assert wrong_language("special care: True", "en") == ["True"]
    assert wrong_language("F0171 PO01 ENISA SE JIS Q 15001 scores.csv", "ja") == []


# --- phone: nothing overflows sideways --------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_nothing_overflows_a_phone(browser, reports, lang, name):
    shot = f"{lang}-{name}-390" if name in ("index", "02_risk", "04_review") else None
    page, errors, *_ = open_page(browser, reports[lang] / f"{name}.html", shot, width=390)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.body.scrollWidth]")
    wide = page.evaluate("""() => [...document.querySelectorAll('main *')].filter(e => {
        const r = e.getBoundingClientRect(); return r.width > 0 && r.right > 391 && !e.closest('.pi-table-wrap, .pi-chart');
      }).map(e => e.tagName + '.' + e.className).slice(0, 5)""")
    page.close()
    assert errors == []
    assert widths[0] <= 390 and widths[1] <= 390, widths
    assert wide == []


# --- printed on A4, no table row cut between pages ---------------------------------------------------------


def _fold(text: str) -> str:
    """Letters and digits only: PDF text extraction returns some punctuation as look-alikes (‧ for ・)."""
    return "".join(ch for ch in unicodedata.normalize("NFKC", text) if unicodedata.category(ch)[0] in "LN")


def pdf_pages(pdf: Path) -> tuple[list[str], list[str]]:
    """(text of each page, size of each page) by poppler (pdftotext, pdfinfo), which maps CJK glyphs back
    to the characters they print (pypdf returns look-alike radicals such as ⻑ for 長)."""
    tools = [shutil.which("pdftotext"), shutil.which("pdfinfo")]
    if None in tools:
        if os.environ.get("CI"):
            pytest.fail("poppler is not installed: .ci/run installs it (apt-get install poppler-utils)")
        pytest.skip("poppler is not installed (apt-get install poppler-utils)")
    text = subprocess.run(
        [tools[0], "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    info = subprocess.run(
        [tools[1], "-f", "1", "-l", "9999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    sizes = re.findall(r"Page\s+\d+ size:\s+(.*)", info)
    return text.split("\f")[: len(sizes)], sizes


def printed(page, target: Path) -> tuple[list[str], list[str]]:
    """Print the loaded page to A4 (as a browser prints: every table row shown, groups open); return the
    rows of its tables that are not whole on one printed page, and the size of each page."""
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.wait_for_timeout(500)
    rows = page.eval_on_selector_all(
        "table.pi tbody tr", "trs => trs.map(tr => [...tr.children].map(td => td.innerText.trim()))"
    )
    page.pdf(path=str(target), format="A4", print_background=True, prefer_css_page_size=True)
    texts, sizes = pdf_pages(target)
    pages = [_fold(p) for p in texts]
    # In print order a row's cells follow one another; a row cut between two pages is split by the next
    # page's header and the repeated table head, so its text is not whole on any one page.
    cut = [cells[0] for cells in rows if not any(_fold("".join(cells)) in p for p in pages)]
    assert rows, "the page has table rows"
    return cut, sizes


@pytest.mark.parametrize("name", ["index", "02_risk", "04_review"])
def test_printed_a4_cuts_no_table_row(browser, reports, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page, *_ = open_page(browser, reports["ja"] / f"{name}.html")
    cut, sizes = printed(page, ARTIFACTS / f"ja-{name}.pdf")
    page.close()
    assert sizes and all("(A4)" in size for size in sizes), sizes
    if name == "index":
        assert len(sizes) == 1, "the board summary prints on one A4 page"
    assert cut == []


def test_the_print_check_catches_a_cut_row(browser, tmp_path):
    rows = "".join(f"<tr><td>R{i:02d}</td><td>{'行の内容 ' * 60}終わり{i:02d}</td></tr>" for i in range(12))
    html = tmp_path / "cut.html"
    html.write_text(
        f'<html><body><table class="pi"><tbody>{rows}</tbody></table></body></html>', encoding="utf-8"
    )
    page, *_ = open_page(browser, html)
    cut, sizes = printed(page, tmp_path / "cut.pdf")
    page.close()
    assert len(sizes) > 1 and cut, "rows allowed to break across pages must be caught"


# --- charts, tables and escaping ---------------------------------------------------------------------------


def test_charts_really_drew_data(browser, reports):
    page, *_ = open_page(browser, reports["ja"] / "02_risk.html")
    text = page.locator("#risk-map").inner_text()
    assert "45" in text and "82 (77)" in text  # counts inside the risk-map cells, drawn as SVG text
    page.close()


def test_an_exported_table_is_searched_offline(browser, reports):
    page, errors, outside, _ = open_page(browser, reports["ja"] / "01_inventory.html")
    table = page.locator("#items table.pi-interactive")
    assert table.locator("tbody tr").count() == 10  # paged: 36 items, 10 a page
    page.locator("#items input[type=search]").fill("口座")
    page.wait_for_timeout(300)
    names = table.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert names and all("口座" in n for n in names) and len(names) < 10
    assert "36件から絞り込み" in page.locator("#items .dt-info").inner_text()
    page.close()
    assert errors == [] and outside == []


@pytest.mark.parametrize("name", PAGES)
def test_attack_strings_are_shown_as_text_and_never_run(browser, xss_report, name):
    page, errors, outside, dialogs = open_page(browser, xss_report / f"{name}.html", f"xss-{name}")
    assert dialogs == [] and outside == [] and errors == []
    assert page.locator("img[src='x']").count() == 0
    body = visible_text(page)
    if name in ("01_inventory", "02_risk"):  # the ledger tables and the top flows name them: as text
        assert XSS_ITEM in body and XSS_PARTNER in body
    page.close()


@pytest.fixture(scope="module")
def incident_page(tmp_path_factory) -> Path:
    import datetime as dt

    from privacy_inventory.assess.incident import Incident, Selection
    from privacy_inventory.paths import bundled_inventory
    from privacy_inventory.report.incident import write_incident_report

    inc = Incident(Selection(partner="PO01"), "loss", dt.date(2026, 11, 20), 1200)
    return write_incident_report(bundled_inventory(), inc, tmp_path_factory.mktemp("incident")) / "index.html"


def test_incident_report_renders_offline(browser, incident_page):
    page, errors, outside, dialogs = open_page(browser, incident_page, "incident-PO01")
    assert errors == [] and outside == [] and dialogs == []
    assert page.locator("div.pi-chart").count() == 1 and page.locator("div.pi-chart .main-svg").count() >= 1
    body = visible_text(page)
    assert "報告・本人通知が必要" in body and "2026-12-20" in body
    assert wrong_language(body, "ja") == []
    page.close()
