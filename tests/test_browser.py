"""Every report page in a real browser (headless Chromium) with the network blocked: no console error,
no request leaves file://, every chart drew, ledger values show as text and nothing executes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from privacy_inventory.report.review import NOTEBOOKS

from .conftest import XSS_ITEM, XSS_PARTNER

pytestmark = [pytest.mark.browser, pytest.mark.slow]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTIFACTS = Path(__file__).resolve().parent.parent / "test-artifacts"
FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]  # fmt: skip


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


def open_page(browser, path: Path, shot: str):
    """Load a page with every non-file request blocked; return (page, console errors, outside requests, dialogs)."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    errors, outside, dialogs = [], [], []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    def route(r):
        if r.request.url.startswith("file://"):
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
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{shot}.png"), full_page=True)
    return page, errors, outside, dialogs


@pytest.mark.parametrize("name", ["index", *NOTEBOOKS])
def test_page_renders_offline(browser, bundled_report, name):
    page, errors, outside, dialogs = open_page(browser, bundled_report / f"{name}.html", f"bundled-{name}")
    assert errors == [] and outside == [] and dialogs == []
    charts = page.locator("div.pi-chart").count()
    drawn = page.locator("div.pi-chart .main-svg").count()
    assert drawn >= charts
    if name != "index":
        assert charts >= 1, "every report page has a chart"
    assert "コープやまぐち" in page.inner_text("body")
    page.close()


def test_charts_really_drew_data(browser, bundled_report):
    page, *_ = open_page(browser, bundled_report / "02_risk.html", "bundled-risk-matrix")
    text = page.locator("div.pi-chart").first.inner_text()
    assert "45" in text and "77" in text  # counts inside the risk-matrix cells, drawn as SVG text
    page.close()


@pytest.mark.parametrize("name", ["index", *NOTEBOOKS])
def test_attack_strings_are_shown_as_text_and_never_run(browser, xss_report, name):
    page, errors, outside, dialogs = open_page(browser, xss_report / f"{name}.html", f"xss-{name}")
    assert dialogs == [] and outside == [] and errors == []
    assert page.locator("img[src='x']").count() == 0
    body = page.inner_text("body")
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
    body = page.inner_text("body")
    assert "報告・本人通知が必要" in body and "2026-12-20" in body
    page.close()
